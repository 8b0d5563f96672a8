// OpenDocument: the entry point that turns a file of a package into a
// Document, choosing the reader by the file's content (file_format.h):
// PDF (extractors/pdf), images (extractors/image), .docx and .xlsx
// (extractors/office). Document::format is "pdf", "image", "docx" or "xlsx".
//
// Errors carry a Chinese message for the reviewer:
//  - Corrupt: an empty file ("文件为空…"), or a file its reader cannot make
//    sense of;
//  - Encrypted: a password is needed;
//  - Unsupported: a format no reader handles — a legacy .doc / .xls / .wps
//    (saying what to send instead), or anything else ("不支持的文件格式（.txt），无法读取");
//  - Limit: the file is larger than Limits::max_file_bytes, or every image
//    of it is over Limits::max_image_pixels.
// Pages past Limits::max_pages are left out with a warning in
// Document::warnings; a single page over the pixel limit fails only in its
// load_image. Every load_image refusal (Limit) is noted in
// Document::refused, and once the document's page loads have taken
// Limits::max_file_seconds of wall time the rest are refused unread, so no
// file can hold a worker much past its budget.
#pragma once

#include <cstddef>

#include "pipeline/core/document.h"
#include "pipeline/core/limits.h"
#include "pipeline/core/package.h"
#include "pipeline/core/status.h"

namespace gm {

// Opens a file of a package into a Document, by its content (magic bytes), the extension only as a tie-break.
// Errors are Status::Encrypted / Corrupt / Unsupported / Limit with a Chinese message for the reviewer.
// The returned Document's load_image closures share ownership of file.bytes and stay valid after `file` goes away.
// Thread-safe: distinct files may be opened on distinct threads.
Status OpenDocument(const InputFile& file, size_t file_index, const Limits& limits, Document* out);

}  // namespace gm
