// Page OCR: the one way greenmine's classifier and statement reader turn a
// scanned page (or its top part) into text. The page image is decoded on
// demand, reduced to the part asked for, made grey, scaled to about 300 dpi,
// binarised, straightened when scanned askew and, for tables, cleared of its
// ruling lines before Tesseract sees it — so OCR costs only what the caller
// asks for.
//
// Word boxes in the result are in the pixels of the prepared image (300 dpi);
// callers compare positions with each other, never with the page's own
// coordinates.
//
// Thread-safety: uses `ocr` and the page's load_image, both one thread at a time.
#pragma once

#include "extractors/ocr/engine.h"
#include "pipeline/core/document.h"
#include "pipeline/core/pix.h"
#include "pipeline/core/status.h"

namespace gm {

// What happens to red ink when the page is made grey.
enum class RedInk {
  kKeep,  // luminance: a red letterhead (红头, the issuing authority) stays dark and is read
  kDrop,  // the red channel: red seals fade into the paper, black print stays (statements)
};

struct OcrPrep {
  double top_fraction = 1.0;   // the part of the page from the top, 0 < f <= 1
  RedInk red = RedInk::kKeep;
  bool remove_rules = false;   // erase long horizontal and vertical lines (table grids); not for titles,
                               // whose big bold strokes are as long
  double from_fraction = 0.0;  // ... starting this far down, 0 <= from < top_fraction
};

// The binarised 300-dpi image of the page part described by `prep`, as OCR sees it.
// The part's top and bottom edges are moved into the emptiest gap between
// lines within 2.5 % of the page height of where the fractions put them, so
// that no text line is cut in two. The same fraction always lands on the
// same row: a part ending at f and one starting at f meet without a gap or
// an overlap.
// Fails with NotFound when the page has no image, InvalidArgument for a bad
// fraction, or the loader's error when the image cannot be decoded.
Status PreparePageImage(const Page& page, const OcrPrep& prep, PixPtr* out);

// PreparePageImage, then Tesseract with `layout`. REQUIRES: ocr != nullptr.
Status OcrPage(const Page& page, const OcrPrep& prep, OcrLayout layout, OcrEngine* ocr, OcrResult* out);

// A table page read whole: OcrPage with full layout analysis, then a second
// look at the ink it left unread. Tesseract's layout analysis now and then
// drops a whole block of a table — a column of amounts, the unit at the
// page's right edge — as if it were a picture. The words read are erased
// from the page; when text-sized marks remain, what is left is read as sparse
// text and its words join the result (lines numbered after the first pass's).
// Costs one more OCR of a mostly blank page, and only when ink was left.
// REQUIRES: ocr != nullptr.
Status OcrTablePage(const Page& page, const OcrPrep& prep, OcrEngine* ocr, OcrResult* out);
// The same, also handing over the prepared image the words' boxes are in,
// for a second look at a part of it. REQUIRES: ocr, out, prepared != nullptr.
Status OcrTablePage(const Page& page, const OcrPrep& prep, OcrEngine* ocr, OcrResult* out, PixPtr* prepared);

}  // namespace gm
