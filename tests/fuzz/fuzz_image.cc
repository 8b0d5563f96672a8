// Fuzz target: the image reader on arbitrary bytes — OpenImage with every
// frame loaded under small limits, and the hand-written parsers of EXIF and
// TIFF directories. None may crash, hang, leak or read out of bounds; sizes
// are checked from headers, so no frame may decode past the pixel limit.
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "extractors/image/exif_orientation.h"
#include "extractors/image/open_image.h"
#include "extractors/image/tiff_structure.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  gm::JpegExifOrientation(bytes);
  std::vector<gm::TiffDirectory> dirs;
  int total = 0;
  if (gm::ReadTiffDirectories(bytes, 8, &dirs, &total) && dirs.size() > 8) std::abort();

  gm::Limits limits;
  limits.max_pages = 4;
  limits.max_image_pixels = 4'000'000;
  gm::Document doc;
  if (!gm::OpenImage(std::make_shared<const std::string>(bytes), limits, &doc).ok()) return 0;
  for (const gm::Page& page : doc.pages) {
    gm::PixPtr pix;
    if (!page.load_image(&pix).ok()) continue;
    const uint64_t pixels = static_cast<uint64_t>(pixGetWidth(pix.get())) * pixGetHeight(pix.get());
    if (pixels > limits.max_image_pixels) std::abort();
    const int depth = pixGetDepth(pix.get());
    if (depth != 8 && depth != 32) std::abort();
  }
  return 0;
}
