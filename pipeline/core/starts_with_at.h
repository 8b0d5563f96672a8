// StartsWithAt: C++20's starts_with at an offset, for scanners that walk a
// UTF-8 string byte by byte and ask "does this word stand here?". Without an
// offset, use std::string_view::starts_with directly. StripPrefix and
// StripSuffix: starts_with / ends_with that also cut what they found.
//
// Thread-safety: pure function.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace gm {

// True when `prefix` stands in `text` at byte `at`; false when at > text.size().
inline bool StartsWithAt(std::string_view text, size_t at, std::string_view prefix) {
  return at <= text.size() && text.substr(at).starts_with(prefix);
}

// Removes `prefix` from the start of *s and returns true, or returns false and leaves *s.
inline bool StripPrefix(std::string* s, std::string_view prefix) {
  if (!s->starts_with(prefix)) return false;
  s->erase(0, prefix.size());
  return true;
}

// Removes `suffix` from the end of *s and returns true, or returns false and leaves *s.
inline bool StripSuffix(std::string* s, std::string_view suffix) {
  if (!s->ends_with(suffix)) return false;
  s->erase(s->size() - suffix.size());
  return true;
}

}  // namespace gm
