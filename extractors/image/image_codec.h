// ImageCodec: what an encoded image file holds — its format, its frames and
// their sizes and resolutions — read from the headers alone, and the pixels
// of one frame decoded through Leptonica on demand.
//
// Reading the headers first is the decompression-bomb guard: a 300-byte PNG
// may declare 100000 × 100000 pixels, and the caller refuses it before any
// pixel buffer is allocated.
//
// Formats: JPEG, PNG, TIFF (every frame), BMP, GIF (first frame), WebP,
// JPEG 2000.
// Thread-safety: pure functions; Leptonica's readers are reentrant.
#pragma once

#include <string_view>
#include <vector>

#include "pipeline/core/pix.h"
#include "pipeline/core/status.h"

namespace gm {

struct ImageFrame {
  int width = 0, height = 0;  // as shown upright (EXIF/TIFF orientation applied)
  double dpi = 0;             // from the file; 0 when absent
};

struct ImageInfo {
  int format = 0;             // Leptonica's IFF_* code
  std::vector<ImageFrame> frames;  // at most the max_frames asked for
  int total_frames = 0;       // in the file
};

// Leptonica's IFF_* code for the bytes' magic, or IFF_UNKNOWN (0) when they
// are not an image format this module reads.
int SniffImageFormat(std::string_view bytes);

// Reads the headers of up to `max_frames` frames. Corrupt when the header is
// unreadable, Unsupported when the format is not one of the above.
Status ReadImageInfo(std::string_view bytes, int max_frames, ImageInfo* out);

// Decodes frame `index` of an image of `format` (from ReadImageInfo), shown
// upright (a JPEG's EXIF orientation applied) and normalized to 8-bit grey or
// 32-bit RGB. Corrupt when the pixels cannot be decoded.
// REQUIRES: the caller checked the frame's size against its limits.
Status DecodeImageFrame(std::string_view bytes, int format, int index, PixPtr* out);

}  // namespace gm
