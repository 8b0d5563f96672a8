// MisreadSign: marks in a text value that OCR leaves and a writer seldom
// does — the traces of a comma, a ruling or a % sign read as something else.
// A scanned value showing one is not trusted above the review threshold, so
// a wrong reading that looks confident still reaches a reviewer's eye (issue
// 18's "calibrated doubt"). The value itself is left as read: the mark says
// the text is doubtful, not what was printed. In a typed form the marks are
// the applicant's own, all but U+FFFD (normalizer.h).
//
// Thread-safety: pure functions.
#pragma once

#include <string>
#include <string_view>

namespace gm::normalize {

// What kind of mark `text` (already NormalizeText'ed) shows; kNone when none.
enum class MisreadSign {
  kNone,
  kStroke,          // | ¦ ` — a ruling's remnant or a comma's (生态|环境, 贴息`绿色)
  kUnpairedQuote,   // “ ” ‘ ’ ' " not in pairs: a comma read as a quote (55个“年减少)
  kDigitAfterPercent,  // 34.8%6: the % sign read as %6 or as 96
  kBrokenNumber,    // 3 .5, 3. 5: a number split by a space
  kReplacement,     // U+FFFD: bytes that were no text
};

MisreadSign FindMisreadSign(std::string_view text);

// A few words for the reviewer ("竖线", "不成对的引号" …); "" for kNone.
std::string MisreadSignName(MisreadSign sign);

}  // namespace gm::normalize
