// PdfEmbedded: the files a PDF carries inside it — attachments in the
// EmbeddedFiles name tree (PDF portfolios, "attach file" in Acrobat) and
// FileAttachment annotations on its pages — extracted into memory with
// PoDoFo 0.9.8. Applicants sometimes scan the form into one PDF and attach
// the statements to it; those are files of the package too.
//
// The same limits as for archive members apply (ArchiveLimits): an embedded
// stream expanding beyond max_expansion_ratio is a bomb. Name and page trees
// are walked by hand with cycle detection, so a hostile PDF cannot loop.
// PoDoFo errors (PdfError) never leave this module.
//
// Thread-safety: thread-safe (PoDoFo logging is switched off once, each call
// has its own document).
#pragma once

#include <string_view>
#include <vector>

#include "extractors/archive/archive_reader.h"
#include "pipeline/core/status.h"

namespace gm {

// Pages searched for FileAttachment annotations, at most.
inline constexpr int kMaxAttachmentPages = 2000;

// Appends to *out every embedded file of the PDF in `pdf`: path = the file's
// name (its last component, decoded, made safe; "" when it has none), bytes
// decoded from its stream. A file that cannot be read on its own is listed
// with an error. Returns OK also when there are none; Corrupt when the PDF
// cannot be opened, Encrypted when it needs a password (the PDF itself is
// still a file; opening it is not this module's job, so callers may ignore
// these), Limit as for ReadArchive (the files found so far stay in *out).
Status ExtractPdfEmbeddedFiles(std::string_view pdf, const ArchiveLimits& limits, std::vector<ArchiveMember>* out);

}  // namespace gm
