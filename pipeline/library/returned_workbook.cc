#include "pipeline/library/returned_workbook.h"

#include <cstdlib>
#include <memory>

#include "extractors/office/xlsx_reader.h"
#include "pipeline/core/hash.h"
#include "pipeline/library/civil_date.h"
#include "pipeline/normalize/date.h"

namespace gm {
namespace {

const TextTable* FindSheet(const Document& doc, const std::string& name) {
  for (const TextTable& t : doc.tables)
    if (t.name == name) return &t;
  return nullptr;
}

std::string Trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\r\n"), e = s.find_last_not_of(" \t\r\n");
  return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
}

std::string Cell(const TextTable& t, size_t row, int col) {
  if (col < 0 || row >= t.rows.size() || static_cast<size_t>(col) >= t.rows[row].size()) return "";
  return Trim(t.rows[row][col]);
}

void ReadDataSheet(const TextTable& t, ReturnedWorkbook* out) {
  for (size_t r = 0; r < t.rows.size(); ++r) {
    std::string key = Cell(t, r, 0), value = t.rows[r].size() > 1 ? t.rows[r][1] : "";
    if (key == kRecordPackageKey) {
      out->package_id = Trim(value);
    } else if (!key.empty() && key != kRecordSchemaKey) {
      Json v = Json::parse(value, nullptr, /*allow_exceptions=*/false);
      if (!v.is_discarded()) out->scanned[key] = v;
    }
  }
}

// The value beside the label `label` in column 0 of the opinion sheet.
std::string Beside(const TextTable& t, const std::string& label) {
  for (size_t r = 0; r < t.rows.size(); ++r)
    if (Cell(t, r, 0) == label) return Cell(t, r, 1);
  return "";
}

void ReadOpinionSheet(const TextTable& t, const WorkbookLayout& layout, ReturnedWorkbook* out, std::string* id) {
  *id = Beside(t, layout.Label("op_package"));
  out->conclusion = Beside(t, layout.Label("op_conclusion"));
  out->opinion = Beside(t, layout.Label("op_comments"));
  out->expert = Beside(t, layout.Label("op_expert"));
  out->review_date = CellDate(Beside(t, layout.Label("op_date")));
}

// False when the sheet has no 字段代码 header to key its rows by.
bool ReadFieldsSheet(const TextTable& t, const SheetLayout& layout, ReturnedWorkbook* out) {
  int key = -1, review = -1, corrected = -1;
  size_t header = 0;
  for (size_t r = 0; r < std::min<size_t>(t.rows.size(), 10) && key < 0; ++r) {
    for (size_t c = 0; c < t.rows[r].size(); ++c) {
      std::string text = Trim(t.rows[r][c]);
      int col = static_cast<int>(c);
      for (const ColumnLayout& column : layout.columns) {
        if (text != column.header || text.empty()) continue;
        if (column.id == "key") key = col;
        if (column.id == "review") review = col;
        if (column.id == "corrected") corrected = col;
      }
    }
    header = r;
  }
  if (key < 0) return false;
  for (size_t r = header + 1; r < t.rows.size(); ++r) {
    FieldReview f{Cell(t, r, key), Cell(t, r, review), Cell(t, r, corrected), static_cast<int>(r) + 1};
    if (f.key.empty() || (f.review.empty() && f.corrected.empty())) continue;
    out->fields.push_back(f);
  }
  return true;
}

}  // namespace

std::string CellDate(const std::string& text) {
  if (text.empty()) return text;
  char* end = nullptr;
  double serial = std::strtod(text.c_str(), &end);
  if (end != text.c_str() && *end == '\0') {
    if (auto day = CivilDate::FromSpreadsheetSerial(serial)) return day->ToString();
    return text;
  }
  if (auto parsed = ParseDate(text); parsed && parsed->day > 0) return parsed->ToString();
  return text;
}

ReturnedWorkbook ReadReturnedWorkbook(const std::string& path, const std::string& bytes, const WorkbookLayout& layout) {
  ReturnedWorkbook out;
  out.path = path;
  out.sha256 = Sha256Hex(bytes);
  Document doc;
  Status s = OpenXlsx(std::make_shared<const std::string>(bytes), Limits(), &doc);
  if (!s.ok()) {
    out.unusable = "无法读取工作簿 " + path + "（" + s.message() + "）";
    return out;
  }
  const TextTable* data = FindSheet(doc, layout.Sheet(kRecordSheet).name);
  const TextTable* opinion = FindSheet(doc, layout.Sheet("opinion").name);
  const TextTable* fields = FindSheet(doc, layout.Sheet("fields").name);
  if (data != nullptr) ReadDataSheet(*data, &out);
  std::string opinion_id;
  if (opinion != nullptr) ReadOpinionSheet(*opinion, layout, &out, &opinion_id);
  bool fields_read = fields != nullptr && ReadFieldsSheet(*fields, layout.Sheet("fields"), &out);
  if (out.package_id.empty()) out.package_id = opinion_id;
  if (out.package_id.empty() || opinion == nullptr) {
    out.unusable = "工作簿 " + path + " 不是 greenmine 生成的审核工作簿（找不到申请包编号或“" +
                   layout.Sheet("opinion").name + "”工作表），未导入";
  } else if (!opinion_id.empty() && opinion_id != out.package_id) {
    out.unusable = "工作簿 " + path + " 的申请包编号不一致（数据表为 " + out.package_id + "，“" +
                   layout.Sheet("opinion").name + "”表为 " + opinion_id + "），未导入";
  } else if (!fields_read) {
    out.unusable = "工作簿 " + path + " 中找不到“" + layout.Sheet("fields").name + "”工作表或其“" +
                   layout.Sheet("fields").columns[layout.Sheet("fields").Column("key")].header +
                   "”列，无法读取字段的审核结论和更正值，未导入";
  }
  return out;
}

}  // namespace gm
