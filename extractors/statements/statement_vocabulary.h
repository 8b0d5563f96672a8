// StatementVocabulary: what the statement reader looks for — the statement
// titles, the row labels of the figures it takes, the column headers that
// say which column is the end of the period, the units and the reader's
// tuning, and the sections that restate another statement's figure — loaded
// from templates/statements_*.tsv. Labels are kept folded
// and cleaned (CleanLabel), the form they are compared in.
//
// Thread-safety: immutable after Load. Default() loads once, on first use,
// from Templates::DefaultDir(); safe to call from many threads.
#pragma once

#include <filesystem>
#include <map>
#include <string_view>
#include <string>
#include <vector>

#include "extractors/classify/title_line.h"
#include "pipeline/core/status.h"

namespace gm {

enum class ColumnRole { kEnd, kOpening, kIndex, kNote };

// The key of a row that names no figure greenmine reads, listed because OCR
// can misread it into one that does (营业外收入 → 营业总收入).
inline constexpr const char* kNoFigureKey = "none";

// The balance sheet's grand total of its right side (负债和所有者权益总计),
// equal to 资产总计 on every balance sheet: read beside 资产总计 to stand for
// it when OCR lost or garbled it (TakeGrandTotal), never a figure of the
// record, and a balance sheet is complete without it.
inline constexpr const char* kGrandTotalKey = "liabilities_and_equity_total";

struct StatementItemLabel {
  std::string kind;   // balance_sheet | income_statement | cash_flow_statement
  std::string key;    // total_assets, ... (the keys of StatementFigures::wan); kNoFigureKey
  int priority = 1;   // lower wins when several labels of a key are present
  std::string label;  // folded and cleaned
  std::u32string bare;  // BareLabel(label): what OCR'd labels are compared in
};

// A section of a statement that restates a figure of another statement (the
// cash-flow statement's 补充资料 restates 净利润): its keys are read only
// after a row naming one of its headings, and no statement needs them to be
// complete.
struct StatementSection {
  std::string kind;                     // the statement it is part of
  std::vector<std::string> keys;        // read only inside it
  std::vector<std::u32string> headings; // bare (BareLabel)
};

struct StatementParams {
  int title_max_extra = 10;
  double index_max = 200;
  int ocr_whole_pages = 3;
  double title_top_fraction = 0.25;
  int max_pages = 60;
  double no_header_factor = 0.85;
  double no_unit_factor = 0.8;
  double doubtful_figure_confidence = 0.7;  // an amount OCR read less sure than this is doubtful
  double half_turn_below = 0.5;  // a page without figures read less sure than this is read again half a turn round
};

struct StatementVocabulary {
  std::vector<ContainedTitle> titles;              // kind "none": statements not read
  std::vector<StatementItemLabel> items;
  std::vector<std::pair<std::string, ColumnRole>> columns;  // folded header label → role
  std::vector<std::pair<std::string, double>> units;        // unit → 万元 per unit, longest name first
  std::vector<std::pair<std::string, std::string>> markers; // folded marker → kind ("" for any statement)
  std::vector<StatementSection> sections;
  StatementParams params;

  // Loads statements_titles.tsv, statements_items.tsv, statements_columns.tsv,
  // statements_units.tsv, statements_markers.tsv, statements_sections.tsv and
  // statements_params.tsv from `dir`.
  static Status Load(const std::filesystem::path& dir, StatementVocabulary* out);
  // The vocabulary of Templates::DefaultDir(), for tests and tools; a run
  // loads its own from its templates folder (BatchContext). *status says why
  // when it is null.
  static const StatementVocabulary* Default(Status* status);

  // 万元 per unit; 0 when the unit is unknown.
  double WanPerUnit(const std::string& unit) const;
  // The printed name of the unit worth `wan_per_unit` 万元: the shortest
  // with that worth, the first listed of those (statements_units.tsv lists
  // 千元 before 干元, OCR's misreading of it); "" when none.
  std::string UnitName(double wan_per_unit) const;
  // The printed name of a figure: the first label of its key in
  // statements_items.tsv (资产总计 for total_assets); `key` when none.
  std::string ItemName(const std::string& kind, const std::string& key) const;
  // The statement kind a form number in folded `text` names (会企02表); ""
  // when none names one (编制单位 marks a statement but names no kind).
  std::string MarkedKind(const std::string& folded_text) const;
  // The keys a statement kind is read for: those that make it complete, not
  // its cross-check keys.
  std::vector<std::string> KeysOf(const std::string& kind) const;
  // Whether `key` of statement `kind` is read only to check or stand for
  // another figure: a key of a section, or kGrandTotalKey.
  bool IsCrossCheckKey(const std::string& kind, const std::string& key) const;
  // The section whose key `key` of statement `kind` is; null when none.
  const StatementSection* SectionOf(const std::string& kind, const std::string& key) const;
  // The section a row label (folded) opens: it holds one of the headings,
  // one misread character allowed; null when none.
  const StatementSection* SectionOpenedBy(const std::string& folded_label) const;
};

// A row label in the form vocabularies hold it: folded, without a leading
// enumerator ("一、", "(二)", "1.", "加:", "减:", "其中:"), without a
// parenthetical that says how to fill the row (one that holds "填列"), and
// without a trailing colon.
std::string CleanLabel(const std::string& folded);

// The letters, digits and ideographs of a label, without punctuation or
// brackets: OCR reads "（" as "【" or "{", a printed label need not match it.
std::u32string BareLabel(const std::string& utf8);

}  // namespace gm
