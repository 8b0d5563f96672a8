#include "extractors/statements/statement_reader.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "extractors/classify/page_ocr.h"
#include "pipeline/core/text_fold.h"
#include "extractors/classify/text_lines.h"
#include "extractors/classify/title_line.h"
#include "extractors/statements/statement_parser.h"
#include "pipeline/core/page_list.h"

namespace gm {
namespace {

// Spreadsheet and Word cells get a synthetic grid: a column is 100 wide, a row 20 high.
constexpr double kCellW = 100, kCellH = 20;

struct PageInput {
  std::vector<PlacedText> texts;
  double confidence = 1;  // OCR's mean confidence; 1 for a text layer
  bool scanned = false;   // read by OCR
};

std::vector<PlacedText> SpansOf(const Page& page) {
  std::vector<PlacedText> texts;
  texts.reserve(page.text.size());
  for (const TextSpan& span : page.text) texts.push_back({span.text, span.box});
  return texts;
}

std::vector<PlacedText> CellsOf(const TextTable& table, const StatementVocabulary& vocab) {
  std::vector<PlacedText> texts;
  // A sheet named after its statement ("利润表") stands for a title the sheet may not repeat.
  if (!TitleLineKind(FoldText(table.name), vocab.titles, vocab.params.title_max_extra).empty())
    texts.push_back({table.name, {0, -2 * kCellH, kCellW, kCellH * 0.8}});
  for (size_t r = 0; r < table.rows.size(); ++r)
    for (size_t c = 0; c < table.rows[r].size(); ++c)
      if (!table.rows[r][c].empty())
        texts.push_back({table.rows[r][c], {double(c) * kCellW + 5, double(r) * kCellH, kCellW - 10, kCellH * 0.8}});
  return texts;
}

PageInput FromOcr(const OcrResult& result) {
  PageInput in;
  for (const OcrWord& w : result.words) in.texts.push_back({w.text, w.box, w.confidence, w.line});
  in.confidence = result.confidence;
  in.scanned = true;
  return in;
}

// The statement kind whose title the top of a scanned page shows ("none"
// for a statement greenmine does not read); "" when no title was read.
std::string TopTitleKind(const OcrResult& top, const StatementVocabulary& vocab) {
  for (const std::string& line : SplitLines(top.text)) {
    std::string kind = TitleLineKind(FoldText(line), vocab.titles, vocab.params.title_max_extra);
    if (!kind.empty()) return kind;
  }
  return "";
}

// The statement kind a marker read on a scanned page (or its top) names
// (会企02表); "" when none names one.
std::string TopMarkerKind(const OcrResult& top, const StatementVocabulary& vocab) {
  return vocab.MarkedKind(FoldText(top.text));
}

// Whether the top of a scanned page shows a statement: its title, or (when
// OCR garbled the title) a statement's marker (编制单位, 会企01表) or an
// end-of-period column header.
bool TopShowsStatement(const OcrResult& top, const StatementVocabulary& vocab) {
  const std::string kind = TopTitleKind(top, vocab);
  if (!kind.empty()) return kind != "none";
  const std::string folded = FoldText(top.text);
  for (const auto& [marker, kind] : vocab.markers)
    if (folded.find(marker) != std::string::npos) return true;
  for (const auto& [label, role] : vocab.columns)
    if (role == ColumnRole::kEnd && folded.find(label) != std::string::npos) return true;
  return false;
}

bool AnyTitled(const std::vector<PageStatement>& parts) {
  return std::any_of(parts.begin(), parts.end(), [](const PageStatement& p) { return p.titled; });
}

bool AnyFigures(const std::vector<PageStatement>& parts) {
  return std::any_of(parts.begin(), parts.end(), [](const PageStatement& p) { return !p.values.empty(); });
}

// A statement being assembled over one or more pages.
struct Assembled {
  PageStatement st;
  std::map<std::string, int> page_of;  // key → 0-based page its figure was read on
  double confidence_sum = 0;
  std::vector<int> pages;  // 0-based page numbers
  int last_page = -1;
  bool scanned = false;    // a page of it was read by OCR
};

bool Complete(const Assembled& a, const StatementVocabulary& vocab) {
  for (const std::string& key : vocab.KeysOf(a.st.kind))
    if (!a.st.values.count(key)) return false;
  return true;
}

// Whether the statement's section heading was read on its last page but not
// every key of the section: the section goes on over the page.
bool SectionUnfinished(const Assembled& a, const StatementVocabulary& vocab) {
  if (!a.st.in_section) return false;
  for (const StatementSection& section : vocab.sections)
    if (section.kind == a.st.kind)
      for (const std::string& key : section.keys)
        if (!a.st.values.count(key)) return true;
  return false;
}

// Whether a following page may go on with the statement.
bool Unfinished(const Assembled& a, const StatementVocabulary& vocab) {
  return !Complete(a, vocab) || SectionUnfinished(a, vocab);
}

void MergeInto(const PageStatement& part, const PageInput& input, int page, Assembled* a) {
  const double confidence = input.confidence;
  a->scanned = a->scanned || input.scanned;
  for (const auto& [key, value] : part.values) {
    if (!a->st.values.emplace(key, value).second) continue;
    a->page_of[key] = page;
    auto sure = part.confidence.find(key);
    a->st.confidence[key] = sure == part.confidence.end() ? 1.0 : sure->second;
  }
  a->st.parent_company = a->st.parent_company || part.parent_company;
  a->st.marked = a->st.marked || part.marked;
  if (!a->st.year) a->st.year = part.year;
  if (a->st.unit.empty()) a->st.unit = part.unit;
  a->st.end_column = a->st.end_column || part.end_column;
  a->st.in_section = part.in_section;  // as the last page leaves it
  a->confidence_sum += confidence;
  a->pages.push_back(page);
  a->last_page = page;
}

// Folds one page's statements into the document's list.
void AddPage(const std::vector<PageStatement>& parts, const PageInput& input, int page, const StatementVocabulary& vocab,
             std::vector<Assembled>* assembled) {
  for (const PageStatement& part : parts) {
    Assembled* last = assembled->empty() ? nullptr : &assembled->back();
    // An untitled part holding a section's heading (the 补充资料 on the page
    // after a complete cash-flow statement) is the rest of the statement.
    const bool rest = !part.titled && part.in_section;
    const bool continues = last && last->st.kind == part.kind && last->st.kind != "none" &&
                           last->last_page >= page - 1 && (Unfinished(*last, vocab) || rest) &&
                           (!part.titled || !part.year || !last->st.year || *part.year == *last->st.year);
    if (continues) {
      MergeInto(part, input, page, last);
    } else {
      Assembled a;
      a.st.kind = part.kind;
      a.st.titled = part.titled;
      MergeInto(part, input, page, &a);
      assembled->push_back(std::move(a));
    }
  }
}

// What a following page may continue: the last statement, when it is
// unfinished (its kind; "" for none), and whether inside its section.
struct Continuation {
  std::string kind;
  bool in_section = false;
};
Continuation Continued(const std::vector<Assembled>& assembled, int page, const StatementVocabulary& vocab) {
  if (assembled.empty()) return {};
  const Assembled& last = assembled.back();
  if (last.st.kind == "none" || last.last_page != page - 1 || !Unfinished(last, vocab)) return {};
  return {last.st.kind, last.st.in_section};
}

double Round6(double v) { return std::round(v * 1e6) / 1e6; }

// `page` turned half a turn round.
Page HalfTurned(const Page& page) {
  Page turned = page;
  turned.load_image = [load = page.load_image](PixPtr* out) -> Status {
    if (Status s = load(out); !s.ok() || !*out) return s;
    PixPtr round = AdoptPix(pixRotateOrth(out->get(), 2));
    if (!round) return Status::Internal("page rotation failed");
    *out = std::move(round);
    return Status::OK();
  };
  return turned;
}

// A scanned page read whole: the OCR, the prepared image it was read from
// (for a second look at a part of it), and the statements parsed from it.
struct WholeReading {
  OcrResult ocr;
  PixPtr prepared;
  PageInput input;
  std::vector<PageStatement> parts;
};

// Reads `page` whole, as a table, and parses it; nullopt when the page
// cannot be read.
std::optional<WholeReading> ReadWhole(const Page& page, const StatementVocabulary& vocab,
                                      const Continuation& continuation, OcrEngine* ocr) {
  WholeReading read;
  if (!OcrTablePage(page, {1.0, RedInk::kDrop, true}, ocr, &read.ocr, &read.prepared).ok()) return std::nullopt;
  read.input = FromOcr(read.ocr);
  read.parts = ParseStatementPage(read.input.texts, vocab, continuation.kind, continuation.in_section);
  return read;
}

}  // namespace

void ReadStatementsWith(const StatementVocabulary& vocab, const Document& doc, const std::string& path, OcrEngine* ocr,
                        const StatementSearch& search, std::vector<StatementFigures>* out) {
  const std::string_view first_page_top = search.first_page_top;
  const StatementParams& params = vocab.params;
  std::vector<Assembled> assembled;
  int page_number = 0;

  for (const TextTable& table : doc.tables) {
    const Continuation continued = Continued(assembled, page_number, vocab);
    AddPage(ParseStatementPage(CellsOf(table, vocab), vocab, continued.kind, continued.in_section), PageInput(),
            page_number, vocab, &assembled);
    ++page_number;
  }

  const size_t n_pages = std::min(doc.pages.size(), static_cast<size_t>(params.max_pages));
  size_t scans = 0;
  for (size_t p = 0; p < n_pages; ++p) scans += !doc.pages[p].has_text() && doc.pages[p].load_image ? 1 : 0;
  const bool whole_scans =
      !search.titled_pages_only && scans <= static_cast<size_t>(std::max(params.ocr_whole_pages, 0));

  for (size_t p = 0; p < n_pages; ++p, ++page_number) {
    const Page& page = doc.pages[p];
    const Continuation continuation = Continued(assembled, page_number, vocab);
    const std::string& continued = continuation.kind;
    PageInput input;
    std::vector<PageStatement> parts;
    if (page.has_text()) {
      input.texts = SpansOf(page);
      parts = ParseStatementPage(input.texts, vocab, continued, continuation.in_section);
    } else if (ocr && page.load_image) {
      // The top, read as sparse text, holds the title; the whole page, read
      // with layout analysis, the table (its big bold title is often lost).
      std::optional<OcrResult> top;
      if (p == 0 && !first_page_top.empty()) {
        // The classifier's reading of this top: enough when it shows a title.
        OcrResult known;
        known.text = std::string(first_page_top);
        if (!TopTitleKind(known, vocab).empty()) top = std::move(known);
      }
      auto read_top = [&]() -> const OcrResult* {
        if (!top) {
          top.emplace();
          OcrPurpose purpose(ocr, "page top");
          if (!OcrPage(page, {params.title_top_fraction, RedInk::kDrop, false}, OcrLayout::kSparse, ocr, &*top).ok())
            top->text.clear();
        }
        return &*top;
      };
      if (!whole_scans && continued.empty() && !TopShowsStatement(*read_top(), vocab)) continue;
      std::optional<WholeReading> read;
      {
        OcrPurpose purpose(ocr, "table page");
        read = ReadWhole(page, vocab, continuation, ocr);
      }
      if (!read) continue;
      if (!AnyFigures(read->parts) && read->ocr.confidence < params.half_turn_below) {
        // A sheet fed upside down keeps its shape (TurnPagesUpright turns
        // only pages held sideways) and reads as debris: read half a turn
        // round, it is kept when it gives figures.
        OcrPurpose purpose(ocr, "table page/half turn");
        std::optional<WholeReading> turned = ReadWhole(HalfTurned(page), vocab, continuation, ocr);
        if (turned && AnyFigures(turned->parts)) read = std::move(turned);
      }
      const OcrResult& whole = read->ocr;
      input = std::move(read->input);
      parts = std::move(read->parts);
      if (!AnyTitled(parts)) {
        // No title read: the statement's form number on the page (free: it
        // was just read) or, unless the page gave figures to the statement
        // it continues, the top read again as sparse text names it — an
        // unfinished statement before it must not swallow the next one.
        std::string kind = TopMarkerKind(whole, vocab);
        const bool continues = !continued.empty() && AnyFigures(parts);
        if (kind.empty() && !continues) kind = TopTitleKind(*read_top(), vocab);
        if (kind.empty() && !continues) kind = TopMarkerKind(*read_top(), vocab);
        if (!kind.empty() && kind != "none" && kind != continued) {
          parts = ParseStatementPage(input.texts, vocab, kind);
          // Named at the top but no figure read: it is there all the same.
          if (parts.empty()) {
            PageStatement named;
            named.kind = kind;
            named.marked = true;
            parts.push_back(std::move(named));
          }
        }
      }
      // A statement the page's top names is there, figures read or not.
      if (top) {
        std::string named = TopTitleKind(*top, vocab);
        if (named.empty()) named = TopMarkerKind(*top, vocab);
        for (PageStatement& part : parts) part.marked = part.marked || (!named.empty() && part.kind == named);
      }
      ReadSoughtFigures(read->prepared.get(), params, ocr, &parts);
    } else {
      continue;
    }
    AddPage(parts, input, page_number, vocab, &assembled);
  }

  for (const Assembled& a : assembled) {
    if (a.st.kind.empty() || a.st.kind == "none") continue;
    // A title alone may be a phrase in prose (近1年资产负债表); with a period
    // column or a unit written it is a statement whose figures were not read.
    if (a.st.values.empty() && !a.st.marked && !(a.st.titled && (a.st.end_column || !a.st.unit.empty()))) continue;
    StatementFigures f;
    f.kind = a.st.kind;
    f.year = a.st.year;
    f.unit = a.st.unit.empty() ? "元" : a.st.unit;
    f.unit_read = !a.st.unit.empty();
    const double per_unit = vocab.WanPerUnit(f.unit);
    for (const auto& [key, value] : a.st.values) {
      (vocab.IsCrossCheckKey(f.kind, key) ? f.cross_check_wan : f.wan)[key] = Round6(value * per_unit);
      f.page_of[key] = a.page_of.at(key) + 1;
      auto sure = a.st.confidence.find(key);
      if (sure != a.st.confidence.end() && sure->second < params.doubtful_figure_confidence) f.doubtful.insert(key);
    }
    f.parent_company = a.st.parent_company;
    f.scanned = a.scanned;
    if (f.kind == "balance_sheet") ReconcileBalanceSheet(vocab, &f);
    f.file = path;
    for (int p : a.pages) f.pages.push_back(p + 1);
    const auto keys = vocab.KeysOf(f.kind);
    double found = keys.empty() ? 0 : double(f.wan.size()) / double(keys.size());
    f.confidence = std::min(1.0, found) * (a.pages.empty() ? 0 : a.confidence_sum / a.pages.size()) *
                   (a.st.end_column ? 1.0 : params.no_header_factor) *
                   (a.st.unit.empty() ? params.no_unit_factor : 1.0);
    out->push_back(std::move(f));
  }
}

Status ReadStatements(const Document& doc, const std::string& path, OcrEngine* ocr, const StatementSearch& search,
                      std::vector<StatementFigures>* out) {
  Status s;
  const StatementVocabulary* vocab = StatementVocabulary::Default(&s);
  if (!vocab) return s;
  ReadStatementsWith(*vocab, doc, path, ocr, search, out);
  return Status::OK();
}

namespace {

// The amount read in a cell cut from a prepared page, standing in the
// framed image between x `left` and `right`: of the words that read as an
// amount with a decimal point and do not touch the cut's edges (an amount
// cut in two reads as its part: "4,821.14" of "114,821.14"), the one nearest
// the cell's middle (the cut may hold the end of a neighbouring column's
// amount); its reading's confidence in *confidence.
std::optional<double> AmountIn(const OcrResult& cell, double left, double right, double* confidence) {
  constexpr double kEdge = 2;  // pixels
  const double middle = (left + right) / 2;
  std::optional<double> best;
  double best_distance = 0;
  for (const OcrWord& w : cell.words) {
    if (w.box.x <= left + kEdge || w.box.x + w.box.w >= right - kEdge) continue;
    bool plain = true;
    const std::optional<double> value = ParseStatementAmount(FoldText(w.text), &plain);
    // Statements print their cents: plain digits may be an amount that lost its point.
    if (!value || plain) continue;
    const double distance = std::fabs(w.box.x + w.box.w / 2 - middle);
    if (!best || distance < best_distance) {
      best = value;
      best_distance = distance;
      *confidence = w.confidence;
    }
  }
  return best;
}

}  // namespace

void ReadSoughtFigures(PIX* prepared, const StatementParams& params, OcrEngine* ocr, std::vector<PageStatement>* parts) {
  constexpr int kBorder = 16;  // white around the cut: Tesseract reads glyphs touching the edge badly
  const double width = pixGetWidth(prepared), height = pixGetHeight(prepared);
  OcrPurpose purpose(ocr, "statements/second look");
  for (PageStatement& part : *parts) {
    for (const auto& [key, at] : part.sought) {
      const double x0 = std::max(0.0, at.x), y0 = std::max(0.0, at.y);
      const double x1 = std::min(width, at.x + at.w), y1 = std::min(height, at.y + at.h);
      if (x1 - x0 < 4 || y1 - y0 < 4) continue;
      BoxPtr box(boxCreate(static_cast<l_int32>(x0), static_cast<l_int32>(y0), static_cast<l_int32>(x1 - x0),
                           static_cast<l_int32>(y1 - y0)));
      PixPtr cut = AdoptPix(pixClipRectangle(prepared, box.get(), nullptr));
      if (!cut) continue;
      PixPtr framed = AdoptPix(pixAddBorder(cut.get(), kBorder, pixGetDepth(cut.get()) == 1 ? 0 : 0xffffffff));
      if (!framed) continue;
      ocr->SetCharacterWhitelist("0123456789,.-()");
      const OcrResult read = ocr->Recognize(framed.get(), OcrLayout::kSingleLine);
      ocr->SetCharacterWhitelist("");
      double confidence = 0;
      const std::optional<double> value = AmountIn(read, kBorder, kBorder + (x1 - x0), &confidence);
      if (!value || confidence < params.doubtful_figure_confidence) continue;
      auto first = part.confidence.find(key);
      if (first != part.confidence.end() && first->second >= confidence) continue;
      part.values[key] = *value;
      part.confidence[key] = confidence;
    }
    part.sought.clear();
  }
}

std::vector<size_t> TakeUnreadUnits(const StatementVocabulary& vocab, std::vector<StatementFigures>* statements) {
  // The units read on the statements with figures, as 万元 per unit: OCR's
  // 干元 is 千元.
  std::set<double> read;
  for (const StatementFigures& s : *statements)
    if (s.unit_read && !s.wan.empty() && vocab.WanPerUnit(s.unit) > 0) read.insert(vocab.WanPerUnit(s.unit));
  if (read.size() != 1) return {};
  const double per_unit = *read.begin();
  const std::string unit = vocab.UnitName(per_unit);  // a unit of the table: per_unit is one's
  std::vector<size_t> changed;
  for (size_t i = 0; i < statements->size(); ++i) {
    StatementFigures& s = (*statements)[i];
    const double as_read = vocab.WanPerUnit(s.unit);
    if (s.unit_read || s.wan.empty() || as_read <= 0 || as_read == per_unit) continue;
    for (auto* figures : {&s.wan, &s.cross_check_wan})
      for (auto& [key, value] : *figures) {
        value = Round6(value * per_unit / as_read);
        s.doubtful.insert(key);
      }
    for (DerivedFigure& d : s.derived)
      if (d.as_read) d.as_read = Round6(*d.as_read * per_unit / as_read);
    s.unit = unit;
    changed.push_back(i);
  }
  return changed;
}

namespace {

constexpr const char* kAssets = "total_assets";
constexpr const char* kLiabilities = "total_liabilities";
constexpr const char* kEquity = "owners_equity";

// Sets `key` to `value`, read on the page of `page_from`.
void Take(StatementFigures* f, const std::string& key, double value, const std::string& page_from) {
  f->wan[key] = Round6(value);
  if (auto page = f->page_of.find(page_from); page != f->page_of.end()) f->page_of[key] = page->second;
}

}  // namespace

void ReconcileBalanceSheet(const StatementVocabulary& vocab, StatementFigures* f) {
  const double per_unit = vocab.WanPerUnit(f->unit);
  auto differ = [&](double a, double b) { return std::fabs(a - b) > per_unit + 1e-6 * std::max(std::fabs(a), std::fabs(b)); };
  auto read = [&](const char* key) -> std::optional<double> {
    auto it = f->wan.find(key);
    return it == f->wan.end() ? std::nullopt : std::optional<double>(it->second);
  };
  auto sure = [&](const char* key) { return read(key) && !f->doubtful.count(key); };
  // The figure's page: its own when it was read, else that of what it is taken from.
  auto derive = [&](const char* key, double value, std::vector<std::string> from) {
    const std::string page_from = read(key) && from.size() > 1 ? std::string(key) : from.front();
    f->derived.push_back({key, read(key), from});
    Take(f, key, value, page_from);
    f->doubtful.insert(key);
  };

  if (auto grand = f->cross_check_wan.find(kGrandTotalKey); grand != f->cross_check_wan.end()) {
    const double total = grand->second;
    if (!read(kAssets)) {
      Take(f, kAssets, total, kGrandTotalKey);
      if (f->doubtful.count(kGrandTotalKey)) f->doubtful.insert(kAssets);
    } else if (f->doubtful.count(kAssets) && read(kLiabilities) && read(kEquity) &&
               !differ(total, *read(kLiabilities) + *read(kEquity)) &&
               differ(*read(kAssets), *read(kLiabilities) + *read(kEquity))) {
      derive(kAssets, total, {kGrandTotalKey});
    }
  }

  // On a text layer or a spreadsheet a figure not read is a cell left empty.
  const int unsure = !sure(kAssets) + !sure(kLiabilities) + !sure(kEquity);
  const bool all_read = read(kAssets) && read(kLiabilities) && read(kEquity);
  if (unsure != 1 || (!all_read && !f->scanned)) return;
  if (!sure(kAssets)) {
    const double sum = *read(kLiabilities) + *read(kEquity);
    if (!read(kAssets) || differ(*read(kAssets), sum)) derive(kAssets, sum, {kLiabilities, kEquity});
  } else if (!sure(kLiabilities)) {
    const double rest = *read(kAssets) - *read(kEquity);
    if (rest >= 0 && (!read(kLiabilities) || differ(*read(kLiabilities), rest)))
      derive(kLiabilities, rest, {kAssets, kEquity});
  } else {
    const double rest = *read(kAssets) - *read(kLiabilities);
    if (!read(kEquity) || differ(*read(kEquity), rest)) derive(kEquity, rest, {kAssets, kLiabilities});
  }
}

std::optional<Financials> MergeFinancials(const std::vector<StatementFigures>& found) {
  std::vector<StatementFigures> statements;
  for (const StatementFigures& s : found)
    if (!s.wan.empty()) statements.push_back(s);
  if (statements.empty()) return std::nullopt;
  // A statement without a year takes the latest year written in its file.
  std::map<std::string, int> file_year;
  for (const StatementFigures& s : statements)
    if (s.year) file_year[s.file] = std::max(file_year[s.file], *s.year);
  auto year_of = [&](const StatementFigures& s) -> std::optional<int> {
    if (s.year) return s.year;
    auto it = file_year.find(s.file);
    return it == file_year.end() ? std::nullopt : std::optional<int>(it->second);
  };
  std::optional<int> latest;
  for (const StatementFigures& s : statements)
    if (auto y = year_of(s); y && (!latest || *y > *latest)) latest = y;

  std::map<std::string, const StatementFigures*> chosen;
  for (const StatementFigures& s : statements) {
    if (latest && year_of(s) != latest) continue;
    const StatementFigures*& best = chosen[s.kind];
    const bool better = !best || (best->parent_company && !s.parent_company) ||
                        (best->parent_company == s.parent_company && s.confidence > best->confidence);
    if (better) best = &s;
  }
  Financials f;
  f.year = latest;
  auto take = [&](const char* kind, const char* key, std::optional<double>* slot) {
    auto it = chosen.find(kind);
    if (it == chosen.end()) return;
    const StatementFigures& st = *it->second;
    const std::map<std::string, double>& figures = st.wan.count(key) ? st.wan : st.cross_check_wan;
    auto v = figures.find(key);
    if (v == figures.end()) return;
    *slot = v->second;
    auto page = st.page_of.find(key);
    f.read_at[key] = "“" + st.file + "”" + (page == st.page_of.end() ? "" : PageListText({page->second}));
    f.file_of[key] = st.file;
    if (st.doubtful.count(key)) f.doubtful[key] = f.read_at[key];
  };
  take("balance_sheet", "total_assets", &f.total_assets);
  take("balance_sheet", "total_liabilities", &f.total_liabilities);
  take("balance_sheet", "owners_equity", &f.owners_equity);
  take("income_statement", "revenue", &f.revenue);
  take("income_statement", "net_profit", &f.net_profit);
  take("cash_flow_statement", "operating_cash_flow", &f.operating_cash_flow);
  // The group's 补充资料 restates the group's 净利润, the parent's the parent's.
  auto income = chosen.find("income_statement"), flows = chosen.find("cash_flow_statement");
  if (income != chosen.end() && flows != chosen.end() &&
      income->second->parent_company == flows->second->parent_company)
    take("cash_flow_statement", "restated_net_profit", &f.restated_net_profit);
  for (const char* kind : {"balance_sheet", "income_statement", "cash_flow_statement"}) {
    auto it = chosen.find(kind);
    if (it == chosen.end()) continue;
    if (f.source_file.empty()) f.source_file = it->second->file;
    if (std::string(kind) == "balance_sheet") f.unit = it->second->unit;
  }
  return f;
}

}  // namespace gm
