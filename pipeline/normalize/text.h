// NormalizeText: the canonical form of free text in a record (the contract's
// `text` type). Every other parser in this module starts from it too.
//
//   - Unicode NFKC: full-width letters, digits and punctuation become their
//     ordinary forms ("ＡＢＣ１２３（）" → "ABC123()");
//   - traditional characters become simplified (ICU "Traditional-Simplified");
//   - control and zero-width characters are dropped;
//   - brackets and dashes are made consistent: 〔〕 → (), 【】〖〗 → [],
//     every dash-like character (—, –, ―, −, ─ …) → "-", a run of them → one;
//     wave dashes → "~";
//   - whitespace (line breaks included) is collapsed; a space is kept only
//     between two characters that are neither Han ideographs nor CJK
//     punctuation ("Green Mine" stays, "甘肃 某某 公司" → "甘肃某某公司"),
//     and never just inside a bracket, nor before , . ; : ! ? % other than
//     after a digit ("36.9% ," → "36.9%,"; "12500 .00" is left to the
//     number parsers);
//   - trimmed.
//
// Malformed UTF-8 bytes become U+FFFD. The result is idempotent:
// NormalizeText(NormalizeText(x)) == NormalizeText(x).
// Thread-safety: safe from any thread.
#pragma once

#include <string>
#include <string_view>

namespace gm {

std::string NormalizeText(std::string_view raw);

}  // namespace gm
