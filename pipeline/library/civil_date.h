// CivilDate: a calendar day (proleptic Gregorian), for the library's periods:
// publicity, the 2-year validity and the 30-day extension window. Days are
// counted as the law counts periods (the start day is not counted), and a
// year added to 29 February with no twin lands on 28 February.
//
// Thread-safety: values and pure functions.
#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace gm {

class CivilDate {
 public:
  CivilDate() = default;
  // REQUIRES: a real day (see Parse for checked construction).
  CivilDate(int year, int month, int day);

  // "YYYY-MM-DD" exactly; nullopt for anything else or a day that does not exist.
  static std::optional<CivilDate> Parse(std::string_view text);
  // An Excel/LibreOffice date serial (1900 system: 1 = 1900-01-01, with
  // Excel's phantom 1900-02-29 at 60). nullopt outside 1900..9999.
  static std::optional<CivilDate> FromSpreadsheetSerial(double serial);

  int year() const { return year_; }
  int month() const { return month_; }
  int day() const { return day_; }
  // Days since 1970-01-01 (negative before).
  long DayNumber() const;
  static CivilDate FromDayNumber(long days);
  // 1 = Monday … 7 = Sunday.
  int Weekday() const;

  CivilDate AddDays(long days) const;
  // The same month and day `years` later; 29 February → 28 February when the
  // target year has none.
  CivilDate AddYears(int years) const;

  std::string ToString() const;  // "YYYY-MM-DD"
  std::string ToChinese() const;  // "2025年7月11日"

  auto operator<=>(const CivilDate&) const = default;

 private:
  int year_ = 1970, month_ = 1, day_ = 1;
};

bool IsLeapYear(int year);
int DaysInMonth(int year, int month);

}  // namespace gm
