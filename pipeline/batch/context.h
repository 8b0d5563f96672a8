// BatchContext: everything a worker needs to turn a package into a record
// that does not change during a batch — the templates, the loaded
// normalizer, classifier and form reader, the blacklist, the as-of date and
// the limits. Built once by RunBatch; shared read-only by all workers.
// Tables a stage loads where it runs (ingest, checks, workbooks, library) are
// loaded here too, once, so that a bad one stops the run before it starts.
//
// Thread-safety: immutable after Create; every member's const methods are
// thread-safe.
#pragma once

#include <filesystem>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "extractors/classify/classifier.h"
#include "extractors/form/form_reader.h"
#include "extractors/statements/statement_vocabulary.h"
#include "pipeline/core/limits.h"
#include "pipeline/core/prior_project.h"
#include "pipeline/library/prior_lookup.h"  // FindPriorProject, for the library_projects below
#include "pipeline/core/status.h"
#include "pipeline/core/templates.h"
#include "pipeline/normalize/normalizer.h"

namespace gm {

struct BatchSettings {
  std::filesystem::path templates_dir;
  std::filesystem::path blacklist;  // empty: no blacklist
  std::filesystem::path library;    // the project library (run --library); empty: none
  std::string as_of;                // YYYY-MM-DD
  std::string tessdata_dir;         // empty: Tesseract's default
  std::string ocr_language = "chi_sim";
  // The careful model's folder (OcrEngine::UseCarefulModel): a second look
  // at doubtful names and amounts. The default is where scripts/setup-deps.sh
  // installs it; a run goes on without it when it is not there, unless the
  // operator named the folder (careful_model_required). Empty: none.
  std::string careful_tessdata_dir = "/usr/local/share/greenmine/tessdata-careful";
  bool careful_model_required = false;
  Limits limits;
};

struct BatchContext {
  BatchSettings settings;
  Templates templates;
  std::unique_ptr<Normalizer> normalizer;
  std::unique_ptr<Classifier> classifier;
  std::unique_ptr<FormReader> form_reader;
  // The statements' vocabulary of the run's templates folder.
  std::unique_ptr<StatementVocabulary> statement_vocabulary;
  std::set<std::string> blacklist;
  // The library's projects (run --library), matched against each package
  // before the checks; empty without a library.
  std::vector<PriorProject> library_projects;
  double major_change_share = 0.2;
  // Names what a cached record depends on besides the package's content:
  // the program, the templates, the OCR engine, the blacklist, the library and as-of date.
  std::string fingerprint;

  // Loads and checks every table of settings.templates_dir before any
  // package is read: a bad table fails here, naming its file and line, and
  // the run stops (the CLI exits 1) instead of a stage going without it.
  static Status Create(const BatchSettings& settings, const std::string& ocr_fingerprint,
                       std::unique_ptr<BatchContext>* out);
};

}  // namespace gm
