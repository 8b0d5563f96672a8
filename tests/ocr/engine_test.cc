#include "extractors/ocr/engine.h"

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <fstream>
#include <set>
#include <string>

#include <gtest/gtest.h>

namespace gm {
namespace {

namespace fs = std::filesystem;

fs::path WriteWords(const std::string& name, const std::string& words) {
  fs::path p = fs::temp_directory_path() / ("gm_ocr_words_" + name + ".txt");
  std::ofstream(p, std::ios::binary) << words;
  return p;
}

// The user words are part of what a reading depends on: a cached record made
// with other words is not reused.
TEST(OcrEngine, UserWordsLoadAndNameTheEngine) {
  std::unique_ptr<OcrEngine> plain, some, other;
  ASSERT_TRUE(OcrEngine::Create("", "chi_sim", &plain).ok());
  ASSERT_TRUE(OcrEngine::Create("", "chi_sim", WriteWords("a", "投融资\n项目库\n").string(), &some).ok());
  ASSERT_TRUE(OcrEngine::Create("", "chi_sim", WriteWords("b", "陇南市\n").string(), &other).ok());
  EXPECT_NE(plain->Fingerprint(), some->Fingerprint());
  EXPECT_NE(some->Fingerprint(), other->Fingerprint());
  std::unique_ptr<OcrEngine> same;
  ASSERT_TRUE(OcrEngine::Create("", "chi_sim", "", &same).ok());
  EXPECT_EQ(plain->Fingerprint(), same->Fingerprint());
}

TEST(OcrEngine, MissingUserWordsFileIsNotFound) {
  std::unique_ptr<OcrEngine> engine;
  Status s = OcrEngine::Create("", "chi_sim", "/nonexistent/ocr_words.txt", &engine);
  EXPECT_EQ(s.code(), Status::Code::kNotFound);
  EXPECT_NE(s.ToString().find("ocr_words.txt"), std::string::npos);
}

// templates/ocr_words.txt is read by Tesseract as it is: one word a line, no
// comments, no blanks, no spaces, no repeats.
TEST(OcrEngine, TheTemplatesWordListIsClean) {
  std::ifstream in(fs::path(GREENMINE_SOURCE_DIR) / "templates" / "ocr_words.txt");
  ASSERT_TRUE(in.good());
  std::set<std::string> seen;
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    ++n;
    EXPECT_FALSE(line.empty()) << "line " << n;
    EXPECT_EQ(line.find_first_of(" \t\r#"), std::string::npos) << "line " << n << ": " << line;
    EXPECT_TRUE(seen.insert(line).second) << "repeated: " << line;
  }
  EXPECT_GT(n, 100);
}

// A line of one character (a name's last 目, wrapped alone): Tesseract's
// single-line and block modes drop it as noise on this crop, which is why
// the form reader falls back to the raw-line mode; that mode must read it.
TEST(OcrEngine, RawLineReadsALoneCharacter) {
  std::unique_ptr<OcrEngine> engine;
  ASSERT_TRUE(OcrEngine::Create("", "chi_sim", &engine).ok());
  PixPtr line = AdoptPix(pixRead(GREENMINE_SOURCE_DIR "/tests/ocr/fixtures/lone_character_line.png"));
  ASSERT_NE(line, nullptr);
  OcrResult r = engine->Recognize(line.get(), OcrLayout::kRawLine, 200);
  EXPECT_EQ(r.text, "目");
  EXPECT_GE(r.confidence, 0.6);
}

}  // namespace
}  // namespace gm

namespace gm {
namespace {

// The careful model (scripts/setup-deps.sh) lives beside Debian's in one
// process: loading it must not change how the engine's own model reads a
// page (Tesseract's page-layout parameters are process-wide, and the model's
// shipped config set them for CJK: setup-deps gives it Debian's config).
// GREENMINE_CAREFUL_TESSDATA names another folder to check.
TEST(OcrEngine, LoadingTheCarefulModelChangesNoOtherReading) {
  const char* named = std::getenv("GREENMINE_CAREFUL_TESSDATA");
  const std::string dir = named ? named : "/usr/local/share/greenmine/tessdata-careful";
  std::unique_ptr<OcrEngine> engine;
  ASSERT_TRUE(OcrEngine::Create("", "chi_sim", &engine).ok());
  if (!engine->UseCarefulModel(dir).ok()) GTEST_SKIP() << "no careful model in " << dir;
  PixPtr page = AdoptPix(pixRead(GREENMINE_SOURCE_DIR "/tests/form/fixtures/p1_seal_skew.jpg"));
  ASSERT_TRUE(page);
  const OcrResult before = engine->Recognize(page.get(), OcrLayout::kAuto, 200);
  ASSERT_TRUE(engine->HasCarefulModel());
  PixPtr line = AdoptPix(pixRead(GREENMINE_SOURCE_DIR "/tests/ocr/fixtures/lone_character_line.png"));
  ASSERT_TRUE(line);
  (void)engine->RecognizeCarefully(line.get(), OcrLayout::kSingleLine);
  const OcrResult after = engine->Recognize(page.get(), OcrLayout::kAuto, 200);
  EXPECT_EQ(after.text, before.text);
  EXPECT_EQ(after.words.size(), before.words.size());
}

}  // namespace
}  // namespace gm
