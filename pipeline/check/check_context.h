// CheckContext: what every check reads — the input with its null pointers
// made empty, the loaded rules, and typed access to form fields — and the
// findings it writes. Internal to pipeline/check.
//
// Thread-safety: one context per RunChecks call.
#pragma once

#include <optional>
#include <set>
#include <string>

#include "pipeline/check/check_rules.h"
#include "pipeline/check/checks.h"

namespace gm {

class CheckContext {
 public:
  CheckContext(const CheckInput& in, const CheckRules* rules, CheckOutput* out);

  const Templates& templates() const { return *in_.templates; }
  const CheckRules* rules() const { return rules_; }  // null when the tables could not be loaded
  const std::vector<FileEntry>& files() const { return in_.files ? *in_.files : kNoFiles; }
  // The classification of file i; null when there is none or it is ignored (unreadable).
  const Classification* classification(size_t i) const;
  const Financials* financials() const;
  const std::vector<StatementPlace>& statements() const { return in_.statements ? *in_.statements : kNoStatements; }
  const std::set<std::string>& blacklist() const { return in_.blacklist ? *in_.blacklist : kNoCodes; }
  const std::string& as_of() const { return in_.as_of; }
  const PriorProject* prior() const { return in_.prior; }
  double major_change_share() const { return in_.major_change_share; }

  // A field's value; null Json when absent.
  const Json& Value(const std::string& key) const;
  std::optional<double> Number(const std::string& key) const;
  std::optional<std::string> Text(const std::string& key) const;  // strings only; "" counts as null
  std::optional<bool> Bool(const std::string& key) const;
  // How sure the reading of a field was (FieldValue::confidence); 0 when absent.
  double Confidence(const std::string& key) const;
  // The field's label from fields.tsv without the unit ("资本金总额"); the key if unknown.
  std::string Label(const std::string& key) const;
  // Whether an earlier stage already reported a finding on this field.
  bool HasPriorFinding(const std::string& key) const;

  void Add(const std::string& code, const std::string& field, const std::string& message);
  CheckOutput* out() { return out_; }

 private:
  static const std::vector<FileEntry> kNoFiles;
  static const std::vector<StatementPlace> kNoStatements;
  static const std::set<std::string> kNoCodes;
  const CheckInput& in_;
  const CheckRules* rules_;
  CheckOutput* out_;
};

// "12345.60": amounts in messages, two decimals as the form writes them.
std::string FormatWan(double wan);

// The check groups, each adding its findings (checks.cc runs them all).
void CheckRequiredFields(CheckContext* ctx);   // missing_required_field, renamed_without_former_name, blacklisted
void CheckFormAmounts(CheckContext* ctx);      // funding_sum_mismatch (and low_confidence on its least sure figures), equity_exceeds_total, invested_exceeds_in_place, loans_exceed_demand
void CheckStatements(CheckContext* ctx);       // debt_ratio_mismatch, balance_sheet_unbalanced, statements_outdated; low_confidence on a figure a cross-check doubts
void CheckAttachments(CheckContext* ctx);      // the checklist and missing_attachment
void CheckMajorChange(CheckContext* ctx);      // major_change against the library's project

}  // namespace gm
