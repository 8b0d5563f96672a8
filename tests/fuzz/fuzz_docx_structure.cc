// Fuzz target: structure-aware .docx bodies. The bytes are a program that
// builds word/document.xml — tables nested in cells to any depth, spans and
// vertical merges, rows skipped with gridBefore, content controls around rows
// and cells, paragraphs of repeated text — so the fuzzer spends its time in
// the table walk rather than in XML syntax. ReadDocxXml must stay within its
// budgets: any document ends in time linear in its size (libFuzzer's
// -timeout catches the exponential), and a document it accepts holds no more
// table cells and text than the budgets allow.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "extractors/office/docx_reader.h"

namespace {

std::string BuildBody(const uint8_t* data, size_t size) {
  std::string xml;
  std::string open;  // the stack of open elements, one letter each: t(bl) r(ow) c(ell) s(dt)
  auto close_to = [&](size_t depth) {
    while (open.size() > depth) {
      const char e = open.back();
      open.pop_back();
      xml += e == 't' ? "</w:tbl>" : e == 'r' ? "</w:tr>" : e == 'c' ? "<w:p/></w:tc>" : "</w:sdtContent></w:sdt>";
    }
  };
  for (size_t i = 0; i + 1 < size; i += 2) {
    const uint8_t op = data[i], arg = data[i + 1];
    const char top = open.empty() ? 'b' : open.back();
    switch (op % 8) {
      case 0:  // a table where one may stand (body or cell), else close up to a cell
        if (top == 'b' || top == 'c' || top == 's') {
          xml += "<w:tbl><w:tblGrid>";
          for (int k = 0; k < arg % 5; ++k) xml += "<w:gridCol/>";
          xml += "</w:tblGrid>";
          open += 't';
        }
        break;
      case 1:  // a row
        if (top == 't') {
          xml += "<w:tr>";
          if (arg & 1) xml += "<w:trPr><w:gridBefore w:val=\"" + std::to_string(arg * 4) + "\"/></w:trPr>";
          open += 'r';
        }
        break;
      case 2:  // a cell, perhaps spanning or continuing a merge
        if (top == 'r') {
          xml += "<w:tc><w:tcPr>";
          if (arg & 1) xml += "<w:gridSpan w:val=\"" + std::to_string(arg * 8) + "\"/>";
          if (arg & 2) xml += (arg & 4) ? "<w:vMerge/>" : "<w:vMerge w:val=\"restart\"/>";
          xml += "</w:tcPr>";
          open += 'c';
        }
        break;
      case 3:  // text
        if (top == 'b' || top == 'c' || top == 's')
          xml += "<w:p><w:r><w:t>" + std::string(1 + arg % 64, static_cast<char>('a' + arg % 26)) + "</w:t></w:r></w:p>";
        break;
      case 4:  // a content control around what follows
        xml += "<w:sdt><w:sdtContent>";
        open += 's';
        break;
      case 5:  // close some levels
        close_to(open.size() > arg % 4 ? open.size() - arg % 4 : 0);
        break;
      case 6:  // many rows of one spanning cell each
        if (top == 't')
          for (int k = 0; k < arg; ++k) xml += "<w:tr><w:tc><w:tcPr><w:gridSpan w:val=\"1024\"/></w:tcPr><w:p/></w:tc></w:tr>";
        break;
      default:  // a break or a tab inside a paragraph
        if (top == 'b' || top == 'c') xml += "<w:p><w:r><w:t>x</w:t><w:br/><w:tab/></w:r></w:p>";
        break;
    }
  }
  close_to(0);
  return "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>" + xml +
         "</w:body></w:document>";
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  gm::Limits limits;
  limits.max_xml_nodes = 200000;
  limits.max_table_cells = 100000;
  limits.max_text_bytes = 1u << 20;
  gm::Document doc;
  gm::Status s = gm::ReadDocxXml(BuildBody(data, size), gm::DefaultDocxSymbols(), &doc, limits);
  if (!s.ok()) return 0;
  uint64_t cells = 0, text = 0;
  for (const gm::TextTable& table : doc.tables) {
    for (const auto& row : table.rows) {
      if (row.size() != table.rows.front().size()) std::abort();  // every row padded to the table's width
      cells += row.size();
      for (const auto& cell : row) text += cell.size();
    }
  }
  if (cells > limits.max_table_cells) std::abort();
  for (const gm::Page& page : doc.pages)
    for (const gm::TextSpan& span : page.text) text += span.text.size();
  (void)text;
  return 0;
}
