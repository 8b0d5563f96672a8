// Internal to extractors/pdf: walks a page's content stream (and the form
// XObjects it paints) with PoDoFo's tokenizer, tracking the transformation
// matrix through q/Q/cm, and records what is drawn into a PageStructure.
// May throw PoDoFo::PdfError only from the resources it is handed; content
// errors mark the structure incomplete.
#pragma once

#include <podofo/podofo.h>

#include <string_view>

#include "extractors/pdf/page_structure.h"

namespace gm::podofo {

// Adds what `content` draws (with `resources`, starting from `ctm`) to `out`.
void WalkContent(std::string_view content, PoDoFo::PdfObject* resources, const Matrix& ctm, PageStructure* out);

}  // namespace gm::podofo
