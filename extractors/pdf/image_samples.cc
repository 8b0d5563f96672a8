#include "extractors/pdf/image_samples.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <string>
#include <vector>

#include "extractors/image/pix_normalize.h"

namespace gm {
namespace {

using Kind = PdfColorSpace::Kind;

int ComponentsOf(Kind kind) { return kind == Kind::kRgb ? 3 : kind == Kind::kCmyk ? 4 : 1; }

// The default /Decode range of every component of the image's colour space.
void DefaultRange(const PdfImage& image, int max_sample, double* lo, double* hi) {
  *lo = 0;
  *hi = !image.image_mask && image.color.kind == Kind::kIndexed ? max_sample : 1;
}

// The /Decode range of component i.
void DecodeRange(const PdfImage& image, int i, int max_sample, double* lo, double* hi) {
  if (image.decode.size() >= static_cast<size_t>(2 * i + 2)) {
    *lo = image.decode[2 * i];
    *hi = image.decode[2 * i + 1];
    return;
  }
  DefaultRange(image, max_sample, lo, hi);
}

bool IsInvertedDecode(const PdfImage& image) {
  return image.decode.size() >= 2 && image.decode[0] > image.decode[1];
}

bool IsDefaultDecode(const PdfImage& image, int max_sample) {
  const int components = image.image_mask ? 1 : image.color.Components();
  double dlo, dhi;
  DefaultRange(image, max_sample, &dlo, &dhi);
  for (int i = 0; i < components; ++i) {
    double lo, hi;
    DecodeRange(image, i, max_sample, &lo, &hi);
    if (lo != dlo || hi != dhi) return false;
  }
  return true;
}

// Copies rows of whole bytes into a 1- or 8-bit PIX (Leptonica keeps bytes
// big-endian within 32-bit words, hence the swap).
PixPtr PackedRowsToPix(std::string_view samples, int width, int height, int depth, size_t stride) {
  PixPtr pix = AdoptPix(pixCreate(width, height, depth));
  if (!pix) return nullptr;
  l_uint32* data = pixGetData(pix.get());
  const int wpl = pixGetWpl(pix.get());
  const size_t row_bytes = std::min<size_t>(stride, static_cast<size_t>(wpl) * 4);
  for (int y = 0; y < height; ++y) {
    std::memcpy(data + static_cast<size_t>(y) * wpl, samples.data() + static_cast<size_t>(y) * stride, row_bytes);
  }
  pixEndianByteSwap(pix.get());
  return pix;
}

// Reads sample x of a row at `bpc` bits; 16-bit samples keep their high byte.
inline int Sample(const uint8_t* row, size_t index, int bpc) {
  switch (bpc) {
    case 8: return row[index];
    case 16: return row[index * 2];
    case 1: return row[index >> 3] >> (7 - (index & 7)) & 1;
    case 2: return row[index >> 2] >> (6 - 2 * (index & 3)) & 3;
    case 4: return row[index >> 1] >> (4 - 4 * (index & 1)) & 15;
    default: return 0;
  }
}

void CmykToRgb(int c, int m, int y, int k, int* r, int* g, int* b) {
  *r = (255 - c) * (255 - k) / 255;
  *g = (255 - m) * (255 - k) / 255;
  *b = (255 - y) * (255 - k) / 255;
}

// Any layout, one pixel at a time through per-component lookup tables.
PixPtr GenericToPix(std::string_view samples, const PdfImage& image, int bpc, size_t stride) {
  const int w = image.width, h = image.height;
  const bool grey = image.image_mask || image.color.kind == Kind::kGray;
  const int components = image.image_mask ? 1 : image.color.Components();
  const int max_sample = bpc == 16 ? 255 : (1 << bpc) - 1;
  // lut[i][v]: component i's sample v as a byte (0..255), or as a palette index.
  std::vector<std::vector<int>> lut(components, std::vector<int>(max_sample + 1));
  const bool indexed = !image.image_mask && image.color.kind == Kind::kIndexed;
  for (int i = 0; i < components; ++i) {
    double lo, hi;
    DecodeRange(image, i, max_sample, &lo, &hi);
    for (int v = 0; v <= max_sample; ++v) {
      const double x = lo + v * (hi - lo) / max_sample;
      lut[i][v] = indexed ? std::clamp(static_cast<int>(std::lround(x)), 0, image.color.hival)
                          : std::clamp(static_cast<int>(std::lround(x * 255)), 0, 255);
    }
  }
  PixPtr pix = AdoptPix(pixCreate(w, h, grey ? 8 : 32));
  if (!pix) return nullptr;
  l_uint32* data = pixGetData(pix.get());
  const int wpl = pixGetWpl(pix.get());
  const int base_components = ComponentsOf(image.color.base);
  const std::string& palette = image.color.palette;
  int c[4] = {0, 0, 0, 0};
  for (int y = 0; y < h; ++y) {
    const auto* row = reinterpret_cast<const uint8_t*>(samples.data()) + static_cast<size_t>(y) * stride;
    l_uint32* line = data + static_cast<size_t>(y) * wpl;
    for (int x = 0; x < w; ++x) {
      for (int i = 0; i < components; ++i) c[i] = lut[i][Sample(row, static_cast<size_t>(x) * components + i, bpc)];
      if (grey) {
        SET_DATA_BYTE(line, x, c[0]);
        continue;
      }
      int r = 0, g = 0, b = 0;
      Kind kind = image.color.kind;
      if (indexed) {
        const size_t at = static_cast<size_t>(c[0]) * base_components;
        for (int i = 0; i < base_components; ++i) {
          c[i] = at + i < palette.size() ? static_cast<uint8_t>(palette[at + i]) : 0;
        }
        kind = image.color.base;
      }
      if (kind == Kind::kRgb) {
        r = c[0], g = c[1], b = c[2];
      } else if (kind == Kind::kCmyk) {
        CmykToRgb(c[0], c[1], c[2], c[3], &r, &g, &b);
      } else {
        r = g = b = c[0];
      }
      composeRGBPixel(r, g, b, line + x);
    }
  }
  return pix;
}

}  // namespace

Status SamplesToPix(std::string_view samples, const PdfImage& image, PixPtr* out) {
  out->reset();
  if (samples.empty()) return Status::Corrupt("PDF图像数据为空");
  const int bpc = image.image_mask ? 1 : image.bits_per_component;
  const int components = image.image_mask ? 1 : image.color.Components();
  const size_t stride = (static_cast<size_t>(image.width) * components * bpc + 7) / 8;
  const size_t needed = stride * static_cast<size_t>(image.height);
  std::string padded;
  if (samples.size() < needed) {  // a truncated stream: the missing rows come out white (or as near as the space allows)
    padded.assign(samples);
    padded.resize(needed, '\xFF');
    samples = padded;
  }
  const bool grey = image.image_mask || image.color.kind == Kind::kGray;
  const int max_sample = bpc == 16 ? 255 : (1 << bpc) - 1;
  PixPtr pix;
  if (grey && bpc == 1 && (IsDefaultDecode(image, max_sample) || (image.decode.size() == 2 && IsInvertedDecode(image)))) {
    // Bilevel scans, the common case: Leptonica's 1 is black, PDF's grey 0 is.
    pix = PackedRowsToPix(samples, image.width, image.height, 1, stride);
    if (pix && !IsInvertedDecode(image)) pixInvert(pix.get(), pix.get());
  } else if (grey && bpc == 8 && IsDefaultDecode(image, max_sample)) {
    pix = PackedRowsToPix(samples, image.width, image.height, 8, stride);
  } else {
    pix = GenericToPix(samples, image, bpc, stride);
  }
  if (!pix) return Status::Internal("pixCreate failed");
  *out = NormalizePagePix(std::move(pix));
  return *out ? Status::OK() : Status::Internal("image normalization failed");
}

}  // namespace gm
