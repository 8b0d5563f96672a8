// Classification: what the classifier says of one document — its checklist
// kind and how it read the first page. A value type of its own so that the
// checks, which only read it, do not depend on the classifier (nor, through
// it, on Tesseract).
//
// Thread-safety: a value; distinct objects may be used from distinct threads.
#pragma once

#include <string>

namespace gm {

// Where the classifier read a document's first page from.
enum class TextSource {
  kNone,  // nowhere: no text layer and no readable word in a scan (the file name decides)
  kText,  // the text layer (or an office document's text)
  kOcr,   // OCR of the page image
};

// "none" | "text" | "ocr": the record's name of `source` (FileEntry::text_source).
inline const char* TextSourceName(TextSource source) {
  switch (source) {
    case TextSource::kNone:
      return "none";
    case TextSource::kText:
      return "text";
    case TextSource::kOcr:
      return "ocr";
  }
  return "none";
}

struct Classification {
  std::string kind;                  // a checklist kind; "other" when nothing fits
  double confidence = 0;             // 0..1
  bool is_report = false;            // a report or plan standing in for an approval (正在办理)
  TextSource text_source = TextSource::kNone;
  std::string first_page_text;       // the text classification read (for the form reader's FormLikeness)
};

}  // namespace gm
