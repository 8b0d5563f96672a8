// OCR path of the classifier, on a small committed scan (fixtures/README.md says how it was made).
#include <algorithm>
#include <filesystem>

#include <gtest/gtest.h>

#include "extractors/classify/classifier.h"
#include "extractors/classify/page_ocr.h"

namespace gm {
namespace {

const std::string kFixtures = std::string(GREENMINE_SOURCE_DIR) + "/tests/classify/fixtures/";

Page ImagePage(const std::string& file, double dpi) {
  Page page;
  page.dpi = dpi;
  page.load_image = [file](PixPtr* out) {
    *out = AdoptPix(pixRead(file.c_str()));
    return *out ? Status::OK() : Status::Corrupt("无法解码图像");
  };
  return page;
}

TEST(PageOcrTest, BadPagesFailCleanly) {
  PixPtr out;
  EXPECT_EQ(PreparePageImage(Page(), {0.35, RedInk::kKeep, false}, &out).code(), Status::Code::kNotFound);
  Page broken;
  broken.load_image = [](PixPtr*) { return Status::Corrupt("坏图"); };
  EXPECT_EQ(PreparePageImage(broken, {0.35, RedInk::kKeep, false}, &out).code(), Status::Code::kCorrupt);
  Page tiny = ImagePage(kFixtures + "eia_approval_scan.png", 150);
  EXPECT_EQ(PreparePageImage(tiny, {0, RedInk::kKeep, false}, &out).code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(PreparePageImage(tiny, {1.5, RedInk::kKeep, false}, &out).code(), Status::Code::kInvalidArgument);
  Page nothing;
  nothing.load_image = [](PixPtr* out) {
    out->reset();
    return Status::OK();
  };
  EXPECT_EQ(PreparePageImage(nothing, {0.35, RedInk::kKeep, false}, &out).code(), Status::Code::kNotFound);
}

TEST(PageOcrTest, PreparedImageIsBinaryTopPartAt300Dpi) {
  Page page = ImagePage(kFixtures + "eia_approval_scan.png", 150);
  PixPtr src = AdoptPix(pixRead((kFixtures + "eia_approval_scan.png").c_str()));
  ASSERT_TRUE(src);
  PixPtr out;
  ASSERT_TRUE(PreparePageImage(page, {0.35, RedInk::kKeep, false}, &out).ok());
  EXPECT_EQ(pixGetDepth(out.get()), 1);
  EXPECT_NEAR(pixGetWidth(out.get()), 2 * pixGetWidth(src.get()), 2);
  // The bottom edge moved to a gap between lines, at most 2.5 % of the page away.
  EXPECT_NEAR(pixGetHeight(out.get()), 2 * 0.35 * pixGetHeight(src.get()), 2 * 0.025 * pixGetHeight(src.get()) + 3);
}

TEST(PageOcrTest, ABandOfThePage) {
  Page page = ImagePage(kFixtures + "eia_approval_scan.png", 150);
  PixPtr src = AdoptPix(pixRead((kFixtures + "eia_approval_scan.png").c_str()));
  ASSERT_TRUE(src);
  OcrPrep band{0.35, RedInk::kKeep, false};
  band.from_fraction = 0.15;
  PixPtr out;
  ASSERT_TRUE(PreparePageImage(page, band, &out).ok());
  EXPECT_NEAR(pixGetHeight(out.get()), 2 * 0.20 * pixGetHeight(src.get()), 4 * 0.025 * pixGetHeight(src.get()) + 3);
  const l_int32 whole = pixGetHeight(out.get());
  // Two bands meeting at 0.25 make the one band exactly: no row lost or read twice.
  OcrPrep upper = band, lower = band;
  upper.top_fraction = 0.25;
  lower.from_fraction = 0.25;
  PixPtr a, b;
  ASSERT_TRUE(PreparePageImage(page, upper, &a).ok());
  ASSERT_TRUE(PreparePageImage(page, lower, &b).ok());
  EXPECT_NEAR(pixGetHeight(a.get()) + pixGetHeight(b.get()), whole, 2);
  band.from_fraction = 0.35;  // empty band
  EXPECT_EQ(PreparePageImage(page, band, &out).code(), Status::Code::kInvalidArgument);
  band.from_fraction = -0.1;
  EXPECT_EQ(PreparePageImage(page, band, &out).code(), Status::Code::kInvalidArgument);
}

TEST(PageOcrTest, ABandEdgeThroughALineMovesToTheGapBesideIt) {
  // At 150 dpi the title's second line (…报告书的批复) spans about 0.255-0.285
  // of the fixture's height: an edge at 0.27 cuts through it.
  Page page = ImagePage(kFixtures + "eia_approval_scan.png", 150);
  for (double edge : {0.27, 0.235}) {
    OcrPrep top{edge, RedInk::kKeep, false};
    PixPtr out;
    ASSERT_TRUE(PreparePageImage(page, top, &out).ok());
    const l_int32 w = pixGetWidth(out.get()), h = pixGetHeight(out.get());
    // The last rows hold no ink: the edge lies between lines, not through one.
    PixPtr bottom = AdoptPix(pixClipRectangle(out.get(), BoxPtr(boxCreate(0, h - 4, w, 4)).get(), nullptr));
    ASSERT_TRUE(bottom);
    l_int32 ink = -1;
    pixCountPixels(bottom.get(), &ink, nullptr);
    EXPECT_EQ(ink, 0) << "edge " << edge;
  }
}

// OCR puts spaces between words; the checks look for words across them.
std::string NoSpaces(std::string s) {
  s.erase(std::remove(s.begin(), s.end(), ' '), s.end());
  return s;
}

// The fixture's page without its top `cut` of the height (the title moves
// up), under a white margin of `blank_top` of the original height.
Page CutPage(const std::string& file, double cut, double blank_top = 0) {
  Page page = ImagePage(file, 150);
  page.load_image = [file, cut, blank_top](PixPtr* out) {
    PixPtr whole = AdoptPix(pixRead(file.c_str()));
    if (!whole) return Status::Corrupt("无法解码图像");
    int w = pixGetWidth(whole.get()), h = pixGetHeight(whole.get()), y = static_cast<int>(h * cut);
    *out = AdoptPix(pixClipRectangle(whole.get(), BoxPtr(boxCreate(0, y, w, h - y)).get(), nullptr));
    if (*out && blank_top > 0)
      *out = AdoptPix(pixAddBorderGeneral(out->get(), 0, 0, static_cast<int>(h * blank_top), 0, 0xffffff00));
    return *out ? Status::OK() : Status::Corrupt("无法裁剪");
  };
  return page;
}

// The shipped rules and a chi_sim engine.
class ClassifierOcrTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(OcrEngine::Create("", "chi_sim", &ocr).ok());
    Templates templates;
    ASSERT_TRUE(Templates::Load(Templates::DefaultDir(), &templates).ok());
    ASSERT_TRUE(Classifier::Create(templates, &classifier).ok());
  }
  std::unique_ptr<OcrEngine> ocr;
  std::unique_ptr<Classifier> classifier;
};

TEST_F(ClassifierOcrTest, ATitleAtTheTopSettlesTheKindAndTheRestIsNotRead) {
  // Cut so that the title (批复) lies in the first of the ocr_bands (0.15)
  // and the letter's first paragraph (你公司报送的…) just below it.
  Document doc;
  doc.format = DocumentFormat::kImage;
  doc.pages.push_back(CutPage(kFixtures + "eia_approval_scan.png", 0.18));
  Classification got = classifier->Classify(doc, "scan0003.jpg", ocr.get());
  EXPECT_EQ(got.kind, "eia_doc") << got.first_page_text;
  EXPECT_GE(got.confidence, 0.8);
  EXPECT_NE(NoSpaces(got.first_page_text).find("批复"), std::string::npos) << got.first_page_text;
  EXPECT_EQ(NoSpaces(got.first_page_text).find("公司报送"), std::string::npos) << got.first_page_text;
}

TEST_F(ClassifierOcrTest, ATitleInTheSecondBandStopsTheReadingThere) {
  // Cut so that the number and the title's first line fill the first band
  // (0.15) and its second line (…的批复) the second (to 0.25); the letter's
  // first paragraph (你公司报送的…) lies in the third band, which is then not
  // read. (A cut that leaves the letterhead leaves the title too low in the
  // title lines for a sure kind: the third band is read, rightly.)
  Document doc;
  doc.format = DocumentFormat::kImage;
  doc.pages.push_back(CutPage(kFixtures + "eia_approval_scan.png", 0.12));
  Classification got = classifier->Classify(doc, "scan0003.jpg", ocr.get());
  EXPECT_EQ(got.kind, "eia_doc") << got.first_page_text;
  EXPECT_GE(got.confidence, 0.8);
  EXPECT_NE(NoSpaces(got.first_page_text).find("批复"), std::string::npos) << got.first_page_text;
  EXPECT_EQ(NoSpaces(got.first_page_text).find("你公司"), std::string::npos) << got.first_page_text;
}

// The first page is decoded once for its top and the band below it, and
// the engine counts each reading under its purpose (`run --timings`); the
// band's scoped purpose ends with the band.
TEST_F(ClassifierOcrTest, AFirstPageIsDecodedOnceAndItsReadingsAreCountedByPurpose) {
  Document doc;
  doc.format = DocumentFormat::kImage;
  Page page = CutPage(kFixtures + "eia_approval_scan.png", 0.12);
  int loads = 0;
  page.load_image = [load = page.load_image, &loads](PixPtr* out) {
    ++loads;
    return load(out);
  };
  doc.pages.push_back(page);
  ocr->SetPurpose("classify");
  Classification got = classifier->Classify(doc, "scan0003.jpg", ocr.get());
  EXPECT_EQ(got.kind, "eia_doc") << got.first_page_text;
  EXPECT_EQ(loads, 1);
  const OcrCosts& costs = ocr->costs();
  ASSERT_TRUE(costs.count("classify: sparse"));
  EXPECT_EQ(costs.at("classify: sparse").calls, 1);
  ASSERT_TRUE(costs.count("classify/band: sparse"));
  EXPECT_GE(costs.at("classify/band: sparse").calls, 1);
  EXPECT_GT(costs.at("classify/band: sparse").megapixels, 0);
  EXPECT_EQ(ocr->purpose(), "classify");
}

TEST_F(ClassifierOcrTest, ABlankFirstBandDoesNotEndTheReading) {
  // The page from its title down, under a blank margin of a sixth of the
  // page: the first band reads nothing, the title lies in the second.
  Document doc;
  doc.format = DocumentFormat::kImage;
  doc.pages.push_back(CutPage(kFixtures + "eia_approval_scan.png", 0.18, 1.0 / 6));
  Classification got = classifier->Classify(doc, "scan0003.jpg", ocr.get());
  EXPECT_EQ(got.text_source, TextSource::kOcr);
  EXPECT_EQ(got.kind, "eia_doc") << got.first_page_text;
  EXPECT_NE(NoSpaces(got.first_page_text).find("批复"), std::string::npos) << got.first_page_text;
}

TEST_F(ClassifierOcrTest, AScanWithoutAWordIsClassifiedByItsNameAlone) {
  const std::string file = kFixtures + "eia_approval_scan.png";
  Page page = ImagePage(file, 150);
  page.load_image = [](PixPtr* out) {
    *out = AdoptPix(pixCreate(1240, 1754, 8));
    if (*out) pixSetAll(out->get());
    return *out ? Status::OK() : Status::Corrupt("无法创建");
  };
  Document doc;
  doc.format = DocumentFormat::kImage;
  doc.pages.push_back(page);
  Classification got = classifier->Classify(doc, "环评批复.jpg", ocr.get());
  EXPECT_EQ(got.text_source, TextSource::kNone);
  EXPECT_EQ(got.kind, "eia_doc");
  EXPECT_LE(got.confidence, 0.4);
}

TEST_F(ClassifierOcrTest, ScannedApprovalWithGenericNameIsReadFromItsTop) {
  Document doc;
  doc.format = DocumentFormat::kImage;
  doc.pages.push_back(ImagePage(kFixtures + "eia_approval_scan.png", 150));
  Classification got = classifier->Classify(doc, "scan0003.jpg", ocr.get());
  EXPECT_EQ(got.text_source, TextSource::kOcr);
  EXPECT_EQ(got.kind, "eia_doc") << got.first_page_text;
  EXPECT_FALSE(got.is_report);
  // The title lies below the first part read (the red header and the
  // number alone leave the kind unsure): the rest of the top was read, the
  // title found there, and the body's last line is not in the text.
  EXPECT_NE(got.first_page_text.find("批复"), std::string::npos) << got.first_page_text;
  EXPECT_EQ(got.first_page_text.find("特此批复"), std::string::npos) << got.first_page_text;
}

}  // namespace
}  // namespace gm
