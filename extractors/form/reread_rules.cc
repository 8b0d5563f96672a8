#include "extractors/form/reread_rules.h"

#include <algorithm>

#include "extractors/form/cjk_text.h"

namespace gm::form {
namespace {

std::u32string VocabularyChars(const FieldSpec& field) {
  std::u32string out;
  std::vector<std::string> values = field.type == FieldType::kBool ? std::vector<std::string>{"是", "否"} : field.values;
  for (const std::string& v : values)
    for (char32_t c : ToCodepoints(v))
      if (out.find(c) == std::u32string::npos) out.push_back(c);
  return out;
}

bool IsValue(const FieldSpec& field, const std::string& text) {
  if (field.type == FieldType::kBool) return text == "是" || text == "否";
  return std::find(field.values.begin(), field.values.end(), text) != field.values.end();
}

// The parts of a list value: 抵押、保证 -> {抵押, 保证}.
std::vector<std::string> ListParts(const std::string& text, const std::u32string& separators) {
  std::vector<std::string> parts;
  std::u32string cur;
  for (char32_t c : ToCodepoints(text)) {
    if (separators.find(c) != std::u32string::npos || c == U' ') {
      if (!cur.empty()) parts.push_back(ToUtf8(cur));
      cur.clear();
    } else {
      cur.push_back(c);
    }
  }
  if (!cur.empty()) parts.push_back(ToUtf8(cur));
  return parts;
}

}  // namespace

Status RereadRules::Load(const Templates& templates, RereadRules* out) {
  TsvTable tsv;
  Status s = LoadTsv(templates.dir() / "form_reread.tsv", &tsv);
  if (!s.ok()) return s;
  RereadRules rules;
  for (const auto& row : tsv.rows) {
    RereadRule r;
    const std::string& type = tsv.Get(row, "type");
    r.characters = ToCodepoints(tsv.Get(row, "characters"));
    r.trigger = ToCodepoints(tsv.Get(row, "trigger"));
    const std::string& when = tsv.Get(row, "when");
    if (when == "not_clean") r.when = RereadWhen::kNotClean;
    else if (when == "not_vocabulary") r.when = RereadWhen::kNotVocabulary;
    else if (when == "near_vocabulary") r.when = RereadWhen::kNearVocabulary;
    else return Status::Corrupt(tsv.Where(row) + ": " + type + ": unknown when '" + when + "'");
    if (type.empty()) return Status::Corrupt(tsv.Where(row) + ": row without type");
    if (!ParseFieldType(type, &r.type)) return Status::Corrupt(tsv.Where(row) + ": unknown field type " + type);
    if (r.when == RereadWhen::kNotClean && r.characters.empty())
      return Status::Corrupt(tsv.Where(row) + ": " + type + ": not_clean needs characters");
    rules.rules_.push_back(std::move(r));
  }
  *out = std::move(rules);
  return Status::OK();
}

const RereadRule* RereadRules::For(const FieldSpec& field, const std::string& text) const {
  std::u32string t = ToCodepoints(text);
  for (const RereadRule& r : rules_) {
    if (r.type != field.type) continue;
    if (r.trigger.empty() || std::any_of(t.begin(), t.end(), [&](char32_t c) { return r.trigger.find(c) != std::u32string::npos; }))
      return &r;
  }
  return nullptr;
}

std::string RereadRules::Whitelist(const RereadRule& rule_ref, const FieldSpec& field) const {
  const RereadRule* rule = &rule_ref;
  std::u32string chars = rule->characters;
  if (rule->when != RereadWhen::kNotClean)
    for (char32_t c : VocabularyChars(field))
      if (chars.find(c) == std::u32string::npos) chars.push_back(c);
  return ToUtf8(chars);
}

bool RereadRules::ShouldReread(const RereadRule& rule_ref, const FieldSpec& field, const std::string& text) const {
  const RereadRule* rule = &rule_ref;
  if (text.empty()) return false;
  std::u32string t = ToCodepoints(text);
  switch (rule->when) {
    case RereadWhen::kNotClean:
      return std::any_of(t.begin(), t.end(), [&](char32_t c) {
        return c != U' ' && rule->characters.find(c) == std::u32string::npos;
      });
    case RereadWhen::kNotVocabulary:
      return !IsValue(field, text);
    case RereadWhen::kNearVocabulary: {
      if (field.type == FieldType::kMulti) {
        for (const std::string& part : ListParts(text, rule->characters))
          if (!IsValue(field, part)) return true;
        return false;
      }
      if (IsValue(field, text)) return false;
      std::u32string key = ToCodepoints(text);
      for (const std::string& v : field.values) {
        std::u32string vk = ToCodepoints(v);
        int allowed = std::max<int>(1, static_cast<int>(vk.size()) / 3);
        if (EditDistance(key, vk) <= allowed) return true;
      }
      return false;
    }
  }
  return false;
}

bool RereadRules::Accept(const RereadRule& rule_ref, const FieldSpec& field, const std::string& text) const {
  const RereadRule* rule = &rule_ref;
  if (text.empty()) return false;
  if (rule->when == RereadWhen::kNotClean) {
    for (char32_t c : ToCodepoints(text))
      if (c != U' ' && rule->characters.find(c) == std::u32string::npos) return false;
    return true;
  }
  if (field.type == FieldType::kMulti) {
    std::vector<std::string> parts = ListParts(text, rule->characters);
    if (parts.empty()) return false;
    for (const std::string& part : parts)
      if (!IsValue(field, part)) return false;
    return true;
  }
  return IsValue(field, text);
}

bool RereadRules::LostCharacters(const RereadRule& rule, const std::string& first, const std::string& again) const {
  if (rule.when != RereadWhen::kNotClean) return false;
  auto count = [&](const std::string& text, bool whitelisted_only) {
    size_t n = 0;
    for (char32_t c : ToCodepoints(text))
      if (c != U' ' && (!whitelisted_only || rule.characters.find(c) != std::u32string::npos)) ++n;
    return n;
  };
  return count(again, false) < count(first, true);
}

}  // namespace gm::form
