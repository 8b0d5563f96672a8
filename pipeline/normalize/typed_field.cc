#include "pipeline/normalize/typed_field.h"

#include <cmath>

#include "pipeline/normalize/amount.h"
#include "pipeline/normalize/credit_code.h"
#include "pipeline/normalize/date.h"
#include "pipeline/normalize/number.h"
#include "pipeline/normalize/phone.h"
#include "pipeline/normalize/text.h"
#include "pipeline/normalize/utf8.h"

namespace gm {
namespace {

using Placeholder = NormalizeSettings::Placeholder;

std::string Quoted(const FieldSpec& spec, std::string_view raw) {
  return spec.label + "“" + normalize::Abbreviate(NormalizeText(raw)) + "”";
}

double Round6(double v) {
  double r = std::round(v * 1e6) / 1e6;
  return r == 0 ? 0.0 : r;
}

TypedValue Number(double value, bool repaired, double factor) {
  TypedValue v;
  v.value = Round6(value);
  if (repaired) v.confidence_factor = factor;
  return v;
}

TypedValue ReadCreditCode(const FieldSpec& spec, std::string_view raw, double factor) {
  std::string clean = CleanCreditCode(raw);
  TypedValue v;
  if (auto repaired = RepairCreditCode(raw)) {
    v.value = *repaired;
    if (*repaired != clean) v.confidence_factor = factor;
    if (*repaired != clean && CreditCodeWellFormed(clean)) {
      // A valid character taken for OCR's look-alike confusion: the applicant may have written it so.
      v.finding_code = "low_confidence";
      v.finding_message = Quoted(spec, raw) + "不是有效的统一社会信用代码，按形近字符更正为“" + *repaired +
                          "”（唯一通过校验的读法），请与原件核对";
    } else if (repaired->size() != clean.size()) {
      // A character dropped or added: the likeliest reading, not a certain one.
      v.finding_code = "low_confidence";
      v.finding_message = Quoted(spec, raw) + "共" + std::to_string(normalize::ToU32(clean).size()) +
                          "位，" + (clean.size() > repaired->size() ? "去掉一位" : "补上末位校验码") + "后为“" +
                          *repaired + "”（唯一通过校验的读法），请与原件核对";
    }
    return v;
  }
  v.value = clean;  // kept, upper-cased, for the reviewer
  v.finding_code = "invalid_credit_code";
  size_t length = normalize::ToU32(clean).size();
  std::string why;
  // One character too many or too few is what OCR does to a code more often than an applicant.
  v.length_misread_likely = length == 17 || length == 19;
  if (length != 18) why = "共" + std::to_string(length) + "位，应为18位";
  else if (clean.find_first_not_of("0123456789ABCDEFGHJKLMNPQRTUWXY") != std::string::npos)
    why = "含有代码中不使用的字符";
  else why = "校验码不符";
  v.finding_message = Quoted(spec, raw) + "不是有效的统一社会信用代码（" + why + "）";
  return v;
}

TypedValue ReadCategory(const FieldSpec& spec, std::string_view raw, const CatalogMatcher& catalog, double factor) {
  CatalogMatcher::Result r = catalog.Match(raw);
  if (r.item) {
    TypedValue v;
    v.value = Json::object();
    v.value["code"] = r.item->code;
    v.value["title"] = r.item->title;
    if (!r.exact) v.confidence_factor = factor;
    return v;
  }
  if (!r.candidates.empty()) {
    std::string list;
    for (const CatalogItem* c : r.candidates)
      list += (list.empty() ? "" : "；") + c->code + " " + c->level1 + "/" + c->level2 + "/" + c->title;
    return TypedValue::Invalid("category_not_in_catalog",
                               Quoted(spec, raw) + "对应目录清单中的多个条目（" + list + "），请写明一、二级类别");
  }
  return TypedValue::Invalid("category_not_in_catalog",
                             Quoted(spec, raw) + "在《甘肃省绿色矿山建设投融资项目目录清单》（附件1）中找不到对应条目");
}

}  // namespace

std::string StripLeadingLabel(std::string_view text, std::string_view label, bool answer_may_start_with_label) {
  std::string full = NormalizeText(label);
  std::string shortened = full.substr(0, full.find('('));  // without "(万元)"
  for (const std::string& l : {full, shortened}) {
    if (l.empty() || text.size() <= l.size() || text.compare(0, l.size(), l) != 0) continue;
    std::string rest(text.substr(l.size()));
    size_t skip = 0;
    while (skip < rest.size() && (rest[skip] == '*' || rest[skip] == ':' || rest[skip] == ' ')) ++skip;
    if (skip == 0 && answer_may_start_with_label) continue;  // "税费缴纳情况良好" is an answer
    if (skip == rest.size()) continue;                       // nothing after the label
    return rest.substr(skip);
  }
  return std::string(text);
}

TypedValue ReadTypedField(const FieldSpec& spec, std::string_view raw, const NormalizeSettings& settings,
                          const CatalogMatcher& catalog) {
  const double factor = settings.repair_confidence_factor;
  const FieldType type = spec.type;
  std::string text = NormalizeText(raw);
  auto known = settings.placeholders.find(text);
  Placeholder placeholder = known == settings.placeholders.end() ? Placeholder::kNone : known->second;
  if (type == FieldType::kText) {
    TypedValue v;
    if (!text.empty() && placeholder != Placeholder::kBlank) v.value = std::move(text);
    return v;
  }
  if (text.empty() || placeholder == Placeholder::kBlank) return TypedValue();
  if (size_t length = normalize::ToU32(text).size(); length > kMaxTypedCellChars)
    return TypedValue::Invalid(type == FieldType::kCreditCode ? "invalid_credit_code"
                               : type == FieldType::kCategory ? "category_not_in_catalog"
                                                              : "invalid_value",
                               Quoted(spec, raw) + "内容过长（" + std::to_string(length) + "字），不是单一的取值");
  const bool numeric = type == FieldType::kWan || type == FieldType::kPct || type == FieldType::kNumber ||
                       type == FieldType::kInt;
  if (placeholder == Placeholder::kZero) {
    TypedValue v;
    if (numeric) v.value = type == FieldType::kInt ? Json(0) : Json(0.0);
    return v;
  }

  switch (type) {
    case FieldType::kWan:
      if (auto a = ParseAmount(raw, settings.AmountUnitFor(spec.key))) return Number(a->wan, a->repaired, factor);
      return TypedValue::Invalid("invalid_value", Quoted(spec, raw) + "不是可识别的金额");
    case FieldType::kPct:
      if (auto p = ParsePercentDetailed(raw)) return Number(p->value, p->repaired, factor);
      return TypedValue::Invalid("invalid_value", Quoted(spec, raw) + "不是可识别的百分比");
    case FieldType::kNumber:
    case FieldType::kInt: {
      TimeUnit unit = settings.TimeUnitFor(spec.key);
      auto n = unit == TimeUnit::kNone ? ParseNumberDetailed(raw) : ParseDurationDetailed(raw, unit);
      if (!n) return TypedValue::Invalid("invalid_value", Quoted(spec, raw) + "不是可识别的数值");
      if (type == FieldType::kNumber) return Number(n->value, n->repaired, factor);
      double rounded = std::round(n->value);
      if (std::fabs(n->value - rounded) > 1e-9 || std::fabs(rounded) > 9e15)
        return TypedValue::Invalid("invalid_value", Quoted(spec, raw) + "不是整数");
      TypedValue v;
      v.value = static_cast<int64_t>(rounded);
      if (n->repaired) v.confidence_factor = factor;
      return v;
    }
    case FieldType::kDate:
      if (auto d = ParseDate(raw)) {
        TypedValue v;
        v.value = d->ToString();
        if (d->repaired) v.confidence_factor = factor;
        return v;
      }
      return TypedValue::Invalid("invalid_value",
                                 Quoted(spec, raw) + "不是有效日期（应写明年、月，如2024年3月或2024年3月15日）");
    case FieldType::kPhone:
      if (auto p = ParsePhone(raw)) {
        TypedValue v;
        v.value = p->number;
        if (p->repaired) v.confidence_factor = factor;
        return v;
      }
      return TypedValue::Invalid("invalid_value", Quoted(spec, raw) + "不是有效的手机号或带区号的固定电话");
    case FieldType::kCreditCode:
      return ReadCreditCode(spec, raw, factor);
    case FieldType::kCategory:
      return ReadCategory(spec, raw, catalog, factor);
    case FieldType::kText:  // read above
    case FieldType::kBool:  // the closed answers are read against their vocabulary (choice.h)
    case FieldType::kEnum:
    case FieldType::kEnumOther:
    case FieldType::kMulti:
      break;
  }
  return TypedValue::Invalid("invalid_value", spec.label + "的类型“" + FieldTypeName(type) + "”无法识别");
}

}  // namespace gm
