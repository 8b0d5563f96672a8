#include "extractors/mime/gmime_handle.h"

#include <mutex>

namespace gm {

void EnsureGMimeReady() {
  static std::once_flag once;
  // Never shut down: other threads may still be parsing at exit.
  std::call_once(once, [] { g_mime_init(); });
}

}  // namespace gm
