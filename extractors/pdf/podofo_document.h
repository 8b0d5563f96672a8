// PodofoDocument: a PDF parsed with PoDoFo, for its structure — the pages,
// their boxes and rotation, what their content streams draw, and the image
// XObjects as plain data. The one place PoDoFo is used: every PdfError is
// caught inside and comes out as a Status with a Chinese message.
//
// Thread-safety: a PodofoDocument is thread-compatible (one thread at a
// time); distinct documents may be used on distinct threads.
#pragma once

#include <memory>
#include <string_view>

#include "extractors/pdf/page_structure.h"
#include "extractors/pdf/pdf_image.h"
#include "pipeline/core/status.h"

namespace PoDoFo {
class PdfMemDocument;
}

namespace gm {

class PodofoDocument {
 public:
  // Parses `bytes` (copied: they need not outlive the document). An empty
  // user password is tried for encrypted files; Encrypted when a real one is
  // needed, Corrupt when the file cannot be parsed.
  static Status Open(std::string_view bytes, std::unique_ptr<PodofoDocument>* out);
  ~PodofoDocument();
  PodofoDocument(const PodofoDocument&) = delete;
  PodofoDocument& operator=(const PodofoDocument&) = delete;

  int page_count() const { return page_count_; }

  // What page `index` draws. Errors in the content stream leave
  // out->complete false rather than failing; Corrupt when the page object
  // itself is unreadable. REQUIRES: 0 <= index < page_count().
  Status ReadPage(int index, PageStructure* out) const;

  // Copies image XObject `id` (its encoded stream and dictionary) into `out`.
  // Unsupported when it uses a colour space or filter PdfImage cannot
  // describe; the caller then renders the page instead.
  Status ReadImage(const PdfObjectId& id, PdfImage* out) const;

 private:
  PodofoDocument();
  std::unique_ptr<PoDoFo::PdfMemDocument> doc_;
  int page_count_ = 0;
};

}  // namespace gm
