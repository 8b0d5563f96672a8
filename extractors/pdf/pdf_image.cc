#include "extractors/pdf/pdf_image.h"

#include "extractors/image/pix_normalize.h"
#include "extractors/pdf/ccitt_decode.h"
#include "extractors/pdf/image_samples.h"
#include "extractors/pdf/jbig2_decode.h"

namespace gm {
namespace {

const l_uint8* Data(std::string_view bytes) { return reinterpret_cast<const l_uint8*>(bytes.data()); }

bool IsCodec(const std::string& name) {
  return name == "DCTDecode" || name == "DCT" || name == "JPXDecode" || name == "CCITTFaxDecode" ||
         name == "CCF" || name == "JBIG2Decode";
}

Status TooLarge(uint64_t width, uint64_t height) {
  return Status::Limit("PDF中的图像尺寸过大（" + std::to_string(width) + "×" + std::to_string(height) +
                       "像素），超出处理预算 max_image_pixels");
}

bool OverLimit(uint64_t width, uint64_t height, const Limits& limits) {
  return width * height > limits.max_image_pixels;
}

// Applies the 1-bit conventions of the fax codecs: the codes say which runs
// are black; BlackIs1 and an inverted /Decode each swap what PDF shows.
PixPtr FinishBilevel(PixPtr pix, bool invert) {
  if (pix && invert) pixInvert(pix.get(), pix.get());
  return NormalizePagePix(std::move(pix));
}

bool DecodeInverted(const PdfImage& image) { return image.decode.size() >= 2 && image.decode[0] > image.decode[1]; }

Status DecodeCodec(const PdfImageFilter& filter, std::string_view data, const PdfImage& image, const Limits& limits,
                   PixPtr* out) {
  const std::string& name = filter.name;
  if (name == "DCTDecode" || name == "DCT") {
    l_int32 w = 0, h = 0, spp = 0, ycck = 0, cmyk = 0;
    if (readHeaderMemJpeg(Data(data), data.size(), &w, &h, &spp, &ycck, &cmyk) != 0) {
      return Status::Corrupt("PDF中的JPEG图像已损坏，无法解码");
    }
    if (OverLimit(w, h, limits)) return TooLarge(w, h);
    l_int32 warnings = 0;
    PixPtr pix = AdoptPix(pixReadMemJpeg(Data(data), data.size(), 0, 1, &warnings, 0));
    if (!pix) return Status::Corrupt("PDF中的JPEG图像已损坏，无法解码");
    if (image.color.kind == PdfColorSpace::Kind::kGray && DecodeInverted(image)) pixInvert(pix.get(), pix.get());
    *out = NormalizePagePix(std::move(pix));
  } else if (name == "JPXDecode") {
    l_int32 w = 0, h = 0, bps = 0, spp = 0;
    if (readHeaderMemJp2k(Data(data), data.size(), &w, &h, &bps, &spp, nullptr) != 0) {
      return Status::Corrupt("PDF中的JPEG 2000图像已损坏，无法解码");
    }
    if (OverLimit(w, h, limits)) return TooLarge(w, h);
    PixPtr pix = AdoptPix(pixReadMemJp2k(Data(data), data.size(), 1, nullptr, 0, 0));
    if (!pix) return Status::Corrupt("PDF中的JPEG 2000图像已损坏，无法解码");
    *out = NormalizePagePix(std::move(pix));
  } else if (name == "CCITTFaxDecode" || name == "CCF") {
    const int rows = filter.ccitt.rows > 0 ? filter.ccitt.rows : image.height;
    if (OverLimit(filter.ccitt.columns, rows, limits)) return TooLarge(filter.ccitt.columns, rows);
    PixPtr pix;
    Status s = DecodeCcitt(data, filter.ccitt, image.height, &pix);
    if (!s.ok()) return s;
    *out = FinishBilevel(std::move(pix), filter.ccitt.black_is_1 != DecodeInverted(image));
  } else if (name == "JBIG2Decode") {
    PixPtr pix;
    Status s = DecodeJbig2(data, image.jbig2_globals ? std::string_view(*image.jbig2_globals) : std::string_view(),
                           limits.max_image_pixels, &pix);
    if (!s.ok()) return s;
    *out = FinishBilevel(std::move(pix), DecodeInverted(image));
  } else {
    return Status::Unsupported("不支持的PDF图像编码（" + name + "）");
  }
  return *out ? Status::OK() : Status::Internal("image normalization failed");
}

}  // namespace

int PdfColorSpace::Components() const {
  switch (kind) {
    case Kind::kRgb: return 3;
    case Kind::kCmyk: return 4;
    default: return 1;
  }
}

bool CanDecodePdfImage(const PdfImage& image) {
  if (!image.data || image.width <= 0 || image.height <= 0 || image.width > (1 << 20) || image.height > (1 << 20)) {
    return false;
  }
  const int bpc = image.bits_per_component;
  if (!image.image_mask && bpc != 1 && bpc != 2 && bpc != 4 && bpc != 8 && bpc != 16) return false;
  if (image.color.kind == PdfColorSpace::Kind::kIndexed &&
      (image.color.base == PdfColorSpace::Kind::kIndexed || image.color.hival < 0 || image.color.hival > 255)) {
    return false;
  }
  for (size_t i = 0; i < image.filters.size(); ++i) {
    const std::string& name = image.filters[i].name;
    const bool last = i + 1 == image.filters.size();
    if (IsByteFilter(name)) continue;
    if (!(last && IsCodec(name))) return false;  // a codec can only come last
  }
  return true;
}

Status DecodePdfImage(const PdfImage& image, const Limits& limits, PixPtr* out) {
  out->reset();
  if (!CanDecodePdfImage(image)) return Status::Unsupported("PDF中的图像格式不受支持");
  if (OverLimit(image.width, image.height, limits)) return TooLarge(image.width, image.height);

  const int components = image.image_mask ? 1 : image.color.Components();
  const int bpc = image.image_mask ? 1 : image.bits_per_component;
  const size_t raw_size =
      (static_cast<size_t>(image.width) * components * bpc + 7) / 8 * static_cast<size_t>(image.height);
  std::string buffer;
  std::string_view data = *image.data;
  for (size_t i = 0; i < image.filters.size(); ++i) {
    const PdfImageFilter& filter = image.filters[i];
    if (!IsByteFilter(filter.name)) return DecodeCodec(filter, data, image, limits, out);
    // Raw samples need raw_size bytes (plus a predictor byte a row); before a codec, the file size bounds it.
    const bool last = i + 1 == image.filters.size();
    const size_t cap = last ? raw_size + image.height + 4096 : static_cast<size_t>(limits.max_file_bytes);
    std::string decoded;
    Status s = ApplyByteFilter(filter.name, filter.params, data, cap, &decoded);
    if (!s.ok()) return s;
    buffer.swap(decoded);
    data = buffer;
  }
  return SamplesToPix(data, image, out);
}

}  // namespace gm
