#include "extractors/form/page_order.h"

#include <algorithm>
#include <string>
#include <utility>

namespace gm::form {
namespace {

struct PageRows {
  std::vector<const FormRow*> rows;
  double place = 0;  // where the page's labels are printed in the form
};

// The file and page a row was read from (its first cell's).
std::pair<std::string, int> PageOf(const FormRow& row) {
  if (row.cells.empty()) return {"", -1};
  return {row.cells.front().file, row.cells.front().page};
}

// The median printed place (index in labels.labels()) of the value labels
// the page's cells match; negative when none does.
double LabelPlace(const FormLabels& labels, const PageRows& page) {
  std::vector<int> places;
  const LabelSpec* first = labels.labels().data();
  for (const FormRow* row : page.rows)
    for (const FormCell& cell : row->cells) {
      if (cell.blank) continue;
      const LabelSpec* spec = labels.Match(cell.text).spec;
      if (spec == nullptr || spec->kind == CellKind::kTitle || spec->kind == CellKind::kSection) continue;
      places.push_back(static_cast<int>(spec - first));
    }
  if (places.empty()) return -1;
  std::sort(places.begin(), places.end());
  const size_t n = places.size();
  return n % 2 ? places[n / 2] : (places[n / 2 - 1] + places[n / 2]) / 2.0;
}

}  // namespace

std::vector<FormRow> InFormOrder(const FormLabels& labels, const std::vector<FormRow>& rows) {
  std::vector<PageRows> pages;
  for (size_t i = 0; i < rows.size(); ++i) {
    if (pages.empty() || PageOf(rows[i]) != PageOf(rows[i - 1])) pages.emplace_back();
    pages.back().rows.push_back(&rows[i]);
  }
  double before = -1;
  for (PageRows& page : pages) {
    const double place = LabelPlace(labels, page);
    page.place = place >= 0 ? place : before;
    before = page.place;
  }
  std::stable_sort(pages.begin(), pages.end(), [](const PageRows& a, const PageRows& b) { return a.place < b.place; });
  std::vector<FormRow> out;
  out.reserve(rows.size());
  for (size_t p = 0; p < pages.size(); ++p)
    for (size_t r = 0; r < pages[p].rows.size(); ++r) {
      out.push_back(*pages[p].rows[r]);
      out.back().first_on_page = p > 0 && r == 0;
    }
  return out;
}

}  // namespace gm::form
