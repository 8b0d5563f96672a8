#include "extractors/form/capital_amount.h"

#include "extractors/form/cjk_text.h"

namespace gm::form {

Status CapitalAmount::Load(const Templates& templates, CapitalAmount* out) {
  TsvTable tsv;
  Status s = LoadTsv(templates.dir() / "form_capital.tsv", &tsv);
  if (!s.ok()) return s;
  CapitalAmount c;
  for (const auto& row : tsv.rows) {
    const std::string& kind = tsv.Get(row, "kind");
    std::u32string text = ToCodepoints(tsv.Get(row, "text"));
    if (kind == "digit") c.digits_ += text;
    else if (kind == "unit") c.units_ += text;
    else if (kind == "section") c.sections_ += text;
    else if (kind == "end") c.ends_ += text;
    else if (kind == "misread") {
      std::u32string means = ToCodepoints(tsv.Get(row, "means"));
      if (text.size() != 1 || means.size() != 1) return Status::Corrupt(tsv.Where(row) + ": a misread is one character for one");
      c.misread_ += text;
      c.means_ += means;
    } else {
      return Status::Corrupt(tsv.Where(row) + ": unknown kind '" + kind + "'");
    }
  }
  if (c.digits_.size() != 10 || c.units_.empty() || c.sections_.empty())
    return Status::Corrupt(tsv.Name() + ": needs ten digits, units and sections");
  *out = std::move(c);
  return Status::OK();
}

bool CapitalAmount::Applies(std::string_view text) const {
  int notation = 0;
  for (char32_t c : ToCodepoints(text)) {
    if (c >= U'0' && c <= U'9') return false;
    bool of_notation = (digits_.find(c) != std::u32string::npos && c != U'零') || units_.find(c) != std::u32string::npos;
    notation += of_notation || misread_.find(c) != std::u32string::npos;
  }
  return notation >= 2;
}

std::string CapitalAmount::Repair(std::string_view text) const {
  if (!Applies(text)) return std::string(text);
  std::u32string s;
  for (char32_t c : ToCodepoints(text))
    if (c != U' ') s.push_back(c);
  auto known = [&](char32_t c) {
    return digits_.find(c) != std::u32string::npos || units_.find(c) != std::u32string::npos ||
           sections_.find(c) != std::u32string::npos || ends_.find(c) != std::u32string::npos;
  };
  for (char32_t& c : s) {
    if (known(c)) continue;
    size_t m = misread_.find(c);
    if (m != std::u32string::npos) c = means_[m];
  }
  // A character still foreign to the notation after a digit stands in a
  // unit's place: the unit one step above the next unit (仟 before 佰, 佰
  // before 拾; 拾 before 万, 亿 or 元), looking past the next unit's digit.
  for (size_t i = 1; i + 1 < s.size(); ++i) {
    if (known(s[i]) || digits_.find(s[i - 1]) == std::u32string::npos) continue;
    size_t j = i + 1;
    if (digits_.find(s[j]) != std::u32string::npos && j + 1 < s.size()) ++j;
    size_t rank = units_.find(s[j]);  // units_ from the largest: 仟佰拾
    if (rank != std::u32string::npos && rank > 0) {
      s[i] = units_[rank - 1];
    } else if (sections_.find(s[j]) != std::u32string::npos || ends_.find(s[j]) != std::u32string::npos) {
      s[i] = units_.back();
    }
  }
  // What follows the amount's 元 (or 整) and is no part of the notation is
  // the OCR's reading of a speck or of 整 itself ("玖仟零贰拾万元束").
  size_t yuan = s.find_last_of(U"元整");
  if (yuan != std::u32string::npos && yuan > 0) {
    size_t end = yuan + 1;
    while (end < s.size() && ends_.find(s[end]) != std::u32string::npos) ++end;
    s.erase(end);
  }
  return ToUtf8(s);
}

}  // namespace gm::form
