// Text helpers for emit: every string that reaches a JSON dump or a
// workbook cell passes through here, because upstream text (file names from
// old e-mail clients, OCR output) is not guaranteed to be valid UTF-8, and
// both nlohmann::json::dump and the XLSX XML reject invalid text.
//
// Thread-safety: pure functions.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace gm {

// `text` with every invalid UTF-8 sequence (bad lead byte, truncated
// sequence, overlong form, surrogate, code point above U+10FFFF) replaced by
// U+FFFD. Valid text is returned unchanged.
std::string SanitizeUtf8(std::string_view text);

// Turns "\r\n" and lone "\r" into "\n", then DisplayText (display_text.h):
// invalid UTF-8 becomes U+FFFD, and control characters other than tab and
// newline (XML 1.0 cannot carry them), bidi controls and zero-width
// characters become a visible "[U+XXXX]", so that a cell shows what a name
// really is; cuts the result to at most `max_bytes` bytes at a character
// boundary, ending it with "…" when cut.
// REQUIRES: max_bytes >= 3.
std::string CellText(std::string_view text, size_t max_bytes = 32000);

// Cuts valid UTF-8 `text` to at most `max_bytes` bytes without splitting a
// character.
std::string TruncateUtf8(std::string_view text, size_t max_bytes);

// The width of `text` in spreadsheet column units: 2 for East Asian wide
// characters (CJK, full-width forms), 1 otherwise. For estimating how many
// lines a wrapped cell takes.
size_t DisplayWidth(std::string_view text);

// How many lines `text` wraps to in a column `column_width` units wide
// (explicit newlines count); at least 1.
int WrappedLineCount(std::string_view text, double column_width);

}  // namespace gm
