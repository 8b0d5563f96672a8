// Character classes for the normalize module's character-level work
// (edit distances, scanning for numerals and brackets), over the UTF-8 ⇄
// UTF-32 conversion of pipeline/core/utf8.h. Internal helper.
//
// Malformed UTF-8 never fails: each bad byte becomes U+FFFD, so OCR garbage
// still yields a string the parsers can refuse.
// Thread-safety: pure functions.
#pragma once

#include <string>
#include <string_view>

#include "pipeline/core/utf8.h"

namespace gm::normalize {

// The conversions themselves live in pipeline/core/utf8.h.
using gm::AppendUtf8;
using gm::ToU32;
using gm::ToUtf8;

// True for Han ideographs (and 〇), the characters between which no space is kept.
bool IsHan(char32_t c);
// ASCII digit.
inline bool IsDigit(char32_t c) { return c >= U'0' && c <= U'9'; }
inline bool IsAsciiAlpha(char32_t c) { return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z'); }
// Whitespace of any script (after NFKC the ideographic space is a plain space).
bool IsSpace(char32_t c);

// Shortens `text` to at most `max_chars` code points, adding "…" when cut;
// for quoting raw text in finding messages.
std::string Abbreviate(std::string_view text, size_t max_chars = 60);

}  // namespace gm::normalize
