// Text lines: placed text (PDF spans, OCR words) grouped into the rows a
// reader sees. Two boxes share a row when they overlap vertically by at least
// half the smaller height; rows run top to bottom, each left to right. Boxes
// without a height (office text has no positions) each make a row of their
// own, in their original order.
//
// Thread-safe (pure functions).
#pragma once

#include <string>
#include <vector>

#include "pipeline/core/document.h"

namespace gm {

// Indices into `boxes`, grouped into rows.
std::vector<std::vector<size_t>> GroupRows(const std::vector<Box>& boxes);

// The page's text layer as lines of text: spans of a row joined with a
// space, top to bottom. Empty for a scan.
std::vector<std::string> PageLines(const Page& page);

// Splits text on '\n' into lines, skipping empty ones.
std::vector<std::string> SplitLines(const std::string& text);

}  // namespace gm
