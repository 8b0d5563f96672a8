#include "pipeline/normalize/amount.h"

#include <cmath>
#include <string>

#include "pipeline/core/starts_with_at.h"
#include "pipeline/normalize/numeral.h"
#include "pipeline/normalize/ocr_digits.h"
#include "pipeline/normalize/text.h"

namespace gm {
namespace {

// Words that may surround an amount without changing it. Checked longest
// first, at either end of the cell.
constexpr std::string_view kAmountDecorations[] = {
    "人民币", "RMB", "CNY", "大约", "合计", "共计", "总计", "小计", "金额", "¥", "约", "计", ":",
};

void Trim(std::string* s) {
  while (!s->empty() && s->front() == ' ') s->erase(0, 1);
  while (!s->empty() && s->back() == ' ') s->pop_back();
}

// Strips decoration words at both ends until none is left.
void StripDecorations(std::string* s) {
  for (bool again = true; again;) {
    again = false;
    Trim(s);
    for (std::string_view d : kAmountDecorations) again |= StripPrefix(s, d) || StripSuffix(s, d);
  }
  Trim(s);
}

// The form prints "政府资金（ ）万元": "(1500)万元" is 1500万元, not negative.
void StripBracketsBeforeUnit(std::string* s) {
  size_t close = s->find(')');
  if (s->empty() || s->front() != '(' || close == std::string::npos || close + 1 == s->size()) return;
  s->erase(close, 1);
  s->erase(0, 1);
  Trim(s);
}

// "(1,234.50)" → "1,234.50" and true.
bool StripNegativeParentheses(std::string* s) {
  if (s->size() >= 3 && s->front() == '(' && s->back() == ')') {
    *s = s->substr(1, s->size() - 2);
    Trim(s);
    return true;
  }
  return false;
}

double Round6(double v) {
  double r = std::round(v * 1e6) / 1e6;
  return r == 0 ? 0.0 : r;  // no -0
}

}  // namespace

std::optional<double> ParseDecimal(std::string_view text) {
  std::string s = normalize::RepairDigits(NormalizeText(text));
  Trim(&s);
  bool negative = StripNegativeParentheses(&s);
  if (negative && !s.empty() && s.front() == '-') return std::nullopt;  // "(-5)"
  auto n = normalize::ParseNumeral(s);
  if (!n || n->yuan) return std::nullopt;
  return negative ? -n->value : n->value;
}

std::optional<ParsedAmount> ParseAmount(std::string_view text, AmountUnit implied) {
  ParsedAmount out;
  std::string s = normalize::RepairDigits(NormalizeText(text), &out.repaired);
  if (normalize::StripStrayMarks(&s)) out.repaired = true;
  StripDecorations(&s);
  StripBracketsBeforeUnit(&s);
  bool negative = StripNegativeParentheses(&s);
  if (negative) StripDecorations(&s);
  auto n = normalize::ParseNumeral(s);
  if (!n) return std::nullopt;
  out.repaired |= n->repaired;
  double value = negative ? -n->value : n->value;
  if (n->yuan || n->scaled) {
    out.wan = value / 1e4;  // the cell names its own unit
  } else {
    switch (implied) {
      case AmountUnit::kYuan: out.wan = value / 1e4; break;
      case AmountUnit::kQianYuan: out.wan = value / 10; break;
      case AmountUnit::kWan: out.wan = value; break;
      case AmountUnit::kYi: out.wan = value * 1e4; break;
    }
  }
  if (!std::isfinite(out.wan)) return std::nullopt;
  out.wan = Round6(out.wan);
  return out;
}

std::optional<double> ParseWan(std::string_view text, AmountUnit implied) {
  auto a = ParseAmount(text, implied);
  if (!a) return std::nullopt;
  return a->wan;
}

}  // namespace gm
