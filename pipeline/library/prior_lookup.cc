#include "pipeline/library/prior_lookup.h"

#include "pipeline/library/event_log.h"
#include "pipeline/library/project_state.h"

namespace gm {
namespace {

constexpr const char* kKeptFields[] = {"company_name",     "credit_code",         "project_name",    "former_project_name",
                                       "project_category", "project_description", "total_investment"};

std::string TextOf(const Json& v) { return v.is_string() ? v.get<std::string>() : std::string(); }

std::string FieldText(const std::map<std::string, FieldValue>& fields, const char* key) {
  auto it = fields.find(key);
  return it == fields.end() ? std::string() : TextOf(it->second.value);
}

std::string PriorText(const PriorProject& p, const char* key) {
  auto it = p.values.find(key);
  return it == p.values.end() ? std::string() : TextOf(it->second);
}

bool SameCompany(const PriorProject& p, const std::map<std::string, FieldValue>& fields) {
  std::string code = FieldText(fields, "credit_code"), old_code = PriorText(p, "credit_code");
  if (!code.empty() && code == old_code) return true;
  std::string name = FieldText(fields, "company_name");
  return !name.empty() && name == PriorText(p, "company_name");
}

bool SameProject(const PriorProject& p, const std::map<std::string, FieldValue>& fields) {
  for (const char* mine : {"project_name", "former_project_name"}) {
    std::string name = FieldText(fields, mine);
    if (name.empty()) continue;
    if (name == PriorText(p, "project_name") || name == PriorText(p, "former_project_name")) return true;
  }
  return false;
}

}  // namespace

Status LoadPriorProjects(const std::filesystem::path& library, const LibrarySettings& settings,
                         const std::string& as_of, std::vector<PriorProject>* out) {
  std::optional<CivilDate> day = CivilDate::Parse(as_of);
  if (!day) return Status::InvalidArgument("--as-of " + as_of + " is not a date");
  std::unique_ptr<EventLog> log;
  if (Status s = EventLog::Open(library, settings.busy_timeout_ms, &log); !s.ok()) return s;
  std::vector<LibraryEvent> events;
  if (Status s = log->ReadAll(&events); !s.ok()) return s;
  for (const ProjectState& p : BuildProjects(events)) {
    if (p.conclusion != "通过" || p.removed_on || p.objected_on) continue;
    PriorProject prior;
    prior.project_id = p.project_id;
    prior.status = StatusAsOf(p, *day, settings);
    if (auto until = p.extended_until ? p.extended_until : p.ValidUntil(settings)) prior.valid_until = until->ToString();
    for (const char* key : kKeptFields) prior.values[key] = p.Value(key);
    out->push_back(std::move(prior));
  }
  return Status::OK();
}

const PriorProject* FindPriorProject(const std::vector<PriorProject>& projects, const std::string& package_id,
                                     const std::map<std::string, FieldValue>& fields) {
  for (const PriorProject& p : projects)
    if (p.project_id != package_id && SameCompany(p, fields) && SameProject(p, fields)) return &p;
  return nullptr;
}

}  // namespace gm
