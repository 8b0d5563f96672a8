#include "pipeline/library/commands.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "pipeline/core/templates.h"
#include "pipeline/emit/atomic_file.h"
#include "pipeline/library/collect.h"
#include "pipeline/library/library_outputs.h"

namespace gm {
namespace fs = std::filesystem;
namespace {

// Everything the commands load from the templates folder.
struct Loaded {
  Templates templates;
  WorkbookLayout layout;
  LibrarySettings settings;
};

Status Load(const LibraryPaths& paths, Loaded* out) {
  if (Status s = Templates::Load(paths.templates_dir, &out->templates); !s.ok()) return s;
  if (Status s = WorkbookLayout::Load(paths.templates_dir, &out->layout); !s.ok()) return s;
  if (Status s = LibrarySettings::Load(paths.templates_dir, &out->settings); !s.ok()) return s;
  std::error_code ec;
  fs::create_directories(paths.out, ec);
  if (ec) return Status::IoError("无法创建输出目录 " + paths.out.string() + "：" + ec.message());
  return Status::OK();
}

Status ParseDay(const std::string& text, const char* what, CivilDate* out) {
  std::optional<CivilDate> day = CivilDate::Parse(text);
  if (!day) return Status::InvalidArgument(std::string(what) + "“" + text + "”不是有效日期（格式 YYYY-MM-DD）");
  *out = *day;
  return Status::OK();
}

Status ReadFileBytes(const fs::path& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IoError("无法读取 " + path.string());
  std::ostringstream bytes;
  bytes << in.rdbuf();
  *out = bytes.str();
  return Status::OK();
}

bool IsWorkbookName(const fs::path& p) {
  std::string ext = p.extension().string(), name = p.filename().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  // "~$name.xlsx" is Excel's lock file, ".~lock" LibreOffice's.
  return ext == ".xlsx" && name.rfind("~$", 0) != 0 && name.rfind(".~", 0) != 0;
}

Status ReadReturned(const fs::path& dir, const WorkbookLayout& layout, std::vector<ReturnedWorkbook>* out) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return Status::InvalidArgument("找不到退回工作簿的目录 " + dir.string());
  std::vector<fs::path> files;
  for (auto it = fs::recursive_directory_iterator(dir, fs::directory_options::skip_permission_denied, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec))
    if (it->is_regular_file() && IsWorkbookName(it->path())) files.push_back(it->path());
  if (ec) return Status::IoError("无法遍历目录 " + dir.string() + "：" + ec.message());
  std::sort(files.begin(), files.end());
  for (const fs::path& f : files) {
    std::string bytes;
    std::string rel = fs::relative(f, dir, ec).string();
    if (Status s = ReadFileBytes(f, &bytes); !s.ok()) {
      ReturnedWorkbook w;
      w.path = rel;
      w.unusable = s.message();
      out->push_back(w);
      continue;
    }
    out->push_back(ReadReturnedWorkbook(rel, bytes, layout));
  }
  return Status::OK();
}

Status OpenLibrary(const LibraryPaths& paths, const LibrarySettings& settings, std::unique_ptr<EventLog>* log) {
  return EventLog::Open(paths.library, settings.busy_timeout_ms, log);
}

std::vector<ProjectView> Views(const std::vector<ProjectState>& projects, const CivilDate& day,
                               const LibrarySettings& settings) {
  std::vector<ProjectView> views;
  for (const ProjectState& p : projects) views.push_back({&p, StatusAsOf(p, day, settings)});
  return views;
}

std::vector<ProjectView> WithStatus(const std::vector<ProjectView>& all, bool (*keep)(const std::string&)) {
  std::vector<ProjectView> out;
  std::copy_if(all.begin(), all.end(), std::back_inserter(out), [&](const ProjectView& v) { return keep(v.status); });
  return out;
}

}  // namespace

Status RunCollect(const LibraryPaths& paths, const fs::path& returned, const std::string& as_of, CollectReport* report) {
  Loaded loaded;
  if (Status s = Load(paths, &loaded); !s.ok()) return s;
  CivilDate day;
  if (Status s = ParseDay(as_of, "--as-of", &day); !s.ok()) return s;
  std::unique_ptr<Normalizer> normalizer;
  if (Status s = Normalizer::Create(loaded.templates, &normalizer); !s.ok()) return s;
  std::vector<ReturnedWorkbook> workbooks;
  if (Status s = ReadReturned(returned, loaded.layout, &workbooks); !s.ok()) return s;
  std::vector<CollectedPackage> packages = ValidateReturned(workbooks, loaded.templates, *normalizer, loaded.layout);

  std::unique_ptr<EventLog> log;
  if (Status s = OpenLibrary(paths, loaded.settings, &log); !s.ok()) return s;
  Status s = log->Update([&](const std::vector<LibraryEvent>& existing, std::vector<LibraryEvent>* append) {
    *append = CollectEvents(packages, existing, as_of);
    for (const LibraryEvent& e : *append) report->imported += e.kind == std::string(kEventCollected);
    return Status::OK();
  });
  if (!s.ok()) return s;

  std::string lines;
  for (const CollectedPackage& p : packages) {
    lines += CollectedLine(p).dump(-1, ' ', false, Json::error_handler_t::replace) + "\n";
    report->with_problems += !p.problems.empty();
    report->passed += p.conclusion == "通过";
  }
  report->workbooks = static_cast<int>(workbooks.size());
  report->packages = static_cast<int>(packages.size());
  std::vector<LibraryEvent> events;
  if (!(s = log->ReadAll(&events)).ok()) return s;
  std::vector<ProjectState> projects = BuildProjects(events);
  std::vector<ProjectView> views = Views(projects, day, loaded.settings);
  std::vector<ProjectView> approved =
      WithStatus(views, [](const std::string& status) { return status == std::string("待公示"); });
  OutputContext ctx{loaded.templates, loaded.layout, loaded.settings};
  if (!(s = WriteApprovedList(ctx, approved, paths.out / "入库名单.xlsx")).ok()) return s;
  return WriteFileAtomically(paths.out / "collected.jsonl", lines);
}

Status RunPublish(const LibraryPaths& paths, const std::string& start_text, const std::string& command_line,
                  int* published) {
  Loaded loaded;
  if (Status s = Load(paths, &loaded); !s.ok()) return s;
  CivilDate start, end;
  if (Status s = ParseDay(start_text, "--start", &start); !s.ok()) return s;
  if (Status s = loaded.settings.calendar.NthWorkingDay(start, loaded.settings.publicity_working_days, &end); !s.ok())
    return s;
  std::unique_ptr<EventLog> log;
  if (Status s = OpenLibrary(paths, loaded.settings, &log); !s.ok()) return s;
  Status s = log->Update([&](const std::vector<LibraryEvent>& existing, std::vector<LibraryEvent>* append) {
    for (const ProjectState& p : BuildProjects(existing)) {
      if (p.conclusion != "通过" || p.publicity_start || p.removed_on || p.objected_on) continue;
      LibraryEvent e;
      e.project_id = p.project_id;
      e.kind = kEventPublished;
      e.effective = start.ToString();
      e.source = command_line;
      e.actor = "greenmine publish";
      e.data = {{"start", start.ToString()}, {"end", end.ToString()}};
      append->push_back(e);
    }
    return Status::OK();
  });
  if (!s.ok()) return s;
  std::vector<LibraryEvent> events;
  if (!(s = log->ReadAll(&events)).ok()) return s;
  std::vector<ProjectState> projects = BuildProjects(events);
  std::vector<ProjectView> listed;
  for (const ProjectState& p : projects)
    if (p.publicity_start == start && !p.removed_on) listed.push_back({&p, "公示中"});
  *published = static_cast<int>(listed.size());
  OutputContext ctx{loaded.templates, loaded.layout, loaded.settings};
  if (!(s = WritePublicityList(ctx, listed, paths.out / "公示名单.xlsx")).ok()) return s;
  return WriteFileAtomically(paths.out / "公示公告.txt", PublicityNotice(ctx, listed, start, end));
}

namespace {

Status Decide(const LibraryChange& change, const ProjectState* p, const CivilDate& day, const std::string& reason,
              const LibrarySettings& settings, LibraryEvent* e) {
  if (p == nullptr) return Status::InvalidArgument("项目库中没有项目“" + change.project_id + "”");
  std::string status = StatusAsOf(*p, day, settings);
  e->project_id = p->project_id;
  e->kind = change.kind;
  e->effective = day.ToString();
  if (change.kind == kEventExtended) {
    if (status != "即将到期")
      return Status::InvalidArgument("项目“" + p->project_id + "”在 " + day.ToString() + " 的状态为" + status +
                                     "，只能在有效期届满前 " + std::to_string(settings.extension_window_days) +
                                     " 日内（即将到期）申请延期");
    e->data = {{"valid_until", p->ValidUntil(settings)->AddYears(settings.extension_years).ToString()}};
    if (!reason.empty()) e->data["reason"] = reason;
    return Status::OK();
  }
  if (reason.empty()) return Status::InvalidArgument("记录异议或移出项目时须用 --reason 写明原因");
  if (change.kind == kEventObjected && status != "公示中" && status != "待公示")
    return Status::InvalidArgument("项目“" + p->project_id + "”在 " + day.ToString() + " 的状态为" + status +
                                   "，只能对待公示或公示中的项目记录异议");
  if (change.kind == kEventRemoved && status == "已移出")
    return Status::InvalidArgument("项目“" + p->project_id + "”已经移出项目库");
  e->data = {{"reason", reason}};
  return Status::OK();
}

}  // namespace

Status RunLibrary(const LibraryPaths& paths, const std::string& as_of, const std::vector<LibraryChange>& changes,
                  const std::string& reason, const std::string& command_line, int* count) {
  Loaded loaded;
  if (Status s = Load(paths, &loaded); !s.ok()) return s;
  CivilDate day;
  if (Status s = ParseDay(as_of, "--as-of", &day); !s.ok()) return s;
  std::unique_ptr<EventLog> log;
  if (Status s = OpenLibrary(paths, loaded.settings, &log); !s.ok()) return s;
  Status s = log->Update([&](const std::vector<LibraryEvent>& existing, std::vector<LibraryEvent>* append) {
    std::vector<ProjectState> projects = BuildProjects(existing);
    for (const LibraryChange& change : changes) {
      auto it = std::find_if(projects.begin(), projects.end(),
                             [&](const ProjectState& p) { return p.project_id == change.project_id; });
      LibraryEvent e;
      if (Status d = Decide(change, it == projects.end() ? nullptr : &*it, day, reason, loaded.settings, &e); !d.ok())
        return d;
      e.source = command_line;
      e.actor = "greenmine library";
      append->push_back(e);
    }
    return Status::OK();
  });
  if (!s.ok()) return s;
  std::vector<LibraryEvent> events;
  if (!(s = log->ReadAll(&events)).ok()) return s;
  std::vector<ProjectState> projects = BuildProjects(events);
  std::vector<ProjectView> views = Views(projects, day, loaded.settings);
  *count = static_cast<int>(views.size());
  OutputContext ctx{loaded.templates, loaded.layout, loaded.settings};
  if (!(s = WriteLibraryList(ctx, views, paths.out / "项目库.xlsx")).ok()) return s;
  if (!(s = WriteRecommended(ctx, WithStatus(views, InLibrary), paths.out / "推介项目.xlsx",
                             paths.out / "推介项目.csv")).ok())
    return s;
  std::string lines;
  for (const ProjectView& v : views) lines += LibraryLine(v, loaded.settings).dump(-1, ' ', false, Json::error_handler_t::replace) + "\n";
  return WriteFileAtomically(paths.out / "library.jsonl", lines);
}

}  // namespace gm
