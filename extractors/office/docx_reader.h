// DocxReader: a Word 2007+ document (.docx) read from its XML into a
// Document of format "docx":
//  - one Page (no image, no size) whose text spans are the body's
//    paragraphs in reading order, without positions (box.w == 0); empty
//    paragraphs are left out; tabs and line breaks are kept as \t and \n;
//    deleted (tracked) text, field codes and the duplicate fallback copies of
//    text boxes are left out; symbol-font check boxes become ☑ / □
//    (templates/document_symbols.tsv);
//  - one TextTable per table, "table 1", "table 2", ... in document order
//    (a nested table follows the table it sits in, and its text also stays
//    in its cell), one row per <w:tr>, one column per grid column.
//
// Merged cells: a cell spanning columns (gridSpan) or rows (vMerge) keeps
// its text in its top-left grid position; the other positions it covers are
// empty strings. Every row has the table's full grid width, so columns line
// up across rows.
// Thread-safety: pure functions.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "pipeline/core/document.h"
#include "pipeline/core/limits.h"
#include "pipeline/core/status.h"

namespace gm {

// font + " " + char (upper-case hex) -> text, and "* " + char for any font.
using DocxSymbols = std::map<std::string, std::string>;

// The table of templates/document_symbols.tsv, loaded once (empty when the
// file is missing, in which case symbol check boxes are left out).
const DocxSymbols& DefaultDocxSymbols();
// Reads templates/document_symbols.tsv of `templates_dir`; a row without a
// font, char or text fails with its file and line.
Status LoadDocxSymbols(const std::filesystem::path& templates_dir, DocxSymbols* out);
// Makes `symbols` what DefaultDocxSymbols returns, so that a run reads the
// table of its own templates folder (loaded and checked at the batch's
// start). Without it, DefaultDocxSymbols loads Templates::DefaultDir()'s
// table on first use (tests, tools) and is empty if that fails.
// REQUIRES: no thread is reading documents (call before workers start).
void SetDefaultDocxSymbols(DocxSymbols symbols);

// Reads word/document.xml. Corrupt when it is not a Word document body;
// Limit when it is over a budget of `limits` (XML nodes or depth, text
// bytes, table cells), naming it. Time and memory are linear in the part's
// size, however deep its tables nest.
Status ReadDocxXml(std::string_view document_xml, const DocxSymbols& symbols, Document* out,
                   const Limits& limits = Limits());

// Opens a .docx file. Corrupt for a damaged package, Limit when its text
// part is larger than the caps. REQUIRES: bytes != nullptr.
Status OpenDocx(std::shared_ptr<const std::string> bytes, const Limits& limits, Document* out);

}  // namespace gm
