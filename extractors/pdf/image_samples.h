// ImageSamples: the raw sample data of a PDF image (what remains once the
// byte filters are undone) turned into a Leptonica image — any bit depth
// (1, 2, 4, 8, 16), grey, RGB, CMYK or indexed colour, with /Decode honoured.
//
// Thread-safety: a pure function.
#pragma once

#include <string_view>

#include "extractors/pdf/pdf_image.h"

namespace gm {

// Converts `samples` laid out as `image` describes (rows padded to whole
// bytes) into 8-bit grey or 32-bit RGB. Missing trailing rows (a truncated
// stream) come out white. Corrupt when there is no sample data at all.
// REQUIRES: CanDecodePdfImage(image).
Status SamplesToPix(std::string_view samples, const PdfImage& image, PixPtr* out);

}  // namespace gm
