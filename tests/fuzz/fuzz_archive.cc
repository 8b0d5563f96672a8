// libFuzzer target: archive reading (libarchive: zip, 7z, rar, tar, ...) on
// arbitrary bytes, under small limits. Must never crash, hang or leak.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "extractors/archive/archive_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  gm::ArchiveLimits limits;
  limits.max_member_bytes = 8u << 20;
  limits.max_total_bytes = 32u << 20;
  limits.max_members = 200;
  gm::ArchiveListing listing;
  (void)gm::ReadArchive(std::string_view(reinterpret_cast<const char*>(data), size), limits, &listing);
  return 0;
}
