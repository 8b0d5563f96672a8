// FormPages: which files of a package are its application form — the step
// between finding the statements and reading the form.
//
// The form's files are those the classifier took for it, and scans filed as
// something else that are pages of the form (AddStrayFormPages, form_merge.h:
// a photo of page 2 whose OCR looked like an approval). A stray page is
// known by what it reads as — the fields the classified scans lack that it
// gives — so the decision needs the form read first: the classified scans
// read together, each candidate read alone. That reading is handed forward
// with the decision (FormScan), and so are the pages of the form as read:
// each is OCRed once, and ReadPackageForm (package_form.h) assembles them
// together again when stray pages joined the form, without OCR.
//
// Candidates for stray pages: scans, not electronic, holding no statement,
// of at most two pages — or, when the package has no form at all, of at
// most FormReader::kMaxFormPages pages (a form whose first page the
// classifier could not read: a seal across the title, a page upside down;
// the form reader knows the form by its table's labels).
//
// Thread-safety: a value; DecideFormPages uses `ocr` on the calling thread.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "extractors/form/scanned_page.h"
#include "extractors/ocr/engine.h"
#include "pipeline/batch/context.h"
#include "pipeline/batch/opened_files.h"
#include "pipeline/core/package.h"
#include "pipeline/core/reading.h"

namespace gm {

struct FormPages {
  // The scanned files of the form, in package order: the classified ones and the stray ones.
  std::vector<size_t> scans;
  // The files among `scans` the classifier took for something else; their kind is the form's.
  std::vector<size_t> stray;
  // The first electronic copy of the form (docx, Word-exported PDF), if any.
  std::optional<size_t> electronic;

  bool IsStray(size_t file) const;
  // The documents and paths of `scans`, as FormReader::ReadScanned takes them.
  std::vector<const Document*> ScanDocs(const OpenedFiles& opened) const;
  std::vector<std::string> ScanPaths(const Package& package) const;
};

// What DecideFormPages read of the form's scans, for ReadPackageForm. The
// pages are only usable on the thread that read them.
struct FormScan {
  // The reading the decision was made on: the classified scans read
  // together, with the fields they lacked from the stray pages read alone;
  // nullopt when no scan could be read as the form.
  std::optional<FormReading> decided;
  // The pages of FormPages::scans as read, by file (index into
  // package.files); when `decided` is nullopt, none.
  std::map<size_t, form::ScannedPages> pages;

  // The pages of `files`, file by file in that order.
  std::vector<form::ScannedPage*> PagesOf(const std::vector<size_t>& files);
};

// Decides the form's files among `opened` (indices into package.files);
// `scan` gets what was read to decide.
// `statement_files`: paths of the files holding a statement (FoundStatements::Files).
// REQUIRES: ocr != nullptr, used by this thread only; scan != nullptr.
FormPages DecideFormPages(const BatchContext& ctx, const Package& package, const OpenedFiles& opened,
                          const std::set<std::string>& statement_files, OcrEngine* ocr, FormScan* scan);

}  // namespace gm
