#include "extractors/document/file_format.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <memory>
#include <mutex>

#include "extractors/image/image_codec.h"
#include "extractors/office/office_format.h"
#include "pipeline/core/templates.h"

namespace gm {
namespace {

constexpr size_t kPdfHeaderWindow = 1024;  // readers accept junk before "%PDF-"

// The first bytes after a UTF-8 byte order mark and white space, lower-cased.
std::string LeadingText(std::string_view bytes) {
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
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

// Every kind DetectFileFormat gives for an unsupported file (OleKind, ZipKind and the magic checks below).
constexpr const char* kUnsupportedKinds[] = {"doc", "xls", "ppt", "wps", "et", "dps", "ole", "office_encrypted", "pptx",
                                             "odf", "ofd", "zip", "rar", "7z", "gzip", "executable", "rtf", "html", "caj"};

std::mutex messages_mu;
std::unique_ptr<const FormatMessages> messages;  // guarded by messages_mu

const FormatMessages& Messages() {
  std::lock_guard<std::mutex> lock(messages_mu);
  if (!messages) {
    auto table = std::make_unique<FormatMessages>();
    if (!LoadFormatMessages(Templates::DefaultDir(), table.get()).ok()) table->clear();
    messages = std::move(table);
  }
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
  if (bytes.starts_with("Rar!\x1A\x07")) return {FileFormat::kUnsupported, "rar"};
  if (bytes.starts_with("7z\xBC\xAF\x27\x1C")) return {FileFormat::kUnsupported, "7z"};
  if (bytes.starts_with("\x1F\x8B")) return {FileFormat::kUnsupported, "gzip"};
  if (bytes.starts_with("MZ") || bytes.starts_with("\x7F" "ELF")) return {FileFormat::kUnsupported, "executable"};
  const std::string head = LeadingText(bytes);
  if (head.starts_with("{\\rtf")) return {FileFormat::kUnsupported, "rtf"};
  if (head.starts_with("<!doctype html") || head.starts_with("<html")) return {FileFormat::kUnsupported, "html"};
  if (ext == "caj" || ext == "kdh" || ext == "nh") return {FileFormat::kUnsupported, "caj"};
  return {FileFormat::kUnsupported, ""};
}

Status LoadFormatMessages(const std::filesystem::path& templates_dir, FormatMessages* out) {
  TsvTable tsv;
  if (Status s = LoadTsv(templates_dir / "document_formats.tsv", &tsv); !s.ok()) return s;
  FormatMessages table;
  for (const auto& row : tsv.rows) {
    const std::string& kind = tsv.Get(row, "kind");
    if (std::find(std::begin(kUnsupportedKinds), std::end(kUnsupportedKinds), kind) == std::end(kUnsupportedKinds))
      return Status::Corrupt(tsv.Where(row) + ": unknown kind '" + kind + "'");
    if (tsv.Get(row, "message").empty()) return Status::Corrupt(tsv.Where(row) + ": no message for " + kind);
    table[kind] = tsv.Get(row, "message");
  }
  *out = std::move(table);
  return Status::OK();
}

void SetFormatMessages(FormatMessages table) {
  std::lock_guard<std::mutex> lock(messages_mu);
  messages = std::make_unique<const FormatMessages>(std::move(table));
}

std::string UnsupportedMessage(const FormatGuess& guess, std::string_view path) {
  auto it = Messages().find(guess.kind);
  if (!guess.kind.empty() && it != Messages().end() && !it->second.empty()) return it->second;
  const std::string ext = FileExtension(path);
  return "不支持的文件格式（" + (ext.empty() ? std::string("未知格式") : "." + ext) + "），无法读取";
}

}  // namespace gm
