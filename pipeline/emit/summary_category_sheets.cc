// 分类汇总 (totals by category, with a chart) and 无法读取的文件.
#include <algorithm>
#include <map>
#include <optional>

#include "pipeline/emit/cell_styles.h"
#include "pipeline/emit/summary_order.h"
#include "pipeline/emit/summary_sheets.h"
#include "pipeline/emit/text_util.h"

namespace gm {
namespace {

constexpr int kTitleRow = 0, kHeaderRow = 1;
// libxlsxwriter's default chart size, which the layout's size scales.
constexpr double kChartDefaultWidth = 480, kChartDefaultHeight = 288;
// Title, legend and axis take about this much; each category's pair of bars this much.
constexpr double kChartFixedPixels = 120, kChartPixelsPerCategory = 30;

struct CategoryTotal {
  std::string code, title;
  int packages = 0;
  // Sums of the figures the packages give; empty when none gives one (a
  // category whose amounts were all unreadable is not a category of zeros).
  std::optional<double> total_investment, loan_demand;
};

void Add(std::optional<double>* sum, std::optional<double> value) {
  if (value) *sum = sum->value_or(0) + *value;
}

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
    Add(&t.total_investment, RecordNumber(*r, "total_investment"));
    Add(&t.loan_demand, RecordNumber(*r, "loan_demand_total"));
  }
  return totals;
}

void Amount(SheetWriter& w, int row, const char* column, std::optional<double> value, const CellStyle& style) {
  if (value) {
    w.Number(row, w.Col(column), *value, style);
  } else {
    w.Blank(row, w.Col(column), style);
  }
}

// A bar chart of the two amounts by category, below the table: horizontal
// bars leave room for the long catalog titles, listed top to bottom in the
// table's order; the chart grows with the number of categories.
void AddChart(const SummaryContext& ctx, SheetWriter& w, int first_row, int last_row, int chart_row) {
  int title = w.Col("title"), investment = w.Col("total_investment"), loan = w.Col("loan_demand");
  if (title < 0 || (investment < 0 && loan < 0) || last_row < first_row) return;
  lxw_chart* chart = workbook_add_chart(ctx.book->handle(), LXW_CHART_BAR);
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
  // In a bar chart libxlsxwriter's x axis is the horizontal value axis and
  // its y axis the vertical category axis.
  chart_axis_set_num_format(chart->x_axis, "#,##0");
  chart_axis_set_reverse(chart->y_axis);  // first category on top, as in the table
  lxw_chart_options options = {};
  options.x_scale = ctx.layout.Number("chart_width_px") / kChartDefaultWidth;
  double height = std::clamp(kChartFixedPixels + kChartPixelsPerCategory * (last_row - first_row + 1),
                             ctx.layout.Number("chart_height_px"), ctx.layout.Number("chart_max_height_px"));
  options.y_scale = height / kChartDefaultHeight;
  options.object_position = LXW_OBJECT_MOVE_DONT_SIZE;
  worksheet_insert_chart_opt(w.sheet(), chart_row, 0, chart, &options);
  // The chart prints on a page of its own rather than cut by a page break.
  lxw_row_t breaks[] = {static_cast<lxw_row_t>(chart_row), 0};
  worksheet_set_h_pagebreaks(w.sheet(), breaks);
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
    Amount(w, row, "total_investment", t.total_investment, amount);
    Amount(w, row, "loan_demand", t.loan_demand, amount);
    sum.packages += t.packages;
    Add(&sum.total_investment, t.total_investment);
    Add(&sum.loan_demand, t.loan_demand);
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
  Amount(w, row, "total_investment", sum.total_investment, total_amount);
  Amount(w, row, "loan_demand", sum.loan_demand, total_amount);
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
