// Reads the EXIF Orientation tag of a JPEG file: phones store photos as the
// sensor saw them and record in this tag how they must be turned to be seen
// upright. Parsed by hand (it is a few bytes deep in the APP1 segment) with
// every offset bounds-checked, so hostile files cannot read out of range.
//
// Thread-safety: a pure function.
#pragma once

#include <string_view>

#include "extractors/image/orientation.h"

namespace gm {

// The orientation recorded in `jpeg`'s EXIF data; kNormal when the file is
// not a JPEG, has no EXIF segment, or the tag is absent or malformed.
Orientation JpegExifOrientation(std::string_view jpeg);

}  // namespace gm
