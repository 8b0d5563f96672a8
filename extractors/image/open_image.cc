#include "extractors/image/open_image.h"

#include <algorithm>

#include "extractors/image/image_codec.h"

namespace gm {
namespace {

constexpr double kMinPlausibleDpi = 100, kMaxPlausibleDpi = 1200;

std::string TooLargeMessage(int width, int height, const Limits& limits) {
  return "图像尺寸过大（" + std::to_string(width) + "×" + std::to_string(height) + "像素），超出" +
         BudgetText("max_image_pixels", "图像像素数", limits.max_image_pixels) + "，请申报单位提供较小的扫描件";
}

bool WithinPixelLimit(int width, int height, const Limits& limits) {
  return static_cast<uint64_t>(width) * static_cast<uint64_t>(height) <= limits.max_image_pixels;
}

}  // namespace

Status OpenImage(std::shared_ptr<const std::string> bytes, const Limits& limits, Document* out) {
  *out = Document();
  out->format = DocumentFormat::kImage;
  ImageInfo info;
  Status s = ReadImageInfo(*bytes, std::max(limits.max_pages, 1), &info);
  if (!s.ok()) return s;

  bool any_readable = false, any_too_large = false;
  for (size_t i = 0; i < info.frames.size(); ++i) {
    const ImageFrame& frame = info.frames[i];
    Page page;
    page.index = static_cast<int>(i);
    page.width = frame.width;
    page.height = frame.height;
    page.dpi = frame.dpi >= kMinPlausibleDpi && frame.dpi <= kMaxPlausibleDpi ? frame.dpi : kAssumedImageDpi;
    if (frame.width <= 0 || frame.height <= 0) {
      const std::string message = "图像第" + std::to_string(i + 1) + "页已损坏（没有尺寸），无法读取";
      page.load_image = [message](PixPtr* pix) {
        pix->reset();
        return Status::Corrupt(message);
      };
    } else if (!WithinPixelLimit(frame.width, frame.height, limits)) {
      any_too_large = true;
      const std::string message = TooLargeMessage(frame.width, frame.height, limits);
      if (info.frames.size() > 1) out->warnings.push_back("第" + std::to_string(i + 1) + "页" + message);
      page.load_image = [message](PixPtr* pix) {
        pix->reset();
        return Status::Limit(message);
      };
    } else {
      any_readable = true;
      const int format = info.format, index = static_cast<int>(i), dpi = static_cast<int>(page.dpi + 0.5);
      page.load_image = [bytes, format, index, dpi](PixPtr* pix) {
        Status decoded = DecodeImageFrame(*bytes, format, index, pix);
        if (decoded.ok()) pixSetResolution(pix->get(), dpi, dpi);
        return decoded;
      };
    }
    out->pages.push_back(std::move(page));
  }
  if (!any_readable) {
    out->warnings.clear();
    Status refused = any_too_large ? Status::Limit(TooLargeMessage(info.frames.front().width, info.frames.front().height, limits))
                                   : Status::Corrupt("图像文件已损坏，无法读取，请申报单位重新发送");
    *out = Document();
    return refused;
  }
  if (info.total_frames > static_cast<int>(info.frames.size())) {
    out->warnings.push_back("图像共" + std::to_string(info.total_frames) + "页，超出处理预算 max_pages，仅读取了前" +
                            std::to_string(info.frames.size()) + "页");
  }
  return Status::OK();
}

}  // namespace gm
