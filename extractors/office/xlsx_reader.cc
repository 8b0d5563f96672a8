#include "extractors/office/xlsx_reader.h"

#include <libxml/xmlmemory.h>

#include <algorithm>
#include <vector>

#include "extractors/office/ooxml_package.h"
#include "extractors/office/xml.h"
#include "extractors/office/zip_reader.h"

namespace gm {
namespace {

constexpr int kMaxRows = 100000;
constexpr int kMaxColumns = 1024;

// The text content of the element the reader is on (its whole subtree).
std::string ReadElementString(xmlTextReader* reader) {
  xmlChar* text = xmlTextReaderReadString(reader);
  std::string out = text ? reinterpret_cast<const char*>(text) : "";
  xmlFree(text);
  return out;
}

Status Malformed(const std::string& part) {
  return Status::Corrupt("Excel文档已损坏（“" + part + "”无法读取），请申报单位重新发送");
}

// One step of a streaming read: 1 on a node, 0 at the end; a DTD is refused.
int Next(xmlTextReader* reader, bool* bad) {
  const int rc = xmlTextReaderRead(reader);
  if (rc < 0) *bad = true;
  if (rc == 1 && xmlTextReaderNodeType(reader) == XML_READER_TYPE_DOCUMENT_TYPE) {
    *bad = true;
    return 0;
  }
  return rc == 1 ? 1 : 0;
}

struct Cell {
  int column = -1;
  std::string type;   // the t attribute
  std::string value;  // <v>, or the text of <is>
};

std::string CellText(const Cell& cell, const std::vector<std::string>& shared) {
  if (cell.type == "s") {
    try {
      const size_t index = std::stoul(cell.value);
      return index < shared.size() ? shared[index] : std::string();
    } catch (...) {
      return {};
    }
  }
  if (cell.type == "b") return cell.value == "1" ? "TRUE" : cell.value == "0" ? "FALSE" : cell.value;
  return cell.value;
}

}  // namespace

bool ParseCellReference(const std::string& ref, int* column, int* row) {
  size_t i = 0;
  long col = 0;
  while (i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z' && i < 3) col = col * 26 + (ref[i++] - 'A' + 1);
  if (i == 0 || i == ref.size()) return false;
  long r = 0;
  for (size_t j = i; j < ref.size(); ++j) {
    if (ref[j] < '0' || ref[j] > '9' || r > 10'000'000) return false;
    r = r * 10 + (ref[j] - '0');
  }
  if (r < 1) return false;
  *column = static_cast<int>(col - 1);
  *row = static_cast<int>(r - 1);
  return true;
}

Status ReadSharedStringsXml(std::string_view xml, std::vector<std::string>* out, const Limits& limits) {
  out->clear();
  XmlReaderPtr reader;
  Status s = OpenXmlReader(xml, "xl/sharedStrings.xml", &reader);
  if (!s.ok()) return s;
  XmlBudget budget(limits, "xl/sharedStrings.xml", /*for_tree=*/false);
  bool bad = false, in_item = false;
  int phonetic_depth = -1;  // depth of an open <rPh>, whose text is a reading guide, not content
  std::string item;
  while (Next(reader.get(), &bad)) {
    if (Status over = budget.Count(reader.get()); !over.ok()) {
      out->clear();
      return over;
    }
    const int type = xmlTextReaderNodeType(reader.get());
    const int depth = xmlTextReaderDepth(reader.get());
    const std::string name = ReaderName(reader.get());
    if (type == XML_READER_TYPE_ELEMENT) {
      const bool empty = xmlTextReaderIsEmptyElement(reader.get());
      if (name == "si") {
        item.clear();
        in_item = !empty;
        if (empty) out->push_back("");
      } else if (name == "rPh" && !empty) {
        phonetic_depth = depth;
      } else if (name == "t" && in_item && phonetic_depth < 0 && !empty) {
        item += ReadElementString(reader.get());
      }
    } else if (type == XML_READER_TYPE_END_ELEMENT) {
      if (name == "si" && in_item) {
        out->push_back(item);
        in_item = false;
      } else if (name == "rPh" && depth == phonetic_depth) {
        phonetic_depth = -1;
      }
    }
  }
  return bad ? Malformed("xl/sharedStrings.xml") : Status::OK();
}

Status ReadWorksheetXml(std::string_view xml, const std::vector<std::string>& shared, TextTable* table,
                        std::vector<std::string>* warnings, const Limits& limits, uint64_t* text_bytes) {
  table->rows.clear();
  XmlReaderPtr reader;
  Status s = OpenXmlReader(xml, "worksheet", &reader);
  if (!s.ok()) return s;
  XmlBudget budget(limits, "工作表“" + table->name + "”", /*for_tree=*/false);
  uint64_t own_text_bytes = 0;
  if (!text_bytes) text_bytes = &own_text_bytes;
  size_t width = 0;  // of the widest row so far
  Status over;       // the first budget gone over
  bool bad = false, cut = false, in_cell = false, in_inline = false;
  int row = -1, next_row = 0, next_column = 0;
  int phonetic_depth = -1;  // depth of an open <rPh> in an inline string
  Cell cell;
  auto commit = [&] {
    const std::string text = CellText(cell, shared);
    if (text.empty() || row < 0) return;
    if (row >= kMaxRows || cell.column >= kMaxColumns) {
      cut = true;
      return;
    }
    width = std::max(width, static_cast<size_t>(cell.column) + 1);
    const uint64_t rows = std::max(table->rows.size(), static_cast<size_t>(row) + 1);
    if (rows * width > limits.max_table_cells) {
      over = Status::Limit("工作表“" + table->name + "”的数据分布过于稀疏或过大（" + std::to_string(rows) + "行×" +
                           std::to_string(width) + "列），超出" +
                           BudgetText("max_table_cells", "表格单元格数", limits.max_table_cells) +
                           "；请申报单位删除无关单元格后重新发送");
      return;
    }
    *text_bytes += text.size();
    if (*text_bytes > limits.max_text_bytes) {
      over = Status::Limit("Excel文档中的文字过多，超出" +
                           BudgetText("max_text_bytes", "读出的文字字节数", limits.max_text_bytes) +
                           "；请申报单位精简后重新发送");
      return;
    }
    if (static_cast<int>(table->rows.size()) <= row) table->rows.resize(row + 1);
    auto& cells = table->rows[row];
    if (static_cast<int>(cells.size()) <= cell.column) cells.resize(cell.column + 1);
    cells[cell.column] = text;
  };
  while (over.ok() && Next(reader.get(), &bad)) {
    if (over = budget.Count(reader.get()); !over.ok()) break;
    const int type = xmlTextReaderNodeType(reader.get());
    if (type == XML_READER_TYPE_ELEMENT) {
      const std::string name = ReaderName(reader.get());
      const bool empty = xmlTextReaderIsEmptyElement(reader.get());
      if (name == "row") {
        const std::string r = ReaderAttribute(reader.get(), "r");
        long parsed = 0;
        try {
          parsed = r.empty() ? 0 : std::stol(r);
        } catch (...) {
          parsed = 0;
        }
        row = parsed >= 1 && parsed <= 10'000'000 ? static_cast<int>(parsed - 1) : next_row;
        next_row = row + 1;
        next_column = 0;
      } else if (name == "c") {
        cell = Cell();
        int cell_row = row;
        if (!ParseCellReference(ReaderAttribute(reader.get(), "r"), &cell.column, &cell_row)) cell.column = next_column;
        if (row < 0) row = cell_row;
        next_column = cell.column + 1;
        cell.type = ReaderAttribute(reader.get(), "t");
        in_cell = !empty;
      } else if (in_cell && name == "v" && !empty) {
        cell.value = ReadElementString(reader.get());
      } else if (in_cell && name == "is" && !empty) {
        in_inline = true;
      } else if (in_inline && name == "t" && !empty && phonetic_depth < 0) {
        cell.value += ReadElementString(reader.get());
      } else if (in_inline && name == "rPh" && !empty) {
        phonetic_depth = xmlTextReaderDepth(reader.get());
      }
    } else if (type == XML_READER_TYPE_END_ELEMENT) {
      const std::string name = ReaderName(reader.get());
      if (name == "c" && in_cell) {
        commit();
        in_cell = in_inline = false;
      } else if (name == "is") {
        in_inline = false;
      } else if (name == "rPh" && xmlTextReaderDepth(reader.get()) == phonetic_depth) {
        phonetic_depth = -1;
      }
    }
  }
  if (!over.ok()) {
    table->rows.clear();
    return over;
  }
  if (bad) return Malformed("worksheet");
  for (auto& cells : table->rows) cells.resize(width);
  if (cut) {
    warnings->push_back("工作表“" + table->name + "”过大，仅读取了前" + std::to_string(kMaxRows) + "行、前" +
                        std::to_string(kMaxColumns) + "列");
  }
  return Status::OK();
}

Status OpenXlsx(std::shared_ptr<const std::string> bytes, const Limits& limits, Document* out) {
  *out = Document();
  out->format = DocumentFormat::kXlsx;
  const uint64_t cap = OfficePartCap(limits);
  std::string workbook_xml, workbook_path;
  Status s = ReadOfficeMainPart(*bytes, "xl/workbook.xml", cap, &workbook_xml, &workbook_path);
  if (!s.ok()) return s;
  const std::string base_dir = workbook_path.substr(0, workbook_path.rfind('/') + 1);
  const std::string rels_path = RelationshipsPath(workbook_path);

  std::map<std::string, std::string> parts;
  s = ReadZipMembers(*bytes, [&](const std::string& name) { return name == rels_path; }, cap, &parts);
  if (!s.ok()) return s;
  std::map<std::string, Relationship> rels;
  if (parts.count(rels_path)) {
    s = ReadRelationships(parts[rels_path], rels_path, &rels);
    if (!s.ok()) return s;
  }

  XmlDocPtr workbook;
  s = ParseXml(workbook_xml, workbook_path, &workbook, limits);
  if (!s.ok()) return s;
  struct SheetRef {
    std::string name, path;
  };
  std::vector<SheetRef> sheets;
  xmlNode* sheets_node = Child(xmlDocGetRootElement(workbook.get()), "sheets");
  for (xmlNode* node = sheets_node ? sheets_node->children : nullptr; node; node = node->next) {
    if (!IsElement(node, "sheet")) continue;
    auto rel = rels.find(Attribute(node, "id"));
    if (rel == rels.end()) continue;  // a chart sheet or a dangling id: nothing to read
    sheets.push_back({Attribute(node, "name"), ResolvePartPath(base_dir, rel->second.target)});
  }
  std::string shared_path = base_dir + "sharedStrings.xml";
  for (const auto& [id, rel] : rels) {
    if (rel.type.size() >= 14 && rel.type.compare(rel.type.size() - 14, 14, "/sharedStrings") == 0) {
      shared_path = ResolvePartPath(base_dir, rel.target);
    }
  }

  parts.clear();
  s = ReadZipMembers(
      *bytes,
      [&](const std::string& name) {
        return name == shared_path ||
               std::any_of(sheets.begin(), sheets.end(), [&](const SheetRef& sheet) { return sheet.path == name; });
      },
      cap, &parts);
  if (!s.ok()) return s;
  std::vector<std::string> shared;
  if (parts.count(shared_path)) {
    s = ReadSharedStringsXml(parts[shared_path], &shared, limits);
    if (!s.ok()) return s;
  }
  uint64_t text_bytes = 0;
  for (const SheetRef& sheet : sheets) {
    TextTable table;
    table.name = sheet.name;
    auto part = parts.find(sheet.path);
    if (part != parts.end()) {
      s = ReadWorksheetXml(part->second, shared, &table, &out->warnings, limits, &text_bytes);
      if (!s.ok()) return s;
    }
    out->tables.push_back(std::move(table));
  }
  return Status::OK();
}

}  // namespace gm
