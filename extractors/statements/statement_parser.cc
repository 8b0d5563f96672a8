#include "extractors/statements/statement_parser.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <limits>

#include "extractors/classify/text_fold.h"
#include "extractors/classify/text_lines.h"
#include "extractors/classify/title_line.h"
#include "pipeline/normalize/amount.h"

namespace gm {
namespace {

// A cell: a whitespace-free piece of placed text, folded, with its box.
struct Cell {
  std::string text;  // folded
  Box box;
  std::optional<double> number;
  bool plain_integer = false;
  double center() const { return box.x + box.w / 2; }
  double right() const { return box.x + box.w; }
};

// A column of the table: where it is and what it holds. Columns found from
// header text are placed by their centre; columns inferred from the numbers
// themselves (when OCR lost the header) by the numbers' right edge, as
// amounts are right-aligned.
struct HeaderColumn {
  double x;
  ColumnRole role;
  bool right_edge = false;
};

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
        continue;
      }
    }
    out.push_back(std::move(cell));
  }
  return out;
}

bool StartsWith(const std::string& s, const std::string& prefix) { return s.compare(0, prefix.size(), prefix) == 0; }

std::optional<ColumnRole> HeaderRole(const std::string& cell, const StatementVocabulary& vocab) {
  for (const auto& [label, role] : vocab.columns)
    if (StartsWith(cell, label)) return role;
  return std::nullopt;
}

int DigitsAt(const std::string& s, size_t at, size_t max) {
  size_t n = 0;
  while (at + n < s.size() && n < max && s[at + n] >= '0' && s[at + n] <= '9') ++n;
  return static_cast<int>(n);
}

// The statement year written in `text`, ranked: "2024年12月31日", "2024年度",
// "2024年1-12月" (3) over another full date (2) over "2024年" (1).
struct YearMatch {
  int year = 0;
  int rank = 0;
};
YearMatch FindYear(const std::string& text) {
  YearMatch best;
  const std::string nian = "年";
  for (size_t at = text.find(nian); at != std::string::npos; at = text.find(nian, at + 1)) {
    if (at < 4 || DigitsAt(text, at - 4, 4) != 4 || (at > 4 && DigitsAt(text, at - 5, 1) == 1)) continue;
    int year = std::atoi(text.substr(at - 4, 4).c_str());
    if (year < 1990 || year > 2100) continue;
    const std::string rest = text.substr(at + nian.size(), 16);
    int rank = 1;
    if (StartsWith(rest, "12月31日") || StartsWith(rest, "度") || StartsWith(rest, "1-12月") ||
        StartsWith(rest, "1月-12月") || StartsWith(rest, "1月1日-12月31日"))
      rank = 3;
    else if (int m = DigitsAt(rest, 0, 2); m > 0 && rest.compare(m, 3, "月") == 0)
      rank = 2;
    // Of equal rank the latest year wins: the end of the period, not the comparison column.
    if (rank > best.rank || (rank == best.rank && year > best.year)) best = {year, rank};
  }
  return best;
}

// The unit after "单位" ("单位:元", "金额单位:人民币万元", "(单位:千元)"); "" when none.
std::string FindUnit(const std::string& text, const StatementVocabulary& vocab) {
  for (size_t at = text.find("单位"); at != std::string::npos; at = text.find("单位", at + 1)) {
    size_t p = at + std::string("单位").size();
    if (text.compare(p, 1, ":") == 0) ++p;
    if (text.compare(p, 9, "人民币") == 0) p += 9;
    for (const auto& [unit, wan] : vocab.units)
      if (text.compare(p, unit.size(), unit) == 0) return unit;
  }
  return "";
}

// A unit written in a column header: "期末余额(万元)".
std::string HeaderUnit(const std::string& cell, const StatementVocabulary& vocab) {
  for (const auto& [unit, wan] : vocab.units)
    if (cell.find("(" + unit + ")") != std::string::npos) return unit;
  return "";
}

// The statement being filled while rows are read.
struct Open {
  PageStatement st;
  std::vector<HeaderColumn> headers;
  std::vector<HeaderColumn> implicit;         // the page's columns inferred from its numbers
  std::map<std::string, int> priority;      // key → priority of the label it was read under
  std::map<std::string, std::string> kind_of;  // key → the item's kind (for an untitled statement)
  bool items_seen = false;
  int year_rank = 0;
};

// OCR splits a header into characters ("本" "期" "金额"); joins text cells
// that name no column on their own and stand closer than about a
// character's height into one phrase cell.
std::vector<Cell> JoinPhrases(const std::vector<Cell>& row, const StatementVocabulary& vocab) {
  std::vector<Cell> out;
  bool prev_named = true;
  for (const Cell& cell : row) {
    const bool named = cell.number.has_value() || HeaderRole(cell.text, vocab).has_value();
    if (!out.empty() && !prev_named && !named) {
      Cell& prev = out.back();
      const double gap = cell.box.x - (prev.box.x + prev.box.w);
      if (gap <= 1.2 * std::max(prev.box.h, cell.box.h)) {
        prev.text += cell.text;
        prev.box.w = std::max(prev.box.w, cell.box.x + cell.box.w - prev.box.x);
        prev.box.h = std::max(prev.box.h, cell.box.h);
        continue;
      }
    }
    out.push_back(cell);
    prev_named = named;
  }
  return out;
}

// The header columns of a row, or empty when it is no header row. A row is
// a header row when a cell names an end or opening column, or when two or
// more cells are dates/years (an audit report's "2024年12月31日 | 2023年12月31日").
std::vector<HeaderColumn> HeaderColumns(const std::vector<Cell>& cells, const StatementVocabulary& vocab,
                                        std::optional<int>* year_from_dates, std::string* unit) {
  const std::vector<Cell> row = JoinPhrases(cells, vocab);
  std::vector<HeaderColumn> columns;
  bool period = false;
  for (const Cell& c : row) {
    if (auto role = HeaderRole(c.text, vocab)) {
      columns.push_back({c.center(), *role});
      period = period || *role == ColumnRole::kEnd || *role == ColumnRole::kOpening;
      if (unit->empty()) *unit = HeaderUnit(c.text, vocab);
    }
  }
  if (period) return columns;
  std::vector<std::pair<double, int>> dated;
  for (const Cell& c : row) {
    YearMatch y = FindYear(c.text);
    if (y.rank >= 2 && Utf8Length(c.text) <= 16) dated.push_back({c.center(), y.year});
  }
  if (dated.size() < 2) return {};
  int latest = 0;
  for (const auto& d : dated) latest = std::max(latest, d.second);
  columns.clear();
  for (const Cell& c : row)
    if (auto role = HeaderRole(c.text, vocab); role && (*role == ColumnRole::kIndex || *role == ColumnRole::kNote))
      columns.push_back({c.center(), *role});
  for (const auto& d : dated) columns.push_back({d.first, d.second == latest ? ColumnRole::kEnd : ColumnRole::kOpening});
  *year_from_dates = latest;
  return columns;
}

// The figure of a label's numbers: the one under an end-of-period column.
bool IsRowNumber(const Cell& c, const StatementParams& params) {
  return c.plain_integer && *c.number >= 0 && *c.number <= params.index_max;
}

std::optional<double> PickFigure(const std::vector<const Cell*>& numbers, const std::vector<HeaderColumn>& headers,
                                 const std::vector<HeaderColumn>& implicit, const StatementParams& params) {
  if (numbers.empty()) return std::nullopt;
  bool period_headers = std::any_of(headers.begin(), headers.end(), [](const HeaderColumn& h) {
    return h.role == ColumnRole::kEnd || h.role == ColumnRole::kOpening;
  });
  if (period_headers) {
    for (const Cell* n : numbers) {
      const HeaderColumn* nearest = nullptr;
      for (const HeaderColumn& h : headers)
        if (!nearest || std::fabs(h.x - n->center()) < std::fabs(nearest->x - n->center())) nearest = &h;
      if (nearest->role == ColumnRole::kEnd) return n->number;
    }
    return std::nullopt;  // the end-of-period cell is empty: never fall back to the opening figure
  }
  if (!implicit.empty()) {
    for (const Cell* n : numbers) {
      if (IsRowNumber(*n, params) && numbers.size() > 1) continue;
      const HeaderColumn* nearest = nullptr;
      for (const HeaderColumn& h : implicit)
        if (!nearest || std::fabs(h.x - n->right()) < std::fabs(nearest->x - n->right())) nearest = &h;
      if (nearest->role == ColumnRole::kEnd && std::fabs(nearest->x - n->right()) <= 2.5 * n->box.h) return n->number;
    }
    return std::nullopt;
  }
  size_t first = 0;
  if (numbers.size() >= 3 && IsRowNumber(*numbers[0], params)) first = 1;
  return numbers[first]->number;
}

// Records the figure when `label` names an item; true when it does (read or not).
// The item a label names, among the items of `kind` (all kinds when ""):
// equal once punctuation is set aside, or — for labels of four or more
// characters, where one misread character cannot turn one item into another —
// one character different, when that points at a single item.
const StatementItemLabel* MatchItem(const std::string& label, const std::string& kind,
                                    const StatementVocabulary& vocab) {
  const std::u32string bare = BareLabel(CleanLabel(label));
  if (bare.empty()) return nullptr;
  const StatementItemLabel* near = nullptr;
  bool ambiguous = false;
  for (const StatementItemLabel& item : vocab.items) {
    if (!kind.empty() && item.kind != kind) continue;
    if (item.bare == bare) return &item;
    if (bare.size() < 4 || item.bare.size() != bare.size()) continue;
    size_t differ = 0;
    for (size_t i = 0; i < bare.size() && differ < 2; ++i) differ += item.bare[i] != bare[i];
    if (differ != 1) continue;
    if (near && (near->key != item.key || near->kind != item.kind)) ambiguous = true;
    if (!near) near = &item;
  }
  return ambiguous ? nullptr : near;
}

// Records the figure when `label` names an item; true when it does (read or not).
bool ReadItemLabel(const std::string& label, const std::vector<const Cell*>& numbers,
                   const StatementVocabulary& vocab, Open* open) {
  const StatementItemLabel* item = MatchItem(label, open->st.kind, vocab);
  if (!item) return false;
  auto have = open->priority.find(item->key);
  if (have != open->priority.end() && have->second <= item->priority) return true;
  std::optional<double> figure = PickFigure(numbers, open->headers, open->implicit, vocab.params);
  if (!figure) return true;
  open->st.values[item->key] = *figure;
  open->priority[item->key] = item->priority;
  open->kind_of[item->key] = item->kind;
  return true;
}

// Reads the item a label names. The label is tried whole, then without its
// trailing cells: a notes reference ("五(30)") may stand between label and numbers.
// True when the label names an item.
bool ReadItem(const std::vector<std::string>& label_cells, const std::vector<const Cell*>& numbers,
              const StatementVocabulary& vocab, Open* open) {
  for (size_t n = label_cells.size(); n > 0; --n) {
    std::string label;
    for (size_t i = 0; i < n; ++i) label += label_cells[i];
    if (ReadItemLabel(label, numbers, vocab, open)) return true;
  }
  return false;
}

// An untitled statement nobody continued takes the kind most of its figures
// belong to — but only in a table: under a located period header, or with
// columns of aligned amounts. Without either, label-and-number pairs are as
// likely prose.
void SettleKind(Open* open) {
  if (!open->st.kind.empty() || open->st.values.empty()) return;
  if (open->headers.empty() && open->implicit.empty()) {
    open->st.values.clear();
    return;
  }
  std::map<std::string, int> votes;
  for (const auto& [key, kind] : open->kind_of) ++votes[kind];
  std::string best;
  for (const auto& [kind, n] : votes)
    if (best.empty() || n > votes[best]) best = kind;
  open->st.kind = best;
  for (auto it = open->st.values.begin(); it != open->st.values.end();)
    it = open->kind_of[it->first] == best ? std::next(it) : open->st.values.erase(it);
}

bool IsNil(const std::string& s) {
  return s == "-" || s == "--" || s == "—" || s == "——" || s == "–" || s == "−";
}

// A row of cells, with its vertical centre and height (of its first cell).
struct Row {
  std::vector<Cell> cells;
  double center = 0, height = 0;
};

// Where a second column of labels starts: the right half of a balance
// sheet. Label starts (the first text cell before a row's numbers) are
// clustered; a cluster seen on several rows that has numbers to its left
// splits the page into column groups. Indented labels ("其中：") have no
// numbers to their left and split nothing.
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

// The text of a row's cells in group `g` when that part holds no number (a
// line of a label wrapped inside its cell); "" otherwise.
std::string Fragment(const Row& row, size_t g, const std::vector<double>& splits) {
  std::string text;
  for (const Cell& c : row.cells) {
    if (GroupOf(c.box.x, splits) != g) continue;
    if (IsNil(c.text)) continue;  // a stray "-" under a wrapped label is no figure
    if (c.number) return "";
    text += c.text;
  }
  return text;
}

// The amount columns of a page whose header OCR lost: right edges of its
// amounts (right-aligned) clustered per column group; in each group the
// first column is the end of the period (期末 / 本期 come first), the others
// opening or prior. Row numbers (行次) are left out. Empty when no column
// has three amounts.
std::vector<HeaderColumn> ImplicitColumns(const std::vector<Row>& rows, const std::vector<double>& splits,
                                          const StatementParams& params) {
  std::vector<std::vector<double>> edges(splits.size() + 1);
  double height_sum = 0;
  size_t count = 0;
  for (const Row& row : rows) {
    for (const Cell& c : row.cells) {
      if (!c.number || IsRowNumber(c, params) || IsNil(c.text)) continue;
      edges[GroupOf(c.box.x, splits)].push_back(c.right());
      height_sum += c.box.h;
      ++count;
    }
  }
  if (count == 0) return {};
  const double tol = 1.5 * std::max(1.0, height_sum / count);
  std::vector<HeaderColumn> columns;
  for (std::vector<double>& group : edges) {
    std::sort(group.begin(), group.end());
    bool first = true;
    for (size_t i = 0; i < group.size();) {
      size_t j = i;
      while (j + 1 < group.size() && group[j + 1] - group[j] <= tol) ++j;
      if (j - i + 1 >= 3) {
        columns.push_back({group[(i + j) / 2], first ? ColumnRole::kEnd : ColumnRole::kOpening, true});
        first = false;
      }
      i = j + 1;
    }
  }
  return columns;
}

// "1.2345E+07": spreadsheets store numbers so.
std::optional<double> ParseScientific(const std::string& s) {
  size_t e = s.find_first_of("Ee");
  if (e == std::string::npos || e == 0 || e + 1 >= s.size()) return std::nullopt;
  size_t i = s[0] == '-' ? 1 : 0;
  bool dot = false, digit = false;
  for (; i < e; ++i) {
    if (s[i] == '.' && !dot) dot = true;
    else if (s[i] >= '0' && s[i] <= '9') digit = true;
    else return std::nullopt;
  }
  size_t j = e + 1;
  if (s[j] == '+' || s[j] == '-') ++j;
  if (j >= s.size() || s.find_first_not_of("0123456789", j) != std::string::npos || !digit) return std::nullopt;
  char* end = nullptr;
  double v = std::strtod(s.c_str(), &end);
  if (!end || *end != '\0') return std::nullopt;
  return v;
}

// OCR mixes up the separators of "45,678,901.23" ("45,678.901.23",
// "1,100;000.00"). When every group but the first is three digits and the
// last is two (the 分) or three, the separators are rewritten as written.
std::string RegroupOcrSeparators(const std::string& s) {
  size_t begin = 0, end = s.size();
  if (end - begin >= 2 && s[begin] == '(' && s[end - 1] == ')') ++begin, --end;
  if (begin < end && s[begin] == '-') ++begin;
  std::vector<std::string> groups(1);
  for (size_t i = begin; i < end; ++i) {
    char c = s[i];
    if (c >= '0' && c <= '9') groups.back() += c;
    else if (c == ',' || c == '.' || c == ';') groups.emplace_back();
    else return s;
  }
  if (groups.size() < 3 || groups[0].empty() || groups[0].size() > 3) return s;
  const bool cents = groups.back().size() == 2;
  for (size_t g = 1; g < groups.size(); ++g)
    if (groups[g].size() != 3 && !(cents && g + 1 == groups.size())) return s;
  std::string out = s.substr(0, begin);
  for (size_t g = 0; g < groups.size(); ++g) {
    if (g > 0) out += cents && g + 1 == groups.size() ? "." : ",";
    out += groups[g];
  }
  return out + s.substr(end);
}

// Reads the items of row `r`: in each column group, each run of text cells
// is a label taking the numbers after it. A label wrapped inside its cell
// puts its lines above and below the numbers' row: numbers without a label
// take the label-only lines next to them, and a label that names nothing is
// tried with them too.
bool ReadItemRow(const std::vector<Row>& rows, size_t r, const std::vector<double>& splits,
                 const StatementVocabulary& vocab, Open* open) {
  const Row& row = rows[r];
  auto near = [&](size_t other) { return std::fabs(rows[other].center - row.center) <= 1.6 * row.height; };
  bool any = false;
  for (size_t g = 0; g <= splits.size(); ++g) {
    const std::string above = r > 0 && near(r - 1) ? Fragment(rows[r - 1], g, splits) : "";
    const std::string below = r + 1 < rows.size() && near(r + 1) ? Fragment(rows[r + 1], g, splits) : "";
    std::vector<std::string> label;
    std::vector<const Cell*> numbers;
    auto flush = [&] {
      if (numbers.empty()) return;
      std::vector<std::vector<std::string>> tries;
      if (label.empty()) {
        tries.push_back({above + below});
      } else {
        tries.push_back(label);
        if (!below.empty()) tries.push_back({label.front() + below});
        if (!above.empty()) tries.push_back({above + label.front()});
      }
      for (const auto& t : tries) {
        if (!t.front().empty() && ReadItem(t, numbers, vocab, open)) {
          any = true;
          break;
        }
      }
    };
    for (const Cell& c : row.cells) {
      if (GroupOf(c.box.x, splits) != g) continue;
      if (c.number) {
        numbers.push_back(&c);
      } else {
        if (!numbers.empty()) {
          flush();
          label.clear();
          numbers.clear();
        }
        label.push_back(c.text);
      }
    }
    flush();
  }
  return any;
}

}  // namespace

std::optional<double> ParseStatementAmount(const std::string& folded, bool* plain_integer) {
  if (plain_integer) *plain_integer = false;
  if (IsNil(folded)) return 0.0;
  // A cell without an arabic digit is text: OCR reads table rules as "一",
  // which the form's numeral parser would take for 1.
  if (folded.size() > 40 || folded.find_first_of("0123456789") == std::string::npos) return std::nullopt;
  // A piece that starts with a separator (".22", ",587") is a fragment OCR broke off.
  if (folded[0] == '.' || folded[0] == ',') return std::nullopt;
  std::string s = folded;
  if (StartsWith(s, "−")) s = "-" + s.substr(std::string("−").size());  // U+2212 MINUS SIGN
  std::optional<double> value = ParseScientific(s);
  if (!value) value = ParseDecimal(RegroupOcrSeparators(s));
  if (!value || !std::isfinite(*value)) return std::nullopt;
  if (plain_integer) {
    const size_t digits_from = s[0] == '-' ? 1 : 0;
    *plain_integer = s.size() > digits_from && s.find_first_not_of("0123456789", digits_from) == std::string::npos;
  }
  return value;
}

std::vector<PageStatement> ParseStatementPage(const std::vector<PlacedText>& texts, const StatementVocabulary& vocab,
                                              const std::string& continued_kind) {
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
  const std::vector<double> splits = LabelColumnStarts(rows);
  const std::vector<HeaderColumn> implicit = ImplicitColumns(rows, splits, vocab.params);

  std::vector<PageStatement> out;
  Open open;
  open.st.kind = continued_kind;
  open.implicit = implicit;
  auto close = [&] {
    SettleKind(&open);
    if (open.st.titled || !open.st.values.empty()) out.push_back(std::move(open.st));
    open = Open();
    open.implicit = implicit;
  };


  for (size_t r = 0; r < rows.size(); ++r) {
    const std::vector<Cell>& row = rows[r].cells;
    std::string text;
    for (const Cell& c : row) text += c.text;

    std::string title = TitleLineKind(text, vocab.titles, vocab.params.title_max_extra);
    for (size_t i = 0; title.empty() && i < row.size() && i < 3; ++i)
      title = TitleLineKind(row[i].text, vocab.titles, vocab.params.title_max_extra);
    if (!title.empty()) {
      close();
      open.st.kind = title;
      open.st.titled = true;
    }
    if (open.st.kind == "none") continue;

    if (!open.items_seen) {
      YearMatch y = FindYear(text);
      if (y.rank > open.year_rank) {
        open.st.year = y.year;
        open.year_rank = y.rank;
      }
      if (open.st.unit.empty()) open.st.unit = FindUnit(text, vocab);
    }
    std::optional<int> dated_year;
    std::string header_unit;
    std::vector<HeaderColumn> headers = HeaderColumns(row, vocab, &dated_year, &header_unit);
    if (!headers.empty()) {
      open.headers = std::move(headers);
      open.st.end_column = std::any_of(open.headers.begin(), open.headers.end(),
                                       [](const HeaderColumn& h) { return h.role == ColumnRole::kEnd; });
      if (dated_year && open.year_rank < 3) {
        open.st.year = dated_year;
        open.year_rank = 3;
      }
      if (open.st.unit.empty()) open.st.unit = header_unit;
      continue;
    }
    if (!title.empty()) continue;
    // Only a known item ends the heading: "会企02表" is a label and a number too.
    if (ReadItemRow(rows, r, splits, vocab, &open)) open.items_seen = true;
  }
  close();
  return out;
}

}  // namespace gm
