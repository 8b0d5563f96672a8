#include "extractors/document/file_format.h"

#include <algorithm>
#include <cctype>
#include <map>

#include "extractors/image/image_codec.h"
#include "extractors/office/office_format.h"
#include "pipeline/core/templates.h"

namespace gm {
namespace {

constexpr size_t kPdfHeaderWindow = 1024;  // readers accept junk before "%PDF-"

bool StartsWith(std::string_view bytes, std::string_view prefix) {
  return bytes.size() >= prefix.size() && bytes.substr(0, prefix.size()) == prefix;
}

// The first bytes after a UTF-8 byte order mark and white space, lower-cased.
std::string LeadingText(std::string_view bytes) {
  if (StartsWith(bytes, "\xEF\xBB\xBF")) bytes.remove_prefix(3);
  size_t i = 0;
  while (i < bytes.size() && i < 256 && std::isspace(static_cast<unsigned char>(bytes[i]))) ++i;
  std::string head(bytes.substr(i, 32));
  std::transform(head.begin(), head.end(), head.begin(), [](unsigned char c) { return std::tolower(c); });
  return head;
}

// The OLE kinds the extension decides between (WPS saves in Word's and Excel's layouts).
std::string OleKind(OfficeKind kind, const std::string& ext) {
  switch (kind) {
    case OfficeKind::kOleEncrypted: return "office_encrypted";
    case OfficeKind::kOleWord: return ext == "wps" ? "wps" : "doc";
    case OfficeKind::kOleExcel: return ext == "et" ? "et" : "xls";
    case OfficeKind::kOlePowerPoint: return ext == "dps" ? "dps" : "ppt";
    default: break;
  }
  for (const char* known : {"doc", "xls", "ppt", "wps", "et", "dps"}) {
    if (ext == known) return ext;
  }
  return "ole";
}

std::string ZipKind(OfficeKind kind) {
  switch (kind) {
    case OfficeKind::kPptx: return "pptx";
    case OfficeKind::kOpenDocument: return "odf";
    case OfficeKind::kOfd: return "ofd";
    default: return "zip";
  }
}

const std::map<std::string, std::string>& Messages() {
  static const std::map<std::string, std::string>* messages = [] {
    auto* table = new std::map<std::string, std::string>();
    TsvTable tsv;
    if (LoadTsv(Templates::DefaultDir() / "document_formats.tsv", &tsv).ok()) {
      for (const auto& row : tsv.rows) (*table)[tsv.Get(row, "kind")] = tsv.Get(row, "message");
    }
    return table;
  }();
  return *messages;
}

}  // namespace

std::string FileExtension(std::string_view path) {
  const size_t slash = path.find_last_of("/\\");
  std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  const size_t dot = name.rfind('.');
  if (dot == std::string_view::npos || dot + 1 == name.size() || dot == 0) return {};
  std::string ext(name.substr(dot + 1));
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  return ext;
}

FormatGuess DetectFileFormat(std::string_view bytes, std::string_view path) {
  if (bytes.empty()) return {FileFormat::kEmpty, ""};
  const std::string ext = FileExtension(path);
  if (bytes.substr(0, kPdfHeaderWindow).find("%PDF-") != std::string_view::npos) return {FileFormat::kPdf, ""};
  if (SniffImageFormat(bytes) != 0) return {FileFormat::kImage, ""};
  if (IsZip(bytes)) {
    const OfficeKind kind = SniffZipKind(bytes);
    if (kind == OfficeKind::kDocx) return {FileFormat::kDocx, ""};
    if (kind == OfficeKind::kXlsx) return {FileFormat::kXlsx, ""};
    // A damaged zip named .docx / .xlsx goes to its reader, which says what is wrong with it.
    if (kind == OfficeKind::kUnknown && ext == "docx") return {FileFormat::kDocx, ""};
    if (kind == OfficeKind::kUnknown && ext == "xlsx") return {FileFormat::kXlsx, ""};
    return {FileFormat::kUnsupported, ZipKind(kind)};
  }
  if (IsOleCompoundFile(bytes)) return {FileFormat::kUnsupported, OleKind(SniffOleKind(bytes), ext)};
  if (StartsWith(bytes, "Rar!\x1A\x07")) return {FileFormat::kUnsupported, "rar"};
  if (StartsWith(bytes, "7z\xBC\xAF\x27\x1C")) return {FileFormat::kUnsupported, "7z"};
  if (StartsWith(bytes, "\x1F\x8B")) return {FileFormat::kUnsupported, "gzip"};
  if (StartsWith(bytes, "MZ") || StartsWith(bytes, "\x7F" "ELF")) return {FileFormat::kUnsupported, "executable"};
  const std::string head = LeadingText(bytes);
  if (StartsWith(head, "{\\rtf")) return {FileFormat::kUnsupported, "rtf"};
  if (StartsWith(head, "<!doctype html") || StartsWith(head, "<html")) return {FileFormat::kUnsupported, "html"};
  if (ext == "caj" || ext == "kdh" || ext == "nh") return {FileFormat::kUnsupported, "caj"};
  return {FileFormat::kUnsupported, ""};
}

std::string UnsupportedMessage(const FormatGuess& guess, std::string_view path) {
  auto it = Messages().find(guess.kind);
  if (!guess.kind.empty() && it != Messages().end() && !it->second.empty()) return it->second;
  const std::string ext = FileExtension(path);
  return "不支持的文件格式（" + (ext.empty() ? std::string("未知格式") : "." + ext) + "），无法读取";
}

}  // namespace gm
