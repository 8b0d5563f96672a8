// Member names: how names found inside containers (archive members, e-mail
// attachments, embedded files) become safe, readable package paths.
//
// Windows archivers in China write zip member names in GBK without the
// UTF-8 flag; old DOS tools wrote CP437. Names may also try to climb out of
// the package ("../../etc/passwd", "/abs/path", "C:\\x"). Nothing here writes
// to disk, but the paths reach reviewers, workbooks and file names, so they
// are cleaned anyway.
//
// Thread-safety: pure functions, thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace gm {

// The raw bytes of an archive member name as UTF-8: kept when valid UTF-8,
// else read as GB18030 (or Big5 when that is far likelier, see charset.h),
// else as CP437. Never fails.
std::string DecodeArchiveName(std::string_view raw);

// A UTF-8 path made safe and relative: '\\' becomes '/', empty, "." and ".."
// components and a leading drive letter ("C:") are dropped, control
// characters and ':' become '_', components are trimmed of spaces. Returns ""
// when nothing is left (the caller names the file).
std::string SafeRelativePath(std::string_view utf8_path);

}  // namespace gm
