// Orientation: the eight ways an image can be stored relative to how it is
// meant to be seen, numbered as EXIF's Orientation tag (1 = upright). Used
// for EXIF-tagged photos and for images a PDF draws rotated or mirrored.
//
// Thread-safety: pure functions.
#pragma once

#include "pipeline/core/pix.h"

namespace gm {

enum class Orientation {
  kNormal = 1,      // row 0 is the top, column 0 the left
  kFlipLR = 2,      // mirrored left-right
  kRotate180 = 3,
  kFlipTB = 4,      // mirrored top-bottom
  kTranspose = 5,   // row 0 is the left side, column 0 the top
  kRotate90 = 6,    // stored turned 90° counter-clockwise: shown turned 90° clockwise
  kTransverse = 7,  // row 0 is the right side, column 0 the bottom
  kRotate270 = 8,   // stored turned 90° clockwise: shown turned 90° counter-clockwise
};

// The orientation for an EXIF tag value; kNormal for values outside 1..8.
Orientation OrientationFromExif(int value);

// True when showing the image upright swaps its width and height.
bool SwapsAxes(Orientation orientation);

// A new image that shows `pix` upright. Null only if Leptonica fails.
// REQUIRES: pix != nullptr.
PixPtr ApplyOrientation(PIX* pix, Orientation orientation);

}  // namespace gm
