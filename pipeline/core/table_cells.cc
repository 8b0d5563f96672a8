#include "pipeline/core/table_cells.h"

#include <cmath>
#include <cstdlib>

namespace gm {

std::vector<std::string> SplitBars(std::string_view cell) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= cell.size()) {
    const size_t bar = cell.find('|', start);
    std::string_view part = cell.substr(start, bar == std::string_view::npos ? std::string_view::npos : bar - start);
    if (!part.empty()) out.emplace_back(part);
    if (bar == std::string_view::npos) break;
    start = bar + 1;
  }
  return out;
}

bool ParseCellNumber(std::string_view cell, double* out) {
  if (cell.empty()) return false;
  const std::string text(cell);  // strtod needs the terminating NUL
  char* end = nullptr;
  *out = std::strtod(text.c_str(), &end);
  return end == text.c_str() + text.size() && std::isfinite(*out);
}

}  // namespace gm
