// Classifier: says what each document of a package is — one of the kinds of
// templates/checklist.tsv — from its content: the title words, issuing
// authority and document number on its first page, with the file name as a
// weaker hint (names are often generic, "scan0003.pdf", or misleading). The
// evidence and its weights are data (templates/classify_rules.tsv).
//
// Only as much is read as the decision needs: the first page's text layer,
// or for a scan an OCR of the top of the first page. Which statements a
// document holds, and on which pages, is the statements reader's to say
// (extractors/statements), not the classifier's.
//
// Thread-safety: a Classifier is immutable after Create; Classify may run on
// many threads at once, each with its own OcrEngine.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "extractors/classify/classification.h"
#include "extractors/classify/classify_rules.h"
#include "extractors/ocr/engine.h"
#include "pipeline/core/document.h"
#include "pipeline/core/status.h"
#include "pipeline/core/templates.h"

namespace gm {

class Classifier {
 public:
  // Loads the rules from templates.dir(); fails when a table is missing or malformed.
  static Status Create(const Templates& templates, std::unique_ptr<Classifier>* out);

  // Classifies `doc`, which was opened from `path` (the path inside the
  // package; its base name is the file-name hint). `ocr` is used by this
  // thread only and may be null: scans are then classified by file name only.
  // Never fails: a document nothing fits is "other".
  Classification Classify(const Document& doc, const std::string& path, OcrEngine* ocr) const;

  const ClassifyRules& rules() const { return rules_; }

 private:
  explicit Classifier(ClassifyRules rules) : rules_(std::move(rules)) {}
  // The kind the first page's `lines` (read from `source`) and the file name point to.
  Classification Decide(const std::vector<std::string>& lines, const std::string& path,
                        TextSource source) const;
  ClassifyRules rules_;
};

}  // namespace gm
