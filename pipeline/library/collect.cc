#include "pipeline/library/collect.h"

#include <algorithm>
#include <filesystem>
#include <set>

#include "pipeline/core/hash.h"
#include "pipeline/library/civil_date.h"

namespace gm {
namespace {

// The copy as the secretary finds it: its path under the returned folder (two
// experts' folders may hold the same file name) and the expert who signed it.
std::string Name(const ReturnedWorkbook& w) {
  const std::string& name = w.path;
  return w.expert.empty() ? "“" + name + "”" : "“" + name + "”（专家：" + w.expert + "）";
}

std::string Join(const std::vector<std::string>& items, const std::string& sep) {
  std::string out;
  for (const auto& s : items) out += (out.empty() ? "" : sep) + s;
  return out;
}

// The typed value of an expert's 更正值, or a problem.
bool TypeCorrection(const FieldSpec& spec, const std::string& text, const Normalizer& normalizer, Json* value,
                    std::string* why) {
  std::string raw = spec.type == FieldType::kDate ? CellDate(text) : text;
  FormReading form;
  form.fields[spec.key].raw = raw;
  form.fields[spec.key].confidence = 1.0;
  std::map<std::string, FieldValue> fields;
  std::vector<Finding> findings;
  normalizer.Normalize(form, &fields, &findings);
  for (const Finding& f : findings) {
    if (f.field == spec.key && f.code != "low_confidence") {
      *why = f.message;
      return false;
    }
  }
  *value = fields[spec.key].value;
  if (value->is_null() && !raw.empty() && spec.type != FieldType::kText) {
    *why = "无法识别为“" + spec.label + "”的有效值";
    return false;
  }
  return true;
}

void CheckConclusions(const WorkbookLayout& layout, CollectedPackage* p) {
  std::vector<std::string> options = layout.Options("conclusion_options");
  std::set<std::string> seen;
  for (const ReturnedWorkbook* w : p->copies) {
    if (w->conclusion.empty()) {
      p->problems.push_back(Name(*w) + " 未填写审核结论");
    } else if (std::find(options.begin(), options.end(), w->conclusion) == options.end()) {
      p->problems.push_back(Name(*w) + " 的审核结论“" + w->conclusion + "”不是可选项（" + Join(options, "、") + "）");
    } else {
      seen.insert(w->conclusion);
    }
    if (!w->review_date.empty() && !CivilDate::Parse(w->review_date))
      p->problems.push_back(Name(*w) + " 的审核日期“" + w->review_date + "”不是有效日期");
  }
  if (seen.size() > 1) {
    std::vector<std::string> who;
    for (const ReturnedWorkbook* w : p->copies)
      if (!w->conclusion.empty()) who.push_back(Name(*w) + "为“" + w->conclusion + "”");
    p->problems.push_back("专家审核结论不一致：" + Join(who, "，"));
  }
  if (seen.size() == 1 && p->problems.empty()) p->conclusion = *seen.begin();
}

void CheckFieldReview(const ReturnedWorkbook& w, const FieldReview& f, const Templates& templates,
                      const Normalizer& normalizer, const WorkbookLayout& layout, CollectedPackage* p) {
  const FieldSpec* spec = templates.Field(f.key);
  std::string where = Name(w) + " 第 " + std::to_string(f.row) + " 行";
  if (spec == nullptr) {
    p->problems.push_back(where + " 的字段代码“" + f.key + "”不在字段表中");
    return;
  }
  where += "“" + spec->label + "”";
  std::vector<std::string> options = layout.Options("review_options");
  const std::string& modify = options.size() > 1 ? options[1] : f.review;
  if (!f.review.empty() && std::find(options.begin(), options.end(), f.review) == options.end())
    return p->problems.push_back(where + " 的审核结论“" + f.review + "”不是可选项（" + Join(options, "、") + "）");
  if (f.review == modify && f.corrected.empty())
    return p->problems.push_back(where + " 的审核结论为“" + modify + "”，但未填写更正值");
  if (f.review != modify && !f.corrected.empty())
    return p->problems.push_back(where + " 填写了更正值“" + f.corrected + "”，但审核结论不是“" + modify + "”");
  if (f.review != modify) return;
  Json value;
  std::string why;
  if (!TypeCorrection(*spec, f.corrected, normalizer, &value, &why))
    return p->problems.push_back(where + " 的更正值“" + f.corrected + "”无效：" + why);
  auto [it, fresh] = p->corrections.emplace(f.key, CollectedCorrection{value, w.expert, w.review_date, w.path});
  if (!fresh && it->second.value != value)
    p->problems.push_back("专家对“" + spec->label + "”的更正值不一致：“" + it->second.workbook +
                          "”为 " + it->second.value.dump() + "，" + Name(w) + "为 " + value.dump());
}

// A field one expert corrects and another confirms as read is disputed.
void CheckCorrectionsAgainstConfirmations(const Templates& templates, const WorkbookLayout& layout,
                                          CollectedPackage* p) {
  std::vector<std::string> options = layout.Options("review_options");
  if (options.empty()) return;
  const std::string& confirm = options[0];
  for (const ReturnedWorkbook* w : p->copies) {
    for (const FieldReview& f : w->fields) {
      auto fix = p->corrections.find(f.key);
      if (f.review != confirm || fix == p->corrections.end()) continue;
      const FieldSpec* spec = templates.Field(f.key);
      p->problems.push_back("专家对“" + (spec ? spec->label : f.key) + "”的意见不一致：“" +
                            fix->second.workbook + "”修改为 " +
                            fix->second.value.dump() + "，" + Name(*w) + "确认原值");
    }
  }
}

void Summarize(CollectedPackage* p) {
  std::vector<std::string> experts, opinions, shas;
  for (const ReturnedWorkbook* w : p->copies) {
    if (!w->expert.empty()) experts.push_back(w->expert);
    if (!w->opinion.empty()) opinions.push_back(w->expert.empty() ? w->opinion : w->expert + "：" + w->opinion);
    if (w->review_date > p->review_date) p->review_date = w->review_date;
    shas.push_back(w->sha256);
    for (const auto& [k, v] : w->scanned) p->scanned.emplace(k, v);
  }
  std::sort(shas.begin(), shas.end());
  p->experts = Join(experts, "、");
  p->opinion = Join(opinions, "\n");
  p->fingerprint = Sha256Hex(Join(shas, ","));
}

}  // namespace

std::vector<CollectedPackage> ValidateReturned(const std::vector<ReturnedWorkbook>& workbooks, const Templates& templates,
                                               const Normalizer& normalizer, const WorkbookLayout& layout) {
  std::vector<CollectedPackage> out;
  std::map<std::string, size_t> index;
  std::set<std::string> seen_bytes;
  for (const ReturnedWorkbook& w : workbooks) {
    if (!seen_bytes.insert(w.sha256).second) continue;  // the same file twice
    if (!w.unusable.empty() && w.package_id.empty()) {
      out.emplace_back();
      out.back().problems.push_back(w.unusable);
      continue;
    }
    auto [it, fresh] = index.emplace(w.package_id, out.size());
    if (fresh) out.emplace_back().package_id = w.package_id;
    out[it->second].copies.push_back(&w);
  }
  for (CollectedPackage& p : out) {
    if (p.package_id.empty()) continue;
    for (const ReturnedWorkbook* w : p.copies) {
      if (!w->unusable.empty()) p.problems.push_back(w->unusable);
      if (w->scanned.empty()) p.problems.push_back(Name(*w) + " 缺少申请包数据表，无法取得申请信息");
    }
    CheckConclusions(layout, &p);
    for (const ReturnedWorkbook* w : p.copies)
      for (const FieldReview& f : w->fields) CheckFieldReview(*w, f, templates, normalizer, layout, &p);
    CheckCorrectionsAgainstConfirmations(templates, layout, &p);
    Summarize(&p);
    if (!p.problems.empty()) p.conclusion.clear();
  }
  return out;
}

std::vector<LibraryEvent> CollectEvents(const std::vector<CollectedPackage>& packages,
                                        const std::vector<LibraryEvent>& existing, const std::string& as_of) {
  std::set<std::string> done;  // project + fingerprint already collected
  for (const LibraryEvent& e : existing)
    if (e.kind == kEventCollected) done.insert(e.project_id + '\0' + e.data.value("fingerprint", ""));
  std::vector<LibraryEvent> events;
  for (const CollectedPackage& p : packages) {
    if (p.package_id.empty() || !p.problems.empty() || done.count(p.package_id + '\0' + p.fingerprint)) continue;
    LibraryEvent c;
    c.project_id = p.package_id;
    c.kind = kEventCollected;
    c.effective = as_of;
    c.actor = p.experts;
    Json copies = Json::array();
    std::vector<std::string> paths;
    for (const ReturnedWorkbook* w : p.copies) {
      copies.push_back({{"path", w->path}, {"sha256", w->sha256}, {"expert", w->expert}, {"date", w->review_date}});
      paths.push_back(w->path);
    }
    c.source = Join(paths, "; ");
    c.data = {{"conclusion", p.conclusion}, {"opinion", p.opinion},   {"review_date", p.review_date},
              {"fingerprint", p.fingerprint}, {"workbooks", copies}, {"scanned", Json(p.scanned)}};
    events.push_back(c);
    for (const auto& [key, fix] : p.corrections) {
      LibraryEvent e;
      e.project_id = p.package_id;
      e.kind = kEventCorrected;
      e.effective = CivilDate::Parse(fix.date) ? fix.date : as_of;
      e.actor = fix.expert;
      e.source = fix.workbook;
      auto scanned = p.scanned.find(key);
      e.data = {{"field", key}, {"reviewed", fix.value}, {"scanned", scanned == p.scanned.end() ? Json() : scanned->second}};
      events.push_back(e);
    }
  }
  return events;
}

Json CollectedLine(const CollectedPackage& p) {
  Json corrections = Json::object();
  for (const auto& [key, fix] : p.corrections) corrections[key] = fix.value;
  return {{"package_id", p.package_id.empty() ? Json() : Json(p.package_id)},
          {"conclusion", p.conclusion.empty() ? Json() : Json(p.conclusion)},
          {"corrections", corrections},
          {"problems", p.problems}};
}

}  // namespace gm
