#include "extractors/statements/statement_parser.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <cstring>

#include "pipeline/core/text_fold.h"
#include "pipeline/core/utf8.h"
#include "extractors/classify/title_line.h"
#include "extractors/statements/statement_amount.h"
#include "extractors/statements/table_layout.h"

namespace gm {
namespace {

// A column of the table: where it is and what it holds. Columns found from
// header text are placed by their centre; columns inferred from the numbers
// themselves (when OCR lost the header) by the numbers' right edge, as
// amounts are right-aligned.
struct HeaderColumn {
  double x;
  ColumnRole role;
  bool right_edge = false;
};

// The role of a header cell. A two-character label ("本年") stands for a
// header OCR garbled after it ("本年暴计") only in a cell of a header's
// length; a longer cell starting so is a row label (期末现金及现金等价物余额).
std::optional<ColumnRole> HeaderRole(const std::string& cell, const StatementVocabulary& vocab) {
  constexpr size_t kShortLabel = 2, kShortCellMax = 6;
  // The length that counts is before a bracketed unit ("上期会频(亿元)").
  size_t words_end = cell.size();
  for (const char* open : {"(", "〈", "<", "[", "【"}) words_end = std::min(words_end, cell.find(open));
  const size_t words_length = Utf8Length(std::string_view(cell).substr(0, words_end));
  for (const auto& [label, role] : vocab.columns)
    if (cell.starts_with(label) && (Utf8Length(label) > kShortLabel || words_length <= kShortCellMax))
      return role;
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
    if (rest.starts_with("12月31日") || rest.starts_with("度") || rest.starts_with("1-12月") ||
        rest.starts_with("1月-12月") || rest.starts_with("1月1日-12月31日"))
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
    if (p < text.size() && std::strchr(":;,.", text[p])) ++p;  // OCR reads the colon as any of these
    if (text.compare(p, 9, "人民币") == 0) p += 9;
    for (const auto& [unit, wan] : vocab.units)
      if (text.compare(p, unit.size(), unit) == 0) return unit;
  }
  return "";
}

// A unit written in a column header: "期末余额(万元)".
// OCR reads the opening bracket as 〈, <, [ or 【 as often as (; units are
// tried longest first, so "(万元)" is never taken for 元.
std::string HeaderUnit(const std::string& cell, const StatementVocabulary& vocab) {
  for (const auto& [unit, wan] : vocab.units)
    for (const char* open : {"(", "〈", "<", "[", "【"})
      if (cell.find(open + unit + ")") != std::string::npos) return unit;
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
  bool amounts_have_cents = false;            // AmountsHaveCents of the page
  const StatementSection* section = nullptr;  // the section its rows are in; null for the body
};

// A phrase that is a column's whole name, no longer name starting with it:
// "行次" is whole, "上年" may go on to 上年年末余额.
bool IsWholeColumnName(const std::string& text, const StatementVocabulary& vocab) {
  bool named = false;
  for (const auto& [label, role] : vocab.columns) {
    if (label == text) named = true;
    else if (label.size() > text.size() && label.starts_with(text)) return false;
  }
  return named;
}

// OCR splits a header into characters ("本" "期" "金额"); joins text cells
// that name no column on their own and stand closer than about a
// character's height into one phrase cell.
std::vector<Cell> JoinPhrases(const std::vector<Cell>& row, const StatementVocabulary& vocab) {
  std::vector<Cell> out;
  bool prev_named = true;
  for (const Cell& cell : row) {
    const bool named = cell.number.has_value() || HeaderRole(cell.text, vocab).has_value();
    // A column's whole name is not continued: not "行次" by the "上" of 上期金额.
    if (!out.empty() && !prev_named && !named && !IsWholeColumnName(out.back().text, vocab)) {
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

// Statements print every amount with its cents. On a page where nearly all
// amounts show them, a figure of plain digits lost its decimal point to the
// scan ("2529" for 25.29).
constexpr size_t kCentsMinAmounts = 8;
constexpr double kCentsShare = 0.8;
constexpr double kLostPointConfidence = 0.5;  // a repair for a human to confirm: doubtful
bool AmountsHaveCents(const std::vector<Row>& rows, const StatementParams& params) {
  size_t amounts = 0, cents = 0;
  for (const Row& row : rows)
    for (const Cell& c : row.cells) {
      if (!c.number || IsRowNumber(c, params)) continue;
      ++amounts;
      const size_t dot = c.text.rfind('.');
      if (dot == std::string::npos) continue;
      size_t digits = 0;
      while (dot + 1 + digits < c.text.size() && std::isdigit(static_cast<unsigned char>(c.text[dot + 1 + digits])))
        ++digits;
      cents += digits == 2;
    }
  return amounts >= kCentsMinAmounts && cents >= kCentsShare * amounts;
}

// The implicit columns corrected by the opening-period headers OCR did read
// when it lost the end-period one ("上年同期" read, "本年累计" garbled): the
// column under such a header is an opening one, and when it was taken for
// the end column, the next column to its right is the end column.
std::vector<HeaderColumn> WithOpeningHeaders(std::vector<HeaderColumn> implicit,
                                             const std::vector<HeaderColumn>& headers) {
  if (implicit.empty()) return implicit;
  std::sort(implicit.begin(), implicit.end(), [](const HeaderColumn& a, const HeaderColumn& b) { return a.x < b.x; });
  for (const HeaderColumn& h : headers) {
    if (h.role != ColumnRole::kOpening) continue;
    size_t nearest = 0;
    for (size_t i = 1; i < implicit.size(); ++i)
      if (std::fabs(implicit[i].x - h.x) < std::fabs(implicit[nearest].x - h.x)) nearest = i;
    if (implicit[nearest].role != ColumnRole::kEnd) continue;
    implicit[nearest].role = ColumnRole::kOpening;
    if (nearest + 1 < implicit.size() && implicit[nearest + 1].role == ColumnRole::kOpening &&
        (nearest + 2 >= implicit.size() || implicit[nearest + 2].role != ColumnRole::kEnd))
      implicit[nearest + 1].role = ColumnRole::kEnd;
  }
  return implicit;
}

const Cell* PickFigure(const std::vector<const Cell*>& numbers, const std::vector<HeaderColumn>& headers,
                       const std::vector<HeaderColumn>& implicit, const StatementParams& params) {
  if (numbers.empty()) return nullptr;
  const bool end_header = std::any_of(headers.begin(), headers.end(),
                                      [](const HeaderColumn& h) { return h.role == ColumnRole::kEnd; });
  if (end_header) {
    for (size_t i = 0; i < numbers.size(); ++i) {
      const Cell* n = numbers[i];
      // A 行次 whose header OCR lost sits nearest the end column too; an
      // amount follows it in the row.
      if (i + 1 < numbers.size() && IsRowNumber(*n, params)) continue;
      const HeaderColumn* nearest = nullptr;
      for (const HeaderColumn& h : headers)
        if (!nearest || std::fabs(h.x - n->center()) < std::fabs(nearest->x - n->center())) nearest = &h;
      if (nearest->role == ColumnRole::kEnd) return n;
    }
    return nullptr;  // the end-of-period cell is empty: never fall back to the opening figure
  }
  if (!implicit.empty()) {
    const std::vector<HeaderColumn> columns = WithOpeningHeaders(implicit, headers);
    for (const Cell* n : numbers) {
      if (IsRowNumber(*n, params) && numbers.size() > 1) continue;
      const HeaderColumn* nearest = nullptr;
      for (const HeaderColumn& h : columns)
        if (!nearest || std::fabs(h.x - n->right()) < std::fabs(nearest->x - n->right())) nearest = &h;
      if (nearest->role == ColumnRole::kEnd && std::fabs(nearest->x - n->right()) <= 2.5 * n->box.h) return n;
    }
    return nullptr;
  }
  size_t first = 0;
  if (numbers.size() >= 3 && IsRowNumber(*numbers[0], params)) first = 1;
  // Never a number under a located opening-period header.
  for (size_t i = first; i < numbers.size(); ++i) {
    const Cell* n = numbers[i];
    const bool under_opening = std::any_of(headers.begin(), headers.end(), [&](const HeaderColumn& h) {
      return h.role == ColumnRole::kOpening && std::fabs(h.x - n->center()) <= std::max(n->box.w, 2 * n->box.h);
    });
    if (!under_opening) return n;
  }
  return nullptr;
}

// How many characters of a label OCR may have misread.
enum class Misreads {
  kNone,
  kOne,       // one, in labels of kOneMisreadFrom characters or more
  kByLength,  // and two in labels of kTwoMisreadFrom or more: only for a
              // label read whole on its line — a heading joined to the
              // next line's first words ("经营活动产生的现金流量:销售") or
              // a label's first words are two characters from many an item
};

// The item a label names, among the items of `kind` (all kinds when ""):
// equal once punctuation is set aside, or — for labels of four or more
// characters, where one misread character cannot turn one item into another —
// one character different, or two for labels of six or more ("股东权益全村"
// for 股东权益合计), as `misreads` allows, when the nearest items are of a
// single key. The rows
// that name no figure (kNoFigureKey) are items too, so that a near miss of
// one of them ("投资活动产生的现金流量净额") is never taken for a figure.
//
// A key of a section (statements_sections.tsv) is matched only inside it, and
// there first: the 补充资料's 净利润 is never the income statement's.
constexpr size_t kOneMisreadFrom = 4, kTwoMisreadFrom = 6;
const StatementItemLabel* MatchItem(const std::string& label, const std::string& kind,
                                    const StatementVocabulary& vocab, const StatementSection* section,
                                    Misreads misreads = Misreads::kByLength) {
  const std::u32string bare = BareLabel(CleanLabel(label));
  if (bare.empty()) return nullptr;
  if (section && (kind.empty() || kind == section->kind))
    for (const StatementItemLabel& item : vocab.items)
      if (vocab.SectionOf(item.kind, item.key) == section && item.bare == bare) return &item;
  const size_t allowed = misreads == Misreads::kNone || bare.size() < kOneMisreadFrom             ? 0
                         : misreads == Misreads::kOne || bare.size() < kTwoMisreadFrom ? 1
                                                                                         : 2;
  const StatementItemLabel* near = nullptr;
  size_t nearest = allowed + 1;
  bool ambiguous = false;
  for (const StatementItemLabel& item : vocab.items) {
    if (!kind.empty() && item.kind != kind) continue;
    const StatementSection* own = vocab.SectionOf(item.kind, item.key);
    if (own && own != section) continue;
    if (item.bare == bare) return &item;
    if (item.bare.size() != bare.size()) continue;
    size_t differ = 0;
    for (size_t i = 0; i < bare.size() && differ <= allowed; ++i) differ += item.bare[i] != bare[i];
    if (differ > allowed || differ > nearest) continue;
    if (differ < nearest) {
      near = &item;
      nearest = differ;
      ambiguous = false;
    } else if (near->key != item.key || near->kind != item.kind) {
      ambiguous = true;
    }
  }
  return ambiguous ? nullptr : near;
}

// Where a row's label stands: the row, the right edge of its label, and
// the column group it is in (LabelColumnStarts: the halves of a balance
// sheet).
struct LabelPlace {
  const Row* row;
  double label_right;
  double group_left = -HUGE_VAL, group_right = HUGE_VAL;
};

// The columns a label's numbers are read by: the page's, but for a column
// group whose own headers OCR read without its end-of-period one (a
// two-half balance sheet's right half: "上年年末余额" read, "期末余额"
// garbled), whose end column is inferred from its aligned amounts rather
// than taken from the other half's header.
struct Columns {
  std::vector<HeaderColumn> headers, implicit;
};
Columns ColumnsOf(const LabelPlace& place, const Open& open) {
  auto in_group = [&](const HeaderColumn& c) { return c.x >= place.group_left && c.x < place.group_right; };
  auto is_end = [](const HeaderColumn& c) { return c.role == ColumnRole::kEnd; };
  Columns group;
  std::copy_if(open.headers.begin(), open.headers.end(), std::back_inserter(group.headers), in_group);
  std::copy_if(open.implicit.begin(), open.implicit.end(), std::back_inserter(group.implicit), in_group);
  const bool lost_end = !group.headers.empty() && std::none_of(group.headers.begin(), group.headers.end(), is_end) &&
                        std::any_of(open.headers.begin(), open.headers.end(), is_end);
  if (!lost_end || std::none_of(group.implicit.begin(), group.implicit.end(), is_end)) return {open.headers, open.implicit};
  return group;
}

// Where the end-of-period figure of the row at `place` stands: under the
// first end-of-period column right of the label, as wide as that column
// (half the way to the neighbour on either side, a header column; back to
// the column before it, an implicit one); nullopt when no end column is
// known.
std::optional<Box> EndFigureBox(const LabelPlace& place, const Columns& page_columns) {
  constexpr double kMaxHalfWidth = 7, kMaxWidth = 12;  // in row heights
  const double h = std::max(1.0, place.row->height);
  const bool end_header = std::any_of(page_columns.headers.begin(), page_columns.headers.end(),
                                      [](const HeaderColumn& c) { return c.role == ColumnRole::kEnd; });
  const std::vector<HeaderColumn> columns =
      end_header ? page_columns.headers : WithOpeningHeaders(page_columns.implicit, page_columns.headers);
  const HeaderColumn* end = nullptr;
  for (const HeaderColumn& c : columns)
    if (c.role == ColumnRole::kEnd && c.x > place.label_right && (!end || c.x < end->x)) end = &c;
  if (!end) return std::nullopt;
  double left, right;
  if (end_header) {
    double left_half = kMaxHalfWidth * h, right_half = kMaxHalfWidth * h;
    // A 行次 or 附注 column is narrow: the amount reaches nearly to it.
    constexpr double kNarrowColumnHalf = 1.5;  // in row heights
    for (const HeaderColumn& c : columns) {
      const bool narrow = c.role == ColumnRole::kIndex || c.role == ColumnRole::kNote;
      if (c.x < end->x)
        left_half = std::min(left_half, narrow ? end->x - c.x - kNarrowColumnHalf * h : (end->x - c.x) / 2);
      if (c.x > end->x) right_half = std::min(right_half, (c.x - end->x) / 2);
    }
    left = end->x - left_half;
    right = end->x + right_half;
  } else {
    left = end->x - kMaxWidth * h;
    for (const HeaderColumn& c : columns)
      if (c.x < end->x) left = std::max(left, c.x);
    right = end->x + h;
  }
  left = std::max(left, place.label_right);
  if (right <= left) return std::nullopt;
  return Box{left, place.row->center - 0.8 * h, right - left, 1.6 * h};
}

// Records the figure when `label` names an item; true when it does (read or
// not). A figure not found, or read doubtfully, is sought at its place
// (PageStatement::sought).
bool ReadItemLabel(const std::string& label, const std::vector<const Cell*>& numbers, const LabelPlace& place,
                   const StatementVocabulary& vocab, Open* open, Misreads misreads) {
  const StatementItemLabel* item = MatchItem(label, open->st.kind, vocab, open->section, misreads);
  if (!item) return false;
  if (item->key == kNoFigureKey) return true;
  auto have = open->priority.find(item->key);
  if (have != open->priority.end() && have->second <= item->priority) return true;
  const Columns columns = ColumnsOf(place, *open);
  const Cell* figure = PickFigure(numbers, columns.headers, columns.implicit, vocab.params);
  double confidence = 0;
  if (figure) {
    double value = *figure->number;
    confidence = figure->confidence;
    if (open->amounts_have_cents && figure->plain_integer && std::fabs(value) >= 100) {
      value /= 100;
      confidence = std::min(confidence, kLostPointConfidence);
    }
    open->st.values[item->key] = value;
    open->st.confidence[item->key] = confidence;
    open->priority[item->key] = item->priority;
    open->kind_of[item->key] = item->kind;
  }
  if (confidence < vocab.params.doubtful_figure_confidence && !open->st.sought.count(item->key))
    if (std::optional<Box> at = EndFigureBox(place, columns)) {
      open->st.sought[item->key] = *at;
      open->kind_of.emplace(item->key, item->kind);
    }
  return true;
}

// Reads the item a label names. The label is tried whole, then without its
// trailing cells: a notes reference ("五(30)") may stand between label and numbers.
// `own_line`: the label is a run of its row as read, not joined with a line
// above or below. True when the label names an item.
bool ReadItem(const std::vector<std::string>& label_cells, bool own_line, const std::vector<const Cell*>& numbers,
              const LabelPlace& place, const StatementVocabulary& vocab, Open* open) {
  for (size_t n = label_cells.size(); n > 0; --n) {
    std::string label;
    for (size_t i = 0; i < n; ++i) label += label_cells[i];
    const Misreads misreads = own_line && n == label_cells.size() ? Misreads::kByLength : Misreads::kOne;
    if (ReadItemLabel(label, numbers, place, vocab, open, misreads)) return true;
  }
  // A speck before the label read as a character of its own ("要" 股东权益合计):
  // without it, the rest must name an item exactly.
  if (label_cells.size() >= 2 && Utf8Length(label_cells[0]) == 1) {
    for (size_t n = label_cells.size(); n > 1; --n) {
      std::string label;
      for (size_t i = 1; i < n; ++i) label += label_cells[i];
      if (ReadItemLabel(label, numbers, place, vocab, open, Misreads::kNone)) return true;
    }
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
    open->st.sought.clear();
    return;
  }
  std::map<std::string, int> votes;
  for (const auto& [key, kind] : open->kind_of) ++votes[kind];
  std::string best;
  for (const auto& [kind, n] : votes)
    if (best.empty() || n > votes[best]) best = kind;
  open->st.kind = best;
  for (auto it = open->st.values.begin(); it != open->st.values.end();)
    if (open->kind_of[it->first] == best) {
      ++it;
    } else {
      open->st.confidence.erase(it->first);
      it = open->st.values.erase(it);
    }
  std::erase_if(open->st.sought, [&](const auto& sought) { return open->kind_of[sought.first] != best; });
}

// Drops what need not be sought: a figure read surely after all (under a
// label of another priority).
void SettleSought(const StatementParams& params, PageStatement* st) {
  std::erase_if(st->sought, [&](const auto& sought) {
    auto sure = st->confidence.find(sought.first);
    return sure != st->confidence.end() && sure->second >= params.doubtful_figure_confidence;
  });
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
      if (!c.number || IsRowNumber(c, params) || IsNilAmount(c.text)) continue;
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


// A label and the numbers after it, in one column group of a row.
struct LabelRun {
  std::vector<std::string> label;
  double label_confidence = 0;  // the mean reading of the label's cells
  double label_right = 0;       // the right edge of its last label cell
  std::vector<const Cell*> numbers;
};

// The label runs of group `g` of a row. OCR reads a seal or a signature
// across a row as a few doubtful characters between a label and its
// amounts ("净利润 1 生二| 4 3.60"), and a speck between two amounts as one
// character, sure or not ("4.2 了 6.29"): a run whose label names no item
// and was read with little confidence, or is a single character, is
// debris, and its numbers go to the label before it.
std::vector<LabelRun> LabelRuns(const Row& row, size_t g, const std::vector<double>& splits,
                                const StatementVocabulary& vocab, const Open& open) {
  constexpr double kDebrisConfidence = 0.6;
  std::vector<LabelRun> runs;
  for (const Cell& c : row.cells) {
    if (GroupOf(c.box.x, splits) != g) continue;
    if (c.number) {
      if (runs.empty()) runs.emplace_back();
      runs.back().numbers.push_back(&c);
      continue;
    }
    if (runs.empty() || !runs.back().numbers.empty()) runs.emplace_back();
    LabelRun& run = runs.back();
    run.label_confidence = (run.label_confidence * run.label.size() + c.confidence) / (run.label.size() + 1);
    run.label.push_back(c.text);
    run.label_right = c.right();
  }
  std::vector<LabelRun> kept;
  for (LabelRun& run : runs) {
    std::string text;
    for (const std::string& piece : run.label) text += piece;
    const bool debris = !kept.empty() && !kept.back().label.empty() && !run.label.empty() &&
                        (run.label_confidence < kDebrisConfidence || Utf8Length(text) == 1) &&
                        !MatchItem(text, open.st.kind, vocab, open.section);
    if (debris) {
      kept.back().numbers.insert(kept.back().numbers.end(), run.numbers.begin(), run.numbers.end());
    } else {
      kept.push_back(std::move(run));
    }
  }
  return kept;
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
  // The nearest label-only line above or below within reach; a line of the
  // same cell holding only its other figures ("51 53,694.04" between
  // "所有者权益(或股东权益)合" and "计 62,480.91") is stepped over.
  auto label_line = [&](size_t g, int step) {
    for (int k = 1; k <= 2; ++k) {
      const long other = static_cast<long>(r) + step * k;
      if (other < 0 || other >= static_cast<long>(rows.size()) || !near(other)) break;
      if (std::string text = Fragment(rows[other], g, splits); !text.empty()) return text;
    }
    return std::string();
  };
  bool any = false;
  for (size_t g = 0; g <= splits.size(); ++g) {
    const std::string above = label_line(g, -1);
    const std::string below = label_line(g, +1);
    for (const LabelRun& run : LabelRuns(row, g, splits, vocab, *open)) {
      if (run.numbers.empty()) continue;
      std::vector<std::vector<std::string>> tries;
      if (run.label.empty()) {
        tries.push_back({above + below});
      } else {
        tries.push_back(run.label);
        if (!below.empty()) tries.push_back({run.label.front() + below});
        if (!above.empty()) tries.push_back({above + run.label.front()});
      }
      for (size_t i = 0; i < tries.size(); ++i) {
        const std::vector<std::string>& t = tries[i];
        const bool own_line = i == 0 && !run.label.empty();
        const LabelPlace place{&row, run.label.empty() ? run.numbers.front()->box.x : run.label_right,
                               g == 0 ? -HUGE_VAL : splits[g - 1], g < splits.size() ? splits[g] : HUGE_VAL};
        if (!t.front().empty() && ReadItem(t, own_line, run.numbers, place, vocab, open)) {
          any = true;
          break;
        }
      }
    }
  }
  return any;
}

// The section row `text` (folded) opens in the open statement; null when it
// opens none. A heading of another statement's section opens nothing.
const StatementSection* OpenedSection(const std::string& text, const StatementVocabulary& vocab, const Open& open) {
  const StatementSection* section = vocab.SectionOpenedBy(CleanLabel(text));
  if (!section || (!open.st.kind.empty() && open.st.kind != section->kind)) return nullptr;
  return section;
}

// The section a continued statement is in: the first of its kind's.
const StatementSection* ContinuedSection(const std::string& kind, const StatementVocabulary& vocab) {
  for (const StatementSection& section : vocab.sections)
    if (section.kind == kind) return &section;
  return nullptr;
}

}  // namespace

std::vector<PageStatement> ParseStatementPage(const std::vector<PlacedText>& texts, const StatementVocabulary& vocab,
                                              const std::string& continued_kind, bool continued_in_section) {
  std::vector<Row> rows = LayoutRows(texts);
  const std::vector<double> splits = LabelColumnStarts(rows);
  const std::vector<HeaderColumn> implicit = ImplicitColumns(rows, splits, vocab.params);

  const bool cents = AmountsHaveCents(rows, vocab.params);

  std::vector<PageStatement> out;
  Open open;
  open.st.kind = continued_kind;
  if (continued_in_section) open.section = ContinuedSection(continued_kind, vocab);
  open.st.in_section = open.section != nullptr;
  open.implicit = implicit;
  open.amounts_have_cents = cents;
  auto close = [&] {
    SettleKind(&open);
    SettleSought(vocab.params, &open.st);
    if (open.st.titled || !open.st.values.empty()) out.push_back(std::move(open.st));
    open = Open();
    open.implicit = implicit;
    open.amounts_have_cents = cents;
  };


  for (size_t r = 0; r < rows.size(); ++r) {
    const std::vector<Cell>& row = rows[r].cells;
    std::string text;
    for (const Cell& c : row) text += c.text;

    std::string title = TitleLineKind(text, vocab.titles, vocab.params.title_max_extra);
    for (size_t i = 0; title.empty() && i < row.size() && i < 3; ++i)
      title = TitleLineKind(row[i].text, vocab.titles, vocab.params.title_max_extra);
    // A statement's form number (会企03表) starts it when its title was lost
    // (a big bold title in mid-page, below another statement).
    if (title.empty()) {
      const std::string marked = vocab.MarkedKind(text);
      if (!marked.empty() && marked != open.st.kind) {
        if (open.st.values.empty() && !open.st.titled) {
          // Only its heading was read so far (the period above the number):
          // that heading is this statement's.
          open.st.kind = marked;
          open.st.titled = true;
        } else {
          title = marked;
        }
      }
    }
    if (!title.empty()) {
      close();
      open.st.kind = title;
      open.st.titled = true;
      open.st.parent_company = text.find("母公司") != std::string::npos;
    }
    if (open.st.kind == "none") continue;

    if (!open.items_seen) {
      YearMatch y = FindYear(text);
      if (y.rank > open.year_rank) {
        open.st.year = y.year;
        open.year_rank = y.rank;
      }
      if (open.st.unit.empty()) open.st.unit = FindUnit(text, vocab);
      // "期末余额（亿元）" wrapped in its header cell leaves "(亿元)" a row of its own.
      if (open.st.unit.empty()) open.st.unit = HeaderUnit(text, vocab);
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
    if (const StatementSection* section = OpenedSection(text, vocab, open)) {
      open.section = section;
      open.st.in_section = true;
      continue;
    }
    // Only a known item ends the heading: "会企02表" is a label and a number too.
    if (ReadItemRow(rows, r, splits, vocab, &open)) open.items_seen = true;
  }
  close();
  return out;
}

}  // namespace gm
