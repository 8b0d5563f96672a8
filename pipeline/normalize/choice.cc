#include "pipeline/normalize/choice.h"

#include <set>

#include "pipeline/normalize/checkbox_text.h"
#include "pipeline/normalize/text.h"
#include "pipeline/normalize/utf8.h"

namespace gm {
namespace {

struct Answer {
  std::string text;
  std::string note;  // text written in the bracket of a marked option
};

// The answers a reading gives: the marked options of a checkbox group (read
// as such or typed as text), else the written text as one answer.
std::vector<Answer> Answers(const Reading& reading, bool* from_checkbox) {
  std::vector<Answer> answers;
  *from_checkbox = false;
  if (reading.is_checkbox) {
    *from_checkbox = true;
    for (const std::string& m : reading.marked) answers.push_back({m, ""});
    return answers;
  }
  if (auto group = ReadCheckboxText(reading.raw)) {
    *from_checkbox = true;
    for (const CheckboxOption& o : *group)
      if (o.marked) answers.push_back({o.label, o.note});
    return answers;
  }
  std::string text = NormalizeText(reading.raw);
  if (!text.empty()) answers.push_back({text, ""});
  return answers;
}

struct Mapped {
  std::vector<size_t> values;  // empty: the answer names no value
  bool ambiguous = false;
  double factor = 1.0;
};

Mapped Map(const Vocabulary& vocabulary, std::string_view answer, double repair_factor) {
  Vocabulary::Match m = vocabulary.Find(answer);
  Mapped out;
  switch (m.kind) {
    case Vocabulary::Kind::kExact:
    case Vocabulary::Kind::kVariant:
      out.values = m.values;
      break;
    case Vocabulary::Kind::kFuzzy:
      out.values = m.values;
      out.factor = repair_factor;
      break;
    case Vocabulary::Kind::kContained:
      out.values = m.values;
      if (m.covered * 2 < m.length) out.factor = repair_factor;  // mostly other words around the value
      break;
    case Vocabulary::Kind::kAmbiguous:
      out.values = m.values;
      out.ambiguous = true;
      break;
    case Vocabulary::Kind::kNone:
      break;
  }
  return out;
}

std::string JoinValues(const Vocabulary& vocabulary, const std::vector<size_t>& indexes) {
  std::string out;
  for (size_t i : indexes) out += (out.empty() ? "" : "、") + vocabulary.values()[i];
  return out;
}

std::string AllValues(const Vocabulary& vocabulary) {
  std::string out;
  for (const std::string& v : vocabulary.values()) out += (out.empty() ? "" : "、") + v;
  return out;
}

std::string Quote(std::string_view text) { return "“" + normalize::Abbreviate(NormalizeText(text)) + "”"; }

TypedValue OutsideList(const FieldSpec& spec, const Vocabulary& vocabulary, std::string_view answer) {
  return TypedValue::Invalid("invalid_value",
                             spec.label + Quote(answer) + "不在可选范围内（" + AllValues(vocabulary) + "）");
}

// Maps the answers of a single-choice field to one value index, or a finding.
std::optional<size_t> SingleValue(const FieldSpec& spec, const Vocabulary& vocabulary,
                                  const std::vector<Answer>& answers, bool from_checkbox, double repair_factor,
                                  TypedValue* result) {
  std::set<size_t> chosen;
  double factor = 1.0;
  for (const Answer& a : answers) {
    Mapped m = Map(vocabulary, a.text, repair_factor);
    if (m.ambiguous) {
      *result = TypedValue::Invalid("invalid_value", spec.label + Quote(a.text) + "同时符合多个选项（" +
                                                         JoinValues(vocabulary, m.values) + "），无法确定");
      return std::nullopt;
    }
    if (m.values.empty()) {
      *result = OutsideList(spec, vocabulary, a.text);
      return std::nullopt;
    }
    chosen.insert(m.values.begin(), m.values.end());
    factor = std::min(factor, m.factor);
  }
  if (chosen.size() > 1) {
    std::vector<size_t> list(chosen.begin(), chosen.end());
    *result = TypedValue::Invalid("invalid_value", spec.label + (from_checkbox ? "勾选了" : "填写了") + "多个选项（" +
                                                       JoinValues(vocabulary, list) + "），只能选一项");
    return std::nullopt;
  }
  result->confidence_factor = factor;
  return *chosen.begin();
}

// "其他：矿产品销售" → "矿产品销售"; "其他" alone stays.
std::string OtherText(const std::string& text) {
  std::string t = NormalizeText(text);
  for (std::string_view p : {"其他", "其它"}) {
    if (t.rfind(p, 0) != 0) continue;
    std::string rest = t.substr(p.size());
    while (!rest.empty() && (rest[0] == ':' || rest[0] == ' ' || rest[0] == ',')) rest.erase(0, 1);
    if (rest.size() >= 2 && rest.front() == '(' && rest.back() == ')') rest = rest.substr(1, rest.size() - 2);
    if (!NormalizeText(rest).empty()) return NormalizeText(rest);
  }
  return t;
}

// Splits a written multi answer into pieces: "抵押、质押", "保证+抵押", "股权/贷款".
std::vector<std::string> Pieces(const std::string& text) {
  std::vector<std::string> pieces;
  std::u32string current;
  static constexpr std::u32string_view kSeparators = U"、,;/+&和及与 ";
  for (char32_t c : normalize::ToU32(NormalizeText(text))) {
    if (kSeparators.find(c) != std::u32string_view::npos) {
      if (!current.empty()) pieces.push_back(normalize::ToUtf8(current));
      current.clear();
    } else {
      current.push_back(c);
    }
  }
  if (!current.empty()) pieces.push_back(normalize::ToUtf8(current));
  return pieces;
}

}  // namespace

TypedValue ReadEnum(const FieldSpec& spec, const Vocabulary& vocabulary, const Reading& reading, double repair_factor) {
  bool from_checkbox;
  std::vector<Answer> answers = Answers(reading, &from_checkbox);
  TypedValue out;
  if (answers.empty()) return out;
  if (auto v = SingleValue(spec, vocabulary, answers, from_checkbox, repair_factor, &out))
    out.value = vocabulary.values()[*v];
  return out;
}

TypedValue ReadEnumOther(const FieldSpec& spec, const Vocabulary& vocabulary, const Reading& reading,
                         double repair_factor) {
  bool from_checkbox;
  std::vector<Answer> answers = Answers(reading, &from_checkbox);
  TypedValue out;
  if (answers.empty()) return out;
  if (answers.size() > 1) {
    std::string list;
    for (const Answer& a : answers) list += (list.empty() ? "" : "、") + a.text;
    return TypedValue::Invalid("invalid_value", spec.label + "勾选了多个选项（" + list + "），只能选一项");
  }
  const Answer& a = answers[0];
  if (!a.note.empty() && vocabulary.Find(a.text).kind == Vocabulary::Kind::kNone) {
    out.value = NormalizeText(a.note);  // "其他（…）": what was written for other
    return out;
  }
  Vocabulary::Match m = vocabulary.Find(a.text);
  bool one = m.values.size() == 1;
  switch (m.kind) {
    case Vocabulary::Kind::kExact:
    case Vocabulary::Kind::kVariant:
      out.value = vocabulary.values()[m.values[0]];
      return out;
    case Vocabulary::Kind::kFuzzy:
      out.value = vocabulary.values()[m.values[0]];
      out.confidence_factor = repair_factor;
      return out;
    case Vocabulary::Kind::kContained:
      // The value must be at least half of the answer; otherwise the
      // applicant wrote something of their own that merely mentions it.
      if (one && m.covered * 2 >= m.length) {
        out.value = vocabulary.values()[m.values[0]];
        return out;
      }
      break;
    default:
      break;
  }
  out.value = OtherText(a.note.empty() ? a.text : a.note);
  return out;
}

TypedValue ReadMulti(const FieldSpec& spec, const Vocabulary& vocabulary, const Reading& reading, double repair_factor) {
  bool from_checkbox;
  std::vector<Answer> answers = Answers(reading, &from_checkbox);
  TypedValue out;
  if (answers.empty()) return out;
  std::vector<std::string> pieces;
  for (const Answer& a : answers) {
    if (from_checkbox) pieces.push_back(a.text);
    else for (std::string& p : Pieces(a.text)) pieces.push_back(std::move(p));
  }
  std::set<size_t> chosen;
  std::vector<std::string> unknown;
  for (const std::string& p : pieces) {
    Vocabulary::Match m = vocabulary.Find(p);
    // Several values named inside one piece ("抵押质押") are all taken; a
    // fuzzy tie names nothing for sure.
    bool named = m.kind != Vocabulary::Kind::kNone && (m.kind != Vocabulary::Kind::kAmbiguous || m.covered > 0);
    if (!named) {
      unknown.push_back(p);
      continue;
    }
    chosen.insert(m.values.begin(), m.values.end());
    if (m.kind == Vocabulary::Kind::kFuzzy || (m.covered > 0 && m.covered * 2 < m.length))
      out.confidence_factor = std::min(out.confidence_factor, repair_factor);
  }
  if (!chosen.empty()) {
    out.value = Json::array();
    for (size_t i : chosen) out.value.push_back(vocabulary.values()[i]);  // std::set: the list's order
  }
  if (!unknown.empty()) {
    std::string list;
    for (const std::string& u : unknown) list += (list.empty() ? "" : "、") + ("“" + normalize::Abbreviate(u) + "”");
    out.finding_code = "invalid_value";
    out.finding_message = spec.label + list + "不在可选范围内（" + AllValues(vocabulary) + "）";
  }
  return out;
}

TypedValue ReadBool(const FieldSpec& spec, const Vocabulary& vocabulary, const Reading& reading, double repair_factor) {
  bool from_checkbox;
  std::vector<Answer> answers = Answers(reading, &from_checkbox);
  TypedValue out;
  if (answers.empty()) return out;
  for (const Answer& a : answers) {
    Mapped m = Map(vocabulary, a.text, repair_factor);
    if (m.values.empty() || m.ambiguous)
      return TypedValue::Invalid("invalid_value", spec.label + Quote(a.text) + "应为“是”或“否”");
  }
  if (auto v = SingleValue(spec, vocabulary, answers, from_checkbox, repair_factor, &out))
    out.value = vocabulary.values()[*v] == "是";
  return out;
}

}  // namespace gm
