#include "extractors/statements/table_layout.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>

#include "pipeline/core/text_fold.h"
#include "pipeline/core/utf8.h"
#include "extractors/classify/text_lines.h"
#include "extractors/statements/statement_amount.h"

namespace gm {
namespace {

// Display width of a code point: ideographs and full-width forms are two.
int DisplayWidth(uint32_t cp) { return cp >= 0x1100 ? 2 : 1; }

// Decodes one UTF-8 code point at s[i]; advances i. An invalid byte counts as
// one (cells are folded text, valid UTF-8).
uint32_t NextCodePoint(const std::string& s, size_t* i) {
  uint32_t cp = 0;
  size_t len = DecodeUtf8Char(s, *i, &cp);
  if (len == 0) {
    cp = static_cast<unsigned char>(s[*i]);
    len = 1;
  }
  *i += len;
  return cp;
}

bool IsSpace(uint32_t cp) { return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0x3000 || cp == 0xA0; }

// A table's vertical rule OCR read as "|" at either end of a cell (".27|",
// "|4,131.16") is no part of it: the cell without it joins its neighbours
// (MergeBrokenNumbers) and parses as the amount it is.
std::string WithoutRuleMarks(const std::string& text) {
  const size_t begin = text.find_first_not_of('|');
  if (begin == std::string::npos) return "";
  return text.substr(begin, text.find_last_not_of('|') - begin + 1);
}

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
    cell.text = WithoutRuleMarks(FoldText(placed.text.substr(p.begin, p.end - p.begin)));
    if (cell.text.empty()) continue;
    const double unit = column > 0 ? placed.box.w / column : 0;
    cell.box = {placed.box.x + unit * p.from, placed.box.y, unit * (p.to - p.from), placed.box.h};
    cell.number = ParseStatementAmount(cell.text, &cell.plain_integer);
    cell.confidence = placed.confidence;
    cell.line = placed.line;
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

// Whether `text` is whole thousands groups ending in a separator, OCR's
// point for a comma among them: "2.867,", "1,234.".
bool GroupsEndingInASeparator(const std::string& text) {
  if (text.size() < 2 || (text.back() != ',' && text.back() != '.')) return false;
  size_t begin = text[0] == '(' || text[0] == '-' ? 1 : 0, groups = 0;
  while (begin + 1 < text.size()) {
    const size_t end = text.find_first_of(",.", begin);
    const size_t digits = end - begin;
    if (digits == 0 || digits > 3 || (groups > 0 && digits != 3)) return false;
    ++groups;
    begin = end + 1;
  }
  return groups > 0;
}

// An amount a narrow cell wrapped onto two lines is cut before a group of
// three digits: "39," over "819.99", "(1," over "284.13)", "4304157" over
// "372.68". The head is the part above: digits (a sign or bracket first, a
// separator last) without a decimal point — a point before whole groups
// is OCR's comma ("2.867," over "880.91").
bool IsWrappedHead(const Cell& c) {
  if (!LooksLikeNumberPart(c.text) || c.text.back() == ')') return false;
  if (c.text.find('.') != std::string::npos && !GroupsEndingInASeparator(c.text)) return false;
  return std::any_of(c.text.begin(), c.text.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
}

// The tail is the rest: a group of exactly three digits, maybe more groups,
// and the decimals ("819.99", "284.13)", "049.67").
bool IsWrappedTail(const Cell& c) {
  const std::string& t = c.text;
  if (!LooksLikeNumberPart(t) || t.find('.') == std::string::npos) return false;
  size_t digits = 0;
  while (digits < t.size() && t[digits] >= '0' && t[digits] <= '9') ++digits;
  return digits == 3 && (t[3] == '.' || t[3] == ',');
}

bool HasLabel(const Row& row) {
  return std::any_of(row.cells.begin(), row.cells.end(), [](const Cell& c) { return !c.number; });
}

bool HasNumberUnder(const Row& row, const Cell& head) {
  return std::any_of(row.cells.begin(), row.cells.end(), [&](const Cell& c) {
    return c.number && c.box.x < head.right() && c.right() > head.box.x;
  });
}

// Finds a tail for rows[r].cells[i] in the rows below: in the same column
// (their boxes overlap across), the lines of one cell (centres at most
// kWrapPitch heights apart; a table's rows are further), with no amount of
// its own between them. Returns {row, cell} or {0, 0}.
std::pair<size_t, size_t> FindWrappedTail(const std::vector<Row>& rows, size_t r, size_t i) {
  constexpr double kWrapPitch = 2.6;  // two lines of one cell around the row's label line
  const Cell& head = rows[r].cells[i];
  const double head_middle = head.box.y + head.box.h / 2;
  for (size_t t = r + 1; t < rows.size(); ++t) {
    if (rows[t].center - head_middle > kWrapPitch * std::max(1.0, head.box.h)) break;
    for (size_t j = 0; j < rows[t].cells.size(); ++j) {
      const Cell& tail = rows[t].cells[j];
      const double h = std::max(1.0, std::min(head.box.h, tail.box.h));
      const double pitch = (tail.box.y + tail.box.h / 2) - head_middle;
      const bool same_column = tail.box.x < head.right() + h && tail.right() > head.box.x - h;
      if (!IsWrappedTail(tail) || !same_column || pitch > kWrapPitch * h || pitch <= 0) continue;
      if (!ParseStatementAmount(head.text + tail.text)) continue;
      return {t, j};
    }
    if (HasNumberUnder(rows[t], head)) break;
  }
  return {0, 0};
}

// The row a joined amount belongs to: of the rows from head to tail, the one
// holding a label whose middle is nearest the middle between them; the
// tail's when none holds a label.
size_t HomeRow(const std::vector<Row>& rows, size_t r, size_t t, double middle) {
  size_t home = t;
  double best = -1;
  for (size_t k = r; k <= t; ++k) {
    if (!HasLabel(rows[k])) continue;
    const double d = std::fabs(rows[k].center - middle);
    if (best < 0 || d < best) {
      best = d;
      home = k;
    }
  }
  return home;
}

// Joins amounts a narrow cell wrapped onto two lines ("39," over "819.99",
// the row's label centred between them): the whole amount is placed in the
// row holding the label, so it is read as that item's figure.
void JoinWrappedAmounts(std::vector<Row>* rows) {
  for (size_t r = 0; r + 1 < rows->size(); ++r) {
    for (size_t i = 0; i < (*rows)[r].cells.size();) {
      if (!IsWrappedHead((*rows)[r].cells[i])) {
        ++i;
        continue;
      }
      const auto [t, j] = FindWrappedTail(*rows, r, i);
      if (t == 0) {
        ++i;
        continue;
      }
      Cell joined = (*rows)[r].cells[i];
      const Cell tail = (*rows)[t].cells[j];
      joined.text += tail.text;
      joined.number = ParseStatementAmount(joined.text, &joined.plain_integer);
      joined.confidence = std::min(joined.confidence, tail.confidence);
      joined.box.x = std::min(joined.box.x, tail.box.x);
      joined.box.w = std::max(joined.right(), tail.right()) - joined.box.x;
      const double middle = (joined.box.y + tail.box.y + tail.box.h) / 2;
      const size_t home = HomeRow(*rows, r, t, middle);
      Row& target = (*rows)[home];
      joined.box.y = target.center - target.height / 2;
      joined.box.h = target.height;
      (*rows)[t].cells.erase((*rows)[t].cells.begin() + j);
      (*rows)[r].cells.erase((*rows)[r].cells.begin() + i);
      auto at = std::upper_bound(target.cells.begin(), target.cells.end(), joined.box.x,
                                 [](double x, const Cell& c) { return x < c.box.x; });
      target.cells.insert(at, std::move(joined));
    }
  }
  rows->erase(std::remove_if(rows->begin(), rows->end(), [](const Row& row) { return row.cells.empty(); }),
              rows->end());
}

// The box rows are grouped by: an OCR word's is its line's (the median
// middle and height of the line's words); any other cell's is its own.
std::vector<Box> RowBoxes(const std::vector<Cell>& cells) {
  std::map<int, std::vector<double>> middles, heights;
  for (const Cell& c : cells) {
    if (c.line < 0) continue;
    middles[c.line].push_back(c.box.y + c.box.h / 2);
    heights[c.line].push_back(c.box.h);
  }
  auto median = [](std::vector<double>& v) {
    std::nth_element(v.begin(), v.begin() + v.size() / 2, v.end());
    return v[v.size() / 2];
  };
  std::map<int, std::pair<double, double>> line_band;  // line → middle, height
  for (auto& [line, m] : middles) line_band[line] = {median(m), median(heights[line])};
  std::vector<Box> boxes;
  boxes.reserve(cells.size());
  for (const Cell& c : cells) {
    Box b = c.box;
    if (c.line >= 0) {
      const auto [middle, height] = line_band.at(c.line);
      b.y = middle - height / 2;
      b.h = height;
    }
    boxes.push_back(b);
  }
  return boxes;
}

}  // namespace

std::vector<Row> LayoutRows(const std::vector<PlacedText>& texts) {
  std::vector<Cell> cells;
  for (const PlacedText& t : texts) AppendCells(t, &cells);
  const std::vector<Box> boxes = RowBoxes(cells);
  std::vector<Row> rows;
  for (const auto& indices : GroupRows(boxes)) {
    Row row;
    for (size_t i : indices) row.cells.push_back(cells[i]);
    row.cells = MergeBrokenNumbers(std::move(row.cells));
    if (row.cells.empty()) continue;
    const Box& band = boxes[indices.front()];
    row.center = band.y + band.h / 2;
    row.height = std::max(1.0, band.h);
    rows.push_back(std::move(row));
  }
  JoinWrappedAmounts(&rows);
  return rows;
}

std::vector<double> LabelColumnStarts(const std::vector<Row>& rows) {
  std::vector<double> starts;
  double min_number_x = std::numeric_limits<double>::max(), height_sum = 0;
  size_t rows_with_numbers = 0;
  for (const Row& row : rows) {
    height_sum += row.height;
    rows_with_numbers += std::any_of(row.cells.begin(), row.cells.end(), [](const Cell& c) { return c.number; });
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
    // The right half of a balance sheet starts a label on most rows; OCR's
    // debris from a seal or a signature in mid-page on a few.
    const size_t seen = j - i + 1;
    if (seen >= std::max<size_t>(3, rows_with_numbers / 4) && starts[i] > min_number_x + tol)
      splits.push_back(starts[i] - tol / 2);
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
