// PdfImage: an image XObject of a PDF as plain data — its encoded bytes and
// the dictionary entries needed to decode them — copied out of the parsed
// document when the PDF is opened, so that a scanned page decodes its image
// later (Page::load_image) without the PDF being parsed again or kept in
// memory. DecodePdfImage turns it into pixels: straight from the scanner's
// JPEG, CCITT, JBIG2, JPEG 2000 or Flate data, never re-rendered.
//
// Thread-safety: a PdfImage is an immutable value once built; DecodePdfImage
// may run on distinct images (or the same one) from distinct threads.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "extractors/pdf/stream_filters.h"
#include "pipeline/core/limits.h"
#include "pipeline/core/pix.h"
#include "pipeline/core/status.h"

namespace gm {

struct PdfColorSpace {
  enum class Kind { kGray, kRgb, kCmyk, kIndexed };
  Kind kind = Kind::kGray;
  Kind base = Kind::kRgb;  // the space an Indexed palette is in (never kIndexed)
  int hival = 0;           // the highest index of an Indexed space
  std::string palette;     // (hival + 1) × components-of-base bytes
  // Components per pixel in the image data (1 for Indexed).
  int Components() const;
};

// /DecodeParms of a CCITTFaxDecode filter.
struct CcittParams {
  int k = 0;               // < 0: G4; 0: G3 one-dimensional; > 0: G3 two-dimensional
  int columns = 1728;
  int rows = 0;            // 0: the image's height
  bool black_is_1 = false;
  bool encoded_byte_align = false;
  bool end_of_line = false;  // EOL codes present
};

struct PdfImageFilter {
  std::string name;        // "FlateDecode", "DCTDecode", "CCITTFaxDecode", ...
  FilterParams params;     // for the byte filters
  CcittParams ccitt;       // for CCITTFaxDecode
};

struct PdfImage {
  int width = 0, height = 0;
  int bits_per_component = 8;
  bool image_mask = false;               // a stencil: 1-bit, painted where 0
  PdfColorSpace color;
  std::vector<double> decode;            // /Decode; empty for the default
  std::vector<PdfImageFilter> filters;   // in the order they are undone
  std::shared_ptr<const std::string> data;           // the encoded stream, never null
  std::shared_ptr<const std::string> jbig2_globals;  // /JBIG2Globals; may be null
};

// True when DecodePdfImage knows every filter and the colour space and the
// sizes are sane; otherwise the caller renders the page instead.
bool CanDecodePdfImage(const PdfImage& image);

// Decodes `image` as stored (no placement or page rotation applied) into
// 8-bit grey or 32-bit RGB. Limit when it is larger than
// limits.max_image_pixels (checked before decoding, against both the
// dictionary's and the codec's own size); Corrupt when the data is damaged
// beyond use; Unsupported for a filter or colour space not handled.
Status DecodePdfImage(const PdfImage& image, const Limits& limits, PixPtr* out);

}  // namespace gm
