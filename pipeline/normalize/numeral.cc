#include "pipeline/normalize/numeral.h"

#include <cmath>

#include "pipeline/normalize/icu_handles.h"
#include "pipeline/normalize/utf8.h"

namespace gm::normalize {
namespace {

int ChineseDigit(char32_t c) {
  switch (c) {
    case U'零': case U'〇': return 0;
    case U'一': case U'壹': case U'弌': return 1;
    case U'二': case U'贰': case U'貳': case U'两': case U'兩': return 2;
    case U'三': case U'叁': case U'參': case U'参': return 3;  // 参: the simplified 參, common in amounts
    case U'四': case U'肆': return 4;
    case U'五': case U'伍': return 5;
    case U'六': case U'陆': case U'陸': return 6;
    case U'七': case U'柒': return 7;
    case U'八': case U'捌': return 8;
    case U'九': case U'玖': return 9;
    default: return -1;
  }
}

int SmallUnit(char32_t c) {
  switch (c) {
    case U'十': case U'拾': return 10;
    case U'百': case U'佰': return 100;
    case U'千': case U'仟': return 1000;
    default: return 0;
  }
}

bool IsArabicChar(char32_t c) { return IsDigit(c) || c == U',' || c == U'.'; }

// The evaluator's state; see ParseNumeral for the grammar.
class Evaluator {
 public:
  std::optional<Numeral> Run(const std::u32string& s);

 private:
  bool Digit(int d);
  bool Arabic(double v);
  bool Small(int unit);
  bool Wan();
  bool Yi();
  long double Integer() const { return high_ + wan_part_ + section_ + (has_pending_ ? pending_ : 0); }

  long double high_ = 0, wan_part_ = 0, section_ = 0, pending_ = 0;
  bool has_pending_ = false, pending_zero_ = false, positional_ = false, arabic_pending_ = false;
  bool any_unit_ = false, wan_in_group_ = false, any_number_ = false;
  int last_small_ = 10000;
};

bool Evaluator::Digit(int d) {
  any_number_ = true;
  if (has_pending_ && arabic_pending_) return false;  // "3五"
  if (has_pending_ && !pending_zero_) {
    // Digits in a row: positional ("二〇二四"), only where no unit is used.
    if (any_unit_) return false;
    pending_ = pending_ * 10 + d;
    positional_ = true;
    return true;
  }
  pending_ = d;
  has_pending_ = true;
  pending_zero_ = d == 0 && any_unit_;  // "一千零五": the 零 only marks a gap
  return true;
}

bool Evaluator::Arabic(double v) {
  if (has_pending_ && !pending_zero_) return false;
  any_number_ = true;
  pending_ = v;
  has_pending_ = arabic_pending_ = true;
  pending_zero_ = false;
  return true;
}

bool Evaluator::Small(int unit) {
  if (positional_) return false;
  if (unit >= last_small_) return false;
  long double n;
  if (has_pending_ && !pending_zero_) n = pending_;
  else if (unit == 10) n = 1;  // "十二", "一百零十" → an implied 一
  else return false;
  section_ += n * unit;
  has_pending_ = pending_zero_ = arabic_pending_ = false;
  last_small_ = unit;
  any_unit_ = any_number_ = true;
  return true;
}

bool Evaluator::Wan() {
  if (positional_ && pending_ >= 10) return false;  // "二五万" is no numeral
  if (wan_in_group_) return false;
  long double group = section_ + (has_pending_ ? pending_ : 0);
  if (!any_number_ || group == 0) return false;
  wan_part_ = group * 1e4L;
  section_ = 0;
  has_pending_ = pending_zero_ = positional_ = arabic_pending_ = false;
  last_small_ = 10000;
  wan_in_group_ = any_unit_ = true;
  return true;
}

bool Evaluator::Yi() {
  if (positional_ && pending_ >= 10) return false;
  if (high_ != 0) return false;  // "亿亿"
  long double group = wan_part_ + section_ + (has_pending_ ? pending_ : 0);
  if (!any_number_ || group == 0) return false;
  high_ = group * 1e8L;
  wan_part_ = section_ = 0;
  has_pending_ = pending_zero_ = positional_ = wan_in_group_ = arabic_pending_ = false;
  last_small_ = 10000;
  any_unit_ = true;
  return true;
}

std::optional<Numeral> Evaluator::Run(const std::u32string& s) {
  Numeral result;
  size_t i = 0;
  bool negative = false;
  if (i < s.size() && (s[i] == U'-' || s[i] == U'负')) {
    negative = true;
    ++i;
  }
  long double fraction_yuan = 0;  // 角 and 分
  bool after_yuan = false, done = false;
  int last_fraction_unit = 0;  // 10 after 角, 100 after 分
  while (i < s.size()) {
    char32_t c = s[i];
    if (done) return std::nullopt;  // 整 must come last
    if (IsArabicChar(c)) {
      size_t j = i;
      while (j < s.size() && IsArabicChar(s[j])) ++j;
      auto v = IcuParseArabic(ToUtf8(s.substr(i, j - i)));
      if (!v || after_yuan) return std::nullopt;
      if (!Arabic(*v)) return std::nullopt;
      i = j;
      continue;
    }
    if (int d = ChineseDigit(c); d >= 0) {
      result.chinese = true;
      if (after_yuan) {
        // Only 零 or one digit before 角/分.
        if (d == 0) { ++i; continue; }
        if (i + 1 >= s.size()) return std::nullopt;
        int unit = s[i + 1] == U'角' ? 10 : s[i + 1] == U'分' ? 100 : 0;
        if (!unit || unit <= last_fraction_unit) return std::nullopt;
        fraction_yuan += static_cast<long double>(d) / unit;
        last_fraction_unit = unit;
        i += 2;
        continue;
      }
      if (!Digit(d)) return std::nullopt;
      ++i;
      continue;
    }
    if (c == U'什') {
      // OCR's reading of 仟 (亻+千 seen as 亻+十). Only where the next unit
      // in the group is 佰 or 拾 is 仟 the one unit that fits.
      int next = 0;
      for (size_t k = i + 1; k < s.size() && !next; ++k) {
        if (s[k] == U'万' || s[k] == U'亿' || s[k] == U'元' || s[k] == U'圆') break;
        next = SmallUnit(s[k]);
      }
      if (next != 100 && next != 10) return std::nullopt;
      result.chinese = result.repaired = true;
      if (after_yuan || !Small(1000)) return std::nullopt;
      ++i;
      continue;
    }
    if (int unit = SmallUnit(c)) {
      result.chinese = true;
      if (after_yuan || !Small(unit)) return std::nullopt;
      ++i;
      continue;
    }
    switch (c) {
      case U'万': case U'萬':
        if (after_yuan || !Wan()) return std::nullopt;
        result.scaled = result.chinese = true;
        break;
      case U'亿': case U'億':
        if (after_yuan || !Yi()) return std::nullopt;
        result.scaled = result.chinese = true;
        break;
      case U'点': {
        // The integer part so far becomes the pending value; the digits after 点 are its fraction.
        if (after_yuan || !any_number_) return std::nullopt;
        long double whole = section_ + (has_pending_ ? pending_ : 0);
        long double scale = 0.1L, fraction = 0;
        size_t j = i + 1;
        for (; j < s.size() && ChineseDigit(s[j]) >= 0; ++j, scale /= 10) fraction += ChineseDigit(s[j]) * scale;
        if (j == i + 1) return std::nullopt;
        section_ = 0;
        pending_ = whole + fraction;
        has_pending_ = true;
        pending_zero_ = false;
        positional_ = false;
        last_small_ = 1;  // no small unit may follow a decimal
        result.chinese = true;
        i = j;
        continue;
      }
      case U'元': case U'圆':
        if (after_yuan) return std::nullopt;
        after_yuan = true;
        result.yuan = true;
        break;
      case U'角': case U'分':
        return std::nullopt;  // a 角/分 without its digit
      case U'整': case U'正':
        if (!any_number_) return std::nullopt;
        done = true;
        break;
      default:
        return std::nullopt;
    }
    ++i;
  }
  if (!any_number_ && fraction_yuan == 0) return std::nullopt;
  long double total = Integer() + fraction_yuan;
  if (!std::isfinite(static_cast<double>(total))) return std::nullopt;
  result.value = static_cast<double>(negative ? -total : total);
  return result;
}

}  // namespace

std::optional<Numeral> ParseNumeral(std::string_view text) {
  std::u32string s = ToU32(text);
  if (s.empty() || s.size() > 64) return std::nullopt;
  return Evaluator().Run(s);
}

}  // namespace gm::normalize
