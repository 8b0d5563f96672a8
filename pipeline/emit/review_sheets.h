// The sheets of the review workbook, one writer each (review_workbook.cc
// calls them in order). Internal to emit.
//
// Each writer adds its sheet to ctx.book and returns the first write error.
// Thread-safety: as XlsxWorkbook (one thread per workbook).
#pragma once

#include "pipeline/core/record.h"
#include "pipeline/core/templates.h"
#include "pipeline/emit/cell_styles.h"
#include "pipeline/emit/sheet_writer.h"
#include "pipeline/emit/workbook_layout.h"
#include "pipeline/emit/xlsx_workbook.h"

namespace gm {

struct ReviewContext {
  const Record& record;
  const Templates& templates;
  const WorkbookLayout& layout;
  XlsxWorkbook* book;
};

// 申请信息: every field in the form's order, by section.
Status WriteFieldsSheet(const ReviewContext& ctx);
// 材料清单: every checklist kind.
Status WriteChecklistSheet(const ReviewContext& ctx);
// 财务核对: statement figures, ratios and the form's figures side by side.
Status WriteFinancialsSheet(const ReviewContext& ctx);
// 问题清单: every finding, errors first.
Status WriteFindingsSheet(const ReviewContext& ctx);
// 专家意见: the package at a glance and the expert's input cells.
Status WriteOpinionSheet(const ReviewContext& ctx);
// 文件清单: every input file.
Status WriteFilesSheet(const ReviewContext& ctx);

// greenmine_data (hidden): the package id and typed values, for collect.
Status WriteRecordDataSheet(const ReviewContext& ctx);
// 与入库项目比较: only when record.prior is set.
Status WritePriorSheet(const ReviewContext& ctx);

// Adds the layout's sheet `sheet_id` to the workbook; null and *status set on failure.
lxw_worksheet* AddLayoutSheet(const ReviewContext& ctx, const std::string& sheet_id, Status* status);

}  // namespace gm
