#include "pipeline/core/edit_distance.h"

#include <algorithm>
#include <numeric>
#include <vector>

namespace gm {

int EditDistance(std::u32string_view a, std::u32string_view b) {
  a = a.substr(0, kMaxEditText);
  b = b.substr(0, kMaxEditText);
  std::vector<int> row(b.size() + 1);
  std::iota(row.begin(), row.end(), 0);
  for (size_t i = 1; i <= a.size(); ++i) {
    int diagonal = row[0];
    row[0] = static_cast<int>(i);
    for (size_t j = 1; j <= b.size(); ++j) {
      int up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[b.size()];
}

int SubstringDistance(std::u32string_view pattern, std::u32string_view text, size_t* end) {
  pattern = pattern.substr(0, kMaxEditText);
  text = text.substr(0, kMaxEditText);
  // column[i]: best cost of matching pattern[0, i) ending at the current text position.
  std::vector<int> column(pattern.size() + 1);
  std::iota(column.begin(), column.end(), 0);
  int best = column[pattern.size()];
  size_t best_end = 0;
  for (size_t j = 1; j <= text.size(); ++j) {
    int diagonal = column[0];
    column[0] = 0;  // a match may start anywhere in the text
    for (size_t i = 1; i <= pattern.size(); ++i) {
      int left = column[i];
      column[i] = std::min({column[i] + 1, column[i - 1] + 1, diagonal + (pattern[i - 1] == text[j - 1] ? 0 : 1)});
      diagonal = left;
    }
    if (column[pattern.size()] < best) {
      best = column[pattern.size()];
      best_end = j;
    }
  }
  if (end) *end = best_end;
  return best;
}

}  // namespace gm
