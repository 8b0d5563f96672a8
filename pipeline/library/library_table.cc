#include "pipeline/library/library_table.h"

#include "pipeline/emit/cell_styles.h"
#include "pipeline/emit/text_util.h"
#include "pipeline/emit/xlsx_workbook.h"

namespace gm {
namespace {

// The 序号 column counts; every other number is an amount in 万元.
CellStyle StyleOf(const WorkbookLayout& layout, TableRow::Kind kind, bool number, const std::string& column) {
  CellStyle style = !number ? BodyStyle()
                    : column == "number" || column == "seq" ? Centered(NumberStyle(layout.Setting("int_format")))
                                         : NumberStyle(layout.Setting("amount_format"));
  if (kind == TableRow::Kind::kBand) style = BandStyle(layout);
  if (kind == TableRow::Kind::kTotal) {
    style = Filled(style, layout.Color("color_total_fill"));
    style.bold = true;
  }
  return style;
}

Status WriteSheet(XlsxWorkbook* book, const WorkbookLayout& layout, const TableSheet& table) {
  const SheetLayout& sheet_layout = layout.Sheet(table.sheet_id);
  Status status;
  lxw_worksheet* sheet = book->AddWorksheet(sheet_layout.name, &status);
  if (sheet == nullptr) return status;
  SheetWriter w(book, sheet, sheet_layout, layout);
  w.Heading(0, 1, /*frozen_cols=*/0);
  w.PageSetup("summary_header", "");
  int r = 2;
  for (const TableRow& row : table.rows) {
    int lines = 1;
    for (const ColumnLayout& column : sheet_layout.columns) {
      int col = w.Col(column.id);
      auto it = row.cells.find(column.id);
      bool number = it != row.cells.end() && it->second.number.has_value();
      CellStyle style = StyleOf(layout, row.kind, number, column.id);
      if (it == row.cells.end()) {
        w.Blank(r, col, style);
      } else if (number) {
        w.Number(r, col, *it->second.number, style);
      } else {
        w.Text(r, col, it->second.text, style);
        lines = std::max(lines, WrappedLineCount(it->second.text, column.width));
      }
    }
    w.RowHeight(r, LinesHeight(lines, layout));
    ++r;
  }
  return w.status();
}

}  // namespace

Status WriteTableWorkbook(const WorkbookLayout& layout, const std::vector<TableSheet>& sheets,
                          const std::filesystem::path& path) {
  std::unique_ptr<XlsxWorkbook> book;
  if (Status s = XlsxWorkbook::Create(path, &book); !s.ok()) return s;
  book->SetDefaults(layout.Setting("font_name"), layout.Number("font_size"));
  for (const TableSheet& sheet : sheets)
    if (Status s = WriteSheet(book.get(), layout, sheet); !s.ok()) return s;
  return book->Commit();
}

Status WriteTableWorkbook(const WorkbookLayout& layout, const std::string& sheet_id, const std::vector<TableRow>& rows,
                          const std::filesystem::path& path) {
  return WriteTableWorkbook(layout, std::vector<TableSheet>{{sheet_id, rows}}, path);
}

}  // namespace gm
