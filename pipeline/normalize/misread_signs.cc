#include "pipeline/normalize/misread_signs.h"

#include "pipeline/normalize/utf8.h"

namespace gm::normalize {
namespace {

bool IsStroke(char32_t c) { return c == U'|' || c == U'¦' || c == U'`'; }

// Quotes pair when each kind's openers match its closers and the
// undirected ones come in twos.
bool QuotesUnpaired(const std::u32string& s) {
  int double_open = 0, double_close = 0, single_open = 0, single_close = 0, straight_double = 0, straight_single = 0;
  for (char32_t c : s) {
    switch (c) {
      case U'“': ++double_open; break;
      case U'”': ++double_close; break;
      case U'‘': ++single_open; break;
      case U'’': ++single_close; break;
      case U'"': ++straight_double; break;
      case U'\'': ++straight_single; break;
      default: break;
    }
  }
  return double_open != double_close || single_open != single_close || straight_double % 2 != 0 ||
         straight_single % 2 != 0;
}

bool DigitAfterPercent(const std::u32string& s) {
  for (size_t i = 0; i + 1 < s.size(); ++i)
    if (s[i] == U'%' && IsDigit(s[i + 1])) return true;
  return false;
}

// A digit, a space and a decimal point, or the point, a space and a digit.
bool BrokenNumber(const std::u32string& s) {
  for (size_t i = 0; i + 2 < s.size(); ++i) {
    if (IsDigit(s[i]) && IsSpace(s[i + 1]) && s[i + 2] == U'.' && i + 3 < s.size() && IsDigit(s[i + 3])) return true;
    if (IsDigit(s[i]) && s[i + 1] == U'.' && IsSpace(s[i + 2]) && i + 3 < s.size() && IsDigit(s[i + 3])) return true;
  }
  return false;
}

}  // namespace

MisreadSign FindMisreadSign(std::string_view text) {
  const std::u32string s = ToU32(text);
  for (char32_t c : s) {
    if (c == U'\uFFFD') return MisreadSign::kReplacement;
    if (IsStroke(c)) return MisreadSign::kStroke;
  }
  if (QuotesUnpaired(s)) return MisreadSign::kUnpairedQuote;
  if (DigitAfterPercent(s)) return MisreadSign::kDigitAfterPercent;
  if (BrokenNumber(s)) return MisreadSign::kBrokenNumber;
  return MisreadSign::kNone;
}

std::string MisreadSignName(MisreadSign sign) {
  switch (sign) {
    case MisreadSign::kNone: return "";
    case MisreadSign::kStroke: return "竖线或反引号";
    case MisreadSign::kUnpairedQuote: return "不成对的引号";
    case MisreadSign::kDigitAfterPercent: return "百分号后紧跟数字";
    case MisreadSign::kBrokenNumber: return "数字中间有空格";
    case MisreadSign::kReplacement: return "无法识别的字符";
  }
  return "";
}

}  // namespace gm::normalize
