// Pages turned upright before anything reads them: a form page or a
// statement photographed sideways, or scanned upside down, is classified,
// read and shown as the page it is. EXIF orientation is applied when an
// image is decoded (extractors/image); this is for pages whose pixels are
// turned with nothing saying so.
//
// Thread-safety: the wrapped pages call `ocr` when their image is loaded;
// load them on the thread that owns `ocr`, as every stage does.
#pragma once

#include "extractors/ocr/engine.h"
#include "pipeline/core/document.h"

namespace gm {

// Documents with more pages than this are not probed: a turned page is a
// phone photo or a short scan, and a 40-page audit report should not pay
// for orientation detection on every page.
inline constexpr size_t kMaxProbedPages = 8;

// The form and the statements are printed upright on A4: a page image wider
// than kLandscapeRatio times its height is one held sideways (or a landscape
// sheet, which the detector leaves as it is). Pages upside down keep their
// shape; the form reader's own probe turns those (ScannedForm::Orientation).
// Detection costs about 0.4 s a page: only landscape pages pay it.
inline constexpr double kLandscapeRatio = 1.1;

// Wraps the image of every page of `doc` without a text layer so that it
// comes out upright: the first load of a landscape page asks `ocr` which way
// it is turned (OcrEngine::UprightQuarterTurns) and every load applies that
// turn.
// LIFETIME: `ocr` must outlive the document's pages.
void TurnPagesUpright(Document* doc, OcrEngine* ocr);

}  // namespace gm
