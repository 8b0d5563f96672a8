#include "extractors/pdf/placement.h"

#include <algorithm>
#include <cmath>

namespace gm {
namespace {

// A direction snapped to the nearest axis of the displayed page.
enum class Axis { kRight, kLeft, kDown, kUp };

Axis Snap(double dx, double dy) {
  if (std::fabs(dx) >= std::fabs(dy)) return dx >= 0 ? Axis::kRight : Axis::kLeft;
  return dy >= 0 ? Axis::kDown : Axis::kUp;
}

bool Horizontal(Axis a) { return a == Axis::kRight || a == Axis::kLeft; }

// The orientation that maps stored columns onto `cols` and stored rows onto `rows`.
Orientation OrientationFor(Axis cols, Axis rows) {
  if (cols == Axis::kRight && rows == Axis::kDown) return Orientation::kNormal;
  if (cols == Axis::kLeft && rows == Axis::kDown) return Orientation::kFlipLR;
  if (cols == Axis::kRight && rows == Axis::kUp) return Orientation::kFlipTB;
  if (cols == Axis::kLeft && rows == Axis::kUp) return Orientation::kRotate180;
  if (cols == Axis::kDown && rows == Axis::kLeft) return Orientation::kRotate90;
  if (cols == Axis::kUp && rows == Axis::kRight) return Orientation::kRotate270;
  if (cols == Axis::kDown && rows == Axis::kRight) return Orientation::kTranspose;
  if (cols == Axis::kUp && rows == Axis::kLeft) return Orientation::kTransverse;
  return Orientation::kNormal;  // both on one axis: a degenerate (skewed) matrix
}

}  // namespace

Matrix Matrix::Then(const Matrix& t) const {
  Matrix m;
  m.a = a * t.a + b * t.c;
  m.b = a * t.b + b * t.d;
  m.c = c * t.a + d * t.c;
  m.d = c * t.b + d * t.d;
  m.e = e * t.a + f * t.c + t.e;
  m.f = e * t.b + f * t.d + t.f;
  return m;
}

void Matrix::Apply(double x, double y, double* ox, double* oy) const {
  *ox = a * x + c * y + e;
  *oy = b * x + d * y + f;
}

int NormalizeRotation(long long rotate) {
  long long r = rotate % 360;
  if (r < 0) r += 360;
  return static_cast<int>((r + 45) / 90 % 4 * 90);
}

double PageGeometry::DisplayWidth() const { return rotate == 90 || rotate == 270 ? height : width; }
double PageGeometry::DisplayHeight() const { return rotate == 90 || rotate == 270 ? width : height; }

void PageGeometry::ToDisplay(double x, double y, double* dx, double* dy) const {
  const double px = x - x0, py = height - (y - y0);  // unrotated, y down
  switch (rotate) {
    case 90: *dx = height - py, *dy = px; break;
    case 180: *dx = width - px, *dy = height - py; break;
    case 270: *dx = py, *dy = width - px; break;
    default: *dx = px, *dy = py; break;
  }
}

ImagePlacement PlaceImage(const Matrix& ctm, int width, int height, const PageGeometry& page) {
  // The unit square's corners on the displayed page. Stored row 0 is drawn at y = 1 of the unit square.
  double ux[4], uy[4], dx[4], dy[4];
  const double corners[4][2] = {{0, 0}, {1, 0}, {0, 1}, {1, 1}};
  for (int i = 0; i < 4; ++i) {
    ctm.Apply(corners[i][0], corners[i][1], &ux[i], &uy[i]);
    page.ToDisplay(ux[i], uy[i], &dx[i], &dy[i]);
  }
  const double cols_x = dx[1] - dx[0], cols_y = dy[1] - dy[0];  // along increasing columns
  const double rows_x = dx[0] - dx[2], rows_y = dy[0] - dy[2];  // along increasing rows (down the stored image)
  const Axis cols = Snap(cols_x, cols_y), rows = Snap(rows_x, rows_y);

  ImagePlacement p;
  p.orientation = OrientationFor(cols, rows);
  const double min_x = *std::min_element(dx, dx + 4), max_x = *std::max_element(dx, dx + 4);
  const double min_y = *std::min_element(dy, dy + 4), max_y = *std::max_element(dy, dy + 4);
  p.box = {min_x, min_y, max_x - min_x, max_y - min_y};
  const double cols_len = std::hypot(cols_x, cols_y), rows_len = std::hypot(rows_x, rows_y);
  const double dpi_cols = cols_len > 0 ? width * 72.0 / cols_len : 72;
  const double dpi_rows = rows_len > 0 ? height * 72.0 / rows_len : 72;
  // Stored columns run across the upright image unless the image is turned a quarter.
  const bool cols_across = Horizontal(cols) || Horizontal(rows) == Horizontal(cols);
  p.dpi_x = cols_across ? dpi_cols : dpi_rows;
  p.dpi_y = cols_across ? dpi_rows : dpi_cols;
  const double page_area = page.width * page.height;
  p.coverage = page_area > 0 ? std::min(1.0, p.box.w * p.box.h / page_area) : 0;
  return p;
}

}  // namespace gm
