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
// valid, or repaired when OCR confused look-alike characters and EXACTLY ONE
// set of look-alike replacements makes it valid:
//   - a character that cannot stand where it is — outside the alphabet
//     (O I Z S V, lower-case l), or a letter among positions 3–8 (the
//     administrative division code, all digits) — must be replaced by one of
//     its look-alikes (O → 0/D/Q, I → 1/L, Z → 2, S → 5, V → U/Y, D → 0 …);
//   - when nothing is forced, one valid character may change (B↔8, D/Q → 0,
//     0 → D), and the result must also keep the organization code of
//     positions 9–17 consistent with its own GB 11714 check character —
//     without that second check a code with some other error would be
//     "repaired" into a wrong valid code about 1 time in 17; with it, about
//     1 in 200 (measured on random errors);
//   - when several forced replacements pass, the one whose organization code
//     is consistent is taken, if there is exactly one.
//   - a code of 19 characters loses one character, when exactly one
//     removal leaves a valid, well-formed code with a consistent
//     organization code ("…MKS5X", "…3521 17G" for "…351 17G"), or, when
//     several do, exactly one of them removes a character outside the
//     alphabet. Measured (tests/normalize/credit_code_model.py, a model of
//     these rules, on random valid codes 9162…/91…/52… with consistent
//     organization codes): one character inserted anywhere is repaired
//     right 94 % of the time, refused 6 %, never repaired wrong; with a
//     second error besides, a wrong valid code comes out 1 time in 33; a
//     code whose check character the applicant got wrong, read with one
//     character more, comes out valid 1 time in 15 (a removal among the
//     first 9 characters leaves the organization code as read, so only the
//     check character speaks against it) — hence the reviewer is told of
//     every such repair;
//   - a code of 17 characters whose organization code is consistent gets
//     its check character back, when no character inserted anywhere else
//     gives another valid code with a consistent organization code. A lost
//     check character is so repaired 79 % of the time, never wrong; a
//     character lost elsewhere is refused 99 % of the time. A code whose
//     check character the applicant got wrong, read one short, comes out
//     valid 1 time in 20 — nearly always because the wrong check character
//     itself was lost, which nothing left can tell (taking any insertion
//     that fits would make it 1 in 5); with a second error, 1 in 56.
// nullopt when no repair, or more than one, makes the code valid. The
// normalizer lowers the confidence of every repaired code, and tells the
// reviewer what was read and what was taken when a character was changed
// that the applicant may have written so, or one was dropped or added.
std::optional<std::string> RepairCreditCode(std::string_view text);

// Whether `code` has 18 characters each allowed where it stands (the
// alphabet; digits in positions 3–8), whatever its check character. A
// repair of such a code changed a character the applicant may have written
// so — only the check says it is wrong — and the reviewer is told.
bool CreditCodeWellFormed(std::string_view code);

// The cleaned form RepairCreditCode starts from (kept in the record, upper
// case, when the code cannot be repaired): NFKC, spaces and hyphens
// dropped, upper case, and without what stands before the first or after
// the last Latin letter or digit (a Han character read after the code).
std::string CleanCreditCode(std::string_view text);

}  // namespace gm
