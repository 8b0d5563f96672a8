// Statement reader: the financial statements of a document — a text PDF by
// its text layer with positions, a spreadsheet by its cells, a scan by OCR of
// the whole page with word boxes — into the figures the checks need, in 万元.
// An audit report yields several statements; a statement running over two
// pages (资产负债表 and its 续) is read as one.
//
// Scans cost OCR time, so a long scanned document (more pages than
// statements_params.tsv's ocr_whole_pages) is first read at the top of each
// page to find the statement titles, and only those pages (and a page that
// continues an unfinished statement) are read whole.
//
// Thread-safety: ReadStatements and MergeFinancials are thread-safe; `ocr`
// is used by the calling thread only.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extractors/ocr/engine.h"
#include "extractors/statements/statement_vocabulary.h"
#include "pipeline/core/document.h"
#include "pipeline/core/record.h"
#include "pipeline/core/status.h"

namespace gm {

struct StatementFigures {
  std::string kind;                  // balance_sheet | income_statement | cash_flow_statement
  std::optional<int> year;
  std::string unit;                  // 元 | 千元 | 万元 (as written)
  std::map<std::string, double> wan; // total_assets, total_liabilities, owners_equity, revenue, net_profit, operating_cash_flow → 万元
  std::string file;
  double confidence = 0;
};

// Reads every statement found in the document (an audit report yields
// several) and appends them to *out; statements with no figure found are
// left out. Fails only when the statement vocabulary cannot be loaded.
// Thread-safe; ocr may be null (text only). `first_page_top`, when not
// empty, is the OCR text of the first page's top that the classifier already
// read (Classification::first_page_text of a scan): when it shows a
// statement's title, that top is not read again.
Status ReadStatements(const Document& doc, const std::string& path, OcrEngine* ocr, std::vector<StatementFigures>* out,
                      std::string_view first_page_top = {});
// The same with an explicit vocabulary.
void ReadStatementsWith(const StatementVocabulary& vocab, const Document& doc, const std::string& path, OcrEngine* ocr,
                        std::vector<StatementFigures>* out, std::string_view first_page_top = {});

// The package's financials: the latest year's figures, one statement kind
// each (of several of a kind and year, the most confident); nullopt when
// none. A statement without a year counts for the year of another statement
// of the same file, else only when no statement has a year.
std::optional<Financials> MergeFinancials(const std::vector<StatementFigures>& statements);

}  // namespace gm
