#include "pipeline/library/project_state.h"

namespace gm {
namespace {

std::optional<CivilDate> DateOf(const Json& data, const char* key) {
  if (!data.contains(key) || !data[key].is_string()) return std::nullopt;
  return CivilDate::Parse(data[key].get<std::string>());
}

std::string Str(const Json& data, const char* key) {
  return data.contains(key) && data[key].is_string() ? data[key].get<std::string>() : std::string();
}

void ApplyCollected(const LibraryEvent& e, ProjectState* p) {
  p->conclusion = Str(e.data, "conclusion");
  p->opinion = Str(e.data, "opinion");
  p->experts = e.actor;
  p->review_date = Str(e.data, "review_date");
  p->collected_fingerprint = Str(e.data, "fingerprint");
  p->collected_on = e.effective;
  if (e.data.contains("scanned") && e.data["scanned"].is_object())
    for (const auto& [key, value] : e.data["scanned"].items()) p->scanned[key] = value;
}

void Apply(const LibraryEvent& e, ProjectState* p) {
  const std::string& k = e.kind;
  if (k == kEventCollected) {
    ApplyCollected(e, p);
  } else if (k == kEventCorrected) {
    Correction c{e.data.value("reviewed", Json()), e.data.value("scanned", Json()), e.actor, e.effective, e.source};
    p->corrections[Str(e.data, "field")] = c;
  } else if (k == kEventPublished) {
    p->publicity_start = DateOf(e.data, "start");
    p->publicity_end = DateOf(e.data, "end");
  } else if (k == kEventObjected) {
    p->objected_on = CivilDate::Parse(e.effective);
    p->objection_reason = Str(e.data, "reason");
  } else if (k == kEventExtended) {
    p->extended_on = CivilDate::Parse(e.effective);
    p->extended_until = DateOf(e.data, "valid_until");
  } else if (k == kEventRemoved) {
    p->removed_on = CivilDate::Parse(e.effective);
    p->removal_reason = Str(e.data, "reason");
  }
}

bool OnOrBefore(const std::optional<CivilDate>& d, const CivilDate& day) { return d && *d <= day; }

}  // namespace

Json ProjectState::Value(const std::string& key) const {
  if (auto it = corrections.find(key); it != corrections.end()) return it->second.value;
  if (auto it = scanned.find(key); it != scanned.end()) return it->second;
  return Json();
}

std::string ProjectState::Text(const std::string& key) const {
  Json v = Value(key);
  if (v.is_null()) return "";
  if (v.is_string()) return v.get<std::string>();
  if (v.is_object()) return v.value("code", "") + " " + v.value("title", "");
  if (v.is_array()) {
    std::string text;
    for (const Json& item : v) text += (text.empty() ? "" : "、") + (item.is_string() ? item.get<std::string>() : item.dump());
    return text;
  }
  if (v.is_boolean()) return v.get<bool>() ? "是" : "否";
  return v.dump();
}

std::optional<CivilDate> ProjectState::ValidUntil(const LibrarySettings& settings) const {
  if (!publicity_end) return std::nullopt;
  return publicity_end->AddYears(settings.validity_years);
}

std::optional<CivilDate> ProjectState::ExtensionFrom(const LibrarySettings& settings) const {
  std::optional<CivilDate> until = ValidUntil(settings);
  if (!until) return std::nullopt;
  return until->AddDays(-settings.extension_window_days);
}

std::vector<ProjectState> BuildProjects(const std::vector<LibraryEvent>& events) {
  std::vector<ProjectState> projects;
  std::map<std::string, size_t> index;
  for (const LibraryEvent& e : events) {
    auto [it, fresh] = index.emplace(e.project_id, projects.size());
    if (fresh) {
      projects.emplace_back();
      projects.back().project_id = e.project_id;
    }
    ProjectState* p = &projects[it->second];
    Apply(e, p);
    p->history.push_back(&e);
  }
  return projects;
}

std::string StatusAsOf(const ProjectState& p, const CivilDate& day, const LibrarySettings& settings) {
  if (OnOrBefore(p.removed_on, day)) return "已移出";
  if (p.conclusion == "不通过" || OnOrBefore(p.objected_on, day)) return "未通过";
  if (p.conclusion == "补充材料后再审") return "待补充材料";
  if (p.conclusion != "通过") return "待补充材料";
  if (!p.publicity_start || day < *p.publicity_start) return "待公示";
  if (day <= *p.publicity_end) return "公示中";
  if (OnOrBefore(p.extended_on, day) && p.extended_until && day <= *p.extended_until) return "已延期";
  CivilDate until = *p.ValidUntil(settings);
  if (OnOrBefore(p.extended_on, day) && p.extended_until) until = *p.extended_until;
  if (day > until) return "已过期";
  if (day >= *p.ExtensionFrom(settings)) return "即将到期";
  return "已入库";
}

bool InLibrary(const std::string& status) {
  return status == "已入库" || status == "即将到期" || status == "已延期";
}

}  // namespace gm
