#include "pipeline/library/civil_date.h"

#include <gtest/gtest.h>

namespace gm {
namespace {

TEST(CivilDate, ParsesOnlyRealDays) {
  EXPECT_EQ(CivilDate::Parse("2025-07-11")->ToString(), "2025-07-11");
  EXPECT_TRUE(CivilDate::Parse("2024-02-29"));
  EXPECT_FALSE(CivilDate::Parse("2025-02-29"));
  EXPECT_FALSE(CivilDate::Parse("2025-13-01"));
  EXPECT_FALSE(CivilDate::Parse("2025-7-11"));
  EXPECT_FALSE(CivilDate::Parse("2025/07/11"));
  EXPECT_FALSE(CivilDate::Parse(""));
}

TEST(CivilDate, TwoYearsAfterPublicityEnds) {
  // The contract's example: publicity ends 2025-07-11 → valid until 2027-07-11.
  EXPECT_EQ(CivilDate(2025, 7, 11).AddYears(2).ToString(), "2027-07-11");
  EXPECT_EQ(CivilDate(2027, 7, 11).AddDays(-30).ToString(), "2027-06-11");
  // A 29 February with no twin lands on 28 February; with one, stays.
  EXPECT_EQ(CivilDate(2024, 2, 29).AddYears(2).ToString(), "2026-02-28");
  EXPECT_EQ(CivilDate(2024, 2, 29).AddYears(4).ToString(), "2028-02-29");
  EXPECT_EQ(CivilDate(2026, 3, 1).AddDays(-30).ToString(), "2026-01-30");
}

TEST(CivilDate, DayArithmeticAcrossMonthsYearsAndLeapDays) {
  EXPECT_EQ(CivilDate(2024, 12, 31).AddDays(1).ToString(), "2025-01-01");
  EXPECT_EQ(CivilDate(2024, 2, 28).AddDays(1).ToString(), "2024-02-29");
  EXPECT_EQ(CivilDate(2025, 2, 28).AddDays(1).ToString(), "2025-03-01");
  EXPECT_EQ(CivilDate(1970, 1, 1).DayNumber(), 0);
  EXPECT_EQ(CivilDate::FromDayNumber(CivilDate(2100, 3, 1).DayNumber()).ToString(), "2100-03-01");
  EXPECT_LT(CivilDate(2025, 1, 31), CivilDate(2025, 2, 1));
}

TEST(CivilDate, Weekdays) {
  EXPECT_EQ(CivilDate(2025, 10, 1).Weekday(), 3);  // a Wednesday
  EXPECT_EQ(CivilDate(2025, 9, 28).Weekday(), 7);  // a Sunday
  EXPECT_EQ(CivilDate(2024, 2, 29).Weekday(), 4);
}

TEST(CivilDate, SpreadsheetSerials) {
  EXPECT_EQ(CivilDate::FromSpreadsheetSerial(45658)->ToString(), "2025-01-01");
  EXPECT_EQ(CivilDate::FromSpreadsheetSerial(45658.75)->ToString(), "2025-01-01");
  EXPECT_EQ(CivilDate::FromSpreadsheetSerial(61)->ToString(), "1900-03-01");
  EXPECT_EQ(CivilDate::FromSpreadsheetSerial(1)->ToString(), "1900-01-01");
  EXPECT_FALSE(CivilDate::FromSpreadsheetSerial(0));
  EXPECT_FALSE(CivilDate::FromSpreadsheetSerial(-3));
}

TEST(CivilDate, ChineseText) { EXPECT_EQ(CivilDate(2025, 10, 9).ToChinese(), "2025年10月9日"); }

}  // namespace
}  // namespace gm
