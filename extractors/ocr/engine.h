// OcrEngine: a narrow front of Tesseract (chi_sim, LSTM) for the rest of
// greenmine. One engine per worker thread, created once and reused: creating
// one loads the model (~0.3 s), recognizing reuses it.
//
// Thread-safety: an OcrEngine is thread-compatible, not thread-safe — one
// thread at a time. Distinct engines may run on distinct threads.
#pragma once

#include <map>
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

// What recognition has cost an engine, by what it was for (SetPurpose) and
// the kind of call: the way to see where a batch's time goes (`run
// --timings`), cheaper and steadier than a profiler (perf unwinds through
// Debian's libtesseract only with DWARF call graphs).
struct OcrCost {
  long calls = 0;
  double cpu_seconds = 0;  // of the calling thread
  double megapixels = 0;   // of the images given
};
using OcrCosts = std::map<std::string, OcrCost>;  // "purpose: call" → cost
// Adds `from` into *into.
void AddOcrCosts(const OcrCosts& from, OcrCosts* into);

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

  // A second recogniser for a second look at doubtful cells: `tessdata_dir`
  // holds a `<language>.traineddata` of a larger LSTM (tessdata's main
  // model, 2.5 times slower than Debian's fast one; it errs on other
  // characters, which is what makes two readings worth comparing). Loaded
  // on first use. NotFound when the folder has no such model: the engine
  // then runs on its own model alone. The model's digest goes into
  // Fingerprint.
  Status UseCarefulModel(const std::string& tessdata_dir);
  // Whether the careful model is there and loads.
  bool HasCarefulModel();
  // Recognizes `image` with the careful model (as Recognize; no character
  // whitelist). An empty result when there is no careful model.
  OcrResult RecognizeCarefully(PIX* image, OcrLayout layout, int dpi = 300);

  // Limits recognition to `characters` (e.g. digits for an amount) until the
  // next call; empty restores the full character set. Tesseract's LSTM
  // honours the list since 4.1.
  void SetCharacterWhitelist(const std::string& characters);

  // Clockwise quarter turns (0..3) that make a page image upright, from
  // Tesseract's orientation and script detection (osd.traineddata, loaded
  // from the same folder on first use). 0 when the model is missing, the
  // page holds too little text, or the detection is less sure than
  // kSureOrientation (the detector said 3.34 for a photo held sideways on
  // the variety set; callers ask only for pages whose shape says turned).
  // The image is looked at reduced to an A4 page at about kOrientationDpi.
  // A half turn is also read: the page's middle band must give
  // kBetterReading times the sure characters (kSureCharacter) turned that it
  // gives as it is. When the detector is unsure (a photo of one or two rows
  // of the form: too little text for it), the page is read as it is and
  // turned a quarter either way, and the turn that gives kBetterReading
  // times the sure characters of the page as it is is taken.
  // REQUIRES: page != nullptr.
  static constexpr double kSureOrientation = 2.0;
  static constexpr int kOrientationDpi = 150;
  static constexpr double kBetterReading = 1.5;
  static constexpr double kSureCharacter = 0.6;
  int UprightQuarterTurns(PIX* page);

  // A string naming the model and settings, for cache keys: results of a
  // different engine are never reused.
  // The first call with a careful model reads that model's file to hash it.
  std::string Fingerprint() const;

  // Names what the following calls are for ("classify", "form/second look"),
  // until the next SetPurpose; see OcrPurpose for a scoped one.
  void SetPurpose(std::string purpose) { purpose_ = std::move(purpose); }
  const std::string& purpose() const { return purpose_; }
  // Every call so far, by purpose and kind.
  const OcrCosts& costs() const { return costs_; }

  // Whether Tesseract's OpenMP regions run on the calling thread, without
  // libgomp's per-region system calls (inline_openmp.h); false means
  // libgomp runs them: slower, same results.
  static bool RegionsRunInline();

 private:
  OcrEngine();
  double ReadingScore(PIX* page);
  int TurnsByReading(PIX* page);
  // Recognize with `api` (either model), counted under `call`.
  OcrResult RecognizeCounted(tesseract::TessBaseAPI* api, PIX* image, OcrLayout layout, int dpi,
                             const std::string& call);
  void Count(const char* call, PIX* image, double cpu_seconds);

  std::unique_ptr<tesseract::TessBaseAPI> api_;
  std::unique_ptr<tesseract::TessBaseAPI> osd_;  // orientation detection; made on first use
  std::unique_ptr<tesseract::TessBaseAPI> careful_;  // the careful model; made on first use
  std::string careful_dir_;                          // empty: none
  std::string careful_model_file_;                   // its .traineddata; empty: none
  mutable std::string careful_digest_;               // of that file, made by the first Fingerprint
  bool careful_missing_ = false;                     // it could not be loaded
  bool osd_missing_ = false;                     // its model could not be loaded
  std::string tessdata_dir_;
  std::string language_;
  std::string user_words_digest_;  // of the user words' content, for Fingerprint; empty when none
  std::string purpose_;
  OcrCosts costs_;
};

// Sets `engine`'s purpose to its present one + "/" + `step` for the scope's
// lifetime (`engine` may be null: then nothing). REQUIRES: `engine`
// outlives the scope.
class OcrPurpose {
 public:
  OcrPurpose(OcrEngine* engine, const std::string& step) : engine_(engine) {
    if (!engine_) return;
    saved_ = engine_->purpose();
    engine_->SetPurpose(saved_.empty() ? step : saved_ + "/" + step);
  }
  ~OcrPurpose() {
    if (engine_) engine_->SetPurpose(saved_);
  }
  OcrPurpose(const OcrPurpose&) = delete;
  OcrPurpose& operator=(const OcrPurpose&) = delete;

 private:
  OcrEngine* engine_;
  std::string saved_;
};

}  // namespace gm
