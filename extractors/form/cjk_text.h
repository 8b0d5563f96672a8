// CJK text helpers for reading the form: code points, tolerant comparison of
// labels (edit distance on normalized text) and cleaning of OCR output into
// the raw text a reviewer expects ("甘肃祁连矿业有限公司", not
// "| 甘 肃 祁连 矿业 有限公司 。").
//
// All functions are pure and thread-safe. Invalid UTF-8 never fails: bad
// bytes become U+FFFD.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/core/edit_distance.h"
#include "pipeline/core/utf8.h"

namespace gm::form {

// The code points of `utf8` (pipeline/core/utf8.h's ToU32; ToUtf8 is the reverse).
inline std::u32string ToCodepoints(std::string_view utf8) { return ToU32(utf8); }

// The characters of OCR text without the spaces OCR puts between them, and
// where each sits in the text: what a phrase-level fix compares, and where it
// writes its changes back so that the spaces stay.
struct Spaceless {
  std::u32string bare;
  std::vector<size_t> at;  // bare[k] is text[at[k]]
};
Spaceless WithoutSpaces(std::u32string_view text);

// Single characters proposed in place of misread ones, by position in a
// text's spaceless form: two different proposals for one position cancel,
// and that character stays as read.
class CharacterProposals {
 public:
  void Add(size_t position, char32_t c);
  // Replaces in `text` each position of exactly one proposal, its spaces
  // kept (`spaceless` is WithoutSpaces of `text`). True when it changed any.
  bool Apply(const Spaceless& spaceless, std::u32string* text) const;

 private:
  std::map<size_t, std::u32string> proposed_;
};

// True for CJK ideographs (the basic block and extension A).
bool IsIdeograph(char32_t c);

// Unicode NFKC (full-width digits, letters and brackets become ASCII,
// superscript footnote digits become digits). Returns the input unchanged if
// ICU fails.
std::string Nfkc(std::string_view utf8);

// The comparison key of a label or of a cell's text: NFKC, then only the
// ideographs are kept. Drops '*', footnote digits, brackets, punctuation,
// spaces and line breaks: "注册资金（万元）*\n³" -> "注册资金万元".
std::u32string LabelKey(std::string_view utf8);


// Cleans the OCR text of a value cell: NFKC; lines joined (no space between
// CJK characters, one space between other words); spaces next to CJK
// characters removed; stray border strokes and punctuation junk stripped at
// both ends ("|", "_", "—", a lone "." or "，"), keeping a closing bracket or
// '%' that belongs to the text.
std::string CleanCellText(std::string_view ocr_text);

// CleanCellText for a cell of prose (项目描述, 财务状况 …, whose sentences end
// with 。): the marks the OCR made of the closing 。 — "，", ":", ";", "、",
// ".", "·" or "-" after the last ideograph — are the 。 ("结构合理，" ->
// "结构合理。"). A text ending without any mark is left so. A % sign read
// as "%0" is the % ("负债率34.43%0，" -> "负债率34.43%,").
std::string CleanProseText(std::string_view ocr_text);

// An amount whose thousands separators the OCR read as points:
// "8.530.00" -> "8,530.00" (every point but the last becomes a comma when
// there are several). Other text is returned unchanged.
std::string FixDigitGrouping(std::string_view text);

}  // namespace gm::form
