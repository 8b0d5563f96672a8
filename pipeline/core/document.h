// Document: a readable file of a package, opened into pages. Pages are
// sources, not pixels: a page yields its image only when a stage asks for it,
// so a 200-page attachment costs nothing until someone reads it.
//
// Coordinates: text spans carry boxes in page pixels at `dpi` (for a text PDF,
// 72 dpi points), origin at the top-left.
#pragma once

#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "pipeline/core/pix.h"
#include "pipeline/core/status.h"

namespace gm {

struct Box {
  double x = 0, y = 0, w = 0, h = 0;
};

// A run of text from a text layer (PDF, docx, xlsx), in reading order.
struct TextSpan {
  std::string text;          // UTF-8
  Box box;                   // w == 0 when the format has no positions (docx)
};

// A table of an office document (a Word table, an Excel sheet), row by row.
struct TextTable {
  std::string name;          // sheet name, or "table N"
  std::vector<std::vector<std::string>> rows;
};

struct Page {
  int index = 0;             // 0-based
  double width = 0, height = 0;  // in pixels at dpi
  double dpi = 72;
  std::vector<TextSpan> text;    // text layer; empty for a scan
  // Yields the page image (8-bit grey or 32-bit RGB), decoded on demand.
  // Null when the page has no image at all (a pure text page the caller need
  // not render). Thread-compatible: call from one thread at a time.
  std::function<Status(PixPtr*)> load_image;

  bool has_text() const { return !text.empty(); }
};

// Pages refused when a stage asked for their image after the file was
// opened (over a pixel or time budget), in Chinese for the reviewer. Shared by
// the load_image closures of one document; guarded by mu.
struct RefusedPages {
  std::mutex mu;
  std::vector<std::string> messages;  // one a refusal, in order, repeats left out
  double load_seconds = 0;            // wall time spent in the document's load_image calls
};

// Which reader opened a Document (extractors/document/open_document.cc).
enum class DocumentFormat {
  kPdf,    // pages of a PDF: a text layer, an image, or both
  kImage,  // a scan or photo: one page a frame
  kDocx,   // a Word document: text and tables, no pages of paper
  kXlsx,   // a workbook: a table a sheet, no pages of paper
};

// True for an office document (docx, xlsx): its text is electronic and its
// "pages" are not pages of paper.
inline bool IsOfficeFormat(DocumentFormat format) {
  switch (format) {
    case DocumentFormat::kDocx:
    case DocumentFormat::kXlsx:
      return true;
    case DocumentFormat::kPdf:
    case DocumentFormat::kImage:
      return false;
  }
  return false;
}

struct Document {
  size_t file_index = 0;  // into Package::files
  DocumentFormat format = DocumentFormat::kPdf;
  std::vector<Page> pages;
  std::vector<TextTable> tables;  // office documents only
  // Non-fatal problems met while opening, in Chinese for the reviewer (e.g.
  // only the first Limits::max_pages pages were read). Empty when none.
  std::vector<std::string> warnings;
  // Set by OpenDocument: what load_image refused after opening. May be null.
  std::shared_ptr<RefusedPages> refused;
  // All text of the text layer, in reading order, for classification.
  std::string PlainText() const;
};

}  // namespace gm
