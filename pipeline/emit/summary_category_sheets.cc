// 分类汇总 (totals by category, with a chart) and 无法读取的文件.
#include <algorithm>
#include <map>

#include "pipeline/emit/cell_styles.h"
#include "pipeline/emit/summary_order.h"
#include "pipeline/emit/summary_sheets.h"
#include "pipeline/emit/text_util.h"

namespace gm {
namespace {

constexpr int kTitleRow = 0, kHeaderRow = 1;
// libxlsxwriter's default chart size, which the layout's size scales.
constexpr double kChartDefaultWidth = 480, kChartDefaultHeight = 288;

struct CategoryTotal {
  std::string code, title;
  int packages = 0;
  double total_investment = 0, loan_demand = 0;
};

std::vector<CategoryTotal> Totals(const SummaryContext& ctx) {
  std::vector<CategoryTotal> totals;  // ctx.ordered is sorted by code: groups are contiguous
  for (const Record* r : ctx.ordered) {
    std::string code = RecordCategoryCode(*r);
    if (totals.empty() || totals.back().code != code) {
      CategoryTotal t;
      t.code = code;
      t.title = code.empty() ? ctx.layout.Label("uncategorized") : CategoryTitle(code, *r, ctx.templates);
      totals.push_back(std::move(t));
    }
    CategoryTotal& t = totals.back();
    ++t.packages;
    t.total_investment += RecordNumber(*r, "total_investment").value_or(0);
    t.loan_demand += RecordNumber(*r, "loan_demand_total").value_or(0);
  }
  return totals;
}

// A column chart of the two amounts by category, below the table.
void AddChart(const SummaryContext& ctx, SheetWriter& w, int first_row, int last_row, int chart_row) {
  int title = w.Col("title"), investment = w.Col("total_investment"), loan = w.Col("loan_demand");
  if (title < 0 || (investment < 0 && loan < 0) || last_row < first_row) return;
  lxw_chart* chart = workbook_add_chart(ctx.book->handle(), LXW_CHART_COLUMN);
  if (chart == nullptr) return;
  const std::string& sheet = w.layout().name;
  std::string investment_name = CellText(ctx.layout.Label("chart_investment"));
  std::string loan_name = CellText(ctx.layout.Label("chart_loan"));
  for (auto [col, name] : {std::pair{investment, &investment_name}, std::pair{loan, &loan_name}}) {
    if (col < 0) continue;
    lxw_chart_series* series = chart_add_series(chart, nullptr, nullptr);
    if (series == nullptr) continue;
    chart_series_set_categories(series, sheet.c_str(), first_row, title, last_row, title);
    chart_series_set_values(series, sheet.c_str(), first_row, col, last_row, col);
    chart_series_set_name(series, name->c_str());
  }
  std::string chart_title = CellText(ctx.layout.Label("chart_title"));
  chart_title_set_name(chart, chart_title.c_str());
  chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
  chart_axis_set_num_format(chart->y_axis, "#,##0");
  lxw_chart_options options = {};
  options.x_scale = ctx.layout.Number("chart_width_px") / kChartDefaultWidth;
  options.y_scale = ctx.layout.Number("chart_height_px") / kChartDefaultHeight;
  options.object_position = LXW_OBJECT_MOVE_DONT_SIZE;
  worksheet_insert_chart_opt(w.sheet(), chart_row, 0, chart, &options);
}

}  // namespace

Status WriteCategorySheet(const SummaryContext& ctx) {
  Status status;
  const SheetLayout& sheet_layout = ctx.layout.Sheet("by_category");
  lxw_worksheet* sheet = ctx.book->AddWorksheet(sheet_layout.name, &status);
  if (sheet == nullptr) return status;
  const WorkbookLayout& layout = ctx.layout;
  SheetWriter w(ctx.book, sheet, sheet_layout, layout);
  w.Heading(kTitleRow, kHeaderRow, /*frozen_cols=*/0);
  w.PageSetup("summary_header", layout.Label("batch_label"));
  CellStyle amount = NumberStyle(layout.Setting("amount_format"));
  CellStyle count = Centered(NumberStyle("0"));
  int row = kHeaderRow + 1;
  CategoryTotal sum;
  for (const CategoryTotal& t : Totals(ctx)) {
    w.Text(row, w.Col("code"), t.code, BodyStyle());
    w.Text(row, w.Col("title"), t.title, BodyStyle());
    w.Number(row, w.Col("packages"), t.packages, count);
    w.Number(row, w.Col("total_investment"), t.total_investment, amount);
    w.Number(row, w.Col("loan_demand"), t.loan_demand, amount);
    sum.packages += t.packages;
    sum.total_investment += t.total_investment;
    sum.loan_demand += t.loan_demand;
    ++row;
  }
  int last_data_row = row - 1;
  uint32_t total_fill = layout.Color("color_total_fill");
  CellStyle total_text = Filled(BodyStyle(), total_fill);
  total_text.bold = true;
  CellStyle total_amount = Filled(amount, total_fill), total_count = Filled(count, total_fill);
  total_amount.bold = total_count.bold = true;
  w.Text(row, w.Col("code"), layout.Label("total"), total_text);
  w.Blank(row, w.Col("title"), total_text);
  w.Number(row, w.Col("packages"), sum.packages, total_count);
  w.Number(row, w.Col("total_investment"), sum.total_investment, total_amount);
  w.Number(row, w.Col("loan_demand"), sum.loan_demand, total_amount);
  AddChart(ctx, w, kHeaderRow + 1, last_data_row, row + 2);
  return w.status();
}

Status WriteUnreadableSheet(const SummaryContext& ctx) {
  Status status;
  const SheetLayout& sheet_layout = ctx.layout.Sheet("unreadable");
  lxw_worksheet* sheet = ctx.book->AddWorksheet(sheet_layout.name, &status);
  if (sheet == nullptr) return status;
  const WorkbookLayout& layout = ctx.layout;
  SheetWriter w(ctx.book, sheet, sheet_layout, layout);
  w.Heading(kTitleRow, kHeaderRow, /*frozen_cols=*/0);
  w.PageSetup("summary_header", layout.Label("batch_label"));
  int row = kHeaderRow + 1;
  auto width = [&](const char* c) { return w.Col(c) < 0 ? 1.0 : sheet_layout.columns[w.Col(c)].width; };
  for (const Record* r : ctx.ordered) {
    for (const FileEntry& f : r->files) {
      if (f.error.empty()) continue;
      w.Text(row, w.Col("package"), r->package_id, BodyStyle());
      w.Text(row, w.Col("file"), f.path, BodyStyle());
      w.Text(row, w.Col("message"), f.error, BodyStyle());
      int lines = std::max({WrappedLineCount(r->package_id, width("package")), WrappedLineCount(f.path, width("file")),
                            WrappedLineCount(f.error, width("message"))});
      w.RowHeight(row, LinesHeight(lines, layout));
      ++row;
    }
  }
  if (row == kHeaderRow + 1) w.Text(row, w.Col("message"), layout.Label("no_unreadable"), BodyStyle());
  return w.status();
}

}  // namespace gm
