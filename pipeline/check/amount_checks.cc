// Checks that the form's amounts agree with each other. All amounts are in
// 万元; rounding to the form's two decimals is not a mismatch
// (check_tolerances.tsv: form_abs_wan, form_rel). A comparison with an empty
// input is skipped: missing_required_field reports the empty field.
#include <cmath>

#include "pipeline/check/check_context.h"

namespace gm {
namespace {

// "A exceeds B" beyond rounding: one finding naming both amounts.
void CheckNotAbove(CheckContext* ctx, const Tolerances& tol, const char* code, const std::string& key,
                   const std::string& limit_key) {
  auto value = ctx->Number(key), limit = ctx->Number(limit_key);
  if (!value || !limit || *value <= *limit || !tol.FormDiffers(*value, *limit)) return;
  ctx->Add(code, key,
           ctx->Label(key) + " " + FormatWan(*value) + " 万元超过" + ctx->Label(limit_key) + " " + FormatWan(*limit) +
               " 万元，超出 " + FormatWan(*value - *limit) + " 万元");
}

}  // namespace

void CheckFormAmounts(CheckContext* ctx) {
  if (!ctx->rules()) return;
  const Tolerances& tol = ctx->rules()->tolerances();

  auto total = ctx->Number("total_investment");
  auto gov = ctx->Number("funding_government"), self = ctx->Number("funding_self"),
       other = ctx->Number("funding_other");
  if (total && gov && self && other) {
    const double sum = *gov + *self + *other;
    if (tol.FormDiffers(sum, *total)) {
      ctx->Add("funding_sum_mismatch", "total_investment",
               "资金来源合计 " + FormatWan(sum) + " 万元（政府 " + FormatWan(*gov) + " + 自筹 " + FormatWan(*self) +
                   " + 其他 " + FormatWan(*other) + "）与项目总投资 " + FormatWan(*total) + " 万元不一致，相差 " +
                   FormatWan(std::fabs(sum - *total)) + " 万元");
    }
  }
  CheckNotAbove(ctx, tol, "equity_exceeds_total", "equity_capital", "total_investment");
  CheckNotAbove(ctx, tol, "invested_exceeds_in_place", "invested_amount", "funds_in_place");
  CheckNotAbove(ctx, tol, "loans_exceed_demand", "loans_obtained", "loan_demand_total");
  CheckNotAbove(ctx, tol, "loans_exceed_demand", "loan_demand_this_year", "loan_demand_total");
}

}  // namespace gm
