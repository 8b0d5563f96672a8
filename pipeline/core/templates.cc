#include "pipeline/core/templates.h"

#include <cstdlib>
#include <fstream>

#include "pipeline/core/table_cells.h"

namespace gm {
namespace {

std::vector<std::string> SplitTabs(const std::string& line) {
  std::vector<std::string> cells;
  size_t start = 0;
  for (;;) {
    size_t tab = line.find('\t', start);
    cells.push_back(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
    if (tab == std::string::npos) break;
    start = tab + 1;
  }
  return cells;
}

}  // namespace

int TsvTable::Column(const std::string& name) const {
  for (size_t i = 0; i < columns.size(); ++i)
    if (columns[i] == name) return static_cast<int>(i);
  return -1;
}

const std::string& TsvTable::Get(const std::vector<std::string>& row, const std::string& name) const {
  static const std::string kEmpty;
  int c = Column(name);
  if (c < 0 || static_cast<size_t>(c) >= row.size()) return kEmpty;
  return row[c];
}

std::string TsvTable::Where(const std::vector<std::string>& row) const {
  const size_t i = static_cast<size_t>(&row - rows.data());
  return Name() + ":" + (i < lines.size() ? std::to_string(lines[i]) : std::string("?"));
}

Status LoadTsv(const std::filesystem::path& path, TsvTable* out) {
  std::ifstream in(path);
  if (!in) return Status::NotFound("cannot open " + path.string());
  *out = TsvTable();
  out->path = path;
  std::string line;
  bool header = true;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    if (header) {
      out->columns = SplitTabs(line);
      header = false;
    } else {
      out->rows.push_back(SplitTabs(line));
      out->lines.push_back(number);
    }
  }
  if (header) return Status::Corrupt("empty table " + path.string());
  return Status::OK();
}

namespace {

constexpr struct {
  FieldType type;
  const char* name;
} kFieldTypeNames[] = {
    {FieldType::kText, "text"},          {FieldType::kWan, "wan"},           {FieldType::kPct, "pct"},
    {FieldType::kNumber, "number"},      {FieldType::kInt, "int"},           {FieldType::kBool, "bool"},
    {FieldType::kEnum, "enum"},          {FieldType::kEnumOther, "enum_other"}, {FieldType::kMulti, "multi"},
    {FieldType::kDate, "date"},          {FieldType::kCreditCode, "credit_code"}, {FieldType::kPhone, "phone"},
    {FieldType::kCategory, "category"},
};

}  // namespace

bool ParseFieldType(std::string_view name, FieldType* out) {
  for (const auto& t : kFieldTypeNames) {
    if (name == t.name) {
      *out = t.type;
      return true;
    }
  }
  return false;
}

const char* FieldTypeName(FieldType type) {
  for (const auto& t : kFieldTypeNames)
    if (t.type == type) return t.name;
  return "?";
}

Status Templates::Load(const std::filesystem::path& dir, Templates* out) {
  Templates t;
  t.dir_ = dir;
  TsvTable tsv;
  Status s = LoadTsv(dir / "fields.tsv", &tsv);
  if (!s.ok()) return s;
  for (const auto& row : tsv.rows) {
    FieldSpec f;
    f.key = tsv.Get(row, "key");
    f.section = tsv.Get(row, "section");
    f.label = tsv.Get(row, "label");
    const std::string& type = tsv.Get(row, "type");
    f.required = tsv.Get(row, "required") == "yes";
    f.values = SplitBars(tsv.Get(row, "values"));
    if (f.key.empty() || type.empty()) return Status::Corrupt(tsv.Where(row) + ": row without key or type");
    if (!ParseFieldType(type, &f.type))
      return Status::Corrupt(tsv.Where(row) + ": field " + f.key + " has unknown type " + type);
    t.field_index_[f.key] = t.fields_.size();
    t.fields_.push_back(std::move(f));
  }
  if ((s = LoadTsv(dir / "catalog.tsv", &tsv)); !s.ok()) return s;
  for (const auto& row : tsv.rows)
    t.catalog_.push_back({tsv.Get(row, "code"), tsv.Get(row, "level1"), tsv.Get(row, "level2"), tsv.Get(row, "title")});
  if ((s = LoadTsv(dir / "checklist.tsv", &tsv)); !s.ok()) return s;
  for (const auto& row : tsv.rows)
    t.checklist_.push_back({tsv.Get(row, "kind"), tsv.Get(row, "label"), tsv.Get(row, "required_when")});
  if ((s = LoadTsv(dir / "findings.tsv", &tsv)); !s.ok()) return s;
  for (const auto& row : tsv.rows)
    t.findings_.push_back({tsv.Get(row, "code"), tsv.Get(row, "severity"), tsv.Get(row, "meaning")});
  *out = std::move(t);
  return Status::OK();
}

std::filesystem::path Templates::DefaultDir() {
  if (const char* env = std::getenv("GREENMINE_TEMPLATES"); env && *env) return env;
  return GREENMINE_TEMPLATES_DIR;
}

const FieldSpec* Templates::Field(const std::string& key) const {
  auto it = field_index_.find(key);
  return it == field_index_.end() ? nullptr : &fields_[it->second];
}

std::string Templates::ChecklistLabel(const std::string& kind) const {
  for (const ChecklistSpec& c : checklist_)
    if (c.kind == kind) return c.label;
  return kind;
}

std::string Templates::Severity(const std::string& code) const {
  for (const auto& f : findings_)
    if (f.code == code) return f.severity;
  return "error";
}

}  // namespace gm

#include "pipeline/core/record.h"

namespace gm {

Finding NewFinding(const Templates& templates, std::string code, std::string field, std::string message) {
  Finding f;
  f.severity = templates.Severity(code);
  f.code = std::move(code);
  f.field = std::move(field);
  f.message = std::move(message);
  return f;
}

}  // namespace gm
