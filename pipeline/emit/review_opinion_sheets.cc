// 问题清单 and 专家意见: what the checks found, and where the expert answers.
#include <algorithm>

#include "pipeline/emit/field_display.h"
#include "pipeline/emit/finding_text.h"
#include "pipeline/emit/review_sheets.h"
#include "pipeline/emit/text_util.h"

namespace gm {
namespace {

constexpr int kTitleRow = 0, kHeaderRow = 1;
// The e-mail body is context for the expert, not the application: keep it short.
constexpr size_t kMailBodyBytes = 1500;

double Width(const SheetWriter& w, const char* column) {
  int c = w.Col(column);
  return c < 0 ? 1.0 : w.layout().columns[c].width;
}

std::string FieldText(const ReviewContext& ctx, const char* key) {
  auto it = ctx.record.fields.find(key);
  const FieldSpec* spec = ctx.templates.Field(key);
  if (it == ctx.record.fields.end() || spec == nullptr) return "";
  return DisplayField(*spec, it->second.value, ctx.layout).text;
}

int MissingRequired(const Record& record) {
  return static_cast<int>(std::count_if(record.checklist.begin(), record.checklist.end(), [](const auto& kv) {
    return kv.second.required && !kv.second.present;
  }));
}

}  // namespace

Status WriteFindingsSheet(const ReviewContext& ctx) {
  Status status;
  lxw_worksheet* sheet = AddLayoutSheet(ctx, "findings", &status);
  if (sheet == nullptr) return status;
  const WorkbookLayout& layout = ctx.layout;
  SheetWriter w(ctx.book, sheet, layout.Sheet("findings"), layout);
  w.Heading(kTitleRow, kHeaderRow, /*frozen_cols=*/0);
  w.PageSetup("header", ctx.record.package_id);
  int row = kHeaderRow + 1;
  if (ctx.record.findings.empty()) {
    w.Text(row, w.Col("message"), layout.Label("no_findings"), BodyStyle());
    return w.status();
  }
  int number = 1;
  for (const Finding* f : OrderedFindings(ctx.record.findings)) {
    CellStyle severity = Centered(BodyStyle());
    severity.bold = true;
    int rank = SeverityRank(f->severity);
    severity.font_color = layout.Color(rank == 0 ? "color_error_font"
                                       : rank == 1 ? "color_warning_font"
                                                   : "color_info_font");
    std::string subject = SubjectLabel(f->field, ctx.templates);
    w.Number(row, w.Col("number"), number++, Centered(NumberStyle("0")));
    w.Text(row, w.Col("severity"), SeverityLabel(f->severity, layout), severity);
    w.Text(row, w.Col("code"), f->code, BodyStyle());
    w.Text(row, w.Col("field"), subject, BodyStyle());
    w.Text(row, w.Col("message"), f->message, BodyStyle());
    int lines = std::max({WrappedLineCount(f->code, Width(w, "code")), WrappedLineCount(subject, Width(w, "field")),
                          WrappedLineCount(f->message, Width(w, "message"))});
    w.RowHeight(row, LinesHeight(lines, layout));
    ++row;
  }
  return w.status();
}

Status WriteOpinionSheet(const ReviewContext& ctx) {
  Status status;
  lxw_worksheet* sheet = AddLayoutSheet(ctx, "opinion", &status);
  if (sheet == nullptr) return status;
  const WorkbookLayout& layout = ctx.layout;
  const Record& record = ctx.record;
  SheetWriter w(ctx.book, sheet, layout.Sheet("opinion"), layout);
  w.Heading(kTitleRow, /*header_row=*/-1, /*frozen_cols=*/0);
  w.PageSetup("header", record.package_id);
  const int label_col = 0, content_col = 1;
  double content_width = Width(w, "content");
  CellStyle label = BodyStyle();
  label.bold = true;
  label.fill = layout.Color("color_band_fill");
  int row = kTitleRow + 1;
  auto info = [&](const char* key, const std::string& text) {
    w.Text(row, label_col, layout.Label(key), label);
    w.Text(row, content_col, text, BodyStyle());
    w.RowHeight(row, LinesHeight(WrappedLineCount(CellText(text), content_width), layout));
    ++row;
  };
  info("op_package", record.package_id);
  info("op_company", FieldText(ctx, "company_name"));
  info("op_project", FieldText(ctx, "project_name"));
  info("op_category", FieldText(ctx, "project_category"));
  info("op_source", record.source);
  if (!record.origin.subject.empty() || !record.origin.from.empty()) {
    info("op_mail_subject", record.origin.subject);
    info("op_mail_from", record.origin.from);
    info("op_mail_date", record.origin.date);
    info("op_mail_body", CellText(record.origin.body, kMailBodyBytes));
  }
  info("op_findings", layout.Label("op_findings_text", {{"errors", std::to_string(CountSeverity(record.findings, "error"))},
                                                        {"warnings", std::to_string(CountSeverity(record.findings, "warning"))},
                                                        {"missing", std::to_string(MissingRequired(record))}}));
  ++row;  // a gap between what the system found and what the expert writes

  CellStyle input = InputStyle(layout);
  w.Text(row, label_col, layout.Label("op_conclusion"), label);
  w.Blank(row, content_col, input);
  w.DropDown(row, row, content_col, layout.Options("conclusion_options"), layout.Label("op_conclusion_prompt"));
  w.RowHeight(row, LinesHeight(2, layout));
  ++row;

  int comment_rows = std::max(1, static_cast<int>(layout.Number("comment_rows")));
  CellStyle comment = input;
  comment.wrap = true;
  w.Merge(row, label_col, row + comment_rows - 1, label_col, layout.Label("op_comments"), label);
  w.Merge(row, content_col, row + comment_rows - 1, content_col, "", comment);
  for (int r = row; r < row + comment_rows; ++r) w.RowHeight(r, LinesHeight(1, layout) + 4);
  row += comment_rows;

  w.Text(row, label_col, layout.Label("op_expert"), label);
  w.Blank(row, content_col, input);
  w.RowHeight(row, LinesHeight(2, layout));
  ++row;
  CellStyle date = input;
  date.num_format = layout.Setting("date_format");
  date.align = CellStyle::Align::kLeft;
  w.Text(row, label_col, layout.Label("op_date"), label);
  w.Blank(row, content_col, date);
  w.DateInput(row, content_col, layout.Label("op_date_prompt"));
  w.RowHeight(row, LinesHeight(2, layout));
  return w.status();
}

}  // namespace gm
