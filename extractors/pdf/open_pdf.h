// Opens a PDF into a Document of format "pdf": one Page per page, each
// yielding its image on demand and, when the page carries real text, that
// text with positions.
//
// How a page is read:
//  - A scanned page — its content paints one image (or one image covers most
//    of the page) and no visible text — yields that image straight out of the
//    PDF (DCT, Flate, CCITT, JBIG2, JPX), turned as the page shows it, at its
//    effective resolution (pixels over the size it is drawn at). The encoded
//    image bytes are copied at open time, so decoding later needs neither
//    the parsed PDF nor a re-render; a 500-page scan costs its image bytes.
//  - Any other page is rendered with poppler at kRenderDpi when its image is
//    asked for (at less, if that would pass Limits::max_image_pixels). A page
//    with real text and nothing drawn as images has no image (load_image null).
//  - The text layer is kept only when it is real text (text_layer.h), in
//    page pixels at Page::dpi: points (dpi 72) for a rendered page, image
//    pixels for a scanned one.
//
// Errors: Encrypted (a password is needed), Corrupt (neither PoDoFo nor
// poppler, which repairs broken cross-reference tables, can open it, or it
// has no pages). Pages past Limits::max_pages are not read and a warning
// says so. A page image over Limits::max_image_pixels yields Limit from its
// load_image.
// Thread-safety: OpenPdf may run on distinct files concurrently; load_image
// closures share ownership of `bytes` and are thread-compatible.
#pragma once

#include <memory>
#include <string>

#include "pipeline/core/document.h"
#include "pipeline/core/limits.h"
#include "pipeline/core/status.h"

namespace gm {

// The resolution non-scanned pages are rendered at, as scanners scan.
constexpr double kRenderDpi = 300;

// REQUIRES: bytes != nullptr.
Status OpenPdf(std::shared_ptr<const std::string> bytes, const Limits& limits, Document* out);

}  // namespace gm
