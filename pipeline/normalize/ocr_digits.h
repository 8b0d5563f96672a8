// RepairDigits: undoes the OCR damage that is unambiguous inside numbers,
// before a number, amount, date or phone parser reads them. Internal helper.
//
//   - in a run of letters, digits, "," and "." that holds at least one digit,
//     letters that OCR confuses with digits become those digits when EVERY
//     letter of the run is such a look-alike: l I i | ! → 1, O o Q D → 0,
//     S s → 5, B → 8, Z z → 2 ("l2500" → "12500", "1O0" → "100"); a run such
//     as "AA" or "12ab" is left alone;
//   - "。" or "·" between two digits is a decimal point ("12500。00");
//   - a space between digits goes when what follows is a group of exactly
//     three digits ("12 500" → "12500"), when it touches a decimal point
//     between digits ("12500 .00", "12500. 00"), or stands before a thousands
//     separator ("22 ,800.00"); other spaces stay, so "12 5" and "100, 200"
//     remain unparseable.
//
// REQUIRES: `text` has been through NormalizeText (ASCII digits, one space).
// `repaired` (optional) is set to true when anything was changed.
// Thread-safety: pure function.
#pragma once

#include <string>
#include <string_view>

namespace gm::normalize {

// `join_groups` false keeps every space (telephone numbers are written in
// groups of 3 and 4 digits that are not thousands).
std::string RepairDigits(std::string_view text, bool* repaired = nullptr, bool join_groups = true);

// Drops the stray marks the OCR reads at either end of a number — a speck
// or the cell's full stop read as "。", ".", "?", "'", "_" … ("58。",
// "1220.00。"). A sign or bracket is not stray. True when it dropped any.
bool StripStrayMarks(std::string* s);

}  // namespace gm::normalize
