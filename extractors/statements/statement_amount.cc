#include "extractors/statements/statement_amount.h"

#include <cmath>
#include <cstdlib>
#include <vector>

#include "pipeline/normalize/amount.h"

namespace gm {
namespace {

// "1.2345E+07": spreadsheets store numbers so.
std::optional<double> ParseScientific(const std::string& s) {
  size_t e = s.find_first_of("Ee");
  if (e == std::string::npos || e == 0 || e + 1 >= s.size()) return std::nullopt;
  size_t i = s[0] == '-' ? 1 : 0;
  bool dot = false, digit = false;
  for (; i < e; ++i) {
    if (s[i] == '.' && !dot) dot = true;
    else if (s[i] >= '0' && s[i] <= '9') digit = true;
    else return std::nullopt;
  }
  size_t j = e + 1;
  if (s[j] == '+' || s[j] == '-') ++j;
  if (j >= s.size() || s.find_first_not_of("0123456789", j) != std::string::npos || !digit) return std::nullopt;
  char* end = nullptr;
  double v = std::strtod(s.c_str(), &end);
  if (!end || *end != '\0') return std::nullopt;
  return v;
}

// OCR mixes up the separators of "45,678,901.23" ("45,678.901.23",
// "1,100;000.00") and reads a comma as two marks ("3,031,.208.90": the
// comma's tail as a point). When every group but the first is three digits
// and the last is two (the 分) or three, the separators are rewritten as
// written; two marks side by side are one separator.
std::string RegroupOcrSeparators(const std::string& s) {
  size_t begin = 0, end = s.size();
  if (end - begin >= 2 && s[begin] == '(' && s[end - 1] == ')') ++begin, --end;
  if (begin < end && s[begin] == '-') ++begin;
  std::vector<std::string> groups(1);
  for (size_t i = begin; i < end; ++i) {
    char c = s[i];
    if (c >= '0' && c <= '9') groups.back() += c;
    else if (c == ',' || c == '.' || c == ';') {
      if (!groups.back().empty()) groups.emplace_back();
    } else {
      return s;
    }
  }
  if (groups.size() < 3 || groups[0].empty() || groups[0].size() > 3) return s;
  const bool cents = groups.back().size() == 2;
  for (size_t g = 1; g < groups.size(); ++g)
    if (groups[g].size() != 3 && !(cents && g + 1 == groups.size())) return s;
  std::string out = s.substr(0, begin);
  for (size_t g = 0; g < groups.size(); ++g) {
    if (g > 0) out += cents && g + 1 == groups.size() ? "." : ",";
    out += groups[g];
  }
  return out + s.substr(end);
}

}  // namespace

bool IsNilAmount(const std::string& s) {
  return s == "-" || s == "--" || s == "—" || s == "——" || s == "–" || s == "−";
}

std::optional<double> ParseStatementAmount(const std::string& folded, bool* plain_integer) {
  if (plain_integer) *plain_integer = false;
  if (IsNilAmount(folded)) return 0.0;
  // A cell without an arabic digit is text: OCR reads table rules as "一",
  // which the form's numeral parser would take for 1.
  if (folded.size() > 40 || folded.find_first_of("0123456789") == std::string::npos) return std::nullopt;
  // A piece that starts with a separator (".22", ",587") is a fragment OCR broke off.
  if (folded[0] == '.' || folded[0] == ',') return std::nullopt;
  std::string s = folded;
  if (s.starts_with("−")) s = "-" + s.substr(std::string("−").size());  // U+2212 MINUS SIGN
  std::optional<double> value = ParseScientific(s);
  if (!value) value = ParseDecimal(RegroupOcrSeparators(s));
  if (!value || !std::isfinite(*value)) return std::nullopt;
  if (plain_integer) {
    const size_t digits_from = s[0] == '-' ? 1 : 0;
    *plain_integer = s.size() > digits_from && s.find_first_not_of("0123456789", digits_from) == std::string::npos;
  }
  return value;
}

}  // namespace gm
