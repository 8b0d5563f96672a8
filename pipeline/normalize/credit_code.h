// The unified social credit code (统一社会信用代码, GB 32100-2015): 18
// characters from "0123456789ABCDEFGHJKLMNPQRTUWXY" (no I, O, Z, S, V); the
// last is a check character: with the characters' values c1..c17 and weights
// 1,3,9,27,19,26,16,17,20,29,25,13,8,24,10,30,28, check = 31 − (Σ ci·wi mod 31),
// where 31 becomes 0.
//
// Thread-safety: pure functions.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace gm {

// Exactly 18 characters of the alphabet (upper case) with a correct check
// character. No cleaning: "91620100 MA7..." or lower case is invalid here.
bool IsValidCreditCode(std::string_view code);

// The code cleaned (NFKC, spaces and hyphens dropped, upper-cased) when it is
// valid, or repaired when OCR confused look-alike characters (O/0, I/1, Z/2,
// S/5, B/8, G/6, D/0, U/V …) and EXACTLY ONE single set of look-alike
// replacements makes it valid; characters outside the alphabet must be
// replaced, characters inside it are changed at most once, and positions 3–8
// (the administrative division code) only ever become digits. nullopt when
// no repair, or more than one, makes the code valid.
std::optional<std::string> RepairCreditCode(std::string_view text);

// The cleaned form RepairCreditCode starts from (kept in the record, upper
// case, when the code cannot be repaired).
std::string CleanCreditCode(std::string_view text);

}  // namespace gm
