// Record: the contract's output for one package (../shared/spec/README.md),
// as the stages build it. Emit turns it into JSON and workbooks; nothing
// downstream of check adds facts to it.
//
// Field values are held as JSON values already typed per fields.tsv (string,
// number, bool, array, {code,title} object or null), so emit formats them and
// never re-interprets them.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "pipeline/core/prior_project.h"

namespace gm {

using Json = nlohmann::ordered_json;

// Where a value was read from, for the reviewer (not part of the JSON contract).
struct Provenance {
  std::string file;          // path of the file inside the package; empty if none
  int page = -1;             // 0-based page; -1 if none
  int x = 0, y = 0, w = 0, h = 0;  // cell box in page pixels; w == 0 if none
  std::string raw;           // the text as read, before normalization
  std::string cell_png;      // a small PNG of the cell, for the review workbook; may be empty
};

struct FieldValue {
  Json value;                // typed value, or null
  double confidence = 0.0;   // 0..1
  Provenance provenance;
};

struct Finding {
  std::string code;          // from findings.tsv
  std::string severity;      // "error" | "warning" | "info"
  std::string field;         // field key, checklist kind or file path; may be empty
  std::string message;       // Chinese, names the numbers or file involved
};

struct FileEntry {
  std::string path;          // decoded UTF-8 name inside the package
  std::string sha256;        // lower-case hex
  std::string kind;          // checklist kind; empty = null (unreadable)
  int pages = -1;            // -1 = null
  std::string text_source = "none";  // "text" | "ocr" | "none"
  std::string error;         // empty = null; else a Chinese message for the reviewer
};

// Figures from the latest financial statements, in 万元.
struct Financials {
  std::optional<int> year;
  std::optional<double> total_assets, total_liabilities, owners_equity, revenue,
      net_profit, operating_cash_flow;
  std::string source_file;   // where they came from, for the workbook
  std::string unit;          // unit the balance sheet is written in (元|千元|万元), for rounding tolerances; "" if unknown
  // Figures OCR read doubtfully: key → where (“审计报告.pdf”第7页). A check
  // that fails on such a figure asks for a look instead of accusing the
  // applicant. Not written to JSON.
  std::map<std::string, std::string> doubtful;
  // The cash-flow statement's 补充资料 restates 净利润 (将净利润调节为经营活动
  // 现金流量): a cross-check of net_profit, no figure of the record. Not
  // written to JSON.
  std::optional<double> restated_net_profit;
  // Where each figure above was read (restated_net_profit too): key →
  // “审计报告.pdf”第9页, and key → the file. Not written to JSON.
  std::map<std::string, std::string> read_at;
  std::map<std::string, std::string> file_of;
};

// A financial statement the statements reader found: which kind, in which
// file, on which pages. The checklist's statement items come from these.
struct StatementPlace {
  std::string kind;          // balance_sheet | income_statement | cash_flow_statement
  std::string file;          // path of the file inside the package
  std::vector<int> pages;    // 1-based pages (sheets of a spreadsheet, counted the same way)
  bool figures_read = false; // false: its title was found, its figures could not be read
};

struct ChecklistEntry {
  bool required = false;
  bool present = false;
  std::vector<std::string> files;
  std::string reason;        // why it is (not) required, from the form's answer
  // For the statements: file → the 1-based pages holding the statement, where known.
  std::map<std::string, std::vector<int>> pages;
};

// Where an e-mail or archive package came from (kept in the record's "origin").
struct Origin {
  std::string container;     // "eml" | "zip" | "folder" | "file"
  std::string subject, from, to, date, body;  // e-mail only
  // A message of a mailbox in the inbox: the mailbox (its path relative to
  // the inbox) and the message's Message-ID (without <>; empty when it has
  // none). Both empty for any other package.
  std::string mailbox, message_id;
};

// The application a package belongs to when the applicant sent it in several
// packages (补充材料 in a second e-mail; batch/applications.h). In the
// record's JSON as "application"; absent for a package that is its
// application alone.
struct ApplicationMember {
  std::string package_id, source;
  std::string arrived;       // "YYYY-MM-DDTHH:MM:SSZ": the e-mail's Date, else the entry's mtime
};
struct ApplicationRef {
  std::string id;            // readable and stable: the project (or company) name and a hash of the key
  std::vector<ApplicationMember> packages;  // oldest first; the last is the latest
  std::string form_from;     // package whose form is the authority; "" when none has a form
  bool covers_all = false;   // this record is the latest's: checklist and findings cover every package
};

struct Record {
  std::string package_id;
  std::string source;        // relative to the inbox
  Origin origin;
  std::vector<FileEntry> files;
  std::map<std::string, FieldValue> fields;   // every key of fields.tsv
  std::optional<Financials> financials;
  std::map<std::string, ChecklistEntry> checklist;  // every kind of checklist.tsv
  std::vector<Finding> findings;
  int pages_read = 0;        // statistics for the operator
  // The library project this package resubmits (run --library), for the
  // review workbook's comparison sheet; not part of the JSON contract.
  std::optional<PriorProject> prior;
  std::optional<ApplicationRef> application;
};

}  // namespace gm
