// PageOrder: the rows of a scanned form put back into the form's page order.
// Photos of the pages are named by when they were taken (IMG_20250324_…),
// and a scan may be fed in any order, so the order of the files says little;
// the content says it all: each page holds a run of the form's labels, and
// the labels' printed order (form_labels.tsv lists the value labels in it)
// orders the pages. A `below` value on the next page, or a row cut by the
// page break, then meets its label again.
//
// Thread-safety: a pure function.
#pragma once

#include <vector>

#include "extractors/form/form_assembler.h"
#include "extractors/form/form_labels.h"

namespace gm::form {

// `rows` regrouped page by page (a page: consecutive rows whose first cell
// has the same file and page) and the pages sorted by the median printed
// place of the value labels their cells match. A page without such a label
// keeps its place after the page before it; pages already in order stay as
// they are. Rows within a page keep their order; `first_on_page` is set
// anew (the first row of every page but the first).
std::vector<FormRow> InFormOrder(const FormLabels& labels, const std::vector<FormRow>& rows);

}  // namespace gm::form
