// Zips members in memory with libarchive's writer, for .docx / .xlsx fixtures.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace gm::testing {

// A zip file holding `members` (name, bytes), deflated, in order.
std::string Zip(const std::vector<std::pair<std::string, std::string>>& members);

// A minimal .docx: the package parts around `body_xml` (the children of <w:body>).
std::string Docx(const std::string& body_xml);

// A minimal .xlsx with sheets (name, sheetData children) and shared strings.
std::string Xlsx(const std::vector<std::pair<std::string, std::string>>& sheets,
                 const std::vector<std::string>& shared_strings);

}  // namespace gm::testing
