// 财务核对: the statements' figures, what follows from them, and the form's
// own figures beside them, so the reviewer sees each difference the checks
// report with its numbers.
#include <algorithm>
#include <cmath>
#include <optional>

#include "pipeline/emit/review_sheets.h"
#include "pipeline/emit/text_util.h"

namespace gm {
namespace {

constexpr int kTitleRow = 0, kHeaderRow = 1;

std::optional<double> FormNumber(const Record& record, const char* key) {
  auto it = record.fields.find(key);
  if (it == record.fields.end() || !it->second.value.is_number()) return std::nullopt;
  double v = it->second.value.get<double>();
  return std::isfinite(v) ? std::optional<double>(v) : std::nullopt;
}

std::optional<double> Ratio(std::optional<double> numerator, std::optional<double> denominator) {
  if (!numerator || !denominator || *denominator == 0) return std::nullopt;
  return *numerator / *denominator * 100.0;
}

class FinancialsSheet {
 public:
  FinancialsSheet(const ReviewContext& ctx, SheetWriter* w) : ctx_(ctx), w_(*w), layout_(ctx.layout) {}

  void Write() {
    w_.Heading(kTitleRow, kHeaderRow, /*frozen_cols=*/1);
    w_.PageSetup("header", ctx_.record.package_id);
    row_ = kHeaderRow + 1;
    const std::optional<Financials>& fin = ctx_.record.financials;
    Band("fin_band_statements");
    if (!fin) {
      CellStyle missing = Filled(BodyStyle(), layout_.Color("color_missing_fill"));
      missing.font_color = layout_.Color("color_error_font");
      w_.Merge(row_, 0, row_, Last(), layout_.Label("fin_no_statements"), missing);
      w_.RowHeight(row_++, LinesHeight(3, layout_));
    } else {
      Statements(*fin);
    }
    Band("fin_band_checks");
    Checks(fin ? *fin : Financials());
    Band("fin_band_form");
    FormChecks();
  }

 private:
  double Width(const char* column) const {
    int c = w_.Col(column);
    return c < 0 ? 1.0 : w_.layout().columns[c].width;
  }

  int Last() const { return static_cast<int>(w_.layout().columns.size()) - 1; }

  void Band(const char* label) { w_.Merge(row_, 0, row_, Last(), layout_.Label(label), BandStyle(layout_)); ++row_; }

  void Statements(const Financials& fin) {
    Line("fin_year", fin.year ? std::optional<double>(*fin.year) : std::nullopt, "0");
    Line("fin_total_assets", fin.total_assets);
    Line("fin_total_liabilities", fin.total_liabilities);
    Line("fin_owners_equity", fin.owners_equity);
    Line("fin_revenue", fin.revenue);
    Line("fin_net_profit", fin.net_profit);
    Line("fin_operating_cash_flow", fin.operating_cash_flow);
    w_.Text(row_, w_.Col("item"), layout_.Label("fin_source"), BodyStyle());
    int from = w_.Col("statement"), to = Last();
    if (from >= 0 && to > from) {
      w_.Merge(row_, from, row_, to, fin.source_file, BodyStyle());
    } else {
      w_.Text(row_, from, fin.source_file, BodyStyle());
    }
    ++row_;
  }

  // One statement figure; a missing one is shown as such, in the error colour.
  void Line(const char* label, std::optional<double> value, const std::string& format = "") {
    w_.Text(row_, w_.Col("item"), layout_.Label(label), BodyStyle());
    Value(w_.Col("statement"), value, format.empty() ? layout_.Setting("amount_format") : format, false);
    for (const char* c : {"form", "difference", "note"}) w_.Blank(row_, w_.Col(c), BodyStyle());
    ++row_;
  }

  void Value(int col, std::optional<double> value, const std::string& format, bool flagged) {
    CellStyle style = NumberStyle(format);
    if (flagged) style.fill = layout_.Color("color_missing_fill");
    if (value) {
      w_.Number(row_, col, *value, style);
    } else {
      w_.Blank(row_, col, style);
    }
  }

  // A computed figure, the form's (if any), their difference, and how it is
  // computed; `bad` marks the row when the difference is beyond tolerance.
  void Check(const char* label, std::optional<double> computed, std::optional<double> form,
             std::optional<double> difference, bool bad, const char* note, const std::string& format) {
    CellStyle item = bad ? Filled(BodyStyle(), layout_.Color("color_missing_fill")) : BodyStyle();
    w_.Text(row_, w_.Col("item"), layout_.Label(label), item);
    Value(w_.Col("statement"), computed, format, false);
    Value(w_.Col("form"), form, format, false);
    Value(w_.Col("difference"), difference, format, bad);
    std::string text = layout_.Label(note);
    if (!computed) text = layout_.Label("fin_not_available") + "；" + text;
    w_.Text(row_, w_.Col("note"), text, BodyStyle());
    int lines = std::max(WrappedLineCount(text, Width("note")), WrappedLineCount(layout_.Label(label), Width("item")));
    w_.RowHeight(row_, LinesHeight(lines, layout_));
    ++row_;
  }

  void Checks(const Financials& fin) {
    const std::string pct = layout_.Setting("pct_format");
    const std::string amount = layout_.Setting("amount_format");
    std::optional<double> ratio = Ratio(fin.total_liabilities, fin.total_assets);
    std::optional<double> form_ratio = FormNumber(ctx_.record, "debt_ratio");
    std::optional<double> ratio_diff;
    if (ratio && form_ratio) ratio_diff = *form_ratio - *ratio;
    bool ratio_bad = ratio_diff && std::fabs(*ratio_diff) > layout_.Number("debt_ratio_tolerance_pct");
    Check("fin_debt_ratio", ratio, form_ratio, ratio_diff, ratio_bad, "fin_debt_ratio_note", pct);

    std::optional<double> gap;
    if (fin.total_assets && fin.total_liabilities && fin.owners_equity)
      gap = *fin.total_assets - (*fin.total_liabilities + *fin.owners_equity);
    bool gap_bad = gap && std::fabs(*gap) > layout_.Number("balance_tolerance_wan");
    Check("fin_balance", gap, std::nullopt, gap, gap_bad, "fin_balance_note", amount);

    std::optional<double> margin = Ratio(fin.net_profit, fin.revenue);
    Check("fin_net_margin", margin, std::nullopt, std::nullopt, false, "fin_net_margin_note", pct);
  }

  void FormChecks() {
    const Record& r = ctx_.record;
    const std::string amount = layout_.Setting("amount_format");
    std::optional<double> government = FormNumber(r, "funding_government"), self = FormNumber(r, "funding_self"),
                          other = FormNumber(r, "funding_other"), total = FormNumber(r, "total_investment");
    std::optional<double> sum;
    if (government || self || other) sum = government.value_or(0) + self.value_or(0) + other.value_or(0);
    std::optional<double> sum_diff;
    if (sum && total) sum_diff = *sum - *total;
    bool sum_bad = sum_diff && std::fabs(*sum_diff) > layout_.Number("funding_tolerance_wan");
    Check("fin_funding_sum", sum, total, sum_diff, sum_bad, "fin_funding_sum_note", amount);

    std::optional<double> share = Ratio(FormNumber(r, "equity_capital"), total);
    Check("fin_equity_share", share, std::nullopt, std::nullopt, share && *share > 100.0, "fin_equity_share_note",
          layout_.Setting("pct_format"));
  }

  const ReviewContext& ctx_;
  SheetWriter& w_;
  const WorkbookLayout& layout_;
  int row_ = 0;
};

}  // namespace

Status WriteFinancialsSheet(const ReviewContext& ctx) {
  Status status;
  lxw_worksheet* sheet = AddLayoutSheet(ctx, "financials", &status);
  if (sheet == nullptr) return status;
  SheetWriter w(ctx.book, sheet, ctx.layout.Sheet("financials"), ctx.layout);
  FinancialsSheet(ctx, &w).Write();
  return w.status();
}

}  // namespace gm
