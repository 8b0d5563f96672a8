// FileFormat: what a file of a package is, judged by its content (magic
// bytes, zip member names, OLE stream names); the name's extension only
// breaks ties the content leaves open (a legacy Word file and a WPS file
// share one layout) and names formats that have no magic (a .txt).
//
// Thread-safety: pure functions; the message table is loaded once,
// thread-safely.
#pragma once

#include <string>
#include <string_view>

namespace gm {

enum class FileFormat { kEmpty, kPdf, kImage, kDocx, kXlsx, kUnsupported };

struct FormatGuess {
  FileFormat format = FileFormat::kUnsupported;
  // For kUnsupported: the kind of templates/document_formats.tsv ("doc",
  // "office_encrypted", "rar", ...), or "" when unrecognized.
  std::string kind;
};

// The lower-case extension of the last segment of `path` ("" when none).
std::string FileExtension(std::string_view path);

FormatGuess DetectFileFormat(std::string_view bytes, std::string_view path);

// The reviewer's message for an unsupported file: the table's message for
// guess.kind, or "不支持的文件格式（.ext），无法读取".
std::string UnsupportedMessage(const FormatGuess& guess, std::string_view path);

}  // namespace gm
