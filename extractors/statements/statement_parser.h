// Statement page parser: one page of a financial statement — as placed text
// from a PDF text layer, OCR words or spreadsheet cells — into the figures
// greenmine reads (资产总计, 负债合计, 所有者权益合计, 营业收入, 净利润,
// 经营活动产生的现金流量净额), with the statement's year and unit.
//
// How a figure is chosen: text is cut into cells at whitespace and grouped
// into rows by position. A row holding 期末余额 / 本期金额 / 年初余额 … is a
// header row: it fixes the x-position and role of every column. On an item
// row, each label (a run of text cells) takes the numbers that follow it up
// to the next label, so the two halves of a balance sheet (assets left,
// liabilities and equity right) are read as two items. Each number belongs
// to the header column nearest it; the label's figure is the number under an
// end-of-period column — never an opening or prior-period one. Without a
// header row the first number is taken (the end-of-period column comes first
// by convention), after a leading 行次 row number. A section that restates
// another statement's figure (the cash-flow statement's 补充资料 and its
// 净利润) is read under its own keys, only after its heading.
//
// Thread-safety: pure functions.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "extractors/statements/statement_amount.h"
#include "extractors/statements/statement_vocabulary.h"
#include "pipeline/core/document.h"

namespace gm {

// A piece of text at a place on the page: a PDF span, an OCR word, a cell.
struct PlacedText {
  std::string text;  // UTF-8, as read
  Box box;           // page coordinates; any unit, as long as one page uses one
  double confidence = 1;  // how sure the reading is, 0..1: OCR's word confidence; 1 for a text layer or a cell
  int line = -1;          // the OCR text line it was read in (words of one line share a row); -1 when none
};

// One statement, or the part of one, found on a page.
struct PageStatement {
  std::string kind;                       // a statement kind; "" when unknown
  bool titled = false;                    // its title is on this page
  std::optional<int> year;
  std::string unit;                       // as written (folded); "" when not written here
  std::map<std::string, double> values;   // key → amount in `unit` (as written)
  std::map<std::string, double> confidence;  // key → the confidence of the amount's reading
  bool end_column = false;                // an end-of-period column header was located
  bool marked = false;                    // the page's top named it (title or form number) though the page's text did not
  bool parent_company = false;            // the title says 母公司: the parent alone, not the group (合并)
  // A section heading (statements_sections.tsv: 将净利润调节为经营活动现金流量)
  // was read: the rows after it, to the end of the page, are the section's.
  // An untitled part holding one is the rest of the statement before it.
  bool in_section = false;
  // Figures whose label was read but not their end-of-period amount, or only
  // doubtfully: key → where the amount stands, in the page's coordinates.
  // A scan's reader reads there again (statement_reader.cc).
  std::map<std::string, Box> sought;
};

// Parses the placed text of one page. `continued_kind` is the kind of a
// statement the previous page left unfinished ("" for none): rows before the
// first title on this page continue it — inside its section when
// `continued_in_section` (the previous page read the section's heading). Statements of kind "none" (a
// statement greenmine does not read) are returned too, so the caller knows
// the previous one ended. Never fails; text that is no statement gives an
// empty result.
std::vector<PageStatement> ParseStatementPage(const std::vector<PlacedText>& texts, const StatementVocabulary& vocab,
                                              const std::string& continued_kind, bool continued_in_section = false);

}  // namespace gm
