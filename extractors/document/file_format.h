// FileFormat: what a file of a package is, judged by its content (magic
// bytes, zip member names, OLE stream names); the name's extension only
// breaks ties the content leaves open (a legacy Word file and a WPS file
// share one layout) and names formats that have no magic (a .txt).
//
// Thread-safety: pure functions; the message table is set once before the
// workers start (SetFormatMessages) or loaded on first use, thread-safely.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <string_view>

#include "pipeline/core/status.h"

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

// templates/document_formats.tsv: kind -> the reviewer's message.
using FormatMessages = std::map<std::string, std::string>;
// Reads the table of `templates_dir`; a row whose kind DetectFileFormat never
// gives, or without a message, fails with its file and line.
Status LoadFormatMessages(const std::filesystem::path& templates_dir, FormatMessages* out);
// Makes `messages` the table UnsupportedMessage uses (a run's own templates,
// checked at the batch's start). Without it, the table of
// Templates::DefaultDir() is loaded on first use (tests, tools), empty if
// that fails. REQUIRES: no thread is opening documents.
void SetFormatMessages(FormatMessages messages);

}  // namespace gm
