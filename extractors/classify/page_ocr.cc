#include "extractors/classify/page_ocr.h"

#include <algorithm>
#include <cmath>

namespace gm {
namespace {

constexpr double kOcrDpi = 300;
// Guards against an absurd page size or resolution: beyond this the image is
// scaled down further, which costs accuracy but never memory.
constexpr double kMaxPreparedPixels = 40e6;
// Grey level below which a normalised pixel (paper at 255) is ink.
constexpr l_int32 kInkThreshold = 170;

PixPtr ToGrey(PIX* pix, RedInk red) {
  if (pixGetColormap(pix)) {
    PixPtr plain = AdoptPix(pixRemoveColormap(pix, REMOVE_CMAP_BASED_ON_SRC));
    if (!plain) return nullptr;
    return ToGrey(plain.get(), red);
  }
  if (pixGetDepth(pix) == 32 && red == RedInk::kDrop) return AdoptPix(pixGetRGBComponent(pix, COLOR_RED));
  if (pixGetDepth(pix) == 8) return ClonePix(pix);
  return AdoptPix(pixConvertTo8(pix, 0));
}

// A band's edge is moved into the emptiest gap between lines within this part
// of the page height of its nominal place (of equally empty gaps, the
// nearest), to the gap's middle: a text line cut in two reads as neither
// half, and as noise. Rows are weighed by their pixels darker than kGapInk
// in the unprocessed grey page.
constexpr double kGapWindow = 0.025;
constexpr l_int32 kGapInk = 128;

l_int32 SnapToGap(PIX* grey, l_int32 row) {
  const l_int32 w = pixGetWidth(grey), h = pixGetHeight(grey);
  if (row <= 0 || row >= h) return row;
  const l_int32 reach = static_cast<l_int32>(std::lround(h * kGapWindow));
  const l_int32 y0 = std::max<l_int32>(0, row - reach), y1 = std::min<l_int32>(h, row + reach + 1);
  PixPtr strip = AdoptPix(pixClipRectangle(grey, BoxPtr(boxCreate(0, y0, w, y1 - y0)).get(), nullptr));
  PixPtr ink = strip ? AdoptPix(pixThresholdToBinary(strip.get(), kGapInk)) : nullptr;
  NUMA* counts = ink ? pixCountPixelsByRow(ink.get(), nullptr) : nullptr;
  if (!counts) return row;
  l_int32 best = row, best_count = -1;
  for (l_int32 i = 0; i < numaGetCount(counts); ++i) {
    l_int32 count = 0, y = y0 + i;
    numaGetIValue(counts, i, &count);
    if (best_count < 0 || count < best_count ||
        (count == best_count && std::abs(y - row) < std::abs(best - row))) {
      best = y;
      best_count = count;
    }
  }
  // The middle of that gap: the lines on both sides keep their margins
  // (a crop right under a line's ink misreads it).
  l_int32 top = best, bottom = best, count = 0;
  while (top > y0 && numaGetIValue(counts, top - 1 - y0, &count) == 0 && count <= best_count) --top;
  while (bottom + 1 < y1 && numaGetIValue(counts, bottom + 1 - y0, &count) == 0 && count <= best_count) ++bottom;
  numaDestroy(&counts);
  return (top + bottom + 1) / 2;
}

// Erases table rules: runs of ink longer than kRuleLength (about 8 mm at
// 300 dpi) horizontally or vertically. Tesseract reads grid lines as 一 and
// |, and they glue cells together. A big bold title has strokes as long:
// callers reading titles leave the rules in (OcrPrep::remove_rules). Longer
// runs only (2 cm) were measured to leave enough of a grid on scanned
// statements to break their rows.
constexpr int kRuleLength = 100;
void RemoveRules(PIX* binary) {
  if (pixGetWidth(binary) < kRuleLength || pixGetHeight(binary) < kRuleLength) return;
  // Composite bricks: the same opening (100 = 10 × 10), several times faster (table_grid.cc).
  PixPtr horizontal = AdoptPix(pixOpenCompBrick(nullptr, binary, kRuleLength, 1));
  PixPtr vertical = AdoptPix(pixOpenCompBrick(nullptr, binary, 1, kRuleLength));
  if (!horizontal || !vertical) return;
  pixOr(horizontal.get(), horizontal.get(), vertical.get());
  // Rules are a few pixels thick and a touch ragged: widen what is removed by one pixel.
  PixPtr wider = AdoptPix(pixDilateBrick(nullptr, horizontal.get(), 3, 3));
  pixSubtract(binary, binary, wider ? wider.get() : horizontal.get());
}

// Straightens a page scanned a little askew: over a table's width half a
// degree moves a row's right end into the next row's band.
void Deskew(PixPtr* binary) {
  l_float32 angle = 0, confidence = 0;
  if (pixFindSkew(binary->get(), &angle, &confidence) != 0) return;
  if (confidence < 3.0f || std::fabs(angle) < 0.1f || std::fabs(angle) > 10.0f) return;
  PixPtr straight = AdoptPix(pixRotate(binary->get(), angle * static_cast<l_float32>(M_PI / 180.0), L_ROTATE_SHEAR,
                                       L_BRING_IN_WHITE, 0, 0));
  if (straight) *binary = std::move(straight);
}

// The page's ink that none of `words` covers, cut to the box around its
// text-sized marks (reading a whole page that is nearly blank costs
// Tesseract's layout analysis as much as a full one), with that box's
// place on the page; null when too little is left to be text: erased are
// the words' boxes (widened by a quarter of their height, as a box is
// drawn tight around the ink) and specks.
struct UnreadPart {
  PixPtr ink;
  l_int32 x = 0, y = 0;
};

UnreadPart UnreadInk(PIX* binary, const std::vector<OcrWord>& words) {
  constexpr l_int32 kSpeck = 4;                          // px: a dot of dust, not a decimal point
  constexpr l_int32 kMarkMinH = 12, kMarkMaxH = 120;     // px at 300 dpi: a character's height
  constexpr l_int32 kMarkMaxW = 240;
  constexpr int kMinMarks = 8;                           // fewer is noise: a seal's edge, a stray mark
  constexpr l_int32 kMargin = 24;                        // px kept around the marks: a line's margins
  const l_int32 w = pixGetWidth(binary), h = pixGetHeight(binary);
  PixPtr read = AdoptPix(pixCreate(w, h, 1));
  if (!read) return {};
  for (const OcrWord& word : words) {
    const l_int32 pad = std::max<l_int32>(2, static_cast<l_int32>(word.box.h / 4));
    pixRasterop(read.get(), static_cast<l_int32>(word.box.x) - pad, static_cast<l_int32>(word.box.y) - pad,
                static_cast<l_int32>(word.box.w) + 2 * pad, static_cast<l_int32>(word.box.h) + 2 * pad, PIX_SET,
                nullptr, 0, 0);
  }
  PixPtr left = AdoptPix(pixSubtract(nullptr, binary, read.get()));
  if (!left) return {};
  PixPtr marks = AdoptPix(pixSelectBySize(left.get(), kSpeck, kSpeck, 8, L_SELECT_IF_EITHER, L_SELECT_IF_GT, nullptr));
  if (!marks) return {};
  BoxaPtr boxes(pixConnCompBB(marks.get(), 8));
  if (!boxes) return {};
  int text_sized = 0;
  l_int32 x0 = w, y0 = h, x1 = 0, y1 = 0;
  for (l_int32 i = 0; i < boxaGetCount(boxes.get()); ++i) {
    l_int32 bx, by, bw, bh;
    if (boxaGetBoxGeometry(boxes.get(), i, &bx, &by, &bw, &bh) != 0) continue;
    if (bh < kMarkMinH || bh > kMarkMaxH || bw > kMarkMaxW) continue;
    ++text_sized;
    x0 = std::min(x0, bx);
    y0 = std::min(y0, by);
    x1 = std::max(x1, bx + bw);
    y1 = std::max(y1, by + bh);
  }
  if (text_sized < kMinMarks) return {};
  UnreadPart part;
  part.x = std::max<l_int32>(0, x0 - kMargin);
  part.y = std::max<l_int32>(0, y0 - kMargin);
  const l_int32 right = std::min(w, x1 + kMargin), bottom = std::min(h, y1 + kMargin);
  part.ink = AdoptPix(pixClipRectangle(marks.get(), BoxPtr(boxCreate(part.x, part.y, right - part.x,
                                                                      bottom - part.y)).get(), nullptr));
  if (!part.ink) return {};
  return part;
}

}  // namespace

Status PreparePageImage(const Page& page, const OcrPrep& prep, PixPtr* out) {
  const double fraction = prep.top_fraction;
  if (!page.load_image) return Status::NotFound("页面没有图像");
  if (!(fraction > 0 && fraction <= 1) || !(prep.from_fraction >= 0 && prep.from_fraction < fraction))
    return Status::InvalidArgument("fraction out of range");
  PixPtr image;
  Status s = page.load_image(&image);
  if (!s.ok()) return s;
  if (!image) return Status::NotFound("页面没有图像");
  const l_int32 w = pixGetWidth(image.get()), h = pixGetHeight(image.get());
  if (w <= 0 || h <= 0) return Status::Corrupt("页面图像为空");

  PixPtr grey = ToGrey(image.get(), prep.red);
  image.reset();
  if (!grey) return Status::Corrupt("页面图像无法转换为灰度");
  l_int32 crop_y = std::min<l_int32>(h - 1, static_cast<l_int32>(std::lround(h * prep.from_fraction)));
  l_int32 crop_end = std::max<l_int32>(crop_y + 1, static_cast<l_int32>(std::lround(h * fraction)));
  const l_int32 snapped_y = SnapToGap(grey.get(), crop_y), snapped_end = SnapToGap(grey.get(), crop_end);
  if (snapped_end > snapped_y) {
    crop_y = snapped_y;
    crop_end = snapped_end;
  }
  const l_int32 crop_h = crop_end - crop_y;
  if (crop_y > 0 || crop_h < h) {
    BOX* box = boxCreate(0, crop_y, w, crop_h);
    PixPtr top = AdoptPix(pixClipRectangle(grey.get(), box, nullptr));
    boxDestroy(&box);
    if (!top) return Status::Corrupt("页面图像无法裁剪");
    grey = std::move(top);
  }

  // Scale to ~300 dpi: Tesseract's LSTM reads best at 20-40 px character height.
  double dpi = page.dpi > 0 ? page.dpi : kOcrDpi;
  double scale = std::clamp(kOcrDpi / dpi, 0.25, 3.0);
  const double pixels = double(pixGetWidth(grey.get())) * pixGetHeight(grey.get());
  if (pixels * scale * scale > kMaxPreparedPixels) scale = std::sqrt(kMaxPreparedPixels / pixels);
  if (std::fabs(scale - 1.0) > 0.1) {
    PixPtr scaled = AdoptPix(pixScale(grey.get(), static_cast<l_float32>(scale), static_cast<l_float32>(scale)));
    if (scaled) grey = std::move(scaled);
  }

  // Background normalisation (uneven scans, grey paper, a dark scanner edge)
  // then one global threshold. Otsu after normalisation thins light, thin
  // print until it breaks apart; measured on scanned statements, a fixed
  // threshold on the normalised page keeps it whole.
  PixPtr binary;
  if (pixGetWidth(grey.get()) >= 32 && pixGetHeight(grey.get()) >= 32) {
    PixPtr normalised = AdoptPix(pixBackgroundNormSimple(grey.get(), nullptr, nullptr));
    if (normalised) binary = AdoptPix(pixThresholdToBinary(normalised.get(), kInkThreshold));
  }
  if (!binary) binary = AdoptPix(pixThresholdToBinary(grey.get(), kInkThreshold));
  if (!binary) return Status::Corrupt("页面图像无法二值化");
  Deskew(&binary);
  if (prep.remove_rules) RemoveRules(binary.get());
  *out = std::move(binary);
  return Status::OK();
}

Status OcrPage(const Page& page, const OcrPrep& prep, OcrLayout layout, OcrEngine* ocr, OcrResult* out) {
  if (!ocr) return Status::InvalidArgument("no OCR engine");
  PixPtr prepared;
  Status s = PreparePageImage(page, prep, &prepared);
  if (!s.ok()) return s;
  *out = ocr->Recognize(prepared.get(), layout, static_cast<int>(kOcrDpi));
  return Status::OK();
}

Status OcrTablePage(const Page& page, const OcrPrep& prep, OcrEngine* ocr, OcrResult* out) {
  PixPtr prepared;
  return OcrTablePage(page, prep, ocr, out, &prepared);
}

Status OcrTablePage(const Page& page, const OcrPrep& prep, OcrEngine* ocr, OcrResult* out, PixPtr* prepared_out) {
  if (!ocr) return Status::InvalidArgument("no OCR engine");
  PixPtr& prepared = *prepared_out;
  Status s = PreparePageImage(page, prep, &prepared);
  if (!s.ok()) return s;
  *out = ocr->Recognize(prepared.get(), OcrLayout::kAuto, static_cast<int>(kOcrDpi));
  const UnreadPart unread = UnreadInk(prepared.get(), out->words);
  if (!unread.ink) return Status::OK();
  OcrResult more = ocr->Recognize(unread.ink.get(), OcrLayout::kSparse, static_cast<int>(kOcrDpi));
  int next_line = 0;
  for (const OcrWord& w : out->words) next_line = std::max(next_line, w.line + 1);
  // What is left is mostly what layout analysis rightly set aside — a
  // seal's ring, a signature — and reads as low-confidence debris.
  constexpr double kMinConfidence = 0.3;
  for (OcrWord& w : more.words) {
    if (w.confidence < kMinConfidence) continue;
    w.line += next_line;
    w.box.x += unread.x;
    w.box.y += unread.y;
    out->words.push_back(std::move(w));
  }
  if (!more.text.empty()) out->text += (out->text.empty() ? "" : "\n") + more.text;
  return Status::OK();
}

}  // namespace gm
