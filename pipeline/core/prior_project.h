// PriorProject: a project of the library, as `greenmine run --library` hands
// it to the checks and the review workbook — plain data, so neither opens the
// library. The batch looks it up (pipeline/library/prior_lookup.h) before the
// checks run.
#pragma once

#include <map>
#include <string>

#include <nlohmann/json.hpp>

namespace gm {

struct PriorProject {
  std::string project_id;  // the package id it entered the library from
  std::string status;      // its library status on the run's as-of date
  std::string valid_until; // YYYY-MM-DD or ""
  // The library's current values (experts' corrections applied) of the fields
  // that identify a project and those a major change is judged on.
  std::map<std::string, nlohmann::ordered_json> values;
};

}  // namespace gm
