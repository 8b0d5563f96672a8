// Opens an image file — a scanned page or a phone photo — into a Document of
// format "image": one Page per frame (a multi-page TIFF gives several), each
// decoding its pixels only when load_image is called.
//
// Sizes are checked from the headers before anything is decoded: a frame
// over Limits::max_image_pixels yields Status::Limit from its load_image, and
// the whole file is refused with Limit when no frame is within bounds. Frames
// beyond Limits::max_pages are not read, and a warning says so.
//
// Page::dpi is the file's resolution when plausible (100..1200), else 300 —
// phones write 72, which would make an A4 photo a metre wide.
// Thread-safety: OpenImage may run on distinct files concurrently; the
// returned pages' load_image share ownership of `bytes` and may outlive the
// caller's copy.
#pragma once

#include <memory>
#include <string>

#include "pipeline/core/document.h"
#include "pipeline/core/limits.h"
#include "pipeline/core/status.h"

namespace gm {

// The resolution assumed for an image whose file gives none (or an absurd one).
constexpr double kAssumedImageDpi = 300;

// REQUIRES: bytes != nullptr.
Status OpenImage(std::shared_ptr<const std::string> bytes, const Limits& limits, Document* out);

}  // namespace gm
