// Templates: the data that changes without code — the contract's field list,
// the project catalog, the checklist rules and the finding codes — loaded
// from the templates/ folder. Modules with tables of their own (form labels,
// vocabularies, classification rules, workbook layout) load them from
// Templates::dir() through LoadTsv.
//
// A Templates object is immutable after Load and safe to share between threads.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/core/status.h"

namespace gm {

// A tab-separated table: the first line names the columns; '#' lines and
// blank lines are skipped. Each row remembers its line in the file, so a
// loader that refuses a row says where it is: tsv.Where(row) + ": bad value".
struct TsvTable {
  std::filesystem::path path;
  std::vector<std::string> columns;
  std::vector<std::vector<std::string>> rows;
  std::vector<int> lines;  // lines[i]: the 1-based line of rows[i] in the file
  // Index of a column; -1 when absent.
  int Column(const std::string& name) const;
  // The cell of `row` in column `name`, or "" when absent or short.
  const std::string& Get(const std::vector<std::string>& row, const std::string& name) const;
  // "<file name>:<line>" of `row`. REQUIRES: row is an element of rows.
  std::string Where(const std::vector<std::string>& row) const;
  // "<file name>" alone, for a fault of the whole table (a row that is missing).
  std::string Name() const { return path.filename().string(); }
};
Status LoadTsv(const std::filesystem::path& path, TsvTable* out);

// A field's type: the type column of fields.tsv, a closed set parsed once when
// the table loads (an unknown name stops the run), so that code reading a
// field switches over every case instead of comparing strings.
enum class FieldType {
  kText,        // free text
  kWan,         // an amount in 万元
  kPct,         // a percentage
  kNumber,      // a number (a duration in a unit of normalize_field_units.tsv)
  kInt,         // a whole number
  kBool,        // 是/否
  kEnum,        // one of the field's values
  kEnumOther,   // one of the field's values, or other text
  kMulti,       // some of the field's values
  kDate,        // a date (year and month at least)
  kCreditCode,  // a unified social credit code (GB 32100)
  kPhone,       // a mobile or fixed-line number
  kCategory,    // a project catalog item
};

// The type called `name` in fields.tsv ("text", "wan", "enum_other" …); false
// when no type has that name.
bool ParseFieldType(std::string_view name, FieldType* out);
// The fields.tsv name of `type`.
const char* FieldTypeName(FieldType type);

struct FieldSpec {
  std::string key, section, label;
  FieldType type = FieldType::kText;
  bool required = false;
  std::vector<std::string> values;  // closed values, in the contract's order
};

struct CatalogItem {
  std::string code, level1, level2, title;
};

struct ChecklistSpec {
  std::string kind, label, required_when;
};

struct FindingSpec {
  std::string code, severity, meaning;
};

class Templates {
 public:
  // Loads fields.tsv, catalog.tsv, checklist.tsv and findings.tsv from dir.
  static Status Load(const std::filesystem::path& dir, Templates* out);
  // The templates folder: GREENMINE_TEMPLATES if set, else the one installed
  // beside the sources at build time.
  static std::filesystem::path DefaultDir();

  const std::filesystem::path& dir() const { return dir_; }
  const std::vector<FieldSpec>& fields() const { return fields_; }
  const std::vector<CatalogItem>& catalog() const { return catalog_; }
  const std::vector<ChecklistSpec>& checklist() const { return checklist_; }
  const std::vector<FindingSpec>& findings() const { return findings_; }

  // REQUIRES: key is a field key; returns null otherwise.
  const FieldSpec* Field(const std::string& key) const;
  // The checklist label of a kind ("近1年资产负债表"); the kind itself if unknown.
  std::string ChecklistLabel(const std::string& kind) const;
  // Severity of a finding code ("error" if unknown, so nothing is understated).
  std::string Severity(const std::string& code) const;

 private:
  std::filesystem::path dir_;
  std::vector<FieldSpec> fields_;
  std::vector<CatalogItem> catalog_;
  std::vector<ChecklistSpec> checklist_;
  std::vector<FindingSpec> findings_;
  std::map<std::string, size_t> field_index_;
};

}  // namespace gm

namespace gm {

struct Finding;
// A finding of `code` with the severity findings.tsv gives it.
Finding NewFinding(const Templates& templates, std::string code, std::string field, std::string message);

}  // namespace gm
