// Keystone correction for photographed pages. A phone held not quite
// parallel to the paper images the form's rectangular table as a general
// quadrilateral: the far edge shorter than the near one, the sides leaning
// towards each other. Deskewing turns the page as a whole and cannot undo
// that, and a cell read through a leaning ruling loses its edge characters.
//
// The correction finds the four outer corners of the table's ruled frame and
// maps them back onto a rectangle with a projective transform. It is applied
// only when the frame is found with confidence — each side of the
// quadrilateral must run along a ruling line — and the distortion is large
// enough to matter and small enough to be a photo of a form (not a table
// that is not rectangular to begin with).
//
// Thread-safety: functions are pure.
#pragma once

#include "pipeline/core/pix.h"

namespace gm::form {

// Corners in page pixels: top-left, top-right, bottom-right, bottom-left.
struct Quad {
  double x[4] = {0, 0, 0, 0};
  double y[4] = {0, 0, 0, 0};
};

// The outer corners of the largest ruled frame on a 1 bpp page at `dpi`.
// False when there is none that spans at least half the page's width and a
// quarter of its height with ruling lines along all four sides.
bool FindTableFrame(PIX* binary, int dpi, Quad* frame);

// The axis-aligned rectangle `frame` is mapped onto (each edge at the mean of
// the two corners on it), and the largest distance in pixels of a corner of
// `frame` from its corner of that rectangle.
Quad TargetRectangle(const Quad& frame);
double KeystoneDistance(const Quad& frame);

// `grey` (8 bpp) re-projected so that `frame` becomes TargetRectangle(frame);
// the page keeps its size and white is brought in at the borders. Null when
// the distortion is below what the OCR notices (under ~0.3 mm at `dpi`) or
// beyond what a photo of a form shows (a corner off by more than a tenth of
// the frame's width): then the page is left as it is.
PixPtr StraightenKeystone(PIX* grey, const Quad& frame, int dpi);

}  // namespace gm::form
