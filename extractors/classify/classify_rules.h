// ClassifyRules: the evidence that says what kind of document a page is —
// title words, issuing authorities, document-number patterns, file-name
// hints — with their weights, loaded from templates/classify_rules.tsv, plus
// the tuning of templates/classify_params.tsv. Scoring is a weighted vote: each rule
// counts once per zone, title matches count more near the top of the page.
//
// A kind may have two variants: the document itself ("doc": a 批复, a
// certificate, a statement) and the report or plan that stands in for it
// while the approval is pending ("report": 环境影响报告书, 可行性研究报告).
//
// Thread-safety: immutable after Load; Score may be called from any thread.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "pipeline/core/status.h"

namespace gm {

struct ClassifyParams {
  int title_lines = 8;             // lines at the top of the page that can hold the title
  double title_decay = 0.12;       // a title match on line i counts (1 - decay * i) ...
  double title_floor = 0.4;        // ... but never less than this
  double min_score = 3;            // below this the document is "other"
  double confidence_bias = 2;      // confidence = best / (best + runner-up + bias) ...
  double full_score = 10;          // ... times min(1, best / full_score)
  double name_only_confidence = 0.4;  // the most a file name alone can make us sure of
  // The part of a scanned first page that is OCRed, as band ends from the
  // top (fractions of the height, increasing): each band is read only when
  // the ones above left the classification less sure than sure_confidence.
  std::vector<double> ocr_bands = {0.15, 0.25, 0.35};
  double sure_confidence = 0.8;    // a classification this sure needs no further band
};

// What a document shows, folded (FoldText).
struct ClassifyEvidence {
  std::vector<std::string> title_lines;  // the first lines of the first page
  std::string page;                      // the whole first-page text read
  std::string file_name;                 // the base name, without extension
};

class ClassifyRules {
 public:
  ClassifyRules();
  ~ClassifyRules();
  ClassifyRules(ClassifyRules&&) noexcept;
  ClassifyRules& operator=(ClassifyRules&&) noexcept;

  // Loads classify_rules.tsv and classify_params.tsv from `dir`. Fails with Corrupt naming the row on a bad weight, zone,
  // variant or regular expression.
  static Status Load(const std::filesystem::path& dir, ClassifyRules* out);

  // Scores keyed "kind|doc" and "kind|report"; only kinds with evidence appear.
  std::map<std::string, double> Score(const ClassifyEvidence& evidence) const;

  // Kinds that have a report variant (rules with variant "report").
  bool HasReportVariant(const std::string& kind) const;

  const ClassifyParams& params() const { return params_; }

 private:
  struct Rule;
  std::vector<Rule> rules_;
  std::set<std::string> report_kinds_;
  ClassifyParams params_;
};

}  // namespace gm
