#include "pipeline/core/page_list.h"

#include <algorithm>

namespace gm {

std::string PageListText(const std::vector<int>& pages) {
  std::vector<int> sorted = pages;
  std::sort(sorted.begin(), sorted.end());
  sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
  if (sorted.empty()) return "";
  std::string out = "第";
  for (size_t i = 0; i < sorted.size();) {
    size_t j = i;
    while (j + 1 < sorted.size() && sorted[j + 1] == sorted[j] + 1) ++j;
    if (i > 0) out += "、";
    out += std::to_string(sorted[i]);
    if (j > i) out += "–" + std::to_string(sorted[j]);
    i = j + 1;
  }
  return out + "页";
}

}  // namespace gm
