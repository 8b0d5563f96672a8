// The library's projects as PriorProject data for `greenmine run --library`:
// loaded once before the batch, then matched per package without the
// database, so the check stage only ever sees plain data.
//
// Thread-safety: LoadPriorProjects on one thread; FindPriorProject is pure.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "pipeline/core/prior_project.h"
#include "pipeline/core/record.h"
#include "pipeline/core/status.h"
#include "pipeline/library/library_settings.h"

namespace gm {

// Every project that passed review and was not removed or objected to, with
// its current values and its status on `as_of` (YYYY-MM-DD).
Status LoadPriorProjects(const std::filesystem::path& library, const LibrarySettings& settings,
                         const std::string& as_of, std::vector<PriorProject>* out);

// The project a package resubmits: same company (credit code, or company
// name when either lacks a code) and same project (the package's name or
// former name equals the project's name or former name). A project with the
// package's own id is not a resubmission. Null when none.
const PriorProject* FindPriorProject(const std::vector<PriorProject>& projects, const std::string& package_id,
                                     const std::map<std::string, FieldValue>& fields);

}  // namespace gm
