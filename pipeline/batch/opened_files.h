// OpenedFiles: the first stage after ingest — every file of a package opened
// into a Document (pages loaded when asked for), turned upright and
// classified, with the record's file entries and the findings of files that
// could not be read, wholly or in part.
//
// Later stages only read an OpenedFiles; which files turn out to be pages
// of the form is decided by DecideFormPages (form_pages.h), not written back
// here.
//
// Lifetimes: the Documents own what their pages are loaded from (they
// outlive the Package). Thread-safety: a value; one worker's, since its
// Documents' pages are loaded on that worker's thread.
#pragma once

#include <vector>

#include "extractors/classify/classification.h"
#include "extractors/ocr/engine.h"
#include "pipeline/batch/context.h"
#include "pipeline/core/document.h"
#include "pipeline/core/package.h"
#include "pipeline/core/record.h"

namespace gm {

struct OpenedFile {
  Document doc;
  Classification cls;
  bool opened = false;  // false: `doc` and `cls` are empty, the file's entry says why
};

struct OpenedFiles {
  std::vector<OpenedFile> files;   // one a file of the package, in package order
  std::vector<FileEntry> entries;  // the record's file entries, kinds as the classifier gave them
  std::vector<Finding> findings;   // unreadable_input: files not read, or read only in part
  int pages = 0;                   // pages of the opened files (an office document counts none)
};

// Opens and classifies every file of `package`.
// REQUIRES: ocr != nullptr, used by this thread only.
OpenedFiles OpenAndClassify(const BatchContext& ctx, const Package& package, OcrEngine* ocr);

// A document whose text costs no OCR: an office document, or a PDF with a text layer.
bool IsElectronic(const Document& doc);

// The pages a later stage asked for and was refused (a pixel or time budget,
// see open_document.h), one unreadable_input finding each, so that the
// reviewer knows what was left unread. Call after the last stage that reads pages.
std::vector<Finding> RefusedPageFindings(const BatchContext& ctx, const Package& package, const OpenedFiles& opened);

}  // namespace gm
