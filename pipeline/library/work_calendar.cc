#include "pipeline/library/work_calendar.h"

#include "pipeline/core/templates.h"

namespace gm {

Status WorkCalendar::Load(const std::filesystem::path& tsv, WorkCalendar* out) {
  TsvTable table;
  Status s = LoadTsv(tsv, &table);
  if (!s.ok()) return s;
  WorkCalendar calendar;
  for (size_t i = 0; i < table.rows.size(); ++i) {
    const auto& row = table.rows[i];
    std::optional<CivilDate> day = CivilDate::Parse(table.Get(row, "date"));
    const std::string& kind = table.Get(row, "kind");
    if (!day) return Status::Corrupt(table.Where(row) + ": bad date");
    if (kind == "year") {
      calendar.AddYear(day->year());
    } else if (kind == "holiday") {
      calendar.AddHoliday(*day);
    } else if (kind == "workday") {
      calendar.AddWorkday(*day);
    } else {
      return Status::Corrupt(table.Where(row) + ": kind '" + kind +
                             "' is not year, holiday or workday");
    }
  }
  if (calendar.years_.empty()) return Status::Corrupt(tsv.string() + ": no year is covered");
  *out = std::move(calendar);
  return Status::OK();
}

std::string WorkCalendar::CoveredYears() const {
  std::string text;
  for (int y : years_) text += (text.empty() ? "" : "、") + std::to_string(y);
  return text;
}

Status WorkCalendar::IsWorkingDay(const CivilDate& day, bool* working) const {
  if (years_.count(day.year()) == 0)
    return Status::InvalidArgument("工作日历（templates/library_calendar.tsv）没有 " + std::to_string(day.year()) +
                                   " 年的节假日安排（现有 " + CoveredYears() +
                                   " 年），无法计算公示期；请按国务院办公厅当年的通知补充后再试");
  auto it = special_.find(day);
  *working = it != special_.end() ? it->second : day.Weekday() <= 5;
  return Status::OK();
}

Status WorkCalendar::NthWorkingDay(const CivilDate& start, int n, CivilDate* out) const {
  int counted = 0;
  for (CivilDate day = start;; day = day.AddDays(1)) {
    bool working = false;
    Status s = IsWorkingDay(day, &working);
    if (!s.ok()) return s;
    if (working && ++counted == n) {
      *out = day;
      return Status::OK();
    }
  }
}

}  // namespace gm
