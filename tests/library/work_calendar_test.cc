#include "pipeline/library/work_calendar.h"

#include <gtest/gtest.h>

#include "pipeline/library/library_settings.h"
#include "tests/emit/sample_record.h"

namespace gm {
namespace {

const WorkCalendar& Repo() {
  static LibrarySettings* settings = [] {
    auto* s = new LibrarySettings;
    Status st = LibrarySettings::Load(testing::RepoTemplates().dir(), s);
    EXPECT_TRUE(st.ok()) << st.ToString();
    return s;
  }();
  return settings->calendar;
}

std::string Fifth(const char* start) {
  CivilDate end;
  Status s = Repo().NthWorkingDay(*CivilDate::Parse(start), 5, &end);
  return s.ok() ? end.ToString() : s.message();
}

TEST(WorkCalendar, PublicityAcrossNationalDayWithMakeUpSunday) {
  // 2024: 9-27 Fri (1), 9-29 Sun make-up (2), 9-30 (3), 10-1..7 holiday, 10-8 (4), 10-9 (5).
  EXPECT_EQ(Fifth("2024-09-27"), "2024-10-09");
  // 2025: 9-26 Fri (1), 9-28 Sun make-up (2), 9-29 (3), 9-30 (4), 10-1..8 holiday, 10-9 (5).
  EXPECT_EQ(Fifth("2025-09-26"), "2025-10-09");
}

TEST(WorkCalendar, StartOnAHolidayCountsFromTheNextWorkingDay) {
  // 10-9 (1), 10-10 (2), 10-11 Sat make-up (3), 10-13 (4), 10-14 (5).
  EXPECT_EQ(Fifth("2025-10-01"), "2025-10-14");
  // A plain Saturday start: Monday is day 1.
  EXPECT_EQ(Fifth("2025-07-05"), "2025-07-11");
}

TEST(WorkCalendar, StartOnAMakeUpDayIsDayOne) {
  // 2026 Spring Festival: 2-14 Sat make-up (1), 2-15..23 holiday, 2-24 (2) … 2-27 (5).
  EXPECT_EQ(Fifth("2026-02-14"), "2026-02-27");
  EXPECT_EQ(Fifth("2026-02-13"), "2026-02-26");
}

TEST(WorkCalendar, PlainWeekWithoutHolidays) { EXPECT_EQ(Fifth("2025-07-07"), "2025-07-11"); }

TEST(WorkCalendar, AYearTheTableLacksIsAnErrorNeverAGuess) {
  CivilDate end;
  Status s = Repo().NthWorkingDay(CivilDate(2023, 6, 1), 5, &end);
  EXPECT_EQ(s.code(), Status::Code::kInvalidArgument);
  EXPECT_NE(s.message().find("2023"), std::string::npos) << s.message();
  // Running into an uncovered year on the way is refused as well.
  s = Repo().NthWorkingDay(CivilDate(2026, 12, 29), 5, &end);
  EXPECT_EQ(s.code(), Status::Code::kInvalidArgument);
  EXPECT_NE(s.message().find("2027"), std::string::npos) << s.message();
  bool working = true;
  EXPECT_FALSE(Repo().IsWorkingDay(CivilDate(2030, 1, 2), &working).ok());
}

TEST(WorkCalendar, HolidaysAndMakeUpDays) {
  bool working = false;
  ASSERT_TRUE(Repo().IsWorkingDay(CivilDate(2025, 9, 28), &working).ok());
  EXPECT_TRUE(working);  // a Sunday worked
  ASSERT_TRUE(Repo().IsWorkingDay(CivilDate(2025, 10, 8), &working).ok());
  EXPECT_FALSE(working);  // a Wednesday of holiday
  ASSERT_TRUE(Repo().IsWorkingDay(CivilDate(2025, 10, 12), &working).ok());
  EXPECT_FALSE(working);  // an ordinary Sunday
}

TEST(WorkCalendar, MalformedTableIsCorrupt) {
  testing::ScratchDir dir;
  testing::WriteText(dir.path() / "c.tsv", "date\tkind\tnote\n2025-01-01\tyear\t\n2025-01-02\tbreak\tx\n");
  WorkCalendar c;
  EXPECT_EQ(WorkCalendar::Load(dir.path() / "c.tsv", &c).code(), Status::Code::kCorrupt);
  testing::WriteText(dir.path() / "d.tsv", "date\tkind\tnote\n2025-02-30\tholiday\t\n");
  EXPECT_EQ(WorkCalendar::Load(dir.path() / "d.tsv", &c).code(), Status::Code::kCorrupt);
  testing::WriteText(dir.path() / "e.tsv", "date\tkind\tnote\n2025-02-03\tholiday\t\n");
  EXPECT_EQ(WorkCalendar::Load(dir.path() / "e.tsv", &c).code(), Status::Code::kCorrupt);
}

}  // namespace
}  // namespace gm
