#include "extractors/pdf/poppler_document.h"

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-image.h>
#include <poppler-page-renderer.h>
#include <poppler-page.h>

#include <climits>
#include <mutex>

namespace gm {
namespace {

const char kEncryptedMessage[] = "PDF文件已加密（需要密码），无法读取，请申报单位提供未加密的文件";
const char kCorruptMessage[] = "PDF文件已损坏或不完整，无法打开，请申报单位重新发送";

void IgnorePopplerMessage(const std::string&, void*) {}

// Poppler prints every syntax error of a damaged file to stderr; a batch must not.
void QuietPoppler() {
  static std::once_flag once;
  std::call_once(once, [] { poppler::set_debug_error_function(IgnorePopplerMessage, nullptr); });
}

Status PageError(int index) { return Status::Corrupt("PDF第" + std::to_string(index + 1) + "页无法读取"); }

std::string Utf8(const poppler::ustring& text) {
  poppler::byte_array bytes = text.to_utf8();
  return std::string(bytes.begin(), bytes.end());
}

}  // namespace

PopplerDocument::PopplerDocument() = default;
PopplerDocument::~PopplerDocument() = default;

Status PopplerDocument::Open(std::shared_ptr<const std::string> bytes, std::unique_ptr<PopplerDocument>* out) {
  QuietPoppler();
  out->reset();
  if (bytes->size() > static_cast<size_t>(INT_MAX)) return Status::Limit("PDF文件过大，超出处理上限");
  std::unique_ptr<PopplerDocument> doc(new PopplerDocument());
  doc->bytes_ = std::move(bytes);
  doc->doc_.reset(poppler::document::load_from_raw_data(doc->bytes_->data(), static_cast<int>(doc->bytes_->size())));
  if (!doc->doc_) return Status::Corrupt(kCorruptMessage);
  if (doc->doc_->is_locked()) return Status::Encrypted(kEncryptedMessage);
  *out = std::move(doc);
  return Status::OK();
}

int PopplerDocument::page_count() const { return doc_->pages(); }

Status PopplerDocument::PageSize(int index, double* width, double* height) const {
  if (index < 0 || index >= page_count()) return PageError(index);
  std::unique_ptr<poppler::page> page(doc_->create_page(index));
  if (!page) return PageError(index);
  const poppler::rectf box = page->page_rect(poppler::crop_box);
  const poppler::page::orientation_enum turn = page->orientation();
  const bool sideways = turn == poppler::page::landscape || turn == poppler::page::seascape;
  *width = sideways ? box.height() : box.width();
  *height = sideways ? box.width() : box.height();
  return Status::OK();
}

Status PopplerDocument::PageText(int index, std::vector<TextSpan>* words) const {
  words->clear();
  if (index < 0 || index >= page_count()) return PageError(index);
  std::unique_ptr<poppler::page> page(doc_->create_page(index));
  if (!page) return PageError(index);
  for (const poppler::text_box& box : page->text_list()) {
    TextSpan span;
    span.text = Utf8(box.text());
    if (span.text.empty()) continue;
    const poppler::rectf r = box.bbox();
    span.box = {r.x(), r.y(), r.width(), r.height()};
    words->push_back(std::move(span));
  }
  return Status::OK();
}

Status PopplerDocument::Render(int index, double dpi, PixPtr* out) const {
  out->reset();
  if (index < 0 || index >= page_count()) return PageError(index);
  std::unique_ptr<poppler::page> page(doc_->create_page(index));
  if (!page) return PageError(index);
  poppler::page_renderer renderer;
  renderer.set_render_hint(poppler::page_renderer::antialiasing, true);
  renderer.set_render_hint(poppler::page_renderer::text_antialiasing, true);
  renderer.set_image_format(poppler::image::format_argb32);
  const poppler::image image = renderer.render_page(page.get(), dpi, dpi);
  if (!image.is_valid() || image.width() <= 0 || image.height() <= 0) return PageError(index);
  PixPtr pix = AdoptPix(pixCreate(image.width(), image.height(), 32));
  if (!pix) return Status::Internal("pixCreate failed");
  l_uint32* data = pixGetData(pix.get());
  const int wpl = pixGetWpl(pix.get());
  for (int y = 0; y < image.height(); ++y) {
    // ARGB32 is a native-endian 0xAARRGGBB word; poppler paints on opaque white.
    const auto* src = reinterpret_cast<const uint32_t*>(image.const_data() + static_cast<size_t>(y) * image.bytes_per_row());
    l_uint32* line = data + static_cast<size_t>(y) * wpl;
    for (int x = 0; x < image.width(); ++x) {
      const uint32_t argb = src[x];
      composeRGBPixel(argb >> 16 & 0xFF, argb >> 8 & 0xFF, argb & 0xFF, line + x);
    }
  }
  const int res = static_cast<int>(dpi + 0.5);
  pixSetResolution(pix.get(), res, res);
  *out = std::move(pix);
  return Status::OK();
}

}  // namespace gm
