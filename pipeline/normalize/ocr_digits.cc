#include "pipeline/normalize/ocr_digits.h"

#include "pipeline/normalize/utf8.h"

namespace gm::normalize {
namespace {

// The digit a letter is mistaken for, or 0 when it is no look-alike.
char32_t LookalikeDigit(char32_t c) {
  switch (c) {
    case U'l': case U'I': case U'i': case U'|': case U'!': return U'1';
    case U'O': case U'o': case U'Q': case U'D': return U'0';
    case U'S': case U's': return U'5';
    case U'B': return U'8';
    case U'Z': case U'z': return U'2';
    default: return 0;
  }
}

bool InRun(char32_t c) { return IsDigit(c) || IsAsciiAlpha(c) || c == U'|' || c == U'!' || c == U',' || c == U'.'; }

}  // namespace

std::string RepairDigits(std::string_view text, bool* repaired, bool join_groups) {
  std::u32string s = ToU32(text);
  bool changed = false;

  // 1. Look-alike letters inside digit runs.
  for (size_t i = 0; i < s.size();) {
    if (!InRun(s[i])) { ++i; continue; }
    size_t j = i;
    bool has_digit = false, all_lookalike = true, has_letter = false;
    for (; j < s.size() && InRun(s[j]); ++j) {
      if (IsDigit(s[j])) has_digit = true;
      else if (s[j] != U',' && s[j] != U'.') {
        has_letter = true;
        if (!LookalikeDigit(s[j])) all_lookalike = false;
      }
    }
    if (has_digit && has_letter && all_lookalike) {
      for (size_t k = i; k < j; ++k)
        if (char32_t d = LookalikeDigit(s[k])) s[k] = d;
      changed = true;
    }
    i = j;
  }

  // 2. and 3. Decimal points written as "。"/"·", spaces inside numbers.
  std::u32string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    char32_t c = s[i];
    bool digit_before = !out.empty() && IsDigit(out.back());
    bool digit_after = i + 1 < s.size() && IsDigit(s[i + 1]);
    if ((c == U'。' || c == U'·') && digit_before && digit_after) {
      out.push_back(U'.');
      changed = true;
      continue;
    }
    if (join_groups && c == U' ' && !out.empty() && i + 1 < s.size()) {
      char32_t before = out.back(), after = s[i + 1];
      // "12500 .00", "12500. 00", "22 ,800" — but not "100, 200", which is
      // how two numbers are listed.
      bool touches_point = (before == U'.' && IsDigit(after) && out.size() >= 2 && IsDigit(out[out.size() - 2])) ||
                           ((after == U'.' || after == U',') && IsDigit(before) && i + 2 < s.size() && IsDigit(s[i + 2]));
      bool thousands = false;
      if (IsDigit(before) && IsDigit(after)) {
        size_t k = i + 1;
        while (k < s.size() && IsDigit(s[k])) ++k;
        thousands = k - (i + 1) == 3;
      }
      if (touches_point || thousands) {
        changed = true;
        continue;
      }
    }
    out.push_back(c);
  }
  if (repaired && changed) *repaired = true;
  return ToUtf8(out);
}

bool StripStrayMarks(std::string* s) {
  static constexpr std::string_view kStray[] = {"。", "．", ".", "?", "？", "!", "'", "\"", "`", "_", "~", ",", "，", "、", "·"};
  bool any = false;
  for (bool again = true; again;) {
    again = false;
    while (!s->empty() && s->back() == ' ') s->pop_back();
    while (!s->empty() && s->front() == ' ') s->erase(0, 1);
    for (std::string_view m : kStray) {
      if (s->size() > m.size() && s->compare(s->size() - m.size(), m.size(), m) == 0) {
        s->erase(s->size() - m.size());
        again = any = true;
      } else if (m != "." && s->size() > m.size() && s->compare(0, m.size(), m) == 0) {  // ".5" is a number
        s->erase(0, m.size());
        again = any = true;
      }
    }
  }
  return any;
}

}  // namespace gm::normalize
