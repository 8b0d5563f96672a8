// Page OCR: the one way greenmine's classifier and statement reader turn a
// scanned page (or its top part) into text. The page image is decoded on
// demand, reduced to the part asked for, made grey, scaled to about 300 dpi
// and binarised before Tesseract sees it — so OCR costs only what the caller
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
#include "pipeline/core/status.h"

namespace gm {

// What happens to red ink when the page is made grey.
enum class RedInk {
  kKeep,  // luminance: a red letterhead (红头, the issuing authority) stays dark and is read
  kDrop,  // the red channel: red seals fade into the paper, black print stays (statements)
};

// OCRs the top `fraction` (0 < fraction <= 1) of `page`.
// REQUIRES: ocr != nullptr. Fails with NotFound when the page has no image,
// or with the loader's error when the image cannot be decoded.
Status OcrPageTop(const Page& page, double fraction, RedInk red, OcrLayout layout, OcrEngine* ocr,
                  OcrResult* out);

// The grey, 300-dpi, binarised image of the top `fraction` of `page`, as OCR sees it.
Status PreparePageImage(const Page& page, double fraction, RedInk red, PixPtr* out);

}  // namespace gm
