// Fuzz target: the form reader's image side on arbitrary bytes — decoded by
// Leptonica (pixReadMem; its header checked first so no image decodes past a
// small pixel budget), then cleaned, its table grid found, every cell's ink
// analysed and its bracket pairs sought, as the form reader does before any
// OCR. Nothing may crash, hang, leak or read out of bounds, and the grid
// must stay inside the page.
#include <cstdint>
#include <cstdlib>

#include "extractors/form/cell_image.h"
#include "extractors/form/checkbox.h"
#include "extractors/form/page_cleaner.h"
#include "extractors/form/table_grid.h"

namespace {

constexpr int64_t kMaxPixels = 3'000'000;

void CheckGrid(const gm::form::TableGrid& grid, PIX* page) {
  int w = pixGetWidth(page), h = pixGetHeight(page);
  for (const auto& row : grid.rows)
    for (const auto& c : row.cells)
      if (c.x < 0 || c.y < 0 || c.w <= 0 || c.h <= 0 || c.x + c.w > w + 8 || c.y + c.h > h + 8) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static bool quiet = (setMsgSeverity(L_SEVERITY_NONE), true);
  (void)quiet;
  l_int32 format = 0, w = 0, h = 0, bps = 0, spp = 0, cmap = 0;
  if (pixReadHeaderMem(data, size, &format, &w, &h, &bps, &spp, &cmap) != 0) return 0;
  if (w <= 0 || h <= 0 || static_cast<int64_t>(w) * h > kMaxPixels) return 0;
  gm::PixPtr pix = gm::AdoptPix(pixReadMem(data, size));
  if (!pix) return 0;
  if (static_cast<int64_t>(pixGetWidth(pix.get())) * pixGetHeight(pix.get()) > kMaxPixels) return 0;

  // The table finder straight on the decoded image's binarisation, at a
  // resolution taken from the bytes, and on the cleaned page.
  gm::PixPtr grey = gm::form::GreyWithoutSeal(pix.get());
  if (!grey) return 0;
  int dpi = 100 + (size > 0 ? data[0] % 4 : 0) * 100;
  gm::PixPtr binary = gm::form::Binarize(grey.get(), dpi);
  if (binary) {
    gm::form::RemoveDarkEdges(binary.get());
    gm::form::TableGrid grid;
    if (gm::form::FindTableGrid(binary.get(), dpi, &grid).ok()) CheckGrid(grid, binary.get());
  }
  gm::form::CleanPage page;
  if (!gm::form::CleanPageImage(pix.get(), dpi, &page).ok()) return 0;
  gm::form::TableGrid grid;
  if (!gm::form::FindTableGrid(page.binary.get(), page.dpi, &grid).ok()) return 0;
  CheckGrid(grid, page.binary.get());
  gm::PixPtr text = gm::form::WithoutRulings(page.binary.get(), grid);
  if (!text) return 0;
  for (const auto& row : grid.rows) {
    for (const auto& cell : row.cells) {
      gm::form::CellInk ink = gm::form::AnalyzeCell(text.get(), cell, grid.line_width, page.dpi);
      int ox = 0, oy = 0;
      gm::PixPtr crop = gm::form::CropForOcr(ink, page.grey.get(), &ox, &oy);
      for (size_t l = 0; l < ink.lines.size(); ++l) gm::PixPtr line = gm::form::CropLineForOcr(ink, l, page.grey.get(), &ox, &oy);
      gm::form::FindBracketPairs(ink);
      gm::form::JudgeCheckboxes(ink, gm::OcrResult(), {"已取得", "正在办理", "不涉及"});
    }
  }
  return 0;
}
