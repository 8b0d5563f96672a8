// A percentage's % sign read as a trailing 9 ("40.5%" → "40.59"): Tesseract
// does so at some text sizes, and the reading looks like a plain number.
// The sign is wider than a digit in every font, and the OCR keeps its box.
//
// Pure functions; thread-safe.
#pragma once

#include "extractors/ocr/engine.h"
#include "pipeline/core/reading.h"

namespace gm::form {

// Widths of the last character against the median of the other digits.
inline constexpr double kPercentWidth = 1.35;
// A doubt about a percentage nobody may overlook: under the review threshold.
inline constexpr double kDoubtfulPercent = 0.55;
// A sign put back from its glyph's width is a repair: trusted a little less.
inline constexpr double kPercentRepairFactor = 0.9;

// True when the last recognised character of `ocr` is a 9 at least
// kPercentWidth times as wide as the median of the digits before it (three
// digits at least, so that the median means something).
bool LastNineIsAPercentSign(const OcrResult& ocr);

// For a pct cell's reading without a % sign and ending in 9: the 9 becomes
// the sign when its glyph is as wide as one (confidence × kPercentRepairFactor);
// otherwise a reading with decimals keeps its digits but its confidence drops
// to at most kDoubtfulPercent, so that a reviewer looks. Others are left.
void CheckPercentSign(const OcrResult& ocr, Reading* reading);

}  // namespace gm::form
