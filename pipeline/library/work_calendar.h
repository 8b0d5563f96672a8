// WorkCalendar: which days are working days in China, from
// templates/library_calendar.tsv (public holidays and make-up working days
// of each year the State Council has announced). Counts the publicity period.
//
// A year the table does not cover is an error naming the year, never a
// guess: the 调休 arrangement of a year is not predictable.
//
// Thread-safety: immutable after Load.
#pragma once

#include <filesystem>
#include <map>
#include <set>
#include <string>

#include "pipeline/core/status.h"
#include "pipeline/library/civil_date.h"

namespace gm {

class WorkCalendar {
 public:
  // Corrupt naming the file and line for a bad date or kind; NotFound when missing.
  static Status Load(const std::filesystem::path& tsv, WorkCalendar* out);

  // InvalidArgument (Chinese, naming the year) when the year is not covered.
  Status IsWorkingDay(const CivilDate& day, bool* working) const;

  // The `n`-th working day counting from `start` (the start is day 1 when it
  // is a working day; else the first working day after it is).
  // REQUIRES: n >= 1. InvalidArgument when a day on the way is in a year the
  // table lacks.
  Status NthWorkingDay(const CivilDate& start, int n, CivilDate* out) const;

  // The years covered, for messages.
  std::string CoveredYears() const;

  void AddYear(int year) { years_.insert(year); }
  void AddHoliday(const CivilDate& d) { special_[d] = false; }
  void AddWorkday(const CivilDate& d) { special_[d] = true; }

 private:
  std::set<int> years_;
  std::map<CivilDate, bool> special_;  // day → is a working day
};

}  // namespace gm
