// PopplerDocument: a PDF opened with poppler-cpp, for what poppler does best
// — the text layer with word positions, and rendering a page that is not a
// single scanned image. Poppler also repairs broken cross-reference tables,
// so it opens files PoDoFo gives up on. The one place poppler is used.
//
// Coordinates are those of the displayed page (/Rotate applied), in points,
// origin at the top-left.
// Thread-safety: thread-compatible (one thread at a time); distinct
// documents may be used on distinct threads. Poppler reads `bytes` in place,
// so the document shares their ownership.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "pipeline/core/document.h"
#include "pipeline/core/pix.h"
#include "pipeline/core/status.h"

namespace poppler {
class document;
}

namespace gm {

class PopplerDocument {
 public:
  // Encrypted when a password is needed (an empty user password is tried),
  // Corrupt when poppler cannot make sense of the bytes.
  // REQUIRES: bytes != nullptr.
  static Status Open(std::shared_ptr<const std::string> bytes, std::unique_ptr<PopplerDocument>* out);
  ~PopplerDocument();
  PopplerDocument(const PopplerDocument&) = delete;
  PopplerDocument& operator=(const PopplerDocument&) = delete;

  int page_count() const;

  // Size of the displayed page `index` in points.
  // REQUIRES: 0 <= index < page_count() (else Corrupt).
  Status PageSize(int index, double* width, double* height) const;

  // The words of page `index`'s text layer in reading order, boxes in points.
  Status PageText(int index, std::vector<TextSpan>* words) const;

  // Renders page `index` at `dpi` into 32-bit RGB (resolution set on the PIX).
  Status Render(int index, double dpi, PixPtr* out) const;

 private:
  PopplerDocument();
  std::shared_ptr<const std::string> bytes_;
  std::unique_ptr<poppler::document> doc_;
};

}  // namespace gm
