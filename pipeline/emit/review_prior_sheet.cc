// 与入库项目比较: the package beside the library project it resubmits, one
// row a field a major change is judged on; the rows the checks found changed
// (major_change findings) are marked.
#include <algorithm>

#include "pipeline/emit/field_display.h"
#include "pipeline/emit/review_sheets.h"

namespace gm {
namespace {

constexpr const char* kCompared[] = {"company_name",        "credit_code",       "project_name", "former_project_name",
                                     "project_category",    "project_description", "total_investment"};

bool Changed(const Record& record, const std::string& key) {
  return std::any_of(record.findings.begin(), record.findings.end(),
                     [&](const Finding& f) { return f.code == "major_change" && f.field == key; });
}

}  // namespace

Status WritePriorSheet(const ReviewContext& ctx) {
  if (!ctx.record.prior) return Status::OK();
  const PriorProject& prior = *ctx.record.prior;
  Status status;
  lxw_worksheet* sheet = AddLayoutSheet(ctx, "prior", &status);
  if (sheet == nullptr) return status;
  const WorkbookLayout& layout = ctx.layout;
  SheetWriter w(ctx.book, sheet, layout.Sheet("prior"), layout);
  w.Heading(0, 1, /*frozen_cols=*/1);
  w.PageSetup("header", ctx.record.package_id);
  int row = 2;
  CellStyle changed = BodyStyle();
  changed.bold = true;
  changed.font_color = layout.Color("color_error_font");
  for (const char* key : kCompared) {
    const FieldSpec* spec = ctx.templates.Field(key);
    if (spec == nullptr) continue;
    auto own = ctx.record.fields.find(key);
    auto old = prior.values.find(key);
    Json now = own == ctx.record.fields.end() ? Json() : own->second.value;
    Json before = old == prior.values.end() ? Json() : old->second;
    bool major = Changed(ctx.record, key);
    w.Text(row, w.Col("label"), spec->label, BodyStyle());
    w.Text(row, w.Col("library"), DisplayField(*spec, before, layout).text, BodyStyle());
    w.Text(row, w.Col("package"), DisplayField(*spec, now, layout).text, major ? changed : BodyStyle());
    w.Text(row, w.Col("change"), major ? layout.Label("yes") : "", Centered(major ? changed : BodyStyle()));
    ++row;
  }
  ++row;
  w.Text(row, w.Col("label"), layout.Label("prior_project"), BodyStyle());
  w.Text(row, w.Col("library"), layout.Label("prior_project_text", {{"id", prior.project_id}, {"status", prior.status}, {"valid_until", prior.valid_until}}),
         BodyStyle());
  return w.status();
}

}  // namespace gm
