#include "extractors/pdf/page_reading.h"

#include <algorithm>
#include <cmath>

#include "extractors/image/orientation.h"
#include "extractors/pdf/open_pdf.h"
#include "extractors/pdf/pdf_image.h"
#include "extractors/pdf/podofo_document.h"
#include "extractors/pdf/poppler_document.h"
#include "extractors/pdf/text_layer.h"

namespace gm {
namespace {

constexpr double kMinRenderDpi = 72;

std::string TooLarge(int index) {
  return "PDF第" + std::to_string(index + 1) + "页过大，按最低清晰度渲染也超出处理预算 max_image_pixels";
}

// The largest image the page paints, by its own pixels: rendering the page
// decodes every image whole, whatever the output size, so a 1-bit
// 100000 × 100000 image beside a line of text costs 10^10 pixels.
const DrawnImage* LargestImage(const PageStructure& layout) {
  const DrawnImage* largest = nullptr;
  for (const DrawnImage& image : layout.images) {
    if (!largest || static_cast<uint64_t>(std::max(image.width, 0)) * static_cast<uint64_t>(std::max(image.height, 0)) >
                        static_cast<uint64_t>(std::max(largest->width, 0)) * static_cast<uint64_t>(std::max(largest->height, 0)))
      largest = &image;
  }
  return largest;
}

// Renders page `index` of `bytes` with a freshly opened poppler document, at
// kRenderDpi or less so the image stays within the pixel limit.
Status RenderPage(const std::shared_ptr<const std::string>& bytes, int index, double width_pt, double height_pt,
                  const Limits& limits, PixPtr* out) {
  out->reset();
  double dpi = kRenderDpi;
  const double area = width_pt / 72 * height_pt / 72;  // square inches
  if (area > 0 && area * dpi * dpi > static_cast<double>(limits.max_image_pixels)) {
    dpi = std::floor(std::sqrt(static_cast<double>(limits.max_image_pixels) / area));
    if (dpi < kMinRenderDpi) return Status::Limit(TooLarge(index));
  }
  std::unique_ptr<PopplerDocument> doc;
  Status s = PopplerDocument::Open(bytes, &doc);
  if (!s.ok()) return s;
  return doc->Render(index, dpi, out);
}

// How a scanned page's image is turned into the page image.
struct ScanRecipe {
  PdfImage image;
  Orientation orientation = Orientation::kNormal;
  int width = 0, height = 0;  // of the page image, after turning and scaling
  double dpi = 300;
  bool rescale = false;       // non-square pixels (fax resolutions) are made square
};

Status DecodeScan(const ScanRecipe& recipe, const Limits& limits, PixPtr* out) {
  out->reset();
  if (static_cast<uint64_t>(recipe.width) * static_cast<uint64_t>(recipe.height) > limits.max_image_pixels) {
    return Status::Limit("PDF中的图像过大（" + std::to_string(recipe.width) + "×" + std::to_string(recipe.height) +
                         "像素），超出" + BudgetText("max_image_pixels", "图像像素数", limits.max_image_pixels));
  }
  PixPtr pix;
  Status s = DecodePdfImage(recipe.image, limits, &pix);
  if (!s.ok()) return s;
  if (recipe.orientation != Orientation::kNormal) {
    pix = ApplyOrientation(pix.get(), recipe.orientation);
    if (!pix) return Status::Internal("image orientation failed");
  }
  if (recipe.rescale && pixGetWidth(pix.get()) > 0 && pixGetHeight(pix.get()) > 0) {
    const float sx = static_cast<float>(recipe.width) / pixGetWidth(pix.get());
    const float sy = static_cast<float>(recipe.height) / pixGetHeight(pix.get());
    pix = AdoptPix(pixScale(pix.get(), sx, sy));
    if (!pix) return Status::Internal("pixScale failed");
  }
  const int res = static_cast<int>(std::lround(recipe.dpi));
  pixSetResolution(pix.get(), res, res);
  *out = std::move(pix);
  return Status::OK();
}

// Moves text boxes from displayed-page points into the scan's pixels.
void MapWordsOntoScan(const Box& image_box, int width, int height, std::vector<TextSpan>* words) {
  if (image_box.w <= 0 || image_box.h <= 0) return;
  const double sx = width / image_box.w, sy = height / image_box.h;
  for (TextSpan& word : *words) {
    word.box = {(word.box.x - image_box.x) * sx, (word.box.y - image_box.y) * sy, word.box.w * sx, word.box.h * sy};
  }
}

// Fills `page` as a scan when the page is one; false otherwise.
bool TryScanPage(const std::shared_ptr<const std::string>& bytes, const PodofoDocument& structure,
                 const PageStructure& layout, int index, const Limits& limits, std::vector<TextSpan> words,
                 Page* page) {
  const int chosen = ChooseScanImage(layout);
  if (chosen < 0) return false;
  ScanRecipe recipe;
  const DrawnImage& drawn = layout.images[chosen];
  if (!structure.ReadImage(drawn.id, &recipe.image).ok()) return false;
  const ImagePlacement placement =
      PlaceImage(drawn.ctm, recipe.image.width, recipe.image.height, layout.geometry);
  const bool swap = SwapsAxes(placement.orientation);
  const int upright_w = swap ? recipe.image.height : recipe.image.width;
  const int upright_h = swap ? recipe.image.width : recipe.image.height;
  double dpi = placement.dpi_x;
  recipe.width = upright_w;
  recipe.height = upright_h;
  const double ratio = std::max(placement.dpi_x, placement.dpi_y) / std::min(placement.dpi_x, placement.dpi_y);
  if (ratio > 1.1 && ratio < 4) {  // e.g. a 204 × 98 dpi fax: stretch the coarse axis
    dpi = std::max(placement.dpi_x, placement.dpi_y);
    recipe.width = static_cast<int>(std::lround(upright_w * dpi / placement.dpi_x));
    recipe.height = static_cast<int>(std::lround(upright_h * dpi / placement.dpi_y));
    recipe.rescale = true;
  }
  if (!(dpi >= kMinScanDpi) || !std::isfinite(dpi)) return false;
  recipe.orientation = placement.orientation;
  recipe.dpi = dpi;

  page->dpi = dpi;
  page->width = recipe.width;
  page->height = recipe.height;
  if (IsUsableTextLayer(words)) {
    MapWordsOntoScan(placement.box, recipe.width, recipe.height, &words);
    page->text = std::move(words);
  }
  const double width_pt = layout.geometry.DisplayWidth(), height_pt = layout.geometry.DisplayHeight();
  page->load_image = [recipe = std::move(recipe), bytes, index, width_pt, height_pt, limits](PixPtr* out) {
    Status s = DecodeScan(recipe, limits, out);
    // Damaged image data: poppler may still show something of the page.
    if (s.code() == Status::Code::kCorrupt || s.code() == Status::Code::kUnsupported) {
      if (RenderPage(bytes, index, width_pt, height_pt, limits, out).ok()) return Status::OK();
    }
    return s;
  };
  return true;
}

}  // namespace

int ChooseScanImage(const PageStructure& page) {
  if (!page.complete || page.images.empty() || page.visible_text_ops > 0 || page.inline_images > 0 ||
      page.paint_ops > kMaxScanPaintOps) {
    return -1;
  }
  int best = -1;
  double best_coverage = -1;
  for (size_t i = 0; i < page.images.size(); ++i) {
    const DrawnImage& image = page.images[i];
    if (image.width <= 0 || image.height <= 0) return -1;
    const double coverage = PlaceImage(image.ctm, image.width, image.height, page.geometry).coverage;
    if (coverage > best_coverage) {
      best_coverage = coverage;
      best = static_cast<int>(i);
    }
  }
  if (page.images.size() > 1 && best_coverage < kScanCoverage) return -1;
  return best;
}

Page ReadPdfPage(std::shared_ptr<const std::string> bytes, const PodofoDocument* structure,
                 const PopplerDocument* text, int index, const Limits& limits, std::string* warning) {
  Page page;
  page.index = index;
  PageStructure layout;
  const bool have_layout = structure && index < structure->page_count() && structure->ReadPage(index, &layout).ok();
  std::vector<TextSpan> words;
  if (text && !text->PageText(index, &words).ok()) words.clear();

  const DrawnImage* largest = have_layout ? LargestImage(layout) : nullptr;
  if (largest && static_cast<uint64_t>(largest->width) * static_cast<uint64_t>(largest->height) > limits.max_image_pixels) {
    const std::string message = "PDF第" + std::to_string(index + 1) + "页的图像过大（" + std::to_string(largest->width) +
                                "×" + std::to_string(largest->height) + "像素），超出" +
                                BudgetText("max_image_pixels", "图像像素数", limits.max_image_pixels) +
                                "，该页未能读取；请申报单位提供较小的扫描件";
    if (warning) *warning = message;
    page.dpi = 72;
    page.width = layout.geometry.DisplayWidth();
    page.height = layout.geometry.DisplayHeight();
    if (IsUsableTextLayer(words)) page.text = std::move(words);
    page.load_image = [message](PixPtr* out) {
      out->reset();
      return Status::Limit(message);
    };
    return page;
  }

  if (have_layout && TryScanPage(bytes, *structure, layout, index, limits, words, &page)) return page;

  double width = 612, height = 792;
  if (have_layout) {
    width = layout.geometry.DisplayWidth();
    height = layout.geometry.DisplayHeight();
  } else if (text) {
    // A page whose size poppler cannot give keeps the Letter default above.
    (void)text->PageSize(index, &width, &height);
  }
  page.dpi = 72;
  page.width = width;
  page.height = height;
  const bool real_text = IsUsableTextLayer(words);
  if (real_text) page.text = std::move(words);
  const bool draws_images = !have_layout || !layout.complete || !layout.images.empty() || layout.inline_images > 0;
  if (!real_text || draws_images) {
    page.load_image = [bytes, index, width, height, limits](PixPtr* out) {
      return RenderPage(bytes, index, width, height, limits, out);
    };
  }
  return page;
}

}  // namespace gm
