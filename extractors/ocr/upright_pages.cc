#include "extractors/ocr/upright_pages.h"

#include <memory>
#include <optional>

namespace gm {

void TurnPagesUpright(Document* doc, OcrEngine* ocr) {
  if (ocr == nullptr || doc->pages.size() > kMaxProbedPages) return;
  for (Page& page : doc->pages) {
    if (page.has_text() || !page.load_image) continue;
    auto turns = std::make_shared<std::optional<int>>();
    page.load_image = [load = std::move(page.load_image), turns, ocr](PixPtr* out) -> Status {
      if (Status s = load(out); !s.ok() || !*out) return s;
      if (!turns->has_value()) {
        const bool landscape = pixGetWidth(out->get()) > kLandscapeRatio * pixGetHeight(out->get());
        *turns = landscape ? ocr->UprightQuarterTurns(out->get()) : 0;
      }
      if (**turns == 0) return Status::OK();
      PixPtr turned = AdoptPix(pixRotateOrth(out->get(), **turns));
      if (!turned) return Status::Internal("page rotation failed");
      *out = std::move(turned);
      return Status::OK();
    };
  }
}

}  // namespace gm
