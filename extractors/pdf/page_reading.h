// PageReading: how one page of a PDF becomes a Page — the choice between
// taking a scanned page's image straight out of the file and rendering the
// page, and the closures that do either on demand. See open_pdf.h for the
// rules; this header exposes the pieces so they can be tested one by one.
//
// Thread-safety: pure functions; the closures of the returned Page share
// ownership of `bytes` and hold no parsed document.
#pragma once

#include <memory>
#include <string>

#include "extractors/pdf/page_structure.h"
#include "pipeline/core/document.h"
#include "pipeline/core/limits.h"

namespace gm {

class PodofoDocument;
class PopplerDocument;

// A single image must cover this share of the page to be "the scan" when the
// page draws other images too.
constexpr double kScanCoverage = 0.6;
// Below this effective resolution an image is a graphic, not a scanned page.
constexpr double kMinScanDpi = 50;
// At most this many path painting operators besides the scan (a white
// background, a frame) still leave a page "a scan".
constexpr int kMaxScanPaintOps = 2;

// The index into page.images of the image that is the page's scan, or -1
// when the page must be rendered (visible text, vector drawing, inline
// images, no image, several images none of which dominates, or content that
// could not be read completely).
int ChooseScanImage(const PageStructure& page);

// Reads page `index`. Either document may be null (it could not open the
// file) but not both. A page painting an image of more than
// Limits::max_image_pixels pixels is never rendered or decoded: its
// load_image returns Limit and `warning` (may be null) gets the Chinese
// message naming the budget. REQUIRES: bytes != nullptr; index valid for
// the documents given.
Page ReadPdfPage(std::shared_ptr<const std::string> bytes, const PodofoDocument* structure,
                 const PopplerDocument* text, int index, const Limits& limits,
                 std::string* warning = nullptr);

}  // namespace gm
