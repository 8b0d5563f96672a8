#include "pipeline/emit/summary_workbook.h"

#include <algorithm>
#include <cmath>

#include "pipeline/emit/cell_styles.h"
#include "pipeline/emit/field_display.h"
#include "pipeline/emit/finding_text.h"
#include "pipeline/emit/summary_order.h"
#include "pipeline/emit/summary_sheets.h"
#include "pipeline/emit/text_util.h"

namespace gm {
namespace {

constexpr int kTitleRow = 0, kHeaderRow = 1;

std::string StringField(const Record& record, const char* key) {
  auto it = record.fields.find(key);
  if (it == record.fields.end() || !it->second.value.is_string()) return "";
  return it->second.value.get<std::string>();
}

std::string MissingDocuments(const Record& record, const SummaryContext& ctx) {
  std::string out;
  for (const auto& spec : ctx.templates.checklist()) {
    auto it = record.checklist.find(spec.kind);
    if (it == record.checklist.end() || !it->second.required || it->second.present) continue;
    if (!out.empty()) out += ctx.layout.Label("list_separator");
    out += spec.label;
  }
  return out;
}

double Width(const SheetWriter& w, const char* column) {
  int c = w.Col(column);
  return c < 0 ? 1.0 : w.layout().columns[c].width;
}

}  // namespace

std::string ReviewWorkbookLink(const std::string& package_id) {
  std::string escaped;
  for (char c : package_id) {
    if (c == '%') {
      escaped += "%25";
    } else if (c == '#') {
      escaped += "%23";
    } else {
      escaped += c;
    }
  }
  return "external:review/" + escaped + ".xlsx";
}

std::optional<double> RecordNumber(const Record& record, const char* key) {
  auto it = record.fields.find(key);
  if (it == record.fields.end() || !it->second.value.is_number()) return std::nullopt;
  double v = it->second.value.get<double>();
  return std::isfinite(v) ? std::optional<double>(v) : std::nullopt;
}

std::string CategoryTitle(const std::string& code, const Record& record, const Templates& templates) {
  for (const auto& item : templates.catalog())
    if (item.code == code) return item.title;
  auto it = record.fields.find("project_category");
  if (it != record.fields.end() && it->second.value.is_object()) {
    auto title = it->second.value.find("title");
    if (title != it->second.value.end() && title->is_string()) return title->get<std::string>();
  }
  return "";
}

Status WritePackagesSheet(const SummaryContext& ctx) {
  Status status;
  const SheetLayout& sheet_layout = ctx.layout.Sheet("summary");
  lxw_worksheet* sheet = ctx.book->AddWorksheet(sheet_layout.name, &status);
  if (sheet == nullptr) return status;
  const WorkbookLayout& layout = ctx.layout;
  SheetWriter w(ctx.book, sheet, sheet_layout, layout);
  w.Heading(kTitleRow, kHeaderRow, /*frozen_cols=*/std::max(0, w.Col("company") + 1));
  w.PageSetup("summary_header", layout.Label("batch_label"));
  CellStyle body;
  CellStyle amount = NumberStyle(layout.Setting("amount_format"));
  CellStyle count = NumberStyle("0");
  count.align = CellStyle::Align::kCenter;
  CellStyle link;
  link.underline = true;
  link.font_color = layout.Color("color_link_font");

  int row = kHeaderRow + 1;
  int number = 1;
  for (const Record* r : ctx.ordered) {
    std::string code = RecordCategoryCode(*r);
    std::string title = code.empty() ? layout.Label("uncategorized") : CategoryTitle(code, *r, ctx.templates);
    std::string company = StringField(*r, "company_name"), project = StringField(*r, "project_name");
    std::string location = StringField(*r, "project_location"), missing = MissingDocuments(*r, ctx);
    int errors = CountSeverity(r->findings, "error"), warnings = CountSeverity(r->findings, "warning");
    w.Number(row, w.Col("number"), number++, count);
    w.Text(row, w.Col("category_code"), code, body);
    w.Text(row, w.Col("category_title"), title, body);
    w.Text(row, w.Col("company"), company, body);
    w.Text(row, w.Col("project"), project, body);
    w.Text(row, w.Col("credit_code"), StringField(*r, "credit_code"), body);
    w.Text(row, w.Col("location"), location, body);
    std::optional<double> total = RecordNumber(*r, "total_investment"), loan = RecordNumber(*r, "loan_demand_total");
    for (auto [column, value] : {std::pair{"total_investment", total}, std::pair{"loan_demand", loan}}) {
      if (value) {
        w.Number(row, w.Col(column), *value, amount);
      } else {
        w.Blank(row, w.Col(column), amount);
      }
    }
    CellStyle error_count = count, warning_count = count;
    if (errors > 0) error_count.fill = layout.Color("color_missing_fill");
    if (warnings > 0) warning_count.fill = layout.Color("color_low_confidence_fill");
    w.Number(row, w.Col("errors"), errors, error_count);
    w.Number(row, w.Col("warnings"), warnings, warning_count);
    CellStyle missing_style = body;
    if (!missing.empty()) missing_style.font_color = layout.Color("color_error_font");
    w.Text(row, w.Col("missing"), missing, missing_style);
    // The link shows the package id: it names the review workbook it opens.
    if (!r->package_id.empty()) {
      w.Link(row, w.Col("link"), ReviewWorkbookLink(r->package_id), r->package_id, link);
    } else {
      w.Blank(row, w.Col("link"), body);
    }
    w.Text(row, w.Col("package_id"), r->package_id, body);
    int lines = std::max({WrappedLineCount(title, Width(w, "category_title")), WrappedLineCount(company, Width(w, "company")),
                          WrappedLineCount(project, Width(w, "project")), WrappedLineCount(location, Width(w, "location")),
                          WrappedLineCount(missing, Width(w, "missing")),
                          WrappedLineCount(r->package_id, Width(w, "link"))});
    w.RowHeight(row, LinesHeight(lines, layout));
    ++row;
  }
  int last_col = static_cast<int>(sheet_layout.columns.size()) - 1;
  worksheet_autofilter(sheet, kHeaderRow, 0, std::max(kHeaderRow, row - 1), last_col);
  worksheet_activate(sheet);
  return w.status();
}

Status WriteSummaryWorkbook(const std::vector<Record>& records, const Templates& templates,
                            const std::filesystem::path& path) {
  WorkbookLayout layout;
  if (Status s = WorkbookLayout::Load(templates.dir(), &layout); !s.ok()) return s;
  std::unique_ptr<XlsxWorkbook> book;
  if (Status s = XlsxWorkbook::Create(path, &book); !s.ok()) return s;
  book->SetDefaults(layout.Setting("font_name"), layout.Number("font_size"));
  std::vector<const Record*> ordered = SummaryOrder(records);
  SummaryContext ctx{ordered, templates, layout, book.get()};
  for (auto write : {WritePackagesSheet, WriteCategorySheet, WriteUnreadableSheet})
    if (Status s = write(ctx); !s.ok()) return Status::Internal("写入 " + path.string() + " 失败：" + s.message());
  return book->Commit();
}

}  // namespace gm
