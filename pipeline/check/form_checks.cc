// Checks on the form's own answers: required fields, a renamed project's
// former name, the applicant on the credit blacklist.
#include <algorithm>
#include <cctype>

#include "pipeline/check/check_context.h"

namespace gm {

void CheckRequiredFields(CheckContext* ctx) {
  for (const FieldSpec& spec : ctx->templates().fields()) {
    if (!spec.required || !ctx->Value(spec.key).is_null()) continue;
    // Emptied by the normalizer for a reason it already reported (invalid_value, category_not_in_catalog).
    if (ctx->HasPriorFinding(spec.key)) continue;
    ctx->Add("missing_required_field", spec.key, "必填项“" + spec.label + "”未填写");
  }

  if (ctx->Bool("renamed") == true && !ctx->Text("former_project_name")) {
    ctx->Add("renamed_without_former_name", "former_project_name",
             "是否变更填写为“是”，但未填写曾用项目名称");
  }

  if (auto code = ctx->Text("credit_code")) {
    std::string upper = *code;
    std::transform(upper.begin(), upper.end(), upper.begin(), [](unsigned char c) { return std::toupper(c); });
    if (ctx->blacklist().count(upper))
      ctx->Add("blacklisted", "credit_code", "申请企业信用代码 " + upper + " 在信用黑名单内");
  }
}

}  // namespace gm
