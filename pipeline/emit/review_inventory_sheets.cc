// 材料清单 and 文件清单: what the package should hold and what it does hold.
#include <algorithm>

#include "pipeline/core/page_list.h"
#include "pipeline/emit/review_sheets.h"
#include "pipeline/emit/text_util.h"

namespace gm {
namespace {

constexpr int kTitleRow = 0, kHeaderRow = 1;

double Width(const SheetWriter& w, const char* column) {
  int c = w.Col(column);
  return c < 0 ? 1.0 : w.layout().columns[c].width;
}

std::string Joined(const std::vector<std::string>& items, const char* separator) {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out += separator;
    out += item;
  }
  return out;
}

// Each file on a line of its own, with the pages holding the kind when known
// ("审计报告.pdf（第6–9页）").
std::string FilesText(const ChecklistEntry& entry) {
  std::vector<std::string> lines;
  for (const std::string& file : entry.files) {
    auto pages = entry.pages.find(file);
    lines.push_back(pages == entry.pages.end() || pages->second.empty() ? file
                                                                        : file + "（" + PageListText(pages->second) + "）");
  }
  return Joined(lines, "\n");
}

}  // namespace

Status WriteChecklistSheet(const ReviewContext& ctx) {
  Status status;
  lxw_worksheet* sheet = AddLayoutSheet(ctx, "checklist", &status);
  if (sheet == nullptr) return status;
  const WorkbookLayout& layout = ctx.layout;
  SheetWriter w(ctx.book, sheet, layout.Sheet("checklist"), layout);
  w.Heading(kTitleRow, kHeaderRow, /*frozen_cols=*/1);
  w.PageSetup("header", ctx.record.package_id);
  int row = kHeaderRow + 1;
  static const ChecklistEntry kAbsent;
  for (const ChecklistSpec& spec : ctx.templates.checklist()) {
    auto it = ctx.record.checklist.find(spec.kind);
    const ChecklistEntry& entry = it == ctx.record.checklist.end() ? kAbsent : it->second;
    bool missing = entry.required && !entry.present;
    CellStyle base = missing ? Filled(BodyStyle(), layout.Color("color_missing_fill")) : BodyStyle();
    CellStyle present = Centered(base);
    if (entry.present) present.fill = layout.Color("color_present_fill");
    if (missing) present.font_color = layout.Color("color_error_font");
    std::string files = FilesText(entry);
    w.Text(row, w.Col("label"), spec.label, base);
    w.Text(row, w.Col("required"), layout.Label(entry.required ? "required" : "not_required"), Centered(base));
    const char* presence = entry.present ? "present" : missing ? "absent" : "not_provided";
    w.Text(row, w.Col("present"), layout.Label(presence), present);
    w.Text(row, w.Col("files"), files, base);
    w.Text(row, w.Col("reason"), entry.reason, base);
    w.Text(row, w.Col("kind"), spec.kind, base);
    int lines = std::max({WrappedLineCount(spec.label, Width(w, "label")), WrappedLineCount(files, Width(w, "files")),
                          WrappedLineCount(entry.reason, Width(w, "reason"))});
    w.RowHeight(row, LinesHeight(lines, layout));
    ++row;
  }
  return w.status();
}

Status WriteFilesSheet(const ReviewContext& ctx) {
  Status status;
  lxw_worksheet* sheet = AddLayoutSheet(ctx, "files", &status);
  if (sheet == nullptr) return status;
  const WorkbookLayout& layout = ctx.layout;
  SheetWriter w(ctx.book, sheet, layout.Sheet("files"), layout);
  w.Heading(kTitleRow, kHeaderRow, /*frozen_cols=*/0);
  w.PageSetup("header", ctx.record.package_id);
  int row = kHeaderRow + 1;
  if (ctx.record.files.empty()) {
    w.Text(row, 0, layout.Label("no_files"), BodyStyle());
    return w.status();
  }
  int number = 1;
  for (const FileEntry& f : ctx.record.files) {
    bool failed = !f.error.empty();
    CellStyle base = failed ? Filled(BodyStyle(), layout.Color("color_missing_fill")) : BodyStyle();
    w.Number(row, w.Col("number"), number++, Centered(NumberStyle("0")));
    w.Text(row, w.Col("path"), f.path, base);
    w.Text(row, w.Col("kind"), f.kind.empty() ? "" : ctx.templates.ChecklistLabel(f.kind), base);
    if (f.pages >= 0) {
      w.Number(row, w.Col("pages"), f.pages, NumberStyle("0"));
    } else {
      w.Blank(row, w.Col("pages"), base);
    }
    w.Text(row, w.Col("text_source"), layout.Label("text_source_" + f.text_source), Centered(base));
    CellStyle error = base;
    error.font_color = layout.Color("color_error_font");
    w.Text(row, w.Col("error"), f.error, error);
    CellStyle digest = base;
    digest.wrap = false;  // a hash is looked up, not read: one line, cut by the column
    // Twelve hex digits tell files apart at a glance; the record has the whole hash.
    w.Text(row, w.Col("sha256"), f.sha256.size() > 12 ? f.sha256.substr(0, 12) + "\xE2\x80\xA6" : f.sha256, digest);
    int lines = std::max({WrappedLineCount(f.path, Width(w, "path")), WrappedLineCount(f.error, Width(w, "error"))});
    w.RowHeight(row, LinesHeight(lines, layout));
    ++row;
  }
  return w.status();
}

}  // namespace gm
