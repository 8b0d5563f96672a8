// 申请信息: every field of the form, by section, beside the image of the
// cell it was read from, with the reviewer's columns.
#include <algorithm>

#include "pipeline/emit/field_display.h"
#include "pipeline/emit/finding_text.h"
#include "pipeline/emit/review_sheets.h"
#include "pipeline/emit/text_util.h"

namespace gm {
namespace {

constexpr int kTitleRow = 0, kHeaderRow = 1;

std::string SourceText(const Provenance& p, const WorkbookLayout& layout) {
  std::string text = p.file;
  if (p.page >= 0) text += (text.empty() ? "" : " ") + layout.Label("page", {{"page", std::to_string(p.page + 1)}});
  return text;
}

// The checks' remarks on one field, "【错误】..." one a line, errors first.
std::string IssuesText(const std::string& key, const Record& record, const WorkbookLayout& layout) {
  std::string text;
  for (const Finding* f : OrderedFindings(record.findings)) {
    if (f->field != key) continue;
    if (!text.empty()) text += "\n";
    text += "【" + SeverityLabel(f->severity, layout) + "】" + f->message;
  }
  return text;
}

class FieldsSheet {
 public:
  FieldsSheet(const ReviewContext& ctx, SheetWriter* w) : ctx_(ctx), w_(*w), layout_(ctx.layout) {}

  void Write() {
    w_.Heading(kTitleRow, kHeaderRow, /*frozen_cols=*/1);
    w_.PageSetup("header", ctx_.record.package_id);
    int row = kHeaderRow + 1;
    std::string section;
    int first_in_section = row;
    for (const FieldSpec& spec : ctx_.templates.fields()) {
      if (spec.section != section) {
        CloseSection(first_in_section, row - 1);
        section = spec.section;
        Band(row++, section);
        first_in_section = row;
      }
      Field(row++, spec);
    }
    CloseSection(first_in_section, row - 1);
  }

 private:
  int LastVisibleColumn() const {
    int last = static_cast<int>(w_.layout().columns.size()) - 1;
    while (last > 0 && w_.layout().columns[last].hidden) --last;
    return last;
  }

  void Band(int row, const std::string& section) {
    w_.Merge(row, 0, row, LastVisibleColumn(), section, BandStyle(layout_));
  }

  // The reviewer's drop-down covers each section's rows (not the bands).
  void CloseSection(int first, int last) {
    if (last >= first)
      w_.DropDown(first, last, w_.Col("review"), layout_.Options("review_options"), layout_.Label("review_prompt"));
  }

  double Width(const char* column) const {
    int c = w_.Col(column);
    return c < 0 ? 1.0 : w_.layout().columns[c].width;
  }

  void Field(int row, const FieldSpec& spec) {
    static const FieldValue kAbsent;
    auto it = ctx_.record.fields.find(spec.key);
    const FieldValue& field = it == ctx_.record.fields.end() ? kAbsent : it->second;
    FieldDisplay shown = DisplayField(spec, field.value, layout_);
    bool missing = shown.blank && spec.required;
    bool low = !shown.blank && field.confidence < layout_.Number("low_confidence_threshold");

    CellStyle base = BodyStyle();
    CellStyle flagged = base;
    if (missing) flagged = Filled(base, layout_.Color("color_missing_fill"));
    if (low) flagged = Filled(base, layout_.Color("color_low_confidence_fill"));

    std::string label = spec.label + (spec.required ? " " + layout_.Label("required_mark") : "");
    w_.Text(row, w_.Col("label"), label, missing ? flagged : base);
    if (shown.blank) {
      CellStyle placeholder = flagged;
      placeholder.font_color = layout_.Color("color_error_font");
      w_.Text(row, w_.Col("value"), missing ? layout_.Label("missing_value") : "", placeholder);
    } else if (shown.is_number) {
      CellStyle number = NumberStyle(shown.num_format);
      number.fill = flagged.fill;
      w_.Number(row, w_.Col("value"), shown.number, number);
    } else {
      w_.Text(row, w_.Col("value"), shown.text, flagged);
    }
    std::string raw = RawDiffers(field.provenance.raw, shown) ? field.provenance.raw : "";
    w_.Text(row, w_.Col("raw"), raw, base);
    CellStyle confidence = NumberStyle(layout_.Setting("confidence_format"));
    if (low) confidence.fill = layout_.Color("color_low_confidence_fill");
    // A blank the reader never saw has no confidence worth showing.
    if (shown.blank && field.provenance.raw.empty()) {
      w_.Blank(row, w_.Col("confidence"), confidence);
    } else {
      w_.Number(row, w_.Col("confidence"), field.confidence, confidence);
    }
    std::string source = SourceText(field.provenance, layout_);
    w_.Text(row, w_.Col("source"), source, base);
    std::string issues = IssuesText(spec.key, ctx_.record, layout_);
    w_.Text(row, w_.Col("issues"), issues, base);
    w_.Blank(row, w_.Col("review"), Centered(InputStyle(layout_)));
    w_.Blank(row, w_.Col("corrected"), InputStyle(layout_));
    w_.Text(row, w_.Col("key"), spec.key, base);

    int image_px = 0;
    if (!field.provenance.cell_png.empty()) {
      image_px = w_.Image(row, w_.Col("image"), field.provenance.cell_png,
                          static_cast<int>(layout_.Number("image_max_width_px")),
                          static_cast<int>(layout_.Number("image_max_height_px")), layout_.Number("image_max_scale"),
                          spec.label);
      if (image_px == 0) {
        w_.Text(row, w_.Col("image"), layout_.Label("image_unavailable"), base);
      } else {
        w_.Blank(row, w_.Col("image"), base);
      }
    } else {
      w_.Blank(row, w_.Col("image"), base);
    }
    // Wrapped cells do not grow by themselves in every viewer: size the row
    // for its longest text, and for the image.
    int lines = std::max({WrappedLineCount(label, Width("label")), WrappedLineCount(shown.text, Width("value")),
                          WrappedLineCount(raw, Width("raw")), WrappedLineCount(source, Width("source")),
                          WrappedLineCount(issues, Width("issues"))});
    double points = std::max(LinesHeight(lines, layout_), image_px > 0 ? (image_px + 6) * 0.75 : 0.0);
    w_.RowHeight(row, points);
  }

  const ReviewContext& ctx_;
  SheetWriter& w_;
  const WorkbookLayout& layout_;
};

}  // namespace

Status WriteFieldsSheet(const ReviewContext& ctx) {
  Status status;
  lxw_worksheet* sheet = AddLayoutSheet(ctx, "fields", &status);
  if (sheet == nullptr) return status;
  SheetWriter w(ctx.book, sheet, ctx.layout.Sheet("fields"), ctx.layout);
  FieldsSheet(ctx, &w).Write();
  worksheet_activate(sheet);
  return w.status();
}

}  // namespace gm
