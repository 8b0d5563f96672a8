// The library's outputs, what a secretary prints and forwards:
//   入库名单.xlsx  the passed projects awaiting the department's confirmation,
//                 grouped by catalog level 1 with subtotals and a total;
//   公示名单.xlsx  and 公示公告.txt, the publicity list and the website notice;
//   项目库.xlsx    every project with its status and dates, and 变更记录: every
//                 event of the library, in order (what, when, by whom, from where);
//   推介项目.xlsx / .csv  the projects in the library, for the banks;
//   library.jsonl the contract's line a project.
// Sheet names, titles and columns come from templates/workbook_*.tsv, texts
// from workbook_labels.tsv. Every file is written atomically.
//
// Thread-safety: pure functions writing distinct files.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "pipeline/core/status.h"
#include "pipeline/core/templates.h"
#include "pipeline/emit/workbook_layout.h"
#include "pipeline/library/project_state.h"

namespace gm {

// A project with its status on the day the output is made.
struct ProjectView {
  const ProjectState* project;
  std::string status;
};

struct OutputContext {
  const Templates& templates;
  const WorkbookLayout& layout;
  const LibrarySettings& settings;
};

Status WriteApprovedList(const OutputContext& ctx, const std::vector<ProjectView>& projects,
                         const std::filesystem::path& path);
Status WritePublicityList(const OutputContext& ctx, const std::vector<ProjectView>& projects,
                          const std::filesystem::path& path);
// The notice for the website: title, the list, the period, how to object.
std::string PublicityNotice(const OutputContext& ctx, const std::vector<ProjectView>& projects, const CivilDate& start,
                            const CivilDate& end);
Status WriteLibraryList(const OutputContext& ctx, const std::vector<ProjectView>& projects,
                        const std::filesystem::path& path);
Status WriteRecommended(const OutputContext& ctx, const std::vector<ProjectView>& projects,
                        const std::filesystem::path& xlsx, const std::filesystem::path& csv);
// {"project_id","company_name","credit_code","project_name","status",
//  "publicity_start","publicity_end","valid_until","extension_from"}.
Json LibraryLine(const ProjectView& view, const LibrarySettings& settings);

// RFC 4180 CSV of `rows` (the first is the header): a cell holding a comma,
// quote or line break is quoted; UTF-8 with a BOM so Excel shows the Chinese.
std::string CsvText(const std::vector<std::vector<std::string>>& rows);

}  // namespace gm
