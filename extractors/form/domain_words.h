// DomainWords: single misread characters inside the words of the domain —
// Gansu's place names, mining and finance terms (templates/ocr_words.txt,
// the list the OCR also gets as user words) — put right after the OCR.
//
// The OCR's dictionary pulls a doubtful glyph towards a known word, but not
// always: 通过喊南市生态环境局, 清沽生产审核, 优囊利率 stay as read. Where a
// stretch of the read text differs from a domain word of three or more
// characters in exactly one ideograph, that ideograph becomes the word's.
// Not a character inside a domain word read as it is (资产负债结构 stays, though
// 资产负债率 is one character away), not when two words propose different
// characters, and in a three-character word only the middle one — or, for a
// place name (…市, …县), either of the name's: the ends of a short term make
// other words (主要耗能 is no misread 主高耗能, 尾矿坝 none of 尾矿库).
//
// Immutable after Load; safe to share between threads.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "pipeline/core/status.h"
#include "pipeline/core/templates.h"

namespace gm::form {

class DomainWords {
 public:
  // The words of templates.dir()/ocr_words.txt, one a line; none when the
  // file is absent (a template set without it).
  static Status Load(const Templates& templates, DomainWords* out);
  // From a list of words (tests).
  explicit DomainWords(std::vector<std::string> words = {});

  // `read` with its misread characters put right; `read` itself when none.
  // Spaces in `read` are looked through and kept.
  std::string Correct(std::string_view read) const;

 private:
  std::vector<std::u32string> words_;      // of three or more characters: those that correct
  std::vector<std::u32string> all_words_;  // two or more: those that vouch for what is read
};

}  // namespace gm::form
