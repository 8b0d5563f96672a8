// RecordToJson: the record in the contract's format (see record_json.h).
#include <algorithm>
#include <cmath>

#include "pipeline/core/display_text.h"
#include "pipeline/core/base64.h"
#include "pipeline/emit/record_json.h"
#include "pipeline/emit/text_util.h"

namespace gm {
namespace {

Json StringOrNull(const std::string& s) { return s.empty() ? Json(nullptr) : Json(SanitizeUtf8(s)); }

Json NumberOrNull(const std::optional<double>& v) {
  return v && std::isfinite(*v) ? Json(*v) : Json(nullptr);
}

double RoundedConfidence(double c) {
  if (!std::isfinite(c)) return 0.0;
  c = std::clamp(c, 0.0, 1.0);
  return std::round(c * 1000.0) / 1000.0;
}

// A field value as the contract wants it: strings valid UTF-8, non-finite
// numbers (which JSON cannot hold) as null.
Json CleanValue(const Json& value) {
  switch (value.type()) {
    case Json::value_t::string:
      return SanitizeUtf8(value.get_ref<const std::string&>());
    case Json::value_t::number_float:
      return std::isfinite(value.get<double>()) ? value : Json(nullptr);
    case Json::value_t::array: {
      Json out = Json::array();
      for (const auto& v : value) out.push_back(CleanValue(v));
      return out;
    }
    case Json::value_t::object: {
      Json out = Json::object();
      for (const auto& [k, v] : value.items()) out[SanitizeUtf8(k)] = CleanValue(v);
      return out;
    }
    case Json::value_t::discarded:
      return nullptr;
    default:
      return value;
  }
}

// Beside a name or text from the applicant that holds hidden or control
// characters, "<key>_display": how workbooks show it (display_text.h). The
// value under <key> stays exactly as it arrived.
void AddDisplayForm(Json* j, const std::string& key, const std::string& text, bool keep_line_breaks) {
  if (NeedsDisplayForm(text, keep_line_breaks)) (*j)[key + "_display"] = DisplayText(text, keep_line_breaks);
}

Json OriginJson(const Origin& o) {
  Json j = Json::object();
  j["container"] = StringOrNull(o.container);
  j["subject"] = StringOrNull(o.subject);
  j["from"] = StringOrNull(o.from);
  j["to"] = StringOrNull(o.to);
  j["date"] = StringOrNull(o.date);
  j["body"] = StringOrNull(o.body);
  // Only for a message of a mailbox: the records of other packages stay as they were.
  if (!o.mailbox.empty()) j["mailbox"] = SanitizeUtf8(o.mailbox);
  if (!o.mailbox.empty()) j["message_id"] = StringOrNull(o.message_id);
  AddDisplayForm(&j, "subject", o.subject, false);
  AddDisplayForm(&j, "from", o.from, false);
  AddDisplayForm(&j, "to", o.to, false);
  AddDisplayForm(&j, "body", o.body, true);
  return j;
}

Json FileJson(const FileEntry& f) {
  Json j = Json::object();
  j["path"] = SanitizeUtf8(f.path);
  j["sha256"] = SanitizeUtf8(f.sha256);
  j["kind"] = StringOrNull(f.kind);
  j["pages"] = f.pages >= 0 ? Json(f.pages) : Json(nullptr);
  j["text_source"] = SanitizeUtf8(f.text_source);
  j["error"] = StringOrNull(f.error);
  AddDisplayForm(&j, "path", f.path, false);
  return j;
}

Json ProvenanceJson(const Provenance& p) {
  Json j = Json::object();
  j["file"] = StringOrNull(p.file);
  j["page"] = p.page >= 0 ? Json(p.page) : Json(nullptr);
  j["box"] = p.w > 0 ? Json::array({p.x, p.y, p.w, p.h}) : Json(nullptr);
  j["raw"] = StringOrNull(p.raw);
  j["cell_png"] = p.cell_png.empty() ? Json(nullptr) : Json(Base64Encode(p.cell_png));
  return j;
}

Json FieldJson(const FieldValue* f, bool with_provenance) {
  Json j = Json::object();
  if (f == nullptr) {
    j["value"] = nullptr;
    j["confidence"] = 0.0;
    if (with_provenance) j["_provenance"] = ProvenanceJson(Provenance());
    return j;
  }
  j["value"] = CleanValue(f->value);
  j["confidence"] = RoundedConfidence(f->confidence);
  if (with_provenance) j["_provenance"] = ProvenanceJson(f->provenance);
  return j;
}

Json FinancialsJson(const std::optional<Financials>& fin) {
  if (!fin) return nullptr;
  Json j = Json::object();
  j["year"] = fin->year ? Json(*fin->year) : Json(nullptr);
  j["total_assets"] = NumberOrNull(fin->total_assets);
  j["total_liabilities"] = NumberOrNull(fin->total_liabilities);
  j["owners_equity"] = NumberOrNull(fin->owners_equity);
  j["revenue"] = NumberOrNull(fin->revenue);
  j["net_profit"] = NumberOrNull(fin->net_profit);
  j["operating_cash_flow"] = NumberOrNull(fin->operating_cash_flow);
  j["source_file"] = StringOrNull(fin->source_file);
  j["unit"] = StringOrNull(fin->unit);
  return j;
}

Json ChecklistJson(const ChecklistEntry* e) {
  static const ChecklistEntry kAbsent;
  if (e == nullptr) e = &kAbsent;
  Json j = Json::object();
  j["required"] = e->required;
  j["present"] = e->present;
  Json files = Json::array();
  for (const auto& f : e->files) files.push_back(SanitizeUtf8(f));
  j["files"] = std::move(files);
  j["reason"] = StringOrNull(e->reason);
  if (!e->pages.empty()) {
    Json pages = Json::object();
    for (const auto& [file, numbers] : e->pages) pages[SanitizeUtf8(file)] = numbers;
    j["pages"] = std::move(pages);
  }
  return j;
}

Json FindingJson(const Finding& f) {
  Json j = Json::object();
  j["code"] = SanitizeUtf8(f.code);
  j["severity"] = SanitizeUtf8(f.severity);
  j["field"] = StringOrNull(f.field);
  j["message"] = SanitizeUtf8(f.message);
  return j;
}

}  // namespace

Json RecordToJson(const Record& record, const Templates& templates, bool with_provenance) {
  Json j = Json::object();
  j["schema"] = kRecordSchema;
  j["package_id"] = SanitizeUtf8(record.package_id);
  j["source"] = SanitizeUtf8(record.source);
  AddDisplayForm(&j, "source", record.source, false);
  j["origin"] = OriginJson(record.origin);
  Json files = Json::array();
  for (const auto& f : record.files) files.push_back(FileJson(f));
  j["files"] = std::move(files);
  Json fields = Json::object();
  for (const auto& spec : templates.fields()) {
    auto it = record.fields.find(spec.key);
    fields[spec.key] = FieldJson(it == record.fields.end() ? nullptr : &it->second, with_provenance);
  }
  j["fields"] = std::move(fields);
  j["financials"] = FinancialsJson(record.financials);
  Json checklist = Json::object();
  for (const auto& spec : templates.checklist()) {
    auto it = record.checklist.find(spec.kind);
    checklist[spec.kind] = ChecklistJson(it == record.checklist.end() ? nullptr : &it->second);
  }
  j["checklist"] = std::move(checklist);
  Json findings = Json::array();
  for (const auto& f : record.findings) findings.push_back(FindingJson(f));
  j["findings"] = std::move(findings);
  // Beyond the contract's keys, in the room it leaves: the application of a
  // package sent in several (supplementary e-mails).
  if (record.application) {
    const ApplicationRef& a = *record.application;
    Json app = Json::object();
    app["id"] = SanitizeUtf8(a.id);
    Json packages = Json::array();
    for (const ApplicationMember& m : a.packages)
      packages.push_back({{"package_id", SanitizeUtf8(m.package_id)}, {"source", SanitizeUtf8(m.source)},
                          {"arrived", StringOrNull(m.arrived)}});
    app["packages"] = std::move(packages);
    app["latest"] = a.packages.empty() ? Json(nullptr) : Json(SanitizeUtf8(a.packages.back().package_id));
    app["form_from"] = StringOrNull(a.form_from);
    app["covers_all_packages"] = a.covers_all;
    j["application"] = std::move(app);
  }
  if (with_provenance) j["_pages_read"] = record.pages_read;
  return j;
}

}  // namespace gm
