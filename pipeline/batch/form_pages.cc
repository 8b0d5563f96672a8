#include "pipeline/batch/form_pages.h"

#include <algorithm>

#include "pipeline/batch/form_merge.h"

namespace gm {
namespace {

// More candidates than this are not read: each costs the OCR of a form page.
constexpr size_t kMaxStrayCandidates = 8;

// The files the classifier took for the form: the scans, and the first electronic copy.
FormPages ClassifiedFormFiles(const OpenedFiles& opened) {
  FormPages pages;
  for (size_t i = 0; i < opened.files.size(); ++i) {
    const OpenedFile& f = opened.files[i];
    if (!f.opened || f.cls.kind != "application_form") continue;
    if (IsElectronic(f.doc)) {
      if (!pages.electronic) pages.electronic = i;
    } else {
      pages.scans.push_back(i);
    }
  }
  return pages;
}

// The candidates of at most `max_pages` pages (see form_pages.h) that are
// pages of the form, by AddStrayFormPages; their readings of the fields
// `scanned` lacked are added to it. When `scanned` has no source file, the
// first page taken becomes it.
std::vector<size_t> FindStrayPages(const BatchContext& ctx, const Package& package, const OpenedFiles& opened,
                                   const std::set<std::string>& statement_files, size_t max_pages, OcrEngine* ocr,
                                   FormReading* scanned) {
  std::vector<FormPageCandidate> candidates;
  std::vector<size_t> file_of;
  for (size_t i = 0; i < opened.files.size() && candidates.size() < kMaxStrayCandidates; ++i) {
    const OpenedFile& f = opened.files[i];
    if (!f.opened || f.cls.kind == "application_form" || statement_files.count(package.files[i].path) ||
        IsElectronic(f.doc) || f.doc.pages.empty() || f.doc.pages.size() > max_pages)
      continue;
    candidates.push_back({&f.doc, package.files[i].path, f.cls.kind == "other", f.cls.first_page_text});
    file_of.push_back(i);
  }
  std::vector<size_t> taken;
  for (size_t c : AddStrayFormPages(*ctx.form_reader, ctx.templates, candidates, ocr, scanned)) {
    taken.push_back(file_of[c]);
    if (scanned->source_file.empty()) {
      scanned->source_file = candidates[c].path;
      scanned->method = "ocr";
    }
  }
  return taken;
}

}  // namespace

bool FormPages::IsStray(size_t file) const { return std::find(stray.begin(), stray.end(), file) != stray.end(); }

std::vector<const Document*> FormPages::ScanDocs(const OpenedFiles& opened) const {
  std::vector<const Document*> docs;
  for (size_t i : scans) docs.push_back(&opened.files[i].doc);
  return docs;
}

std::vector<std::string> FormPages::ScanPaths(const Package& package) const {
  std::vector<std::string> paths;
  for (size_t i : scans) paths.push_back(package.files[i].path);
  return paths;
}

FormPages DecideFormPages(const BatchContext& ctx, const Package& package, const OpenedFiles& opened,
                          const std::set<std::string>& statement_files, OcrEngine* ocr,
                          std::optional<FormReading>* reading) {
  FormPages pages = ClassifiedFormFiles(opened);
  reading->reset();
  FormReading scanned;
  if (!pages.scans.empty()) {
    if (ctx.form_reader->ReadScanned(pages.ScanDocs(opened), pages.ScanPaths(package), ocr, &scanned).ok()) {
      // Photos of the form's later pages misfiled as other documents.
      OcrPurpose purpose(ocr, "stray pages");
      pages.stray = FindStrayPages(ctx, package, opened, statement_files, 2, ocr, &scanned);
      *reading = std::move(scanned);
    }
  } else if (!pages.electronic) {
    // No form recognised at all: any short scan may be it.
    OcrPurpose purpose(ocr, "unclassified pages");
    pages.stray = FindStrayPages(ctx, package, opened, statement_files, FormReader::kMaxFormPages, ocr, &scanned);
    if (!scanned.fields.empty()) *reading = std::move(scanned);
  }
  pages.scans.insert(pages.scans.end(), pages.stray.begin(), pages.stray.end());
  std::sort(pages.scans.begin(), pages.scans.end());
  return pages;
}

}  // namespace gm
