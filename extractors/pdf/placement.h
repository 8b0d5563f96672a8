// Placement: where and how a PDF draws an image on its page, in the terms a
// reader of the page needs — the box it covers on the page as displayed
// (after /Rotate), the turn or mirror that shows the stored pixels upright,
// and the resolution they have on paper.
//
// Coordinates: PDF user space is in points with y up; the displayed page is
// in points with the origin at the top-left and y down, /Rotate applied.
// Thread-safety: pure functions on values.
#pragma once

#include "extractors/image/orientation.h"
#include "pipeline/core/document.h"

namespace gm {

// A PDF transformation matrix [a b c d e f]: (x, y) -> (a x + c y + e, b x + d y + f).
struct Matrix {
  double a = 1, b = 0, c = 0, d = 1, e = 0, f = 0;
  // The matrix that applies `this` first and then `then` (PDF's "cm"
  // operator sets CTM = operand.Then(CTM)).
  Matrix Then(const Matrix& then) const;
  void Apply(double x, double y, double* ox, double* oy) const;
};

struct PageGeometry {
  double x0 = 0, y0 = 0, width = 612, height = 792;  // the crop box, user space
  int rotate = 0;                                    // 0, 90, 180 or 270, clockwise
  double DisplayWidth() const;
  double DisplayHeight() const;
  // Maps a point of user space to the displayed page.
  void ToDisplay(double x, double y, double* dx, double* dy) const;
};

// Normalizes any /Rotate value (negative, 450, ...) to 0, 90, 180 or 270.
int NormalizeRotation(long long rotate);

struct ImagePlacement {
  Orientation orientation = Orientation::kNormal;  // shows the stored pixels as on the displayed page
  Box box;                   // covered area of the displayed page, points
  double dpi_x = 72, dpi_y = 72;  // of the upright image along the displayed page's x and y
  double coverage = 0;       // box area / page area
};

// Placement of a width × height image drawn with `ctm` on `page`.
// REQUIRES: width > 0, height > 0.
ImagePlacement PlaceImage(const Matrix& ctm, int width, int height, const PageGeometry& page);

}  // namespace gm
