// greenmine_data: the hidden sheet `greenmine collect` reads back — the
// package id and every field's typed value as JSON — so a returned workbook
// is identified by what it carries, whatever its file name, and the library
// keeps the values read from the scan beside the experts' corrections.
#include "pipeline/emit/review_sheets.h"
#include "pipeline/emit/text_util.h"

namespace gm {

Status WriteRecordDataSheet(const ReviewContext& ctx) {
  Status status;
  lxw_worksheet* sheet = AddLayoutSheet(ctx, "record", &status);
  if (sheet == nullptr) return status;
  SheetWriter w(ctx.book, sheet, ctx.layout.Sheet("record"), ctx.layout);
  CellStyle plain;
  plain.border = false;
  plain.wrap = false;
  int row = 0;
  auto put = [&](const std::string& key, const std::string& value) {
    w.Text(row, 0, key, plain);
    w.Text(row, 1, value, plain);
    ++row;
  };
  put("package_id", ctx.record.package_id);
  put("schema", "greenmine.review/1");
  for (const FieldSpec& spec : ctx.templates.fields()) {
    auto it = ctx.record.fields.find(spec.key);
    // A hostile value may hold invalid UTF-8: replaced, as the sheet could not hold it anyway.
    put(spec.key, it == ctx.record.fields.end() ? "null"
                                                : it->second.value.dump(-1, ' ', false, Json::error_handler_t::replace));
  }
  worksheet_hide(sheet);
  return w.status();
}

}  // namespace gm
