// ProjectState: one project of the library as its events leave it, and its
// lifecycle status on a given day (the contract's statuses).
//
// A project is identified by the package id of the application it came from.
// Its field values are the values read from the scan, each replaced by an
// expert's correction when there is one (the scanned value is kept).
//
// Status on day D, first that applies:
//   已移出     removed on or before D;
//   未通过     the experts said 不通过, or an objection was upheld on or before D;
//   待补充材料 the experts said 补充材料后再审;
//   待公示     passed, publicity not started by D (or not scheduled);
//   公示中     D within publicity (start..end);
//   已延期     an extension recorded on or before D, and D within the extended validity;
//   已过期     D after validity (extended validity when extended);
//   即将到期   D from extension_from to valid_until;
//   已入库     else (publicity ended without objection, still valid).
//
// Thread-safety: values and pure functions.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/core/record.h"
#include "pipeline/library/civil_date.h"
#include "pipeline/library/event_log.h"
#include "pipeline/library/library_settings.h"

namespace gm {

struct Correction {
  Json value;            // the reviewed value
  Json scanned;          // what was read from the scan
  std::string expert, date, workbook;
};

struct ProjectState {
  std::string project_id;
  std::string conclusion;                 // 通过 | 补充材料后再审 | 不通过
  std::string opinion, experts, review_date;
  std::string collected_fingerprint;      // of the workbooks the conclusion came from
  std::string collected_on;               // effective day of the last collection
  std::map<std::string, Json> scanned;    // field key → typed value from the scan
  std::map<std::string, Correction> corrections;
  std::optional<CivilDate> publicity_start, publicity_end;
  std::optional<CivilDate> objected_on, removed_on;
  std::string objection_reason, removal_reason;
  std::optional<CivilDate> extended_on, extended_until;
  std::vector<const LibraryEvent*> history;  // into the events the state was built from

  // The reviewed value when corrected, else the scanned one; null if neither.
  Json Value(const std::string& key) const;
  // Value(key) as display text ("" for null; a category as "code title").
  std::string Text(const std::string& key) const;
  // publicity_end + validity years (29 Feb → 28 Feb); nullopt before publication.
  std::optional<CivilDate> ValidUntil(const LibrarySettings& settings) const;
  // ValidUntil − extension window days.
  std::optional<CivilDate> ExtensionFrom(const LibrarySettings& settings) const;
};

// Folds events (in seq order) into projects, in order of first appearance.
// REQUIRES: `events` outlives the result (history points into it).
std::vector<ProjectState> BuildProjects(const std::vector<LibraryEvent>& events);

std::string StatusAsOf(const ProjectState& project, const CivilDate& day, const LibrarySettings& settings);

// Statuses in which a project is in the library (recommended to banks).
bool InLibrary(const std::string& status);

}  // namespace gm
