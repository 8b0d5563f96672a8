// FormReader::ReadElectronic: the form as text — a docx table (Word's rows
// of cells) or a text PDF's positioned spans — through the same assembler
// as scans, with checkbox marks read from the text.
#include <algorithm>

#include "extractors/form/cjk_text.h"
#include "extractors/form/form_assembler.h"
#include "extractors/form/form_reader.h"
#include "extractors/form/span_table.h"

namespace gm {
namespace {

class TextCells : public form::CellReader {
 public:
  form::CheckboxDecision Marks(const form::FormCell& cell, const std::vector<std::string>& options) override {
    return form::MarksFromText(cell.text, options);
  }
};

bool IsBlank(const std::string& s) {
  return s.find_first_not_of(" \t\r\n\xe3\x80\x80") == std::string::npos;  // U+3000 too
}

// Rows of a Word table. A merged cell may come out repeated once per grid
// column: consecutive equal cells are one.
std::vector<form::FormRow> RowsFromTable(const TextTable& table) {
  std::vector<form::FormRow> rows;
  for (const auto& cells : table.rows) {
    std::vector<std::string> merged;
    for (const std::string& c : cells)
      if (merged.empty() || c != merged.back() || IsBlank(c)) merged.push_back(c);
    form::FormRow row;
    double n = std::max<size_t>(1, merged.size());
    for (size_t i = 0; i < merged.size(); ++i) {
      form::FormCell cell;
      cell.text = merged[i];
      cell.blank = IsBlank(merged[i]);
      cell.x0 = i / n;
      cell.x1 = (i + 1) / n;
      row.cells.push_back(std::move(cell));
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

int LabelsIn(const std::vector<form::FormRow>& rows, const form::FormLabels& labels) {
  int n = 0;
  for (const auto& row : rows)
    for (const auto& cell : row.cells)
      if (!cell.blank && labels.Match(cell.text).spec != nullptr) ++n;
  return n;
}

}  // namespace

Status FormReader::ReadElectronic(const Document& doc, const std::string& path, FormReading* out) const {
  *out = FormReading();
  std::vector<form::FormRow> rows;
  // A docx: the table with the most labels (a form pasted in pieces spans several tables).
  std::vector<std::pair<int, size_t>> ranked;
  for (size_t t = 0; t < doc.tables.size(); ++t) {
    int n = LabelsIn(RowsFromTable(doc.tables[t]), labels_);
    if (n > 0) ranked.push_back({n, t});
  }
  if (!ranked.empty()) {
    // In document order, every table that holds labels (the form may be split).
    std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.second < b.second; });
    for (const auto& [n, t] : ranked) {
      auto part = RowsFromTable(doc.tables[t]);
      rows.insert(rows.end(), part.begin(), part.end());
    }
  } else {
    bool first = true;
    for (const Page& page : doc.pages) {
      if (!page.has_text()) continue;
      auto part = form::RowsFromSpans(page, labels_, first);
      if (part.empty()) continue;
      rows.insert(rows.end(), part.begin(), part.end());
      first = false;
    }
  }
  if (rows.empty()) return Status::NotFound("文件“" + path + "”中没有找到申请表的栏目（如“企业名称”“项目名称”）");
  for (auto& row : rows)
    for (auto& cell : row.cells) cell.confidence = 1.0;
  TextCells reader;
  form::AssembleForm(labels_, templates_, rows, path, &reader, out);
  if (out->fields.empty()) return Status::NotFound("文件“" + path + "”中的表格未能识别出申请表的栏目");
  out->source_file = path;
  out->method = "text";
  return Status::OK();
}

}  // namespace gm
