// PageCleaner: turns a scanned or photographed page of the form into the
// images the table finder and the OCR read — upright, deskewed, the red seal
// taken out by its colour before binarisation (so the text under the stamp
// survives), background flattened, binarised, specks and dark scanner edges
// removed, a photo's keystone straightened.
//
// Orientation needs text: the form reader tells which way is up with OCR
// and calls RotatePage.
//
// Thread-safety: functions are pure (no shared state); a CleanPage is a value
// owned by one thread.
#pragma once

#include "pipeline/core/pix.h"
#include "pipeline/core/status.h"

namespace gm::form {

struct CleanPage {
  PixPtr grey;          // 8 bpp, seal removed, background flattened to white, deskewed, upright
  PixPtr binary;        // 1 bpp of `grey`; specks and dark edges removed
  int dpi = 300;        // resolution of grey and binary (the input rescaled into 200..400)
  int rotation = 0;     // clockwise degrees turned by RotatePage: 0, 90, 180 or 270
  double skew_degrees = 0;  // the skew that was corrected
  double keystone_px = 0;   // how far the table's corners were moved to straighten a photo (keystone.h)
};

// Cleans `image` (any depth Leptonica decodes: 1, 8 bpp, colormapped, 32 bpp
// RGB). `dpi` is its resolution when known (0 or implausible values: the page
// is taken as A4 wide on its short side). REQUIRES: image != nullptr.
// Fails (InvalidArgument, Chinese message) for images too small to hold a form.
Status CleanPageImage(PIX* image, int dpi, CleanPage* out);

// Grey of an RGB image in which strongly red pixels (a seal, R well above G
// and B) take the value of their red channel, i.e. become near-white, while
// black or blue-black ink — also where it lies under the seal — stays dark.
// 8 bpp input is returned as a copy; other depths are converted to 8 bpp.
PixPtr GreyWithoutSeal(PIX* image);

// Binarises an 8 bpp grey image: background normalisation, then a hysteresis
// threshold (faint strokes kept where they touch dark ones)
// and removes specks smaller than ~0.2 mm. `dpi` scales the window sizes.
PixPtr Binarize(PIX* grey, int dpi);

// Removes from a 1 bpp page the large dark blobs that touch its border (a
// scanner lid's shadow, a phone photo's desk), in place. Thin lines touching
// the border (a table frame) are kept. Also removed: the outline of the
// sheet in a photo — the edge between paper and desk, left as a thin ring
// (or part of one) once the desk itself binarises white — recognised as a
// component that spans most of the page with nothing inside it near its
// sides; the table's frame always holds its rulings.
void RemoveDarkEdges(PIX* binary);

// Turns the page `degrees` clockwise (a multiple of 90; both images),
// updating `rotation`.
void RotatePage(CleanPage* page, int degrees);

}  // namespace gm::form
