#include "extractors/statements/table_layout.h"

#include <algorithm>
#include <cstdint>

#include "pipeline/core/text_fold.h"
#include "extractors/classify/text_lines.h"
#include "extractors/statements/statement_amount.h"

namespace gm {
namespace {

// Display width of a code point: ideographs and full-width forms are two.
int DisplayWidth(uint32_t cp) { return cp >= 0x1100 ? 2 : 1; }

// Decodes one UTF-8 code point at s[i]; advances i. Invalid bytes count as one.
uint32_t NextCodePoint(const std::string& s, size_t* i) {
  unsigned char c = s[*i];
  int len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
  if (*i + len > s.size()) len = 1;
  uint32_t cp = len == 1 ? c : c & (0x7F >> len);
  for (int k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[*i + k]) & 0x3F);
  *i += len;
  return cp;
}

bool IsSpace(uint32_t cp) { return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0x3000 || cp == 0xA0; }

// Cuts placed text into cells at whitespace; a cell's box is its share of
// the span's box by display width (PDF text layers often give a whole table
// row as one span).
void AppendCells(const PlacedText& placed, std::vector<Cell>* cells) {
  struct Piece {
    size_t begin, end;
    int from, to;  // display columns
  };
  std::vector<Piece> pieces;
  int column = 0;
  size_t i = 0;
  bool in_piece = false;
  while (i < placed.text.size()) {
    size_t at = i;
    uint32_t cp = NextCodePoint(placed.text, &i);
    if (IsSpace(cp)) {
      in_piece = false;
    } else {
      if (!in_piece) pieces.push_back({at, at, column, column});
      in_piece = true;
      pieces.back().end = i;
      pieces.back().to = column + DisplayWidth(cp);
    }
    column += DisplayWidth(cp);
  }
  for (const Piece& p : pieces) {
    Cell cell;
    cell.text = FoldText(placed.text.substr(p.begin, p.end - p.begin));
    if (cell.text.empty()) continue;
    const double unit = column > 0 ? placed.box.w / column : 0;
    cell.box = {placed.box.x + unit * p.from, placed.box.y, unit * (p.to - p.from), placed.box.h};
    cell.number = ParseStatementAmount(cell.text, &cell.plain_integer);
    cell.confidence = placed.confidence;
    cells->push_back(std::move(cell));
  }
}

bool LooksLikeNumberPart(const std::string& s) {
  return !s.empty() && s.find_first_not_of("0123456789,.-()") == std::string::npos;
}

// OCR sometimes breaks "1,234,567.89" at a separator ("1,290,226," "928.29");
// joins such pieces when they stand closer than one and a half character
// heights (the next column is much further away).
std::vector<Cell> MergeBrokenNumbers(std::vector<Cell> row) {
  std::vector<Cell> out;
  for (Cell& cell : row) {
    if (!out.empty()) {
      Cell& prev = out.back();
      const double gap = cell.box.x - (prev.box.x + prev.box.w);
      const double h = std::max(1.0, std::min(prev.box.h, cell.box.h));
      const bool joins = LooksLikeNumberPart(prev.text) && LooksLikeNumberPart(cell.text) && gap < 1.5 * h &&
                         (prev.text.back() == ',' || cell.text.front() == ',' || cell.text.front() == '.' ||
                          prev.text.back() == '.');
      if (joins) {
        prev.text += cell.text;
        prev.box.w = cell.box.x + cell.box.w - prev.box.x;
        prev.number = ParseStatementAmount(prev.text, &prev.plain_integer);
        prev.confidence = std::min(prev.confidence, cell.confidence);
        continue;
      }
    }
    out.push_back(std::move(cell));
  }
  return out;
}

}  // namespace

std::vector<Row> LayoutRows(const std::vector<PlacedText>& texts) {
  std::vector<Cell> cells;
  for (const PlacedText& t : texts) AppendCells(t, &cells);
  std::vector<Box> boxes;
  boxes.reserve(cells.size());
  for (const Cell& c : cells) boxes.push_back(c.box);
  std::vector<Row> rows;
  for (const auto& indices : GroupRows(boxes)) {
    Row row;
    for (size_t i : indices) row.cells.push_back(cells[i]);
    row.cells = MergeBrokenNumbers(std::move(row.cells));
    if (row.cells.empty()) continue;
    row.center = row.cells[0].box.y + row.cells[0].box.h / 2;
    row.height = std::max(1.0, row.cells[0].box.h);
    rows.push_back(std::move(row));
  }
  return rows;
}

std::vector<double> LabelColumnStarts(const std::vector<Row>& rows) {
  std::vector<double> starts;
  double min_number_x = std::numeric_limits<double>::max(), height_sum = 0;
  for (const Row& row : rows) {
    height_sum += row.height;
    bool in_label = false;
    double label_x = 0;
    for (const Cell& c : row.cells) {
      if (c.number) {
        min_number_x = std::min(min_number_x, c.box.x);
        if (in_label) starts.push_back(label_x);
        in_label = false;
      } else if (!in_label) {
        in_label = true;
        label_x = c.box.x;
      }
    }
  }
  if (starts.empty()) return {};
  const double tol = std::max(1.0, height_sum / rows.size());
  std::sort(starts.begin(), starts.end());
  std::vector<double> splits;
  for (size_t i = 0; i < starts.size();) {
    size_t j = i;
    while (j + 1 < starts.size() && starts[j + 1] - starts[j] <= tol) ++j;
    if (j - i + 1 >= 2 && starts[i] > min_number_x + tol) splits.push_back(starts[i] - tol / 2);
    i = j + 1;
  }
  return splits;
}

size_t GroupOf(double x, const std::vector<double>& splits) {
  size_t g = 0;
  while (g < splits.size() && x >= splits[g]) ++g;
  return g;
}

std::string Fragment(const Row& row, size_t g, const std::vector<double>& splits) {
  std::string text;
  for (const Cell& c : row.cells) {
    if (GroupOf(c.box.x, splits) != g) continue;
    if (IsNilAmount(c.text)) continue;  // a stray "-" under a wrapped label is no figure
    if (c.number) return "";
    text += c.text;
  }
  return text;
}

}  // namespace gm
