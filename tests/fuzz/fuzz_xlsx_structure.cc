// Fuzz target: structure-aware worksheets. The bytes are a program that
// builds a shared strings part and a worksheet — cells at any reference up
// to XFD1048576, rows out of order or without numbers, shared strings large
// and referenced many times, inline strings, phonetic runs — so the fuzzer
// spends its time on sparse and repetitive sheets rather than on XML syntax.
// A sheet ReadWorksheetXml accepts holds no more cells, padded to the widest
// row, and no more text than the budgets allow; memory never goes past them
// (libFuzzer's -rss_limit_mb catches it).
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "extractors/office/xlsx_reader.h"

namespace {

std::string Column(uint32_t index) {  // 0-based, "A".."XFD"
  std::string name;
  for (uint32_t n = index % 16384 + 1; n > 0; n = (n - 1) / 26) name.insert(name.begin(), static_cast<char>('A' + (n - 1) % 26));
  return name;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string shared_xml = "<sst>", sheet = "<worksheet><sheetData>";
  int strings = 0;
  bool in_row = false;
  // Parts of up to 8 MiB each: the budgets, not the input, are under test.
  constexpr size_t kMaxPart = 8u << 20;
  for (size_t i = 0; i + 3 < size && shared_xml.size() < kMaxPart && sheet.size() < kMaxPart; i += 4) {
    const uint8_t op = data[i];
    const uint32_t a = data[i + 1], b = static_cast<uint32_t>(data[i + 2]) << 8 | data[i + 3];
    switch (op % 6) {
      case 0:  // a shared string of up to 64 KiB, with a phonetic run sometimes
        shared_xml += "<si><t>" + std::string(1 + b, static_cast<char>('a' + a % 26)) + "</t>" +
                      (a & 1 ? "<rPh><t>yin</t></rPh>" : "") + "</si>";
        ++strings;
        break;
      case 1:  // a row, numbered up to 1048576 or not at all
        if (in_row) sheet += "</row>";
        sheet += a & 1 ? "<row>" : "<row r=\"" + std::to_string(1 + (b * 16 + a) % 1048576) + "\">";
        in_row = true;
        break;
      case 2:  // a cell at any reference, pointing at a shared string
        if (!in_row) break;
        sheet += "<c r=\"" + Column(b) + std::to_string(1 + a * 4096 % 1048576) + "\" t=\"s\"><v>" +
                 std::to_string(strings ? b % strings : 0) + "</v></c>";
        break;
      case 3:  // a run of cells without references, all the same shared string
        if (!in_row) break;
        for (uint32_t k = 0; k < a; ++k) sheet += "<c t=\"s\"><v>0</v></c>";
        break;
      case 4:  // an inline string
        if (!in_row) break;
        sheet += "<c t=\"inlineStr\"><is><t>" + std::string(1 + b % 512, 'z') + "</t></is></c>";
        break;
      default:  // a number
        if (!in_row) break;
        sheet += "<c><v>" + std::to_string(b) + "</v></c>";
        break;
    }
  }
  if (in_row) sheet += "</row>";
  shared_xml += "</sst>";
  sheet += "</sheetData></worksheet>";

  gm::Limits limits;
  limits.max_xml_nodes = 200000;
  limits.max_table_cells = 200000;
  limits.max_text_bytes = 4u << 20;
  std::vector<std::string> shared;
  if (!gm::ReadSharedStringsXml(shared_xml, &shared, limits).ok()) return 0;
  gm::TextTable table;
  std::vector<std::string> warnings;
  uint64_t text_bytes = 0;
  if (!gm::ReadWorksheetXml(sheet, shared, &table, &warnings, limits, &text_bytes).ok()) return 0;
  uint64_t text = 0;
  for (const auto& row : table.rows) {
    if (row.size() != table.rows.front().size()) std::abort();
    for (const auto& cell : row) text += cell.size();
  }
  if (table.rows.size() * (table.rows.empty() ? 0 : table.rows.front().size()) > limits.max_table_cells) std::abort();
  if (text > limits.max_text_bytes || text > text_bytes) std::abort();
  return 0;
}
