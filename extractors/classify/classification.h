// Classification: what the classifier says of one document — its checklist
// kind and how it read the first page. A value type of its own so that the
// checks, which only read it, do not depend on the classifier (nor, through
// it, on Tesseract).
//
// Thread-safety: a value; distinct objects may be used from distinct threads.
#pragma once

#include <string>

namespace gm {

struct Classification {
  std::string kind;                  // a checklist kind; "other" when nothing fits
  double confidence = 0;             // 0..1
  bool is_report = false;            // a report or plan standing in for an approval (正在办理)
  std::string text_source;           // "text" | "ocr" | "none"
  std::string first_page_text;       // the text classification read (for the form reader's FormLikeness)
};

}  // namespace gm
