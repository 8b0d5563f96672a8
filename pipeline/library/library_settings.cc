#include "pipeline/library/library_settings.h"

#include <cstdlib>
#include <map>

#include "pipeline/core/templates.h"

namespace gm {

Status LibrarySettings::Load(const std::filesystem::path& templates_dir, LibrarySettings* out) {
  std::filesystem::path path = templates_dir / "library_settings.tsv";
  TsvTable table;
  Status s = LoadTsv(path, &table);
  if (!s.ok()) return s;
  std::map<std::string, std::string> values;
  for (const auto& row : table.rows) values[table.Get(row, "key")] = table.Get(row, "value");
  LibrarySettings settings;
  auto number = [&](const char* key, double* v) {
    auto it = values.find(key);
    if (it == values.end()) return false;
    char* end = nullptr;
    *v = std::strtod(it->second.c_str(), &end);
    return end != it->second.c_str() && *end == '\0' && *v >= 0;
  };
  double days, years, window, extension, share, busy;
  if (!number("publicity_working_days", &days) || days < 1 || !number("validity_years", &years) ||
      !number("extension_window_days", &window) || !number("extension_years", &extension) ||
      !number("major_change_investment_share", &share) || !number("busy_timeout_ms", &busy))
    return Status::Corrupt(path.string() + ": a setting is missing or not a non-negative number");
  settings.publicity_working_days = static_cast<int>(days);
  settings.validity_years = static_cast<int>(years);
  settings.extension_window_days = static_cast<int>(window);
  settings.extension_years = static_cast<int>(extension);
  settings.major_change_investment_share = share;
  settings.busy_timeout_ms = static_cast<int>(busy);
  s = WorkCalendar::Load(templates_dir / "library_calendar.tsv", &settings.calendar);
  if (!s.ok()) return s;
  *out = std::move(settings);
  return Status::OK();
}

}  // namespace gm
