// libFuzzer target: files embedded in a PDF (PoDoFo) on arbitrary bytes,
// under small limits. Must never crash, hang or leak.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "extractors/archive/pdf_embedded.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  gm::ArchiveLimits limits;
  limits.max_member_bytes = 8u << 20;
  limits.max_total_bytes = 32u << 20;
  limits.max_members = 50;
  std::vector<gm::ArchiveMember> files;
  (void)gm::ExtractPdfEmbeddedFiles(std::string_view(reinterpret_cast<const char*>(data), size), limits, &files);
  return 0;
}
