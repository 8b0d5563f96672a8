// FoldText: the canonical form classification, statement reading and the
// checks compare text in — Unicode NFKC (full-width letters, digits and punctuation become
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

}  // namespace gm
