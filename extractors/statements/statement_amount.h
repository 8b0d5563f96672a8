// Statement amounts: the figures of a financial statement cell as written —
// "1,234,567.89", "(1,234.50)", "-1234", "１２３４", "1.2E+07" (spreadsheets
// store numbers so) — with OCR's damage undone where it is unambiguous:
// mixed-up separators regrouped ("45,678.901.23"), look-alike letters
// repaired (normalize's ParseDecimal: "l2,500.00"). "-" or "—" alone is nil.
//
// Thread-safety: pure functions.
#pragma once

#include <optional>
#include <string>

namespace gm {

// The amount of a folded cell, 0 for nil; nullopt for anything else — and
// always for a cell without an arabic digit (OCR reads table rules as "一",
// which a numeral parser would take for 1) or starting with a separator (a
// piece OCR broke off: ".22"). *plain_integer says whether it was written as
// a bare integer ("38": a 行次).
std::optional<double> ParseStatementAmount(const std::string& folded, bool* plain_integer = nullptr);

// Whether a cell is the nil mark: "-", "--", "—", "——", "–", "−".
bool IsNilAmount(const std::string& folded);

}  // namespace gm
