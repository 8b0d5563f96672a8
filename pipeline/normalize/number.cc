#include "pipeline/normalize/number.h"

#include <cmath>
#include <string>

#include "pipeline/core/starts_with_at.h"
#include "pipeline/normalize/numeral.h"
#include "pipeline/normalize/ocr_digits.h"
#include "pipeline/normalize/text.h"
#include "pipeline/normalize/utf8.h"

namespace gm {
namespace {

using normalize::ParseNumeral;

// Words around a number that do not change it.
constexpr std::string_view kPrefixes[] = {"约", "大约", "预计", "约为", "为"};
constexpr std::string_view kSuffixes[] = {"左右", "以内", "之内"};
// Unit words ParseNumber ignores (longest first).
constexpr std::string_view kIgnoredUnits[] = {"个月", "年", "月", "个", "次", "倍", "天"};

// Normalizes, repairs OCR digits, drops spaces and brackets ("（ 36 ）个月"),
// and the words around the number.
std::string Prepare(std::string_view text, bool* repaired) {
  std::string in = normalize::RepairDigits(NormalizeText(text), repaired);
  std::string s;
  for (char c : in)
    if (c != ' ' && c != '(' && c != ')') s.push_back(c);
  for (bool again = true; again;) {
    again = false;
    for (std::string_view p : kPrefixes) again |= StripPrefix(&s, p);
    for (std::string_view p : kSuffixes) again |= StripSuffix(&s, p);
    if (normalize::StripStrayMarks(&s)) {
      again = true;
      if (repaired != nullptr) *repaired = true;
    }
  }
  return s;
}

std::optional<double> PlainNumber(const std::string& s) {
  auto n = ParseNumeral(s);
  if (!n || n->yuan) return std::nullopt;
  return n->value;
}

}  // namespace

std::optional<ParsedNumber> ParsePercentDetailed(std::string_view text) {
  ParsedNumber out;
  std::string s = Prepare(text, &out.repaired);
  double scale = 1;
  const bool sign_read = s.find('%') != std::string::npos || s.find("‰") != std::string::npos;
  if (StripPrefix(&s, "百分之")) {
  } else if (StripPrefix(&s, "千分之") || StripSuffix(&s, "‰")) {
    scale = 0.1;
  } else if (StripSuffix(&s, "%0") || StripSuffix(&s, "%o") || StripSuffix(&s, "%O")) {
    out.repaired = true;  // OCR splits the % sign's lower ring off as a 0
  } else {
    StripSuffix(&s, "%");
  }
  if (normalize::StripStrayMarks(&s)) out.repaired = true;  // "10.6?%"
  auto v = PlainNumber(s);
  if (!v) return std::nullopt;
  // The % sign, or part of it, read as digits — 9, 90 or 96: a percentage
  // of 100 or more where no sign was read (31% → 3190), or one with three
  // decimals ending in 9 (34.43% → 34.439, 34.439%0), is the one without
  // them when that one is not.
  for (std::string_view tail : {"90", "96", "9"}) {
    std::string rest = s;
    if (!StripSuffix(&rest, tail) || rest.empty() || rest.back() == '.') continue;
    const size_t dot = s.find('.');
    const bool three_decimals = dot != std::string::npos && s.size() - dot - 1 == 3 && tail.size() == 1;
    if (!three_decimals && (sign_read || *v < 100)) continue;
    auto shorter = PlainNumber(rest);
    if (shorter && *shorter < 100) {
      v = shorter;
      out.repaired = true;
      break;
    }
  }
  out.value = *v * scale;
  return out;
}

std::optional<ParsedNumber> ParseNumberDetailed(std::string_view text) {
  ParsedNumber out;
  std::string s = Prepare(text, &out.repaired);
  for (std::string_view u : kIgnoredUnits)
    if (StripSuffix(&s, u)) break;
  auto v = PlainNumber(s);
  if (!v) return std::nullopt;
  out.value = *v;
  return out;
}

std::optional<ParsedNumber> ParseDurationDetailed(std::string_view text, TimeUnit unit) {
  if (unit == TimeUnit::kNone) return std::nullopt;
  ParsedNumber out;
  std::u32string s = normalize::ToU32(Prepare(text, &out.repaired));
  if (s.empty()) return std::nullopt;
  // Pieces "<number><unit>", e.g. "1年" "6个月"; 半 is a half.
  double months = 0;
  bool any_unit = false, years_seen = false, months_seen = false;
  size_t i = 0;
  std::optional<double> bare;
  while (i < s.size()) {
    size_t j = i;
    while (j < s.size() && s[j] != U'年' && s[j] != U'月' && s[j] != U'个' && s[j] != U'半') ++j;
    std::u32string number = s.substr(i, j - i);
    if (j == s.size()) {  // trailing number without unit
      if (any_unit || number.empty()) return std::nullopt;
      auto v = PlainNumber(normalize::ToUtf8(number));
      if (!v) return std::nullopt;
      bare = v;
      break;
    }
    double n;
    if (s[j] == U'半') {  // "半年": a half of what follows
      if (!number.empty()) return std::nullopt;
      n = 0.5;
      ++j;
    } else {
      if (number.empty()) return std::nullopt;
      auto v = PlainNumber(normalize::ToUtf8(number));
      if (!v) return std::nullopt;
      n = *v;
    }
    if (j < s.size() && s[j] == U'个') ++j;
    if (j < s.size() && s[j] == U'年' && !years_seen && !months_seen) {
      years_seen = true;
      months += n * 12;
      ++j;
      if (j < s.size() && s[j] == U'半') {  // "一年半"
        months += 6;
        ++j;
      }
    } else if (j < s.size() && s[j] == U'月' && !months_seen) {
      months_seen = true;
      months += n;
      ++j;
    } else {
      return std::nullopt;
    }
    any_unit = true;
    i = j;
  }
  if (bare) out.value = *bare;
  else out.value = unit == TimeUnit::kMonth ? months : months / 12;
  return out;
}

std::optional<double> ParsePercent(std::string_view text) {
  auto r = ParsePercentDetailed(text);
  return r ? std::optional<double>(r->value) : std::nullopt;
}

std::optional<double> ParseNumber(std::string_view text) {
  auto r = ParseNumberDetailed(text);
  return r ? std::optional<double>(r->value) : std::nullopt;
}

std::optional<int64_t> ParseInteger(std::string_view text) {
  auto v = ParseNumber(text);
  if (!v || std::fabs(*v) > 9e15 || std::fabs(*v - std::round(*v)) > 1e-9) return std::nullopt;
  return static_cast<int64_t>(std::llround(*v));
}

std::optional<double> ParseDuration(std::string_view text, TimeUnit unit) {
  auto r = ParseDurationDetailed(text, unit);
  return r ? std::optional<double>(r->value) : std::nullopt;
}

}  // namespace gm
