// UTF-8: decoding one character (ICU's U8_NEXT), UTF-8 ⇄ UTF-32, counting
// and cutting on character boundaries. The one place the pipeline decodes
// UTF-8 by hand; everything else goes through ICU's UnicodeString.
//
// Malformed UTF-8 never fails: a decoder that must go on turns each bad byte
// into U+FFFD, so OCR garbage still yields a string the parsers can refuse.
//
// Thread-safety: pure functions.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace gm {

// Decodes one UTF-8 character at text[i]. Returns its length (1..4) and sets
// *code_point, or returns 0 for an invalid sequence (bad lead byte, truncated
// sequence, overlong form, surrogate, above U+10FFFF).
// REQUIRES: i < text.size() <= INT32_MAX.
size_t DecodeUtf8Char(std::string_view text, size_t i, uint32_t* code_point);

// The code points of `utf8`; each byte of an invalid sequence becomes U+FFFD.
std::u32string ToU32(std::string_view utf8);
// UTF-8 of `text`; a surrogate or a value past U+10FFFF is written as U+FFFD.
std::string ToUtf8(std::u32string_view text);
void AppendUtf8(char32_t c, std::string* out);

// The number of characters of `utf8` (an invalid sequence counts as one).
size_t Utf8Length(std::string_view utf8);
// The first `max_code_points` characters of `utf8`, cut on a character boundary.
std::string Utf8Prefix(std::string_view utf8, size_t max_code_points);

}  // namespace gm
