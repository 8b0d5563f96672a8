// Limits: the budgets that keep hostile or broken input from exhausting time,
// memory or disk. Each budget hit becomes an unreadable_input finding on the
// package naming the budget (BudgetText), never a crash, and the package
// goes on. The defaults are generous for real submissions (a package of a
// few hundred MB, attachments of a few hundred pages); templates/budgets.tsv
// may change any of them (LoadBudgets).
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

#include "pipeline/core/status.h"

namespace gm {

struct Limits {
  uint64_t max_file_bytes = 512ull << 20;      // one unpacked file
  uint64_t max_package_bytes = 2048ull << 20;  // all unpacked files of a package
  uint64_t max_expansion_ratio = 200;          // unpacked / packed, per archive member
  int max_nesting_depth = 4;                   // archive in e-mail in archive ...
  int max_files = 2000;                        // files in one package
  int max_mime_parts = 5000;                   // parts in one e-mail
  int max_pages = 500;                         // pages read from one document
  uint64_t max_image_pixels = 120ull * 1000 * 1000;  // one decoded page image, or one page rendered
  uint64_t max_xml_bytes = 128ull << 20;       // XML unpacked from one .docx/.xlsx, parts read together
  int max_xml_depth = 200;                     // element nesting in one XML part
  uint64_t max_xml_nodes = 2'000'000;          // nodes of one XML part read into a tree (document.xml, workbook.xml)
  uint64_t max_table_cells = 4'000'000;        // cells of one sheet or of one Word document's tables, padding included
  uint64_t max_text_bytes = 64ull << 20;       // text read from one .docx/.xlsx
  int max_file_seconds = 300;                  // wall time to open and read the pages of one file
};

// Sets the budgets listed in `path` (templates/budgets.tsv: name, value; a
// name left out keeps its value in *limits). NotFound when the file is
// missing; Corrupt for an unknown name or a value that is not a positive
// whole number.
Status LoadBudgets(const std::filesystem::path& path, Limits* limits);

// "<name>（<what>，上限 <value>）" for a budget's finding message, e.g.
// BudgetText("max_xml_nodes", "XML节点数", 2000000).
std::string BudgetText(const std::string& name, const std::string& what, uint64_t value);

}  // namespace gm
