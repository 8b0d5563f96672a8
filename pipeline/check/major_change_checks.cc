// major_change: a resubmission of a library project whose 建设主体, 内容 or
// 规模 changed (入库指南 三、(四) 动态管理) must be re-evaluated.
#include <cmath>
#include <cstdio>

#include "pipeline/check/check_context.h"

namespace gm {
namespace {

std::string Shown(const Json& v) {
  if (v.is_null()) return "（空）";
  if (v.is_string()) return v.get<std::string>();
  if (v.is_object()) return v.value("code", "") + " " + v.value("title", "");
  return v.dump();
}

// A text or category changed: both given and different (a value missing on
// one side is not evidence of a change).
bool Differs(const std::string& key, const Json& before, const Json& now) {
  if (before.is_null() || now.is_null()) return false;
  if (key == "project_category" && before.is_object() && now.is_object())
    return before.value("code", "") != now.value("code", "");
  return before != now;
}

std::string Percent(double share) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g%%", share * 100);
  return buf;
}

}  // namespace

void CheckMajorChange(CheckContext* ctx) {
  const PriorProject* prior = ctx->prior();
  if (prior == nullptr) return;
  auto before = [&](const std::string& key) {
    auto it = prior->values.find(key);
    return it == prior->values.end() ? Json() : Json(it->second);
  };
  const char* what[][2] = {{"company_name", "建设主体"}, {"credit_code", "建设主体"},
                           {"project_category", "建设内容"}, {"project_description", "建设内容"}};
  for (const auto& [key, aspect] : what) {
    Json old = before(key), now = ctx->Value(key);
    if (!Differs(key, old, now)) continue;
    ctx->Add("major_change", key,
             "与项目库中的项目（" + prior->project_id + "）相比，" + aspect + "发生变更：" + ctx->Label(key) + "由“" +
                 Shown(old) + "”变为“" + Shown(now) + "”，需报备并重新评估");
  }
  Json old = before("total_investment");
  std::optional<double> now = ctx->Number("total_investment");
  if (!old.is_number() || !now) return;
  double was = old.get<double>(), share = ctx->major_change_share();
  if (std::fabs(*now - was) <= share * std::fabs(was)) return;
  ctx->Add("major_change", "total_investment",
           "与项目库中的项目（" + prior->project_id + "）相比，建设规模发生变更：" + ctx->Label("total_investment") +
               "由 " + FormatWan(was) + " 万元变为 " + FormatWan(*now) + " 万元，变化超过 " +
               Percent(share) + "，需报备并重新评估");
}

}  // namespace gm
