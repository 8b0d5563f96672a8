#include "pipeline/batch/form_merge.h"

#include <cstdio>
#include <algorithm>
#include <set>

#include "pipeline/core/text_fold.h"

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

std::set<std::string> FormLabelsNamed(const Templates& templates, const std::set<std::string>& lacking,
                                      const std::string& text) {
  const std::string folded = FoldText(text);
  std::set<std::string> named;
  for (const FieldSpec& spec : templates.fields()) {
    if (!lacking.count(spec.key)) continue;
    std::string label = FoldText(spec.label);
    if (size_t colon = label.find(':'); colon != std::string::npos) label = label.substr(colon + 1);
    if (size_t bracket = label.find('('); bracket != std::string::npos) label = label.substr(0, bracket);
    if (!label.empty() && folded.find(label) != std::string::npos) named.insert(spec.key);
  }
  return named;
}

std::vector<TakenCandidate> AddStrayFormPages(const FormReader& reader, const Templates& templates,
                                              const std::vector<FormPageCandidate>& candidates, OcrEngine* ocr,
                                              FormReading* scanned) {
  std::vector<TakenCandidate> taken;
  for (size_t i = 0; i < candidates.size(); ++i) {
    std::set<std::string> lacking;
    for (const FieldSpec& spec : templates.fields())
      if (!scanned->fields.count(spec.key)) lacking.insert(spec.key);
    if (lacking.empty()) break;
    size_t needed = kFieldsOfAFormPage;
    if (lacking.size() < kMissingBeforeSearch) {
      if (!candidates[i].classified_other) continue;
      const size_t named = FormLabelsNamed(templates, lacking, candidates[i].first_page_text).size();
      if (named == 0) continue;
      needed = std::max<size_t>(1, (named + 1) / 2);
    }
    form::ScannedPages pages;
    FormReading page;
    if (!reader.ReadScannedPages({candidates[i].doc}, {candidates[i].path}, ocr, &pages).ok() ||
        !reader.AssembleScanned(form::PagesOf(pages), ocr, &page).ok())
      continue;
    size_t gained = 0;
    for (const auto& [key, reading] : page.fields)
      if (lacking.count(key) && (!reading.raw.empty() || !reading.marked.empty())) ++gained;
    if (gained < needed) continue;
    for (auto& [key, reading] : page.fields)
      if (lacking.count(key)) scanned->fields[key] = std::move(reading);
    taken.push_back({i, std::move(pages)});
  }
  return taken;
}

}  // namespace gm
