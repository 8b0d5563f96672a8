// RunBatch: `greenmine run` — every package of an inbox through ingest,
// reading, normalization, checks and emit, on a pool of workers, each with
// its own OCR engine. Writes the contract's outputs under the output folder
// and reuses the records of packages it has already read (RecordCache).
//
// The inbox is only read, never written.
#pragma once

#include <filesystem>
#include <map>
#include <string>

#include "extractors/ocr/engine.h"
#include "pipeline/batch/context.h"
#include "pipeline/core/status.h"

namespace gm {

struct BatchOptions {
  std::filesystem::path inbox, out;
  int jobs = 0;                 // 0: the machine's cores
  BatchSettings settings;
  bool interactive = false;     // draw a progress line (stderr is a terminal)
  bool quiet = false;
};

struct BatchReport {
  int packages = 0;
  int failed = 0;               // packages that could not be processed at all
  int reused = 0;               // records taken from the cache
  int duplicates = 0;           // packages whose content another package of the batch has
  int not_applications = 0;     // mailbox messages without an application, listed not read
  int pages = 0;
  int errors = 0, warnings = 0, infos = 0;
  int unreadable_files = 0;
  double seconds = 0;
  // Where the time went (`run --timings`): the workers' wall time in each
  // stage of a package, and the OCR engines' costs by purpose.
  std::map<std::string, double> stage_seconds;
  OcrCosts ocr_costs;
};

// Returns non-OK only when the batch cannot start or its outputs cannot be
// written (missing inbox, unwritable output folder, missing OCR model,
// another run holding the output folder). Packages that fail are counted in
// report->failed and do not stop the others.
Status RunBatch(const BatchOptions& options, BatchReport* report);

}  // namespace gm
