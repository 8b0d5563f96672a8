// Edit distances over code points, for tolerant matching of OCR-damaged
// answers, catalog titles and form labels.
//
// Both are O(|a|·|b|) time and O(|b|) memory; callers bound the lengths
// (answers and titles are short; texts are cut at kMaxEditText).
// Thread-safety: pure functions.
#pragma once

#include <string>

namespace gm {

inline constexpr size_t kMaxEditText = 2000;

// Levenshtein distance (insert, delete, substitute, each cost 1).
int EditDistance(std::u32string_view a, std::u32string_view b);

// The fewest edits that turn `pattern` into some substring of `text`
// (approximate substring search; 0 when `pattern` occurs in `text`).
// `end` (optional) receives one past the end of the best match in `text`.
int SubstringDistance(std::u32string_view pattern, std::u32string_view text, size_t* end = nullptr);

}  // namespace gm
