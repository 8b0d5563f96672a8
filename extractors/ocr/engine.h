// OcrEngine: a narrow front of Tesseract (chi_sim, LSTM) for the rest of
// greenmine. One engine per worker thread, created once and reused: creating
// one loads the model (~0.3 s), recognizing reuses it.
//
// Thread-safety: an OcrEngine is thread-compatible, not thread-safe — one
// thread at a time. Distinct engines may run on distinct threads.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "pipeline/core/document.h"
#include "pipeline/core/pix.h"
#include "pipeline/core/status.h"

namespace tesseract {
class TessBaseAPI;
}

namespace gm {

// How the image is laid out, mapped onto Tesseract's page segmentation modes.
enum class OcrLayout {
  kSingleLine,   // one line of text (a short value cell)
  kBlock,        // one uniform block (a multi-line cell)
  kRawLine,      // one line, without Tesseract's layout heuristics (a line of a
                 // single character, which the other modes drop)
  kSparse,       // sparse text anywhere (a page top, a statement page)
  kAuto,         // full page layout analysis
};

struct OcrWord {
  std::string text;          // UTF-8
  Box box;                   // in the input image's pixels
  double confidence = 0;     // 0..1
  int line = 0;              // index of the text line the word belongs to
};

struct OcrResult {
  std::string text;          // UTF-8, lines separated by '\n', trimmed
  double confidence = 0;     // 0..1, mean of word confidences weighted by length; 0 when no text
  std::vector<OcrWord> words;
  // The recognized characters one by one, with their boxes (`line` as for
  // words): where a word holds several CJK characters, this is what locates
  // one of them (an option label before its brackets).
  std::vector<OcrWord> symbols;
};

class OcrEngine {
 public:
  // Loads `language` from `tessdata_dir` (empty: Tesseract's default, or
  // TESSDATA_PREFIX). Fails with NotFound and an operator-facing message
  // when the model is not installed.
  static Status Create(const std::string& tessdata_dir, const std::string& language,
                       std::unique_ptr<OcrEngine>* out);
  // The same, with the words of `user_words_file` (one a line, UTF-8) added
  // to the model's dictionary: the LSTM's beam search prefers a dictionary
  // word when the glyphs are doubtful (投柄资 → 投融资 in blurred small
  // print). An empty path adds none; a missing file is NotFound.
  static Status Create(const std::string& tessdata_dir, const std::string& language,
                       const std::string& user_words_file, std::unique_ptr<OcrEngine>* out);
  ~OcrEngine();
  OcrEngine(const OcrEngine&) = delete;
  OcrEngine& operator=(const OcrEngine&) = delete;

  // Recognizes the text of `image` (any depth Leptonica handles; binary or
  // grey is best). `dpi` is the image's resolution, for Tesseract's size
  // heuristics. REQUIRES: image != nullptr.
  OcrResult Recognize(PIX* image, OcrLayout layout, int dpi = 300);

  // Limits recognition to `characters` (e.g. digits for an amount) until the
  // next call; empty restores the full character set. Tesseract's LSTM
  // honours the list since 4.1.
  void SetCharacterWhitelist(const std::string& characters);

  // A string naming the model and settings, for cache keys: results of a
  // different engine are never reused.
  std::string Fingerprint() const;

  // Whether Tesseract's OpenMP regions run on the calling thread, without
  // libgomp's per-region system calls (inline_openmp.h); false means
  // libgomp runs them: slower, same results.
  static bool RegionsRunInline();

 private:
  OcrEngine();
  std::unique_ptr<tesseract::TessBaseAPI> api_;
  std::string language_;
  std::string user_words_digest_;  // of the user words' content, for Fingerprint; empty when none
};

}  // namespace gm
