// PageStructure: what a PDF page draws, as far as deciding how to read it
// needs — its geometry, the image XObjects it paints (and where), and how much
// visible text and vector drawing there is besides. Built by PodofoDocument
// from the page's content stream; holds no PoDoFo objects.
//
// Thread-safety: a plain value.
#pragma once

#include <vector>

#include "extractors/pdf/placement.h"

namespace gm {

// Identifies an indirect object of the document it was read from.
struct PdfObjectId {
  int number = 0, generation = 0;
};

struct DrawnImage {
  PdfObjectId id;            // the image XObject
  int width = 0, height = 0; // its /Width and /Height
  Matrix ctm;                // the transformation it was painted with
};

struct PageStructure {
  PageGeometry geometry;
  std::vector<DrawnImage> images;  // image XObjects painted, in painting order
  int inline_images = 0;           // BI ... EI images (never extracted, only counted)
  int visible_text_ops = 0;        // text-showing operators in a visible render mode
  int invisible_text_ops = 0;      // ... in render mode 3 (an OCR layer over a scan)
  int paint_ops = 0;               // path painting and shading operators
  bool complete = true;            // false when the content could not be read to its end
};

}  // namespace gm
