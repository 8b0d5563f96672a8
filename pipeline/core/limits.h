// Limits: the bounds that keep hostile or broken input from exhausting time,
// memory or disk. Each limit hit becomes a finding on the package, never a
// crash. The defaults are generous for real submissions (a package of a few
// hundred MB, attachments of a few hundred pages).
#pragma once

#include <cstdint>

namespace gm {

struct Limits {
  uint64_t max_file_bytes = 512ull << 20;      // one unpacked file
  uint64_t max_package_bytes = 2048ull << 20;  // all unpacked files of a package
  uint64_t max_expansion_ratio = 200;          // unpacked / packed, per archive member
  int max_nesting_depth = 4;                   // archive in e-mail in archive ...
  int max_files = 2000;                        // files in one package
  int max_mime_parts = 5000;                   // parts in one e-mail
  int max_pages = 500;                         // pages read from one document
  uint64_t max_image_pixels = 120ull * 1000 * 1000;  // one decoded page image
};

}  // namespace gm
