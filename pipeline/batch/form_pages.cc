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
// `scanned` lacked are added to it, their pages as read to `pages`. When
// `scanned` has no source file, the first page taken becomes it.
std::vector<size_t> FindStrayPages(const BatchContext& ctx, const Package& package, const OpenedFiles& opened,
                                   const std::set<std::string>& statement_files, size_t max_pages, OcrEngine* ocr,
                                   FormReading* scanned, std::map<size_t, form::ScannedPages>* pages) {
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
  for (TakenCandidate& c : AddStrayFormPages(*ctx.form_reader, ctx.templates, candidates, ocr, scanned)) {
    taken.push_back(file_of[c.candidate]);
    (*pages)[file_of[c.candidate]] = std::move(c.pages);
    if (scanned->source_file.empty()) {
      scanned->source_file = candidates[c.candidate].path;
      scanned->method = "ocr";
    }
  }
  return taken;
}

// `read`, the pages of `files` read in that order, put to their files.
void KeepByFile(const Package& package, const std::vector<size_t>& files, form::ScannedPages read,
                std::map<size_t, form::ScannedPages>* pages) {
  size_t f = 0;
  for (std::unique_ptr<form::ScannedPage>& page : read) {
    while (f < files.size() && package.files[files[f]].path != page->file()) ++f;
    if (f == files.size()) break;
    (*pages)[files[f]].push_back(std::move(page));
  }
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

std::vector<form::ScannedPage*> FormScan::PagesOf(const std::vector<size_t>& files) {
  std::vector<form::ScannedPage*> out;
  for (size_t f : files)
    if (auto it = pages.find(f); it != pages.end())
      for (form::ScannedPage* page : form::PagesOf(it->second)) out.push_back(page);
  return out;
}

FormPages DecideFormPages(const BatchContext& ctx, const Package& package, const OpenedFiles& opened,
                          const std::set<std::string>& statement_files, OcrEngine* ocr, FormScan* scan) {
  FormPages pages = ClassifiedFormFiles(opened);
  *scan = FormScan();
  FormReading scanned;
  if (!pages.scans.empty()) {
    form::ScannedPages read;
    if (ctx.form_reader->ReadScannedPages(pages.ScanDocs(opened), pages.ScanPaths(package), ocr, &read).ok() &&
        ctx.form_reader->AssembleScanned(form::PagesOf(read), ocr, &scanned).ok()) {
      KeepByFile(package, pages.scans, std::move(read), &scan->pages);
      // Photos of the form's later pages misfiled as other documents.
      OcrPurpose purpose(ocr, "stray pages");
      pages.stray = FindStrayPages(ctx, package, opened, statement_files, 2, ocr, &scanned, &scan->pages);
      scan->decided = std::move(scanned);
    }
  } else if (!pages.electronic) {
    // No form recognised at all: any short scan may be it.
    OcrPurpose purpose(ocr, "unclassified pages");
    pages.stray = FindStrayPages(ctx, package, opened, statement_files, FormReader::kMaxFormPages, ocr, &scanned,
                                 &scan->pages);
    if (!scanned.fields.empty()) {
      scan->decided = std::move(scanned);
    } else {
      scan->pages.clear();
    }
  }
  pages.scans.insert(pages.scans.end(), pages.stray.begin(), pages.stray.end());
  std::sort(pages.scans.begin(), pages.scans.end());
  return pages;
}

}  // namespace gm
