// PageListText: a list of 1-based page numbers as a reviewer reads it in a
// Chinese message or sheet — "第6–9页", "第3、5页", "第2–3、7页".
//
// Thread-safety: a pure function.
#pragma once

#include <string>
#include <vector>

namespace gm {

// Runs of consecutive pages are joined with an en dash; the pages need not
// be sorted or unique. "" for no pages.
std::string PageListText(const std::vector<int>& pages);

}  // namespace gm
