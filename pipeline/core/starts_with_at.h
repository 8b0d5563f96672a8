// StartsWithAt: C++20's starts_with at an offset, for scanners that walk a
// UTF-8 string byte by byte and ask "does this word stand here?". Without an
// offset, use std::string_view::starts_with directly.
//
// Thread-safety: pure function.
#pragma once

#include <cstddef>
#include <string_view>

namespace gm {

// True when `prefix` stands in `text` at byte `at`; false when at > text.size().
inline bool StartsWithAt(std::string_view text, size_t at, std::string_view prefix) {
  return at <= text.size() && text.substr(at).starts_with(prefix);
}

}  // namespace gm
