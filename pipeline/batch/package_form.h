// PackageForm: the application form of a package, read from the files
// DecideFormPages chose (form_pages.h) — the stamped scan by OCR, and the
// electronic copy (docx, Word-exported PDF) many applicants send as well —
// then FormFields: the two readings normalized into the record's typed
// fields, the scan the authority where it was read surely (MergeTypedCopy,
// form_merge.h).
//
// Thread-safety: values; ReadPackageForm uses `ocr` on the calling thread.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "extractors/ocr/engine.h"
#include "pipeline/batch/context.h"
#include "pipeline/batch/form_pages.h"
#include "pipeline/batch/opened_files.h"
#include "pipeline/core/package.h"
#include "pipeline/core/reading.h"
#include "pipeline/core/record.h"

namespace gm {

struct PackageForm {
  std::optional<FormReading> scanned;  // the scan's reading, its names put right from the package's typed texts
  std::optional<FormReading> typed;    // the electronic copy's reading
};

// Reads the form from `pages`, starting from `scan`, what DecideFormPages
// read. When stray pages joined a form of several scanned files, the form is
// assembled again from all its pages together, in their order, so that a
// value below its label on the next page, or a row cut by the page break, is
// joined again; that reading is kept unless it has fewer fields. The pages
// are those `scan` holds as read: none is OCRed again.
// REQUIRES: ocr != nullptr, used by this thread only (the one that made
// `scan`); `pages` and `scan` decided on `opened`.
PackageForm ReadPackageForm(const BatchContext& ctx, const Package& package, const OpenedFiles& opened,
                            const FormPages& pages, FormScan scan, OcrEngine* ocr);

struct FormFields {
  std::map<std::string, FieldValue> fields;  // every key of fields.tsv
  std::vector<Finding> findings;             // normalization's, then the typed copy's differences
};

// The scan's reading normalized, the typed copy's taken where the scan is
// missing or doubtful; the typed copy alone when no scan was read; all
// fields null when there is no form.
FormFields NormalizeForm(const BatchContext& ctx, const PackageForm& form);

}  // namespace gm
