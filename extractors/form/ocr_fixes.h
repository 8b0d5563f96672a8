// OcrFixes: misreadings of the form's OCR that are never Chinese, put right
// (年未资产 is always 年末资产: 末 and 未 differ by one stroke's length, and
// "年未资产" means nothing). From templates/form_ocr_fixes.tsv; each entry
// is a whole phrase, so a fix never touches a word that is right somewhere
// else (其中因… is not 中国).
//
// Immutable after Load; safe to share between threads.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "pipeline/core/status.h"
#include "pipeline/core/templates.h"

namespace gm::form {

class OcrFixes {
 public:
  // Loads form_ocr_fixes.tsv (columns `read`, `meant`, of equal length).
  // Corrupt naming the row when an entry is empty or the lengths differ.
  static Status Load(const Templates& templates, OcrFixes* out);

  // `text` with every fix applied. The OCR's spaces between characters are
  // looked through (年 未 资产 is fixed) and kept.
  std::string Apply(std::string_view text) const;

  size_t size() const { return fixes_.size(); }

 private:
  struct Fix {
    std::u32string read, meant;
  };
  std::vector<Fix> fixes_;
};

}  // namespace gm::form
