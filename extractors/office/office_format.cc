#include "extractors/office/office_format.h"

#include <string>
#include <vector>

#include "extractors/office/zip_reader.h"

namespace gm {
namespace {

// A stream name as an OLE directory stores it: UTF-16LE.
std::string Utf16Le(std::string_view ascii) {
  std::string out;
  for (char c : ascii) {
    out.push_back(c);
    out.push_back('\0');
  }
  return out;
}

bool Contains(std::string_view haystack, std::string_view ascii_name) {
  return haystack.find(Utf16Le(ascii_name)) != std::string_view::npos;
}

}  // namespace

bool IsOleCompoundFile(std::string_view bytes) {
  return bytes.size() >= 8 && bytes.substr(0, 8) == std::string_view("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
}

bool IsZip(std::string_view bytes) {
  return bytes.size() >= 4 && (bytes.substr(0, 4) == std::string_view("PK\x03\x04", 4) ||
                               bytes.substr(0, 4) == std::string_view("PK\x05\x06", 4));
}

OfficeKind SniffZipKind(std::string_view bytes) {
  std::vector<std::string> names;
  if (!ListZipMembers(bytes, &names).ok()) return OfficeKind::kUnknown;
  bool word = false, excel = false, powerpoint = false, odf = false, ofd = false;
  for (const std::string& name : names) {
    word |= name == "word/document.xml" || name.starts_with("word/");
    excel |= name == "xl/workbook.xml" || name.starts_with("xl/");
    powerpoint |= name.starts_with("ppt/");
    odf |= name == "mimetype" || name == "content.xml";
    ofd |= name == "OFD.xml";
  }
  if (word) return OfficeKind::kDocx;
  if (excel) return OfficeKind::kXlsx;
  if (powerpoint) return OfficeKind::kPptx;
  if (ofd) return OfficeKind::kOfd;
  if (odf) return OfficeKind::kOpenDocument;
  return OfficeKind::kZip;
}

OfficeKind SniffOleKind(std::string_view bytes) {
  if (!IsOleCompoundFile(bytes)) return OfficeKind::kUnknown;
  if (Contains(bytes, "EncryptedPackage") || Contains(bytes, "EncryptionInfo")) return OfficeKind::kOleEncrypted;
  if (Contains(bytes, "WordDocument")) return OfficeKind::kOleWord;
  if (Contains(bytes, "Workbook") || Contains(bytes, "Book")) return OfficeKind::kOleExcel;
  if (Contains(bytes, "PowerPoint Document")) return OfficeKind::kOlePowerPoint;
  return OfficeKind::kOleOther;
}

}  // namespace gm
