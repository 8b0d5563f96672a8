// SpanTable: the rows of the form's table rebuilt from a text PDF's
// positioned spans (a form exported from Word), where no ruling lines are
// known. Labels anchor the rows: cells are centred vertically in their row,
// so a row reaches as far below its labels' centre as its tallest content
// reaches above it; a value belongs to the label on its left, up to the next
// label of the same row. The content between a `below` label's row and the
// next row (项目社会效益) is that label's value row.
//
// Thread-safety: pure.
#pragma once

#include <vector>

#include "extractors/form/form_assembler.h"
#include "extractors/form/form_labels.h"
#include "pipeline/core/document.h"

namespace gm::form {

// Rows of `page`'s spans (empty when no label is found). `first_page`
// false marks the first row as opening a page.
std::vector<FormRow> RowsFromSpans(const Page& page, const FormLabels& labels, bool first_page);

}  // namespace gm::form
