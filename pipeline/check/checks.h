// Checks: the questions experts spend a meeting on — is every required
// document there, and do the numbers agree? — asked of one package's typed
// form fields, statement figures and classified files, answered as findings
// (codes of templates/findings.tsv, Chinese messages that name the numbers)
// and a checklist entry for every kind of templates/checklist.tsv.
//
// Rules and tolerances are data: templates/check_attachments.tsv (when each
// document is required), templates/check_negatives.tsv (how a text answer
// says "no"), templates/check_tolerances.tsv (rounding is never a mismatch).
//
// Null inputs: a check whose inputs are missing does not fire — a required
// field left empty is reported once, as missing_required_field, not again as
// every comparison it takes part in. A form status left empty requires no
// document (its checklist reason says so). Missing statements are reported
// as missing_attachment; the statement checks then stay silent. A statement
// is present where the classifier or the statements reader found it.
//
// A finding never hides another: every check runs, a package can have many.
// A check that fails on figures read by OCR may also point, with
// low_confidence, at the figures it doubts most (a misread digit is as likely
// as the applicant's slip); the figures themselves are never changed here.
//
// Thread-safety: RunChecks and LoadBlacklist are thread-safe; the tables are
// loaded once per templates folder and shared.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "extractors/classify/classification.h"
#include "pipeline/core/prior_project.h"
#include "pipeline/core/record.h"
#include "pipeline/core/status.h"
#include "pipeline/core/templates.h"

namespace gm {

struct CheckInput {
  const Templates* templates = nullptr;
  const std::map<std::string, FieldValue>* fields = nullptr;   // typed values, every key present
  const std::optional<Financials>* financials = nullptr;
  const std::vector<FileEntry>* files = nullptr;               // with kinds
  const std::vector<Classification>* classifications = nullptr; // parallel to *files (is_report)
  const std::vector<StatementPlace>* statements = nullptr;      // what the statements reader found, where
  const std::set<std::string>* blacklist = nullptr;             // upper-case credit codes
  std::string as_of;                                            // YYYY-MM-DD
  // Findings already made on the package (the normalizer's). A field that
  // already has one (invalid_value, category_not_in_catalog) is empty for
  // that reason and is not reported again as missing. May be null.
  const std::vector<Finding>* prior_findings = nullptr;
  // The library project this package resubmits (run --library), looked up
  // by the batch; null when none. Its changed 建设主体 (company_name,
  // credit_code), 内容 (project_category, project_description) and 规模
  // (total_investment differing by more than `major_change_share` of the
  // library's value) are major_change findings.
  const PriorProject* prior = nullptr;
  double major_change_share = 0.2;
};

struct CheckOutput {
  std::map<std::string, ChecklistEntry> checklist;              // every kind of checklist.tsv
  std::vector<Finding> findings;
};

// REQUIRES: in.templates != nullptr. Every other pointer may be null (taken
// as empty). Never fails: when the check tables cannot be loaded, the
// checks that need them are skipped and the reason is written to stderr.
void RunChecks(const CheckInput& in, CheckOutput* out);

// Reads a blacklist: one credit code a line; '#' starts a comment; blank
// lines and surrounding spaces are ignored; codes are kept upper-case.
// Fails with NotFound or IoError (Chinese message naming the file).
Status LoadBlacklist(const std::filesystem::path& path, std::set<std::string>* out);

}  // namespace gm
