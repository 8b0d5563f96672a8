#include "pipeline/normalize/normalizer.h"

#include <algorithm>
#include <cstdio>

#include "pipeline/normalize/choice.h"
#include "pipeline/normalize/credit_code.h"
#include "pipeline/normalize/misread_signs.h"
#include "pipeline/normalize/text.h"
#include "pipeline/normalize/typed_field.h"
#include "pipeline/normalize/utf8.h"

namespace gm {
namespace {

// A closed answer: read against a vocabulary (choice.h), not parsed (typed_field.h).
bool IsChoiceType(FieldType type) {
  switch (type) {
    case FieldType::kBool:
    case FieldType::kEnum:
    case FieldType::kEnumOther:
    case FieldType::kMulti:
      return true;
    case FieldType::kText:
    case FieldType::kWan:
    case FieldType::kPct:
    case FieldType::kNumber:
    case FieldType::kInt:
    case FieldType::kDate:
    case FieldType::kCreditCode:
    case FieldType::kPhone:
    case FieldType::kCategory:
      return false;
  }
  return false;
}

// The value as the reviewer should see it in a message.
std::string Shown(const Json& value, const Reading& reading) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_boolean()) return value.get<bool>() ? "是" : "否";
  if (value.is_object() && value.contains("title")) return value["code"].get<std::string>() + " " + value["title"].get<std::string>();
  if (value.is_array()) {
    std::string out;
    for (const Json& v : value) out += (out.empty() ? "" : "、") + v.get<std::string>();
    return out;
  }
  if (value.is_number()) return value.dump();
  if (!reading.marked.empty()) {
    std::string out;
    for (const std::string& m : reading.marked) out += (out.empty() ? "" : "、") + m;
    return out;
  }
  return NormalizeText(reading.raw);
}

}  // namespace

Status Normalizer::Create(const Templates& templates, std::unique_ptr<Normalizer>* out) {
  std::unique_ptr<Normalizer> n(new Normalizer());
  n->templates_ = templates;
  const std::filesystem::path& dir = templates.dir();
  auto folder = std::make_shared<MatchFolder>();
  Status s = MatchFolder::Load(dir / "normalize_confusables.tsv", folder.get());
  if (!s.ok()) return s;
  n->folder_ = folder;
  if (!(s = NormalizeSettings::Load(templates, &n->settings_)).ok()) return s;
  if (!(s = LoadVocabularies(templates, dir / "normalize_vocab.tsv", folder, &n->vocabularies_)).ok()) return s;
  if (!(s = CatalogMatcher::Create(templates, dir / "normalize_catalog_aliases.tsv", folder, &n->catalog_)).ok())
    return s;
  for (const FieldSpec& f : templates.fields()) {
    // An unknown type never gets here: Templates::Load refuses it.
    if (IsChoiceType(f.type) && f.type != FieldType::kBool && f.values.empty())
      return Status::Corrupt("fields.tsv: field " + f.key + " of type " + FieldTypeName(f.type) + " lists no values");
  }
  *out = std::move(n);
  return Status::OK();
}

FieldValue Normalizer::NormalizeField(const FieldSpec& spec, const Reading& reading, const std::string& method,
                                      std::vector<Finding>* findings) const {
  FieldValue out;
  out.provenance = reading.provenance;
  if (out.provenance.raw.empty()) out.provenance.raw = reading.raw;
  out.confidence = reading.confidence;

  // Normalized once here; the readers below normalize again, which is
  // idempotent and cheap on text this size.
  const std::string normalized = NormalizeText(reading.raw);
  Reading cleaned = reading;
  // A descriptive text field's answer may begin with its label's words
  // ("财务状况良好"); names, codes and numbers never do ("联系人赵静").
  const bool answer_may_start_with_label = spec.type == FieldType::kText && normalize::ToU32(spec.label).size() > 3;
  cleaned.raw = StripLeadingLabel(normalized, spec.label, answer_may_start_with_label);
  TypedValue typed;
  const double factor = settings_.repair_confidence_factor;
  if (IsChoiceType(spec.type) && normalize::ToU32(cleaned.raw).size() > kMaxTypedCellChars) {
    typed = TypedValue::Invalid("invalid_value", spec.label + "“" + normalize::Abbreviate(cleaned.raw) + "”内容过长，不是单一的取值");
  } else if (IsChoiceType(spec.type)) {
    const Vocabulary& vocabulary =
        vocabularies_.at(spec.type == FieldType::kBool ? std::string(kBoolVocabulary) : spec.key);
    if (spec.type == FieldType::kEnum) typed = ReadEnum(spec, vocabulary, cleaned, factor);
    else if (spec.type == FieldType::kEnumOther) typed = ReadEnumOther(spec, vocabulary, cleaned, factor);
    else if (spec.type == FieldType::kMulti) typed = ReadMulti(spec, vocabulary, cleaned, factor);
    else typed = ReadBool(spec, vocabulary, cleaned, factor);
  } else {
    typed = ReadTypedField(spec, cleaned.raw, settings_, *catalog_);
  }
  out.value = std::move(typed.value);
  out.confidence = std::clamp(reading.confidence * typed.confidence_factor, 0.0, 1.0);
  bool read_something = !normalized.empty() || !reading.marked.empty();
  char confidence[16];
  std::snprintf(confidence, sizeof confidence, "%.2f", reading.confidence);
  // A value that does not parse and was read doubtfully is most likely the
  // OCR's mistake ("党用" for 信用): the reviewer is asked to look, not told
  // the applicant wrote something wrong.
  const bool doubtful = reading.confidence < settings_.doubtful_reading_threshold &&
                        (typed.finding_code == "invalid_value" || typed.finding_code == "invalid_credit_code");
  // But a credit code whose characters are each one the applicant may have
  // written where it stands, and only the check fails, shows no OCR damage
  // the repair could see: it is reported invalid, the doubt said beside it.
  const bool well_formed_code = spec.type == FieldType::kCreditCode && out.value.is_string() &&
                                CreditCodeWellFormed(out.value.get<std::string>());
  if (doubtful && well_formed_code) {
    findings->push_back(NewFinding(templates_, typed.finding_code, spec.key,
                                   typed.finding_message + "；识别置信度较低（" + confidence + "），请与原件核对"));
    return out;
  }
  // So is a code read from a scan with a character too many or too few,
  // however sure the OCR was of the characters it did read.
  const bool scanned = method == "ocr";
  if (scanned && typed.length_misread_likely) {
    out.confidence = std::min(out.confidence, settings_.misread_sign_confidence);
    findings->push_back(NewFinding(templates_, "low_confidence", spec.key,
                                   typed.finding_message + "；扫描件上多读或漏读一位的可能较大，请与原件核对"));
    return out;
  }
  if (doubtful) {
    findings->push_back(NewFinding(templates_, "low_confidence", spec.key,
                                   typed.finding_message + "；识别置信度较低（" + confidence + "），可能是识别错误，请人工核对"));
    return out;
  }
  if (!typed.finding_code.empty())
    findings->push_back(NewFinding(templates_, typed.finding_code, spec.key, typed.finding_message));

  // A text that shows OCR's marks is doubtful however sure the OCR was. In
  // a typed form the same marks are what the applicant typed and the text
  // is exact — except U+FFFD, bytes the file's text could not be decoded
  // from, which is the extraction's fault whatever the form's kind.
  if (spec.type == FieldType::kText && out.value.is_string()) {
    const std::string& text = out.value.get<std::string>();
    const normalize::MisreadSign sign = normalize::FindMisreadSign(text);
    if (sign != normalize::MisreadSign::kNone && (scanned || sign == normalize::MisreadSign::kReplacement)) {
      out.confidence = std::min(out.confidence, settings_.misread_sign_confidence);
      const std::string shown = "（“" + normalize::Abbreviate(text) + "”）";
      findings->push_back(NewFinding(
          templates_, "low_confidence", spec.key,
          scanned ? spec.label + "的识别结果含有" + normalize::MisreadSignName(sign) + shown + "，可能有识别错误，请人工核对"
                  : spec.label + "的电子版文字含有" + normalize::MisreadSignName(sign) + shown +
                        "，文件中的文字未能完整提取，请与原文件核对"));
      return out;
    }
  }

  if (spec.required && read_something && reading.confidence < settings_.low_confidence_threshold) {
    findings->push_back(NewFinding(templates_, "low_confidence", spec.key,
                                   spec.label + "识别置信度较低（" + confidence + "），读取值为“" +
                                       normalize::Abbreviate(Shown(out.value, reading)) + "”，请人工核对"));
  }
  return out;
}

void Normalizer::Normalize(const FormReading& form, std::map<std::string, FieldValue>* fields,
                           std::vector<Finding>* findings) const {
  for (const FieldSpec& spec : templates_.fields()) {
    auto it = form.fields.find(spec.key);
    if (it == form.fields.end()) {
      (*fields)[spec.key] = FieldValue();  // null, confidence 0
      continue;
    }
    (*fields)[spec.key] = NormalizeField(spec, it->second, form.method, findings);
  }
}

}  // namespace gm
