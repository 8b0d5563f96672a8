// Table cells: what a cell of a templates/ table holds beyond plain text — a
// list written "a|b|c", or a number. One reading for every loader, so that
// "1e999" or "nan" is refused the same way everywhere.
//
// Thread-safety: pure functions.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace gm {

// The parts of a "|"-separated cell, in order; empty parts are dropped
// ("a||b|" gives {"a", "b"}, "" gives {}).
std::vector<std::string> SplitBars(std::string_view cell);

// True when the whole cell is one finite number in strtod's syntax ("0.7",
// "-3", "1e-6"); *out is then set. An empty cell, trailing text, an infinity
// or NaN are refused (and *out is unspecified).
bool ParseCellNumber(std::string_view cell, double* out);

}  // namespace gm
