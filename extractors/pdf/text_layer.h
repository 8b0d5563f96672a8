// TextLayer: whether the text a PDF page carries is real text a reader can
// use instead of OCR. Scanners and "searchable PDF" tools often lay an
// invisible OCR layer over the scan; when that OCR was poor, or the fonts
// lack a Unicode mapping, the layer is junk (replacement characters, private
// use codes, stray Latin-1) and the page must be OCRed as if it had none.
//
// The test: enough meaningful characters (CJK ideographs, letters, digits)
// and few junk ones among them. Punctuation and spaces are neutral.
// Thread-safety: pure functions.
#pragma once

#include <string_view>
#include <vector>

#include "pipeline/core/document.h"

namespace gm {

// Below this many meaningful characters a page holds no usable text (a page
// number or a watermark over a scan does not make it a text page).
constexpr int kMinMeaningfulChars = 12;
// At least this share of the non-neutral characters must be meaningful.
constexpr double kMinMeaningfulShare = 0.8;

struct TextStats {
  int meaningful = 0;  // CJK ideographs, letters, digits
  int junk = 0;        // replacement, private-use, control and other stray characters
};

// Counts the characters of UTF-8 `text` (invalid bytes count as junk).
TextStats CountTextChars(std::string_view text);

// True when `spans` are real text by the test above.
bool IsUsableTextLayer(const std::vector<TextSpan>& spans);

}  // namespace gm
