// StreamFilters: the PDF stream filters that carry plain bytes — Flate, LZW,
// ASCIIHex, ASCII85, RunLength, with PNG and TIFF predictors — decoded here
// rather than by PoDoFo so that every one is bounded: a 1 KB "Flate bomb"
// that would inflate to gigabytes stops at the caller's cap with
// Status::Limit. The image codecs (DCT, JPX, CCITT, JBIG2) are elsewhere.
//
// Thread-safety: pure functions.
#pragma once

#include <string>
#include <string_view>

#include "pipeline/core/status.h"

namespace gm {

// A filter's /DecodeParms that matter for the byte filters.
struct FilterParams {
  int predictor = 1;          // 1 none, 2 TIFF, >= 10 PNG
  int colors = 1;
  int bits_per_component = 8;
  int columns = 1;
  int early_change = 1;       // LZW
};

// True for the names (and their inline-image abbreviations) handled here.
bool IsByteFilter(std::string_view name);

// Decodes `in` through filter `name` into `out`. Truncated or damaged data
// keeps what was decoded before the damage (scanners' PDFs are often cut
// short; a partial page beats none) and is Corrupt only when nothing could be
// decoded. Limit when the output would pass `max_output` bytes.
// REQUIRES: IsByteFilter(name).
Status ApplyByteFilter(std::string_view name, const FilterParams& params, std::string_view in, size_t max_output,
                       std::string* out);

}  // namespace gm
