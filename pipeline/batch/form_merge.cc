#include "pipeline/batch/form_merge.h"

#include <cstdio>
#include <set>

namespace gm {
namespace {

std::string Shown(const Json& v) { return v.is_string() ? v.get<std::string>() : v.dump(); }

}  // namespace

void MergeTypedCopy(const Templates& templates, double sure, const std::map<std::string, FieldValue>& typed_fields,
                    const std::vector<Finding>& typed_findings, std::map<std::string, FieldValue>* fields,
                    std::vector<Finding>* findings) {
  for (const FieldSpec& spec : templates.fields()) {
    FieldValue& scan = (*fields)[spec.key];
    auto it = typed_fields.find(spec.key);
    if (it == typed_fields.end()) continue;
    const FieldValue& copy = it->second;
    if (scan.value == copy.value || copy.value.is_null()) continue;
    if (!scan.value.is_null() && scan.confidence >= sure) {
      findings->push_back(NewFinding(templates, "low_confidence", spec.key,
                                     spec.label + "：盖章扫描件读作“" + Shown(scan.value) + "”，电子版为“" +
                                         Shown(copy.value) + "”，请核对（识别误差或签章后改动）"));
      continue;
    }
    const std::string was = scan.value.is_null() ? std::string("未能识别") : "读作“" + Shown(scan.value) + "”";
    char confidence[16];
    std::snprintf(confidence, sizeof confidence, "%.2f", scan.confidence);
    scan = copy;
    std::erase_if(*findings, [&](const Finding& f) { return f.field == spec.key; });
    for (const Finding& f : typed_findings)
      if (f.field == spec.key) findings->push_back(f);
    findings->push_back(NewFinding(templates, "low_confidence", spec.key,
                                   spec.label + "：盖章扫描件" + was + "（置信度" + confidence + "），取电子版的“" +
                                       Shown(copy.value) + "”，请与盖章件核对"));
  }
}

std::vector<size_t> AddStrayFormPages(const FormReader& reader, const Templates& templates,
                                      const std::vector<FormPageCandidate>& candidates, OcrEngine* ocr,
                                      FormReading* scanned) {
  std::vector<size_t> taken;
  for (size_t i = 0; i < candidates.size(); ++i) {
    std::set<std::string> lacking;
    for (const FieldSpec& spec : templates.fields())
      if (!scanned->fields.count(spec.key)) lacking.insert(spec.key);
    if (lacking.size() < kMissingBeforeSearch) break;
    FormReading page;
    if (!reader.ReadScanned({candidates[i].doc}, {candidates[i].path}, ocr, &page).ok()) continue;
    size_t gained = 0;
    for (const auto& [key, reading] : page.fields)
      if (lacking.count(key) && (!reading.raw.empty() || !reading.marked.empty())) ++gained;
    if (gained < kFieldsOfAFormPage) continue;
    for (auto& [key, reading] : page.fields)
      if (lacking.count(key)) scanned->fields[key] = std::move(reading);
    taken.push_back(i);
  }
  return taken;
}

}  // namespace gm
