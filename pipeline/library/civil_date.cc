#include "pipeline/library/civil_date.h"

#include <cmath>
#include <cstdio>

namespace gm {

bool IsLeapYear(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && IsLeapYear(year) ? 29 : kDays[month - 1];
}

CivilDate::CivilDate(int year, int month, int day) : year_(year), month_(month), day_(day) {}

std::optional<CivilDate> CivilDate::Parse(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
  auto number = [&](size_t at, size_t n) {
    int v = 0;
    for (size_t i = at; i < at + n; ++i) v = v * 10 + (text[i] - '0');
    return v;
  };
  int y = number(0, 4), m = number(5, 2), d = number(8, 2);
  if (y < 1 || m < 1 || m > 12 || d < 1 || d > DaysInMonth(y, m)) return std::nullopt;
  return CivilDate(y, m, d);
}

// Howard Hinnant's days_from_civil / civil_from_days.
long CivilDate::DayNumber() const {
  int y = year_ - (month_ <= 2 ? 1 : 0);
  long era = (y >= 0 ? y : y - 399) / 400;
  long yoe = y - era * 400;
  long doy = (153 * (month_ + (month_ > 2 ? -3 : 9)) + 2) / 5 + day_ - 1;
  long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

CivilDate CivilDate::FromDayNumber(long z) {
  z += 719468;
  long era = (z >= 0 ? z : z - 146096) / 146097;
  long doe = z - era * 146097;
  long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long y = yoe + era * 400;
  long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  long mp = (5 * doy + 2) / 153;
  int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return CivilDate(static_cast<int>(y + (m <= 2 ? 1 : 0)), m, d);
}

std::optional<CivilDate> CivilDate::FromSpreadsheetSerial(double serial) {
  if (!std::isfinite(serial) || serial < 1 || serial >= 2958466) return std::nullopt;
  long whole = static_cast<long>(std::floor(serial));
  if (whole == 60) return CivilDate(1900, 2, 28);  // Excel's 1900-02-29 never was
  if (whole > 60) --whole;
  return FromDayNumber(CivilDate(1899, 12, 31).DayNumber() + whole);
}

int CivilDate::Weekday() const {
  long z = DayNumber();  // 1970-01-01 was a Thursday (4)
  long w = (z % 7 + 7 + 3) % 7;
  return static_cast<int>(w) + 1;
}

CivilDate CivilDate::AddDays(long days) const { return FromDayNumber(DayNumber() + days); }

CivilDate CivilDate::AddYears(int years) const {
  int y = year_ + years;
  int d = day_;
  if (month_ == 2 && d == 29 && !IsLeapYear(y)) d = 28;
  return CivilDate(y, month_, d);
}

std::string CivilDate::ToString() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year_, month_, day_);
  return buf;
}

std::string CivilDate::ToChinese() const {
  return std::to_string(year_) + "年" + std::to_string(month_) + "月" + std::to_string(day_) + "日";
}

}  // namespace gm
