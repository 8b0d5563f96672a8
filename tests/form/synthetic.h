// Drawing helpers for the form tests: ruled tables, bracket glyphs, marks
// and glyph-like blobs on Leptonica images, so that fixtures are built in
// the test rather than stored.
#pragma once

#include <cmath>
#include <vector>

#include "pipeline/core/pix.h"

namespace gm::form::testing {

// A white image (1 bpp: all 0; 8 bpp: 255; 32 bpp: white).
inline PixPtr Blank(int w, int h, int depth) {
  PixPtr p = AdoptPix(pixCreate(w, h, depth));
  if (depth == 8) pixSetAllArbitrary(p.get(), 255);
  if (depth == 32) pixSetAllArbitrary(p.get(), 0xffffff00);
  pixSetResolution(p.get(), 300, 300);
  return p;
}

// A black line of `width` pixels on any depth.
inline void Line(PIX* p, int x1, int y1, int x2, int y2, int width = 3) {
  if (pixGetDepth(p) == 1) {
    pixRenderLine(p, x1, y1, x2, y2, width, L_SET_PIXELS);
  } else {
    pixRenderLineArb(p, x1, y1, x2, y2, width, 0, 0, 0);
  }
}

inline void Rect(PIX* p, int x, int y, int w, int h, int width = 3) {
  Line(p, x, y, x + w, y, width);
  Line(p, x, y + h, x + w, y + h, width);
  Line(p, x, y, x, y + h, width);
  Line(p, x + w, y, x + w, y + h, width);
}

inline void Fill(PIX* p, int x, int y, int w, int h) {
  BOX* b = boxCreate(x, y, w, h);
  if (pixGetDepth(p) == 1) {
    pixSetInRect(p, b);
  } else {
    pixRenderBoxArb(p, b, 1, 0, 0, 0);
    for (int yy = y; yy < y + h; ++yy) Line(p, x, yy, x + w - 1, yy, 1);
  }
  boxDestroy(&b);
}

// A bracket of height h with its top at (x, y): （ when open, ） when not;
// `bulge` pixels of curvature, drawn as a polyline `width` thick.
inline void Bracket(PIX* p, int x, int y, int h, bool open, int bulge = 8, int width = 3) {
  PTA* pta = ptaCreate(0);
  for (int i = 0; i <= 20; ++i) {
    double t = -1.0 + i / 10.0;
    double dx = bulge * (1.0 - t * t);  // 0 at the tips, bulge in the middle
    ptaAddPt(pta, open ? x + bulge - dx : x + dx, y + (t + 1) / 2 * h);
  }
  if (pixGetDepth(p) == 1) {
    pixRenderPolyline(p, pta, width, L_SET_PIXELS, 0);
  } else {
    pixRenderPolylineArb(p, pta, width, 0, 0, 0, 0);
  }
  ptaDestroy(&pta);
}

// A glyph-like blob of an ideograph, size s: a frame with a cross inside
// and a stroke out to the left (straight edges, not a bracket).
inline void Glyph(PIX* p, int x, int y, int s, int width = 3) {
  Rect(p, x + s / 6, y, s * 2 / 3, s, width);
  Line(p, x + s / 6, y + s / 2, x + s * 5 / 6, y + s / 2, width);
  Line(p, x + s / 2, y, x + s / 2, y + s, width);
  Line(p, x, y + s / 4, x + s / 6, y + s / 4, width);
}

// A tick √ in a box of size s at (x, y).
inline void Tick(PIX* p, int x, int y, int s, int width = 4) {
  Line(p, x, y + s / 2, x + s / 3, y + s, width);
  Line(p, x + s / 3, y + s, x + s, y, width);
}

inline void Cross(PIX* p, int x, int y, int s, int width = 4) {
  Line(p, x, y, x + s, y + s, width);
  Line(p, x + s, y, x, y + s, width);
}

}  // namespace gm::form::testing
