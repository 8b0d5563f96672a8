// MergeTypedCopy: one application form from its two readings — the stamped
// scan (OCR) and the electronic copy (docx, Word-exported PDF) that many
// applicants send as well.
//
// The stamped scan is the authority where it was read surely; where its
// reading is missing or doubtful (confidence below `sure`) the copy's value is
// taken, and the scan's own findings on that field give way to the copy's.
// Every field where the two differ gets a low_confidence finding saying both
// values, since that is a misread or an edit after signing.
//
// Thread-safety: a pure function.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "extractors/form/form_reader.h"
#include "pipeline/core/document.h"
#include "pipeline/core/record.h"
#include "pipeline/core/templates.h"

namespace gm {

// REQUIRES: `typed_fields` and `*fields` hold every key of templates.fields()
// (as Normalizer::Normalize leaves them). `findings` are the scan's.
void MergeTypedCopy(const Templates& templates, double sure, const std::map<std::string, FieldValue>& typed_fields,
                    const std::vector<Finding>& typed_findings, std::map<std::string, FieldValue>* fields,
                    std::vector<Finding>* findings);

// Pages of the form photographed one to a file are sometimes classified as
// something else when their OCR is poor (a photo of page 2 lists 初步设计批复
// among its labels, page 3 行政奖励、处罚情况), or hold too little to tell (a
// page break leaves one row, 项目总投资 and 资本金总额, on a page of its own).
// Each candidate (another short scan of the package, in order) is read as
// the form on its own while `scanned` lacks fields, when either
//   - `scanned` lacks at least kMissingBeforeSearch fields: taken when its
//     table gives at least kFieldsOfAFormPage of them; or
//   - it was classified `other` and the text the classifier read on it names
//     the label of a field `scanned` lacks (FormLabelsNamed): taken when its
//     table gives at least one of them, and at least half as many as named.
// A taken candidate is a page of the form, and its readings of the lacking
// fields are added to `scanned`. An approval or a certificate is never
// searched for a few fields: a 备案证's table holds 项目总投资 too.
// Returns the candidates taken as form pages, in order, each with its pages
// as read (once: the form is assembled from them again without OCR,
// FormReader::AssembleScanned).
// REQUIRES: `ocr` used by this thread only. Thread-safe otherwise.
struct FormPageCandidate {
  const Document* doc = nullptr;  // must outlive the call
  std::string path;
  bool classified_other = false;  // the classifier found it none of the checklist's kinds
  std::string first_page_text;    // what the classifier read of its first page
};
// The keys of `lacking` whose printed label (fields.tsv, without its unit in
// brackets and a prefix before "：") the folded `text` holds.
std::set<std::string> FormLabelsNamed(const Templates& templates, const std::set<std::string>& lacking,
                                      const std::string& text);
constexpr size_t kMissingBeforeSearch = 6;
constexpr size_t kFieldsOfAFormPage = 4;
struct TakenCandidate {
  size_t candidate = 0;            // index into the candidates
  form::ScannedPages pages;        // its pages as read
};
std::vector<TakenCandidate> AddStrayFormPages(const FormReader& reader, const Templates& templates,
                                              const std::vector<FormPageCandidate>& candidates, OcrEngine* ocr,
                                              FormReading* scanned);

}  // namespace gm
