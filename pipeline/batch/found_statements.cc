#include "pipeline/batch/found_statements.h"

#include <optional>

#include "pipeline/check/check_context.h"
#include "pipeline/core/page_list.h"

namespace gm {
namespace {

bool IsStatementKind(const std::string& kind) {
  return kind == "balance_sheet" || kind == "income_statement" || kind == "cash_flow_statement" ||
         kind == "audit_report";
}

// How a file is searched for statements, or nullopt when it is not: files
// the classifier took for statements or an audit report, and electronic
// files of any kind but the form (their text costs no OCR), are read as
// statements; a scan nothing else fitted ("other") is searched at the top of
// each page for a statement's title. Approvals, certificates and the form
// are not searched.
std::optional<StatementSearch> StatementSearchFor(const OpenedFile& f) {
  if (!f.opened || f.cls.kind == "application_form") return std::nullopt;
  StatementSearch search;
  if (f.cls.text_source == TextSource::kOcr) search.first_page_top = f.cls.first_page_text;
  if (IsStatementKind(f.cls.kind)) return search;
  if (IsElectronic(f.doc)) return search;
  if (f.cls.kind != "other") return std::nullopt;
  search.titled_pages_only = true;
  return search;
}

// "文件“X”第2页的资产负债表中所有者权益合计识别存疑（读作 35.50 万元），
// 已按资产总计减负债合计取 291217.55 万元，请人工核对".
Finding DerivedFigureFinding(const BatchContext& ctx, const StatementVocabulary& vocab, const StatementFigures& st,
                             const DerivedFigure& d) {
  auto name = [&](const std::string& key) { return vocab.ItemName(st.kind, key); };
  const auto page = st.page_of.find(d.key);
  const std::string read = d.as_read ? "识别存疑（读作 " + FormatWan(*d.as_read) + " 万元）" : "未能读出";
  std::string how = d.from.size() == 1 ? "取" + name(d.from[0])
                                       : d.key == "total_assets" ? "按" + name(d.from[0]) + "加" + name(d.from[1]) + "取"
                                                                 : "按" + name(d.from[0]) + "减" + name(d.from[1]) + "取";
  return NewFinding(ctx.templates, "low_confidence", st.file,
                    "文件“" + st.file + "”" + (page == st.page_of.end() ? "" : PageListText({page->second})) + "的" +
                        ctx.templates.ChecklistLabel(st.kind) + "中" + name(d.key) + read + "，已" + how + " " +
                        FormatWan(st.wan.at(d.key)) + " 万元，请人工核对");
}

}  // namespace

std::set<std::string> FoundStatements::Files() const {
  std::set<std::string> files;
  for (const StatementFigures& st : statements) files.insert(st.file);
  return files;
}

std::vector<StatementPlace> FoundStatements::Places() const {
  std::vector<StatementPlace> places;
  for (const StatementFigures& st : statements) places.push_back(st.Place());
  return places;
}

FoundStatements FindStatements(const BatchContext& ctx, const Package& package, const OpenedFiles& opened,
                               OcrEngine* ocr) {
  FoundStatements found;
  for (size_t i = 0; i < opened.files.size(); ++i) {
    const std::optional<StatementSearch> search = StatementSearchFor(opened.files[i]);
    if (!search) continue;
    ReadStatementsWith(*ctx.statement_vocabulary, opened.files[i].doc, package.files[i].path, ocr, *search,
                       &found.statements);
  }
  const StatementVocabulary& vocab = *ctx.statement_vocabulary;
  for (size_t i : TakeUnreadUnits(vocab, &found.statements)) {
    const StatementFigures& st = found.statements[i];
    std::string unit = vocab.UnitName(vocab.WanPerUnit(st.unit));
    if (unit.empty()) unit = st.unit;
    found.findings.push_back(NewFinding(ctx.templates, "low_confidence", st.file,
                                        "文件“" + st.file + "”" + PageListText(st.pages) + "的" +
                                            ctx.templates.ChecklistLabel(st.kind) + "未能读出金额单位，已按其他报表的单位“" +
                                            unit + "”换算，请人工核对"));
  }
  for (const StatementFigures& st : found.statements)
    for (const DerivedFigure& d : st.derived) found.findings.push_back(DerivedFigureFinding(ctx, vocab, st, d));
  for (const StatementFigures& st : found.statements) {
    if (!st.wan.empty()) continue;
    found.findings.push_back(NewFinding(ctx.templates, "low_confidence", st.file,
                                        "文件“" + st.file + "”" + PageListText(st.pages) + "有" +
                                            ctx.templates.ChecklistLabel(st.kind) + "，但未能读出其数字，请人工核对"));
  }
  return found;
}

}  // namespace gm
