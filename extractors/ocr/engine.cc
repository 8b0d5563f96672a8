#include "extractors/ocr/engine.h"

#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <optional>
#include <sstream>

#include <tesseract/baseapi.h>
#include <tesseract/resultiterator.h>

#include "extractors/ocr/inline_openmp.h"
#include "pipeline/core/pix.h"
#include "pipeline/core/hash.h"

namespace gm {
namespace {

tesseract::PageSegMode ToPsm(OcrLayout layout) {
  switch (layout) {
    case OcrLayout::kSingleLine: return tesseract::PSM_SINGLE_LINE;
    case OcrLayout::kBlock: return tesseract::PSM_SINGLE_BLOCK;
    case OcrLayout::kRawLine: return tesseract::PSM_RAW_LINE;
    case OcrLayout::kSparse: return tesseract::PSM_SPARSE_TEXT;
    case OcrLayout::kAuto: return tesseract::PSM_AUTO;
  }
  return tesseract::PSM_SINGLE_BLOCK;
}

const char* CallName(OcrLayout layout) {
  switch (layout) {
    case OcrLayout::kSingleLine: return "line";
    case OcrLayout::kBlock: return "block";
    case OcrLayout::kRawLine: return "raw line";
    case OcrLayout::kSparse: return "sparse";
    case OcrLayout::kAuto: return "page";
  }
  return "block";
}

double ThreadCpuSeconds() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + t.tv_nsec * 1e-9;
}

std::string Trim(std::string s) {
  size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  size_t e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

// How many characters of `read` are at least OcrEngine::kSureCharacter sure:
// a page read the right way round has many more.
double SureCharacters(const OcrResult& read) {
  double sure = 0;
  for (const OcrWord& symbol : read.symbols)
    if (symbol.confidence >= OcrEngine::kSureCharacter) sure += 1;
  return sure;
}

// The text, confidence and box of the element of `level` (a word, a
// symbol) the iterator is at; nullopt when it has no text.
std::optional<OcrWord> ReadElement(tesseract::ResultIterator* it, tesseract::PageIteratorLevel level, int line) {
  std::unique_ptr<char[]> text(it->GetUTF8Text(level));
  if (!text) return std::nullopt;
  OcrWord w;
  w.text = text.get();
  w.confidence = it->Confidence(level) / 100.0;
  w.line = line;
  int x1, y1, x2, y2;
  if (it->BoundingBox(level, &x1, &y1, &x2, &y2)) w.box = Box{double(x1), double(y1), double(x2 - x1), double(y2 - y1)};
  return w;
}

// Recognizes `image` with `api` (either of the engine's models) and reads
// its words and symbols out.
OcrResult RecognizeWith(tesseract::TessBaseAPI* api, PIX* image, OcrLayout layout, int dpi) {
  OcrResult result;
  api->SetPageSegMode(ToPsm(layout));
  api->SetImage(image);
  api->SetSourceResolution(dpi);
  if (api->Recognize(nullptr) != 0) return result;

  std::unique_ptr<tesseract::ResultIterator> it(api->GetIterator());
  double weighted = 0, weight = 0;
  int line = -1;
  std::string text;
  if (it) {
    do {
      if (it->IsAtBeginningOf(tesseract::RIL_TEXTLINE)) {
        ++line;
        if (!text.empty()) text += '\n';
      }
      std::optional<OcrWord> w = ReadElement(it.get(), tesseract::RIL_WORD, line);
      if (!w) continue;
      if (!text.empty() && text.back() != '\n') text += ' ';
      text += w->text;
      weighted += w->confidence * w->text.size();
      weight += w->text.size();
      result.words.push_back(std::move(*w));
      // The word's characters, each with its box.
      do {
        if (std::optional<OcrWord> symbol = ReadElement(it.get(), tesseract::RIL_SYMBOL, line))
          result.symbols.push_back(std::move(*symbol));
      } while (!it->IsAtFinalElement(tesseract::RIL_WORD, tesseract::RIL_SYMBOL) && it->Next(tesseract::RIL_SYMBOL));
    } while (it->Next(tesseract::RIL_WORD));
  }
  result.text = Trim(text);
  result.confidence = weight > 0 ? weighted / weight : 0.0;
  api->Clear();
  return result;
}

}  // namespace

void AddOcrCosts(const OcrCosts& from, OcrCosts* into) {
  for (const auto& [key, cost] : from) {
    OcrCost& sum = (*into)[key];
    sum.calls += cost.calls;
    sum.cpu_seconds += cost.cpu_seconds;
    sum.megapixels += cost.megapixels;
  }
}

void OcrEngine::Count(const char* call, PIX* image, double cpu_seconds) {
  OcrCost& cost = costs_[(purpose_.empty() ? std::string("other") : purpose_) + ": " + call];
  ++cost.calls;
  cost.cpu_seconds += cpu_seconds;
  cost.megapixels += image ? pixGetWidth(image) * 1e-6 * pixGetHeight(image) : 0;
}

OcrEngine::OcrEngine() : api_(std::make_unique<tesseract::TessBaseAPI>()) {}

OcrEngine::~OcrEngine() {
  if (api_) api_->End();
  if (osd_) osd_->End();
  if (careful_) careful_->End();
}

Status OcrEngine::Create(const std::string& tessdata_dir, const std::string& language,
                         std::unique_ptr<OcrEngine>* out) {
  return Create(tessdata_dir, language, "", out);
}

Status OcrEngine::Create(const std::string& tessdata_dir, const std::string& language,
                         const std::string& user_words_file, std::unique_ptr<OcrEngine>* out) {
  std::unique_ptr<OcrEngine> engine(new OcrEngine());
  engine->language_ = language;
  engine->tessdata_dir_ = tessdata_dir;
  const char* dir = tessdata_dir.empty() ? nullptr : tessdata_dir.c_str();
  // Tesseract reads the user words while it loads the dictionary, so they
  // are an Init variable; it says nothing when the file is missing.
  std::vector<std::string> names, values;
  if (!user_words_file.empty()) {
    std::ifstream in(user_words_file, std::ios::binary);
    if (!in) return Status::NotFound("OCR user words file " + user_words_file + " cannot be read");
    std::stringstream words;
    words << in.rdbuf();
    engine->user_words_digest_ = Sha256Hex(words.str());
    names.push_back("user_words_file");
    values.push_back(user_words_file);
  }
  if (engine->api_->Init(dir, language.c_str(), tesseract::OEM_LSTM_ONLY, nullptr, 0, &names, &values, false) != 0) {
    return Status::NotFound("Tesseract model '" + language + "' not found" +
                            (dir ? " in " + tessdata_dir : std::string()) +
                            "; install it with: apt-get install tesseract-ocr-chi-sim");
  }
  // Chinese text has no spaces between characters; keep Tesseract from inventing them.
  engine->api_->SetVariable("preserve_interword_spaces", "1");
  engine->api_->SetVariable("debug_file", "/dev/null");
  *out = std::move(engine);
  return Status::OK();
}

int OcrEngine::UprightQuarterTurns(PIX* page) {
  if (osd_missing_) return 0;
  if (!osd_) {
    auto osd = std::make_unique<tesseract::TessBaseAPI>();
    const char* dir = tessdata_dir_.empty() ? nullptr : tessdata_dir_.c_str();
    if (osd->Init(dir, "osd", tesseract::OEM_TESSERACT_ONLY) != 0) {
      osd_missing_ = true;
      return 0;
    }
    osd->SetVariable("debug_file", "/dev/null");
    osd_ = std::move(osd);
  }
  // Looked at as an A4 page at kOrientationDpi, whatever the file says its
  // resolution is (a phone photo says 72).
  const int long_side = std::max(pixGetWidth(page), pixGetHeight(page));
  const double a4_long_inches = 11.69;
  PixPtr scaled;
  PIX* image = page;
  const float factor = static_cast<float>(kOrientationDpi * a4_long_inches / std::max(long_side, 1));
  if (factor < 0.9f) {
    scaled = AdoptPix(pixGetDepth(page) == 1 ? pixScaleToGray(page, factor) : pixScale(page, factor, factor));
    if (scaled) image = scaled.get();
  }
  const double started = ThreadCpuSeconds();
  osd_->SetPageSegMode(tesseract::PSM_OSD_ONLY);
  osd_->SetImage(image);
  osd_->SetSourceResolution(kOrientationDpi);
  int orientation_degrees = 0;
  float orientation_confidence = 0, script_confidence = 0;
  const char* script = nullptr;
  const bool detected = osd_->DetectOrientationScript(&orientation_degrees, &orientation_confidence, &script,
                                                      &script_confidence);
  osd_->Clear();
  Count("orientation", image, ThreadCpuSeconds() - started);
  if (!detected || orientation_confidence < kSureOrientation) return TurnsByReading(image);
  // Tesseract names the page's counter-clockwise turn; undoing it is the
  // same angle clockwise from the other side.
  const int turns = ((360 - orientation_degrees) % 360) / 90;
  if (turns == 0) return 0;
  // Lines running up the page are plain to see, which end is up less so: the
  // detector turned an upright page of printed notes upside down, sure of
  // itself. A half turn stands only when the page reads clearly better so.
  if (turns != 2) return turns;
  PixPtr turned = AdoptPix(pixRotateOrth(image, turns));
  if (!turned) return 0;
  const double upright = ReadingScore(image), after = ReadingScore(turned.get());
  return after > kBetterReading * upright ? turns : 0;
}

int OcrEngine::TurnsByReading(PIX* page) {
  OcrPurpose purpose(this, "quarter turns");
  auto score = [&](PIX* image) { return SureCharacters(Recognize(image, OcrLayout::kSparse, kOrientationDpi)); };
  const double as_is = score(page);
  int best = 0;
  double best_score = as_is;
  for (int turns : {1, 3}) {
    PixPtr turned = AdoptPix(pixRotateOrth(page, turns));
    if (!turned) continue;
    const double s = score(turned.get());
    if (s > best_score) {
      best = turns;
      best_score = s;
    }
  }
  return best != 0 && best_score > kBetterReading * as_is ? best : 0;
}

// Sure characters read in the middle band of a page (kScoreBand of its
// height, across its width), for comparing two ways of holding it.
double OcrEngine::ReadingScore(PIX* page) {
  constexpr double kScoreBand = 0.25;
  const int w = pixGetWidth(page), h = pixGetHeight(page);
  BOX* band = boxCreate(0, static_cast<int>(h * (0.5 - kScoreBand / 2)), w, static_cast<int>(h * kScoreBand));
  PixPtr crop = AdoptPix(pixClipRectangle(page, band, nullptr));
  boxDestroy(&band);
  if (!crop) return 0;
  OcrPurpose purpose(this, "half turn");
  return SureCharacters(Recognize(crop.get(), OcrLayout::kAuto, kOrientationDpi));
}

OcrResult OcrEngine::RecognizeCounted(tesseract::TessBaseAPI* api, PIX* image, OcrLayout layout, int dpi,
                                      const std::string& call) {
  const double started = ThreadCpuSeconds();
  OcrResult result = RecognizeWith(api, image, layout, dpi);
  Count(call.c_str(), image, ThreadCpuSeconds() - started);
  return result;
}

OcrResult OcrEngine::Recognize(PIX* image, OcrLayout layout, int dpi) {
  return RecognizeCounted(api_.get(), image, layout, dpi, CallName(layout));
}

Status OcrEngine::UseCarefulModel(const std::string& tessdata_dir) {
  const std::string model = tessdata_dir + "/" + language_ + ".traineddata";
  if (!std::ifstream(model, std::ios::binary)) return Status::NotFound("careful OCR model " + model + " not found");
  careful_model_file_ = model;
  careful_digest_.clear();
  careful_dir_ = tessdata_dir;
  careful_.reset();
  careful_missing_ = false;
  return Status::OK();
}

bool OcrEngine::HasCarefulModel() {
  if (careful_dir_.empty() || careful_missing_) return false;
  if (careful_) return true;
  auto careful = std::make_unique<tesseract::TessBaseAPI>();
  if (careful->Init(careful_dir_.c_str(), language_.c_str(), tesseract::OEM_LSTM_ONLY) != 0) {
    careful_missing_ = true;
    return false;
  }
  careful->SetVariable("preserve_interword_spaces", "1");
  careful->SetVariable("debug_file", "/dev/null");
  careful_ = std::move(careful);
  return true;
}

OcrResult OcrEngine::RecognizeCarefully(PIX* image, OcrLayout layout, int dpi) {
  if (!HasCarefulModel()) return OcrResult();
  return RecognizeCounted(careful_.get(), image, layout, dpi, std::string("careful ") + CallName(layout));
}


void OcrEngine::SetCharacterWhitelist(const std::string& characters) {
  api_->SetVariable("tessedit_char_whitelist", characters.c_str());
}

std::string OcrEngine::Fingerprint() const {
  // The careful model is hashed here, once, not when each worker's engine
  // is told of it: a session fingerprints one engine, and the file is 44 MB.
  if (!careful_model_file_.empty() && careful_digest_.empty()) {
    std::ifstream in(careful_model_file_, std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    careful_digest_ = Sha256Hex(bytes.str());
  }
  return std::string("tesseract-") + tesseract::TessBaseAPI::Version() + "/" + language_ + "/lstm" +
         (user_words_digest_.empty() ? std::string() : "/words-" + user_words_digest_.substr(0, 16)) +
         (careful_digest_.empty() ? std::string() : "/careful-" + careful_digest_.substr(0, 16));
}

bool OcrEngine::RegionsRunInline() { return OpenMpRunsInline(); }

}  // namespace gm
