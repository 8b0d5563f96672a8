// The cell styles the emit sheets share, built from the layout's colours so
// the review workbook and the summary look alike.
//
// Thread-safety: pure functions.
#pragma once

#include <string>

#include "pipeline/emit/workbook_layout.h"
#include "pipeline/emit/xlsx_workbook.h"

namespace gm {

CellStyle BodyStyle();                                   // wrapped, bordered, left
CellStyle Filled(CellStyle style, uint32_t fill);
CellStyle Centered(CellStyle style);
CellStyle NumberStyle(const std::string& num_format);    // bordered, right, not wrapped
CellStyle BandStyle(const WorkbookLayout& layout);       // a section band
CellStyle InputStyle(const WorkbookLayout& layout);      // a cell the reviewer fills in

// The row height (points) that shows `lines` wrapped lines.
double LinesHeight(int lines, const WorkbookLayout& layout);

}  // namespace gm
