// Checkbox: which options of a checkbox group (已取得（√）正在办理（ ）…) are
// marked, decided from the pixels between each pair of brackets — not from
// the OCR of the mark, which reads a tick as 人, V or nothing at all.
//
// Brackets are found by shape: a tall connected component whose outer edge
// bows like （ or ）. Only the outer edges are looked at, so a mark that
// touches a bracket — (√) drawn as one blob — still shows both. A pair's
// halves share their top and bottom, and the printed pairs of a cell share
// one height and span: strokes of bold glyphs that bow like brackets (已,
// 办, 取) pair at other sizes and are dropped. The OCR's
// own "(" ")" add the pairs the shapes miss. Options take the pairs in
// printed order when every option has one; otherwise the OCR text says which
// bracket group follows which option (the OCR's character boxes are too
// loose to place a label). A pair is marked when there is ink between its
// brackets (√, ✓, ×, ☑, a filled blot, or text written into 其他（ ）); an
// empty pair holds none. When the pixels cannot settle it, the OCR text
// inside the brackets does, with a low confidence.
//
// Thread-safety: functions are pure.
#pragma once

#include <string>
#include <string_view>
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

// Whether `pairs` share one printed span, outer edge to outer edge (within
// a tenth): false when one spans much more or less than the others — a
// glyph's stroke bowed like （ paired in place of a lost bracket, or text
// written into 其他（ ）. True for fewer than two pairs.
bool PairsShareOneSpan(const std::vector<BracketPair>& pairs);

// Decides the marks of `options` (printed order) in `cell`. `ocr` is the OCR
// of the cell with word and symbol boxes in page pixels (may be empty).
CheckboxDecision JudgeCheckboxes(const CellInk& cell, const OcrResult& ocr, const std::vector<std::string>& options);

// The marks of `options` when the pixels alone settle them: the cell's
// printed bracket pairs are exactly one per option, so the printed order
// says whose each pair is. The cell's OCR would add nothing (it only places
// options when pairs are missing or extra) and need not be run. False, and
// `out` untouched, otherwise. JudgeCheckboxes with an empty OCR result
// then decides the same.
bool MarksFromPixelsAlone(const CellInk& cell, const std::vector<std::string>& options, CheckboxDecision* out);

// A decided group as printed: 已取得（√）正在办理（ ）不涉及（ ）.
std::string CheckboxGroupText(const std::vector<std::string>& options, const std::vector<std::string>& marked);

// Marks of a checkbox group written as text ("已取得（√）正在办理（ ）不涉及（）",
// typed in a docx or read by the OCR): an option is marked when its brackets
// hold anything but spaces, or when a mark glyph (√ ✓ ✔ ☑ ■ × ✗) is written
// right before or after it. One misread character of a 3+ character option
// is forgiven.
CheckboxDecision MarksFromText(std::string_view text, const std::vector<std::string>& options);

}  // namespace gm::form
