// Decodes the data of a PDF CCITTFaxDecode stream by wrapping it in a
// minimal TIFF (G3 or G4, the PDF's parameters as TIFF tags) that Leptonica
// reads through libtiff — the fax codecs are not reimplemented here.
//
// Thread-safety: a pure function.
#pragma once

#include <string_view>

#include "extractors/pdf/pdf_image.h"

namespace gm {

// The TIFF file that holds `data` as its single strip.
std::string WrapCcittInTiff(std::string_view data, const CcittParams& params, int height);

// Decodes `data` into a 1-bit image in which 1 is what the fax codes call
// black (BlackIs1 and /Decode are the caller's to apply). Corrupt when libtiff
// cannot decode it.
Status DecodeCcitt(std::string_view data, const CcittParams& params, int height, PixPtr* out);

}  // namespace gm
