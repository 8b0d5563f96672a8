#include "extractors/image/exif_orientation.h"

#include <cstdint>
#include <vector>

#include "extractors/image/tiff_structure.h"

namespace gm {

Orientation JpegExifOrientation(std::string_view jpeg) {
  auto byte = [&](size_t i) { return static_cast<uint8_t>(jpeg[i]); };
  if (jpeg.size() < 4 || byte(0) != 0xFF || byte(1) != 0xD8) return Orientation::kNormal;
  size_t at = 2;
  // Walk the marker segments up to the image data; EXIF sits in an APP1 near the start.
  while (at + 4 <= jpeg.size()) {
    if (byte(at) != 0xFF) return Orientation::kNormal;
    uint8_t marker = byte(at + 1);
    if (marker == 0xFF) {  // fill byte
      ++at;
      continue;
    }
    if (marker == 0xDA || marker == 0xD9) break;  // start of scan / end of image
    size_t length = size_t{byte(at + 2)} << 8 | byte(at + 3);
    if (length < 2 || at + 2 + length > jpeg.size()) return Orientation::kNormal;
    std::string_view payload = jpeg.substr(at + 4, length - 2);
    if (marker == 0xE1 && payload.size() >= 6 && payload.substr(0, 6) == std::string_view("Exif\0\0", 6)) {
      // The EXIF payload is a TIFF structure; IFD0 holds the Orientation tag.
      std::vector<TiffDirectory> dirs;
      int total = 0;
      if (!ReadTiffDirectories(payload.substr(6), 1, &dirs, &total) || dirs.empty()) return Orientation::kNormal;
      return OrientationFromExif(dirs[0].orientation);
    }
    at += 2 + length;
  }
  return Orientation::kNormal;
}

}  // namespace gm
