// FoundStatements: the stage after opening — every financial statement of a
// package, wherever it was filed, with its figures (statement_reader.h).
// It runs before the form is read: a file that holds no statement is no
// statement, whatever its first page looked like, and may be a page of the
// form (form_pages.h).
//
// Thread-safety: a value; FindStatements uses `ocr` on the calling thread.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "extractors/ocr/engine.h"
#include "extractors/statements/statement_reader.h"
#include "pipeline/batch/context.h"
#include "pipeline/batch/opened_files.h"
#include "pipeline/core/package.h"
#include "pipeline/core/record.h"

namespace gm {

struct FoundStatements {
  std::vector<StatementFigures> statements;  // in package order, each file's as its reader gave them
  // low_confidence: a statement whose title was found but whose figures could not be read.
  std::vector<Finding> findings;

  // The paths of the files holding a statement.
  std::set<std::string> Files() const;
  // Where each statement is, for the checklist.
  std::vector<StatementPlace> Places() const;
};

// Searches the files that may hold statements: those the classifier took for
// statements or an audit report, electronic files of any kind but the form,
// and (at each page's top, for a title) scans nothing else fitted.
// REQUIRES: ocr != nullptr, used by this thread only.
FoundStatements FindStatements(const BatchContext& ctx, const Package& package, const OpenedFiles& opened,
                               OcrEngine* ocr);

}  // namespace gm
