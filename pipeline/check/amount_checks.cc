// Checks that the form's amounts agree with each other. All amounts are in
// 万元; rounding to the form's two decimals is not a mismatch
// (check_tolerances.tsv: form_abs_wan, form_rel). A comparison with an empty
// input is skipped: missing_required_field reports the empty field.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

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

// A sum that does not add up is as often a digit misread as the applicant's
// slip, and a misread digit in an addend is otherwise named by nothing. The
// figures read least surely — those sharing the lowest confidence of the
// sum's figures — get a low_confidence finding each, asking for a look at
// the number; the mismatch itself is reported as before. A figure read at
// least `sure` (check_tolerances.tsv sum_doubt_below: typed, or read alike by
// both OCR models) is not doubted, so an applicant's own wrong sum on a
// clearly read form adds no work.
void AskForALookAtTheLeastSure(CheckContext* ctx, double sure, const std::vector<std::string>& keys,
                               const std::string& why) {
  constexpr double kSameConfidence = 0.005;  // one cell's parts share its confidence, up to rounding
  double least = 1.0;
  for (const std::string& key : keys) least = std::min(least, ctx->Confidence(key));
  if (least >= sure) return;
  for (const std::string& key : keys) {
    if (ctx->Confidence(key) > least + kSameConfidence) continue;
    char confidence[16];
    std::snprintf(confidence, sizeof confidence, "%.2f", ctx->Confidence(key));
    ctx->Add("low_confidence", key,
             why + "，" + ctx->Label(key) + " " + FormatWan(*ctx->Number(key)) + " 万元是其中识别把握最小的数字（置信度" +
                 confidence + "），可能有识别错误，请人工核对该数字");
  }
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
      AskForALookAtTheLeastSure(ctx, tol.sum_doubt_below,
                                {"funding_government", "funding_self", "funding_other", "total_investment"},
                                "资金来源合计与项目总投资不一致");
    }
  }
  CheckNotAbove(ctx, tol, "equity_exceeds_total", "equity_capital", "total_investment");
  CheckNotAbove(ctx, tol, "invested_exceeds_in_place", "invested_amount", "funds_in_place");
  CheckNotAbove(ctx, tol, "loans_exceed_demand", "loans_obtained", "loan_demand_total");
  CheckNotAbove(ctx, tol, "loans_exceed_demand", "loan_demand_this_year", "loan_demand_total");
}

}  // namespace gm
