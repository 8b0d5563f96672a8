#include "tests/document/testing/pix_fixtures.h"

namespace gm::testing {

PixPtr MarkedPage(int width, int height, int depth) {
  PixPtr pix = AdoptPix(pixCreate(width, height, depth));
  if (depth == 1) {
    pixSetAll(pix.get());
    pixClearAll(pix.get());  // 1-bit: 0 is white
    pixRasterop(pix.get(), width / 10, height / 10, width / 4, height / 5, PIX_SET, nullptr, 0, 0);
    return pix;
  }
  pixSetAll(pix.get());  // white
  BOX* marker = boxCreate(width / 10, height / 10, width / 4, height / 5);
  if (depth == 8) {
    pixSetInRectArbitrary(pix.get(), marker, 0);
  } else {
    pixSetInRectArbitrary(pix.get(), marker, 0x00000000);
    BOX* red = boxCreate(width * 7 / 10, height * 7 / 10, width / 5, height / 5);
    l_uint32 pixel = 0;
    composeRGBPixel(255, 0, 0, &pixel);
    pixSetInRectArbitrary(pix.get(), red, pixel);
    boxDestroy(&red);
  }
  boxDestroy(&marker);
  return pix;
}

double DarkShare(PIX* pix, int x, int y, int w, int h) {
  PixPtr grey = AdoptPix(pixConvertTo8(pix, 0));
  int dark = 0, total = 0;
  for (int yy = y; yy < y + h && yy < pixGetHeight(grey.get()); ++yy) {
    for (int xx = x; xx < x + w && xx < pixGetWidth(grey.get()); ++xx) {
      l_uint32 v = 0;
      pixGetPixel(grey.get(), xx, yy, &v);
      dark += v < 128;
      ++total;
    }
  }
  return total ? static_cast<double>(dark) / total : 0;
}

double MarkerShare(PIX* pix) {
  const int w = pixGetWidth(pix), h = pixGetHeight(pix);
  // The inner part of the marker, away from edges blurred by lossy codecs or scaling.
  return DarkShare(pix, w / 10 + w / 40, h / 10 + h / 40, w / 4 - w / 20, h / 5 - h / 20);
}

void MeanRgb(PIX* pix, int x, int y, int w, int h, double* r, double* g, double* b) {
  double sr = 0, sg = 0, sb = 0;
  int n = 0;
  for (int yy = y; yy < y + h; ++yy) {
    for (int xx = x; xx < x + w; ++xx) {
      l_int32 rv, gv, bv;
      l_uint32 p = 0;
      pixGetPixel(pix, xx, yy, &p);
      extractRGBValues(p, &rv, &gv, &bv);
      sr += rv, sg += gv, sb += bv, ++n;
    }
  }
  *r = sr / n, *g = sg / n, *b = sb / n;
}

std::string Encode(PIX* pix, int format) {
  l_uint8* data = nullptr;
  size_t size = 0;
  if (pixWriteMem(&data, &size, pix, format) != 0 || !data) return {};
  std::string out(reinterpret_cast<char*>(data), size);
  lept_free(data);
  return out;
}

}  // namespace gm::testing
