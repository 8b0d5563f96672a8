// Test images with a known layout, and measures to check them after a round
// trip through a file format: a white page with a black block near its
// top-left corner, so orientation mistakes show as the block in the wrong
// place.
#pragma once

#include <string>

#include "pipeline/core/pix.h"

namespace gm::testing {

// A white width × height image of `depth` (1, 8 or 32) with a black block
// covering x in [w/10, w/10 + w/4), y in [h/10, h/10 + h/5). A 32-bit image
// also has a pure red block at the bottom-right.
PixPtr MarkedPage(int width, int height, int depth);

// Share (0..1) of dark pixels (grey value < 128) in the box.
double DarkShare(PIX* pix, int x, int y, int w, int h);
// Share of the marker box of a width × height page that is dark.
double MarkerShare(PIX* pix);
// Mean RGB of a box of a 32-bit image.
void MeanRgb(PIX* pix, int x, int y, int w, int h, double* r, double* g, double* b);

// The bytes of `pix` written as `format` (IFF_PNG, IFF_JFIF_JPEG, IFF_TIFF_G4, ...).
std::string Encode(PIX* pix, int format);

}  // namespace gm::testing
