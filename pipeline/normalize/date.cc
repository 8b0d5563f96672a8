#include "pipeline/normalize/date.h"

#include <cstdio>

#include "pipeline/normalize/numeral.h"
#include "pipeline/normalize/ocr_digits.h"
#include "pipeline/normalize/text.h"
#include "pipeline/normalize/utf8.h"

namespace gm {
namespace {

using normalize::IsDigit;
using normalize::ToU32;
using normalize::ToUtf8;

// Words after the month (or day) that keep its precision: "3月底" is 2024-03.
constexpr std::u32string_view kMonthTails[] = {U"份", U"初", U"上旬", U"中旬", U"下旬", U"底", U"末", U"中"};
// Words tolerated around a date; their presence counts as a repair.
constexpr std::u32string_view kAround[] = {U"预计", U"计划", U"拟", U"于", U"开工", U"开始", U"前", U"左右", U"起"};
constexpr size_t kMaxAround = 6;  // code points of such words in all
constexpr size_t kMaxStray = 2;   // ASCII letters or signs dropped at the ends

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysIn(int y, int m) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && IsLeap(y) ? 29 : kDays[m - 1];
}

bool IsNumeralChar(char32_t c) {
  return IsDigit(c) || std::u32string_view(U"零〇一二三四五六七八九十两").find(c) != std::u32string_view::npos;
}

std::optional<int> Number(std::u32string_view s) {
  if (s.empty() || s.size() > 8) return std::nullopt;
  for (char32_t c : s)
    if (!IsNumeralChar(c)) return std::nullopt;
  auto n = normalize::ParseNumeral(ToUtf8(s));
  if (!n || n->value < 0 || n->value != static_cast<int>(n->value)) return std::nullopt;
  return static_cast<int>(n->value);
}

// A year must be written with four digits (arabic or Chinese).
std::optional<int> Year(std::u32string_view s) {
  if (s.size() != 4) return std::nullopt;
  return Number(s);
}

bool Valid(const ParsedDate& d) {
  if (d.year < 1900 || d.year > 2100 || d.month < 1 || d.month > 12) return false;
  return d.day == 0 || (d.day >= 1 && d.day <= DaysIn(d.year, d.month));
}

// Parses the date part itself; `s` has nothing around it.
std::optional<ParsedDate> ParseCore(std::u32string s) {
  ParsedDate d;
  // Chinese form: <year>年<month>月[<day>日|号][tail]
  if (size_t y = s.find(U'年'); y != std::u32string::npos) {
    size_t m = s.find(U'月', y + 1);
    if (m == std::u32string::npos) return std::nullopt;
    auto year = Year(std::u32string_view(s).substr(0, y));
    auto month = Number(std::u32string_view(s).substr(y + 1, m - y - 1));
    if (!year || !month) return std::nullopt;
    d.year = *year;
    d.month = *month;
    std::u32string_view rest = std::u32string_view(s).substr(m + 1);
    size_t e = rest.find_first_of(U"日号");
    if (e != std::u32string_view::npos) {
      auto day = Number(rest.substr(0, e));
      if (!day || e + 1 != rest.size()) return std::nullopt;
      d.day = *day;
    } else if (!rest.empty()) {
      bool tail = false;
      for (auto t : kMonthTails) tail |= rest == t;
      if (tail) return d;
      // The day's 日 lost or misread by the OCR ("22晶", "22"): digits and
      // at most one character after them, at the end of the cell.
      size_t digits = 0;
      while (digits < rest.size() && IsDigit(rest[digits])) ++digits;
      if (digits == 0 || digits > 2 || rest.size() - digits > 1) return std::nullopt;
      d.day = *Number(rest.substr(0, digits));
      d.repaired = true;
    }
    return d;
  }
  // Compact digits: YYYYMMDD or YYYYMM.
  bool all_digits = !s.empty();
  for (char32_t c : s) all_digits &= IsDigit(c);
  if (all_digits && (s.size() == 8 || s.size() == 6)) {
    d.year = *Number(s.substr(0, 4));
    d.month = *Number(s.substr(4, 2));
    if (s.size() == 8) d.day = *Number(s.substr(6, 2));
    return d;
  }
  // Separated: YYYY<sep>M[<sep>D], one separator kind throughout.
  size_t p = s.find_first_of(U".-/");
  if (p == std::u32string::npos) return std::nullopt;
  char32_t sep = s[p];
  size_t q = s.find(sep, p + 1);
  std::u32string_view month_text =
      std::u32string_view(s).substr(p + 1, q == std::u32string::npos ? std::u32string::npos : q - p - 1);
  if (month_text.empty() || month_text.size() > 2) return std::nullopt;
  auto year = Year(std::u32string_view(s).substr(0, p));
  auto month = Number(month_text);
  if (!year || !month) return std::nullopt;
  d.year = *year;
  d.month = *month;
  if (q != std::u32string::npos) {
    std::u32string_view day = std::u32string_view(s).substr(q + 1);
    if (day.empty() || day.size() > 2) return std::nullopt;
    auto n = Number(day);
    if (!n) return std::nullopt;
    d.day = *n;
  }
  return d;
}

}  // namespace

std::string ParsedDate::ToString() const {
  char buf[16];
  if (day) std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  else std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
  return buf;
}

std::optional<ParsedDate> ParseDate(std::string_view text) {
  bool repaired = false;
  std::u32string s;
  for (char32_t c : ToU32(normalize::RepairDigits(NormalizeText(text), &repaired)))
    if (c != U' ') s.push_back(c);
  if (s.empty() || s.size() > 40) return std::nullopt;
  // Words around the date.
  size_t dropped = 0;
  for (bool again = true; again;) {
    again = false;
    for (auto w : kAround) {
      if (s.size() > w.size() && s.compare(0, w.size(), w) == 0) {
        s.erase(0, w.size());
        dropped += w.size();
        again = true;
      } else if (s.size() > w.size() && s.compare(s.size() - w.size(), w.size(), w) == 0) {
        s.erase(s.size() - w.size());
        dropped += w.size();
        again = true;
      }
    }
  }
  if (dropped > kMaxAround) return std::nullopt;
  // A stray mark of the scan read as a letter or sign at either end
  // ("s 2024年1月4日"): a date starts and ends with a numeral or 年月日.
  size_t stray = 0;
  while (!s.empty() && s.front() < 0x80 && !IsDigit(s.front()) && stray < kMaxStray) s.erase(0, 1), ++stray;
  while (!s.empty() && s.back() < 0x80 && !IsDigit(s.back()) && stray < kMaxStray) s.pop_back(), ++stray;
  auto d = ParseCore(s);
  if (!d || !Valid(*d)) return std::nullopt;
  d->repaired = d->repaired || repaired || dropped > 0 || stray > 0;
  return d;
}

std::optional<std::string> NormalizeDate(std::string_view text) {
  auto d = ParseDate(text);
  if (!d) return std::nullopt;
  return d->ToString();
}

}  // namespace gm
