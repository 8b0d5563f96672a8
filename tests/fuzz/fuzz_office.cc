// Fuzz target: the office readers on arbitrary bytes — as a zip package
// (.docx / .xlsx through their openers and the format sniffing) and as the
// XML parts themselves (document body, worksheet, shared strings). None may
// crash, hang, leak or read out of bounds, and no XML entity may expand.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "extractors/document/file_format.h"
#include "extractors/office/docx_reader.h"
#include "extractors/office/office_format.h"
#include "extractors/office/xlsx_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1) return 0;
  const uint8_t mode = data[0];
  std::string_view bytes(reinterpret_cast<const char*>(data + 1), size - 1);
  gm::Limits limits;
  limits.max_file_bytes = 4u << 20;
  gm::Document doc;
  switch (mode % 4) {
    case 0: {
      auto shared = std::make_shared<const std::string>(bytes);
      (void)gm::OpenDocx(shared, limits, &doc);
      (void)gm::OpenXlsx(shared, limits, &doc);
      gm::SniffZipKind(bytes);
      gm::SniffOleKind(bytes);
      gm::DetectFileFormat(bytes, "fuzz.docx");
      break;
    }
    case 1:
      (void)gm::ReadDocxXml(bytes, gm::DefaultDocxSymbols(), &doc);
      break;
    case 2: {
      gm::TextTable table;
      std::vector<std::string> warnings;
      (void)gm::ReadWorksheetXml(bytes, {"a", "b"}, &table, &warnings);
      break;
    }
    default: {
      std::vector<std::string> shared;
      (void)gm::ReadSharedStringsXml(bytes, &shared);
      break;
    }
  }
  return 0;
}
