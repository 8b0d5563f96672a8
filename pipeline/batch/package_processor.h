// ProcessPackage: the stages after ingest for one package, giving the
// package's Record. Data flows forward only: each stage takes the typed
// results of the stages before it and nothing reaches back; the Record is
// built from the results at the end.
//
//   OpenAndClassify  → OpenedFiles      (opened_files.h)
//   FindStatements   → FoundStatements  (found_statements.h)
//   DecideFormPages  → FormPages        (form_pages.h: which files are the form, stray pages too;
//                      and FormScan: the form's pages as read, once, and the reading decided on)
//   ReadPackageForm  → PackageForm      (package_form.h: the scan's and the typed copy's readings)
//   NormalizeForm    → FormFields       (package_form.h: typed fields, the typed copy merged)
//   checks           → checklist and findings, on the record built so far
//
// Trouble is data: a file that cannot be opened becomes an unreadable_input
// finding and an error on its file entry; the rest of the package goes on.
//
// Thread-safety: may run on several threads at once, each with its own
// OcrEngine; `ctx` is shared read-only.
#pragma once

#include <functional>
#include <string>

#include "extractors/ocr/engine.h"
#include "pipeline/batch/context.h"
#include "pipeline/core/package.h"
#include "pipeline/core/record.h"

namespace gm {

// Told which stage a package is in and how many pages were read, for progress.
using StageCallback = std::function<void(const std::string& stage, int pages_read)>;

// REQUIRES: ocr != nullptr, used by this thread only.
void ProcessPackage(const BatchContext& ctx, const Package& package, OcrEngine* ocr,
                    const StageCallback& on_stage, Record* out);

}  // namespace gm
