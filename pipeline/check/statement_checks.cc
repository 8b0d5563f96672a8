// Checks of the financial statements, alone and against the form: the
// balance sheet balances, the income statement's 净利润 is the one the
// cash-flow statement's 补充资料 restates, the form's 资产负债率 is the
// sheet's, the statements are for the latest finished year.
#include <cmath>
#include <cstdlib>
#include <initializer_list>
#include <map>

#include "pipeline/check/check_context.h"

namespace gm {
namespace {

// The checklist kind of file `path` ("audit_report" when the statement is
// inside one): a finding on the statements names that document; `fallback`
// when the file is not known.
std::string FileKind(const CheckContext& ctx, const std::string& path, const char* fallback) {
  for (const FileEntry& f : ctx.files())
    if (f.path == path && !f.kind.empty()) return f.kind;
  return fallback;
}

// The kind of the file the balance sheet came from.
std::string SourceKind(const CheckContext& ctx, const Financials& fin) {
  return FileKind(ctx, fin.source_file, "balance_sheet");
}

// A figure a cross-check uses, as the reviewer finds it: statement and row.
const char* FigureLabel(const std::string& key) {
  if (key == "total_assets") return "资产负债表的资产总计";
  if (key == "total_liabilities") return "资产负债表的负债合计";
  if (key == "net_profit") return "利润表的净利润";
  if (key == "restated_net_profit") return "现金流量表补充资料的净利润";
  return "资产负债表的所有者权益合计";
}

// A cross-check of the statements failed (`why`). When a figure it used was
// read doubtfully by OCR, that figure is the likelier fault than the
// applicant's statements: each such figure gets a low_confidence finding
// asking for a look, and true is returned; false when none was doubtful.
bool AskForALook(CheckContext* ctx, const Financials& fin, const std::string& source,
                 std::initializer_list<const char*> keys, const std::string& why) {
  bool asked = false;
  for (const char* key : keys) {
    auto where = fin.doubtful.find(key);
    if (where == fin.doubtful.end()) continue;
    ctx->Add("low_confidence", source,
             std::string(FigureLabel(key)) + "（" + where->second + "）识别把握不大，" + why + "，请人工核对该数字");
    asked = true;
  }
  return asked;
}

std::string YearNote(const Financials& fin) {
  return fin.year ? "（" + std::to_string(*fin.year) + "年）" : "";
}

// The year of a YYYY-MM-DD date; nullopt when it is not one.
std::optional<int> YearOf(const std::string& date) {
  if (date.size() != 10 || date[4] != '-' || date[7] != '-') return std::nullopt;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (date[i] < '0' || date[i] > '9') return std::nullopt;
  return std::atoi(date.substr(0, 4).c_str());
}

std::string Percent(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.2f%%", v);
  return buf;
}

// The string at `key` of `m`; "" when none.
std::string At(const std::map<std::string, std::string>& m, const char* key) {
  auto it = m.find(key);
  return it == m.end() ? std::string() : it->second;
}

// 净利润 on the income statement against the one the cash-flow statement's
// 补充资料 restates. Both are the applicant's one figure: a difference is a
// misreading. The doubtful one is pointed at — both when neither was read
// doubtfully — with low_confidence, never reported as an error.
void CheckRestatedNetProfit(CheckContext* ctx, const Financials& fin, const Tolerances& tol) {
  if (!fin.net_profit || !fin.restated_net_profit) return;
  const double gap = std::fabs(*fin.net_profit - *fin.restated_net_profit);
  if (gap <= tol.restated_abs_wan + 1e-9) return;
  const std::string field = FileKind(*ctx, At(fin.file_of, "net_profit"), "income_statement");
  const std::string why = "利润表净利润 " + FormatWan(*fin.net_profit) + " 万元与现金流量表补充资料中的净利润 " +
                          FormatWan(*fin.restated_net_profit) + " 万元不等，相差 " + FormatWan(gap) + " 万元";
  if (AskForALook(ctx, fin, field, {"net_profit", "restated_net_profit"}, why)) return;
  ctx->Add("low_confidence", field,
           why + "（" + At(fin.read_at, "net_profit") + "、" + At(fin.read_at, "restated_net_profit") +
               "），两者应相同，可能有一处识别有误，请人工核对这两个数字");
}

}  // namespace

void CheckStatements(CheckContext* ctx) {
  const Financials* fin = ctx->financials();
  if (!fin || !ctx->rules()) return;
  const Tolerances& tol = ctx->rules()->tolerances();
  const std::string source = SourceKind(*ctx, *fin);

  // 资产负债率 = 负债合计 / 资产总计 (填表说明 3: the previous year's end).
  auto form_ratio = ctx->Number("debt_ratio");
  if (form_ratio && fin->total_assets && fin->total_liabilities && *fin->total_assets > 0) {
    const double sheet_ratio = 100.0 * *fin->total_liabilities / *fin->total_assets;
    const double gap = std::fabs(*form_ratio - sheet_ratio);
    const std::string why = "申请表资产负债率 " + Percent(*form_ratio) + " 与负债合计 / 资产总计 = " +
                            Percent(sheet_ratio) + " 相差 " + FormatWan(gap) + " 个百分点";
    if (gap > tol.debt_ratio_pp + 1e-9 &&
        AskForALook(ctx, *fin, source, {"total_assets", "total_liabilities"}, why)) {
      // the doubtful figure is pointed at instead
    } else if (gap > tol.debt_ratio_pp + 1e-9) {
      ctx->Add("debt_ratio_mismatch", "debt_ratio",
               "申请表资产负债率 " + Percent(*form_ratio) + " 与资产负债表" + YearNote(*fin) + "负债合计 " +
                   FormatWan(*fin->total_liabilities) + " 万元 / 资产总计 " + FormatWan(*fin->total_assets) +
                   " 万元 = " + Percent(sheet_ratio) + " 不符，相差 " + FormatWan(gap) + " 个百分点");
    }
  }

  if (fin->total_assets && fin->total_liabilities && fin->owners_equity) {
    const double right = *fin->total_liabilities + *fin->owners_equity;
    const double gap = std::fabs(*fin->total_assets - right);
    const std::string why = "资产总计 " + FormatWan(*fin->total_assets) + " 万元与负债合计 + 所有者权益合计 " +
                            FormatWan(right) + " 万元不等，相差 " + FormatWan(gap) + " 万元";
    if (gap > tol.BalanceTolerance(fin->unit) + 1e-9 &&
        AskForALook(ctx, *fin, source, {"total_assets", "total_liabilities", "owners_equity"}, why)) {
      // the doubtful figure is pointed at instead
    } else if (gap > tol.BalanceTolerance(fin->unit) + 1e-9) {
      ctx->Add("balance_sheet_unbalanced", source,
               "资产负债表" + YearNote(*fin) + "资产总计 " + FormatWan(*fin->total_assets) + " 万元与负债合计 " +
                   FormatWan(*fin->total_liabilities) + " 万元 + 所有者权益合计 " + FormatWan(*fin->owners_equity) +
                   " 万元 = " + FormatWan(right) + " 万元不等，相差 " + FormatWan(gap) + " 万元");
    }
  }

  CheckRestatedNetProfit(ctx, *fin, tol);

  // The latest finished year before the application: as of 2025-06-30, 2024.
  if (auto as_of = YearOf(ctx->as_of()); as_of && fin->year && *fin->year < *as_of - 1) {
    ctx->Add("statements_outdated", source,
             "财务报表为 " + std::to_string(*fin->year) + " 年度，截至 " + ctx->as_of() + " 最近一个完整年度为 " +
                 std::to_string(*as_of - 1) + " 年度");
  }
}

}  // namespace gm
