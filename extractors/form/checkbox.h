// Checkbox: which options of a checkbox group (已取得（√）正在办理（ ）…) are
// marked, decided from the pixels between each pair of brackets — not from
// the OCR of the mark, which reads a tick as 人, V or nothing at all.
//
// Brackets are found as connected components shaped like （ and ）; each
// option is tied to the pair right after its label, located from the OCR's
// character boxes, or by order when the OCR lost a label. A pair is marked
// when there is ink between its brackets (√, ✓, ×, ☑, a filled blot, or text
// written into 其他（ ）); an empty pair holds none. Where a mark touches a
// bracket so that the pair cannot be told apart, the ink of the slot after
// the label decides.
//
// Thread-safety: functions are pure.
#pragma once

#include <string>
#include <vector>

#include "extractors/form/cell_image.h"
#include "extractors/ocr/engine.h"

namespace gm::form {

struct BracketPair {
  InkBox open, close;        // the bracket glyphs (page pixels)
  InkBox interior;           // between them
  int interior_ink = 0;      // black pixels inside, brackets excluded
  bool marked = false;
};

struct CheckboxDecision {
  std::vector<std::string> marked;  // marked options, in `options` order
  std::vector<bool> located;        // per option: a pair or slot was found for it
  double confidence = 0;            // 0..1
};

// Finds the bracket pairs of a cell, in reading order (line by line, left to
// right), with their interior ink and the marked decision.
std::vector<BracketPair> FindBracketPairs(const CellInk& cell);

// Decides the marks of `options` (printed order) in `cell`. `ocr` is the OCR
// of the cell with word and symbol boxes in page pixels (may be empty).
CheckboxDecision JudgeCheckboxes(const CellInk& cell, const OcrResult& ocr, const std::vector<std::string>& options);

}  // namespace gm::form
