#include "pipeline/emit/review_workbook.h"

#include <algorithm>

#include "pipeline/emit/review_sheets.h"

namespace gm {

lxw_worksheet* AddLayoutSheet(const ReviewContext& ctx, const std::string& sheet_id, Status* status) {
  return ctx.book->AddWorksheet(ctx.layout.Sheet(sheet_id).name, status);
}

Status WriteReviewWorkbook(const Record& record, const Templates& templates, const std::filesystem::path& path) {
  WorkbookLayout layout;
  if (Status s = WorkbookLayout::Load(templates.dir(), &layout); !s.ok()) return s;
  std::unique_ptr<XlsxWorkbook> book;
  if (Status s = XlsxWorkbook::Create(path, &book); !s.ok()) return s;
  book->SetDefaults(layout.Setting("font_name"), layout.Number("font_size"));
  ReviewContext ctx{record, templates, layout, book.get()};
  for (auto write : {WriteFieldsSheet, WriteChecklistSheet, WriteFinancialsSheet, WriteFindingsSheet,
                     WriteOpinionSheet, WritePriorSheet, WriteFilesSheet, WriteRecordDataSheet}) {
    if (Status s = write(ctx); !s.ok()) return Status::Internal("写入 " + path.string() + " 失败：" + s.message());
  }
  return book->Commit();
}

}  // namespace gm
