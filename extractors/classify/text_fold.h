// FoldText: the canonical form classification and statement reading compare
// text in — Unicode NFKC (full-width letters, digits and punctuation become
// ASCII: "（" → "(", "：" → ":", "２０２４" → "2024"; Kangxi radicals that PDF
// fonts emit become the ordinary ideographs) with every whitespace and
// zero-width character removed, since OCR and PDF text layers put spaces
// between Chinese characters at random.
//
// Patterns are folded the same way before matching, so a rule written with
// full-width punctuation matches either form.
//
// Thread-safe; ICU's normalizer instance is shared and immutable.
#pragma once

#include <string>
#include <string_view>

namespace gm {

// Returns the folded UTF-8 text; invalid UTF-8 sequences are dropped.
std::string FoldText(std::string_view utf8);

// The first `max_code_points` code points of a UTF-8 string (whole characters).
std::string Utf8Prefix(std::string_view utf8, size_t max_code_points);

// The number of code points in a UTF-8 string.
size_t Utf8Length(std::string_view utf8);

}  // namespace gm
