#include "extractors/classify/text_lines.h"

#include <algorithm>
#include <numeric>

namespace gm {
namespace {

double CenterY(const Box& b) { return b.y + b.h / 2; }

double VerticalOverlap(const Box& a, double top, double bottom) {
  return std::min(a.y + a.h, bottom) - std::max(a.y, top);
}

}  // namespace

std::vector<std::vector<size_t>> GroupRows(const std::vector<Box>& boxes) {
  std::vector<size_t> placed, unplaced;
  for (size_t i = 0; i < boxes.size(); ++i) (boxes[i].h > 0 ? placed : unplaced).push_back(i);
  std::stable_sort(placed.begin(), placed.end(),
                   [&](size_t a, size_t b) { return CenterY(boxes[a]) < CenterY(boxes[b]); });

  struct Row {
    double top, bottom, min_h;
    std::vector<size_t> members;
  };
  std::vector<Row> rows;
  for (size_t i : placed) {
    const Box& b = boxes[i];
    // Only the last few rows can hold a box that comes later in y order.
    Row* home = nullptr;
    for (size_t r = rows.size(); r-- > 0 && r + 4 >= rows.size();) {
      Row& row = rows[r];
      double overlap = VerticalOverlap(b, row.top, row.bottom);
      if (overlap >= 0.5 * std::min(b.h, row.min_h)) {
        home = &row;
        break;
      }
    }
    if (!home) {
      rows.push_back(Row{b.y, b.y + b.h, b.h, {}});
      home = &rows.back();
    }
    home->members.push_back(i);
    // The band is the first box's, so a tall box cannot swallow the next row.
    home->min_h = std::min(home->min_h, b.h);
  }
  std::vector<std::vector<size_t>> out;
  for (Row& row : rows) {
    std::stable_sort(row.members.begin(), row.members.end(),
                     [&](size_t a, size_t b) { return boxes[a].x < boxes[b].x; });
    out.push_back(std::move(row.members));
  }
  for (size_t i : unplaced) out.push_back({i});
  return out;
}

std::vector<std::string> PageLines(const Page& page) {
  std::vector<Box> boxes;
  boxes.reserve(page.text.size());
  for (const TextSpan& s : page.text) boxes.push_back(s.box);
  std::vector<std::string> lines;
  for (const auto& row : GroupRows(boxes)) {
    std::string line;
    for (size_t i : row) {
      if (!line.empty()) line += ' ';
      line += page.text[i].text;
    }
    for (std::string& part : SplitLines(line)) lines.push_back(std::move(part));
  }
  return lines;
}

std::vector<std::string> SplitLines(const std::string& text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= text.size()) {
    size_t nl = text.find('\n', start);
    std::string line = text.substr(start, nl == std::string::npos ? std::string::npos : nl - start);
    if (line.find_first_not_of(" \t\r") != std::string::npos) out.push_back(std::move(line));
    if (nl == std::string::npos) break;
    start = nl + 1;
  }
  return out;
}

}  // namespace gm
