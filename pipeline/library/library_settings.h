// LibrarySettings: the periods and thresholds of the project library, from
// templates/library_settings.tsv, and the working-day calendar.
#pragma once

#include <filesystem>

#include "pipeline/core/status.h"
#include "pipeline/library/work_calendar.h"

namespace gm {

struct LibrarySettings {
  int publicity_working_days = 5;
  int validity_years = 2;
  int extension_window_days = 30;
  int extension_years = 2;
  double major_change_investment_share = 0.2;
  int busy_timeout_ms = 30000;
  WorkCalendar calendar;

  // Loads library_settings.tsv and library_calendar.tsv from `templates_dir`.
  // NotFound / Corrupt naming the table.
  static Status Load(const std::filesystem::path& templates_dir, LibrarySettings* out);
};

}  // namespace gm
