// Statement reader: the financial statements of a document — a text PDF by
// its text layer with positions, a spreadsheet by its cells, a scan by OCR of
// the whole page with word boxes — into the figures the checks need, in 万元.
// An audit report yields several statements; a statement running over two
// pages (资产负债表 and its 续) is read as one.
//
// Scans cost OCR time, so a long scanned document (more pages than
// statements_params.tsv's ocr_whole_pages), or one the classifier did not
// take for a statement, is first read at the top of each page to find the
// statement titles, and only those pages (and a page that continues an
// unfinished statement) are read whole.
//
// The reader is the package's one source of truth about statements: what it
// finds (kind, file, pages) is what the checklist reports as present, and its
// figures are the record's financials.
//
// Thread-safety: ReadStatements and MergeFinancials are thread-safe; `ocr`
// is used by the calling thread only.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "extractors/ocr/engine.h"
#include "extractors/statements/statement_parser.h"
#include "extractors/statements/statement_vocabulary.h"
#include "pipeline/core/document.h"
#include "pipeline/core/record.h"
#include "pipeline/core/status.h"

namespace gm {

// A figure taken from the balance sheet's identity 资产总计 = 负债和所有者
// 权益总计 = 负债合计 + 所有者权益合计 instead of its own reading.
struct DerivedFigure {
  std::string key;                // total_assets | total_liabilities | owners_equity
  std::optional<double> as_read;  // 万元, as OCR read it; nullopt when not read
  std::vector<std::string> from;  // the keys it was taken from (kGrandTotalKey, or the other two)
};

struct StatementFigures {
  std::string kind;                  // balance_sheet | income_statement | cash_flow_statement
  std::optional<int> year;
  std::string unit;                  // 元 | 千元 | 万元 (as written)
  bool unit_read = false;            // false: no unit was read and `unit` is 元 by default
  std::map<std::string, double> wan; // total_assets, total_liabilities, owners_equity, revenue, net_profit, operating_cash_flow → 万元; empty when its figures could not be read
  // The figures of its sections (statements_sections.tsv) → 万元: the
  // cash-flow statement's 补充资料 restating 净利润 (restated_net_profit).
  // Read to check the others against; no figure of the record, and a
  // statement holding only these had its figures not read.
  std::map<std::string, double> cross_check_wan;
  std::string file;
  std::vector<int> pages;            // 1-based pages holding it (sheets of a spreadsheet and Word tables come first)
  std::map<std::string, int> page_of;   // key → the 1-based page its figure was read on (cross_check_wan's too)
  std::set<std::string> doubtful;       // keys whose figure OCR read with a confidence under doubtful_figure_confidence
  bool parent_company = false;          // 母公司 statement (an audit report has the group's 合并 one too)
  bool scanned = false;                 // a page of it was read by OCR
  // Balance-sheet figures that stand for ones OCR lost or garbled
  // (ReconcileBalanceSheet): the reviewer is told what was read and taken.
  std::vector<DerivedFigure> derived;
  double confidence = 0;

  StatementPlace Place() const { return {kind, file, pages, !wan.empty()}; }
};

// How a document is searched.
struct StatementSearch {
  // The OCR text of the first page's top that the classifier already read
  // (Classification::first_page_text of a scan); "" when none. When it
  // shows a statement's title, that top is not read again.
  std::string_view first_page_top;
  // Scanned pages are read whole only when their top shows a statement (or
  // they continue one). When false, a short scan (up to ocr_whole_pages) is
  // read whole: the classifier took the document for a statement.
  bool titled_pages_only = false;
};

// Reads every statement found in the document (an audit report yields
// several) and appends them to *out: those whose figures were read, and
// those whose title was found but no figure (wan empty), so that the caller
// knows the statement is there. Fails only when the statement vocabulary
// cannot be loaded. Thread-safe; ocr may be null (text only).
Status ReadStatements(const Document& doc, const std::string& path, OcrEngine* ocr, const StatementSearch& search,
                      std::vector<StatementFigures>* out);
// The same with an explicit vocabulary.
void ReadStatementsWith(const StatementVocabulary& vocab, const Document& doc, const std::string& path, OcrEngine* ocr,
                        const StatementSearch& search, std::vector<StatementFigures>* out);

// A second look at the figures the reading of a scanned page left out or
// read doubtfully (PageStatement::sought): the cell where each stands, cut
// from `prepared` (the page as OCR saw it, OcrTablePage; enlarged, its
// binary strokes read worse) and read as one line of amount characters. Of
// the amounts read with a decimal point and clear of the cut's edges, the
// one nearest the cell's middle is taken when OCR is at least
// doubtful_figure_confidence sure of it and surer than of the first reading.
// Clears every part's `sought`. Costs one small OCR call a figure sought.
// REQUIRES: prepared, ocr, parts != nullptr.
void ReadSoughtFigures(PIX* prepared, const StatementParams& params, OcrEngine* ocr, std::vector<PageStatement>* parts);

// A company writes its statements in one unit. A statement with figures
// whose unit was not read (OCR lost 单位：亿元 on a photo; its figures came
// out in 元, 1e8 too small) takes the unit read on every other statement of
// the package with figures, when they all agree on one other than 元; its
// figures are rescaled and all counted doubtful. Returns the indices of the
// statements changed.
std::vector<size_t> TakeUnreadUnits(const StatementVocabulary& vocab, std::vector<StatementFigures>* statements);

// A balance sheet's 资产总计 equals its grand total 负债和所有者权益总计
// (kGrandTotalKey, read as a cross-check figure) and 负债合计 + 所有者权益合计.
// Where OCR lost or garbled one of them, the others stand for it:
//   - 资产总计 not read: the grand total (a figure of the page, not derived);
//   - 资产总计 read doubtfully and differing from 负债合计 + 所有者权益合计 by
//     more than one unit as written, where the grand total agrees with that
//     sum: the grand total;
//   - otherwise, of 资产总计, 负债合计 and 所有者权益合计, exactly one read
//     doubtfully or (on a scanned statement: OCR lost it) not read, the other
//     two read surely, and the identity giving another figure than the one
//     read: the one from the other two (负债合计 never below zero). On a text
//     layer or a spreadsheet an empty cell is left empty.
// Each figure taken so but the first is listed in `derived` and counted
// doubtful. A figure read surely is never replaced: a sheet whose printed
// totals disagree is the applicant's to explain (balance_sheet_unbalanced).
void ReconcileBalanceSheet(const StatementVocabulary& vocab, StatementFigures* balance_sheet);

// The package's financials: the latest year's figures, one statement kind
// each (of several of a kind and year, the group's 合并 statement over the
// parent's 母公司 one, then the most confident); nullopt when
// no statement's figures were read. A statement without a year counts for
// the year of another statement of the same file, else only when no
// statement has a year. The cash-flow statement's restated 净利润 is kept
// beside them for the checks when the income statement chosen is of the
// same scope (合并 or 母公司).
std::optional<Financials> MergeFinancials(const std::vector<StatementFigures>& statements);

}  // namespace gm
