// The OCR path of the statement reader, on one small committed scan
// (fixtures/make_fixtures.py made it): kept to a single test, OCR is slow.
#include <gtest/gtest.h>

#include "extractors/classify/page_ocr.h"
#include "extractors/statements/statement_reader.h"

namespace gm {
namespace {

const std::string kFixture = std::string(GREENMINE_SOURCE_DIR) + "/tests/statements/fixtures/income_statement_scan.png";

// The fixture scan as a page (200 dpi) turned `quarter_turns` clockwise;
// each load counted in *loads when given.
Page FixturePage(int quarter_turns = 0, int* loads = nullptr) {
  Page page;
  page.dpi = 200;
  page.load_image = [quarter_turns, loads](PixPtr* out) {
    if (loads) ++*loads;
    PixPtr read = AdoptPix(pixRead(kFixture.c_str()));
    if (!read) return Status::Corrupt("无法解码图像");
    *out = quarter_turns == 0 ? std::move(read) : AdoptPix(pixRotateOrth(read.get(), quarter_turns));
    return Status::OK();
  };
  return page;
}

TEST(StatementOcrTest, ScannedIncomeStatementWithASeal) {
  std::unique_ptr<OcrEngine> ocr;
  ASSERT_TRUE(OcrEngine::Create("", "chi_sim", &ocr).ok());
  Document doc;
  doc.format = DocumentFormat::kImage;
  int loads = 0;
  doc.pages.push_back(FixturePage(0, &loads));

  std::vector<StatementFigures> out;
  ASSERT_TRUE(ReadStatements(doc, "scan0009.png", ocr.get(), {}, &out).ok());
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].kind, "income_statement");
  EXPECT_EQ(out[0].year, 2024);
  EXPECT_EQ(out[0].unit, "元");
  ASSERT_TRUE(out[0].wan.count("revenue"));
  ASSERT_TRUE(out[0].wan.count("net_profit"));
  EXPECT_NEAR(out[0].wan.at("revenue"), 4567.890123, 1e-6);
  EXPECT_NEAR(out[0].wan.at("net_profit"), 543.21, 1e-6);
  EXPECT_GT(out[0].confidence, 0.5);
  EXPECT_EQ(loads, 1);  // the whole page's reading found the title

  // The same page with its title cut away: the whole page's reading shows
  // no title, and neither does the top read again. The classifier's reading
  // of the top, passed on, names the statement — and the top is not read
  // again.
  Document untitled = doc;
  untitled.pages[0].load_image = [&loads](PixPtr* out) {
    ++loads;
    *out = AdoptPix(pixRead(kFixture.c_str()));
    if (!*out) return Status::Corrupt("无法解码图像");
    BOX* title = boxCreate(0, 0, pixGetWidth(out->get()), pixGetHeight(out->get()) * 12 / 100);
    pixSetInRectArbitrary(out->get(), title, pixGetDepth(out->get()) == 32 ? 0xffffff00 : 255);
    boxDestroy(&title);
    return Status::OK();
  };
  loads = 0;
  std::vector<StatementFigures> hinted;
  ASSERT_TRUE(ReadStatements(untitled, "scan0009.png", ocr.get(), {"某某矿业有限公司\n利润表\n2024年度"}, &hinted).ok());
  EXPECT_EQ(loads, 1);
  ASSERT_EQ(hinted.size(), 1u);
  EXPECT_EQ(hinted[0].kind, "income_statement");
  EXPECT_NEAR(hinted[0].wan.at("revenue"), 4567.890123, 1e-6);
  // A passed-on top that shows no title is not trusted: the reader looks
  // itself, and finds the statement's form number (会企02表) on the page it
  // has just read whole, so the top is not read again either.
  loads = 0;
  std::vector<StatementFigures> unhinted;
  ASSERT_TRUE(ReadStatements(untitled, "scan0009.png", ocr.get(), {"某某矿业有限公司"}, &unhinted).ok());
  EXPECT_EQ(loads, 1);
  ASSERT_EQ(unhinted.size(), 1u);
  EXPECT_EQ(unhinted[0].kind, "income_statement");

  // Searched at the page top only (a file the classifier did not take for a
  // statement), with the title lost: the statement's form number (会企02表)
  // and 编制单位 mark the page, and the number names the statement.
  std::vector<StatementFigures> marked;
  StatementSearch tops_only;
  tops_only.titled_pages_only = true;
  ASSERT_TRUE(ReadStatements(untitled, "财务资料.png", ocr.get(), tops_only, &marked).ok());
  ASSERT_EQ(marked.size(), 1u);
  EXPECT_EQ(marked[0].kind, "income_statement");
  EXPECT_EQ(marked[0].pages, std::vector<int>{1});
  EXPECT_NEAR(marked[0].wan.at("revenue"), 4567.890123, 1e-6);
}

// A sheet fed upside down keeps its shape: its reading gives no figure, and
// it is read again half a turn round.
TEST(StatementOcrTest, APageUpsideDownIsReadHalfATurnRound) {
  std::unique_ptr<OcrEngine> ocr;
  ASSERT_TRUE(OcrEngine::Create("", "chi_sim", &ocr).ok());
  Document doc;
  doc.format = DocumentFormat::kImage;
  doc.pages.push_back(FixturePage(2));
  std::vector<StatementFigures> out;
  ASSERT_TRUE(ReadStatements(doc, "scan0010.png", ocr.get(), {}, &out).ok());
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].kind, "income_statement");
  ASSERT_TRUE(out[0].wan.count("revenue"));
  EXPECT_NEAR(out[0].wan.at("revenue"), 4567.890123, 1e-6);
}

// The second look at a figure the page's reading left out: the cell where
// it stands, cut from the prepared page and read alone. Nothing is taken
// from a blank cell.
TEST(StatementOcrTest, AFigureSoughtIsReadAgainWhereItStands) {
  std::unique_ptr<OcrEngine> ocr;
  ASSERT_TRUE(OcrEngine::Create("", "chi_sim", &ocr).ok());
  const Page page = FixturePage();
  OcrResult whole;
  PixPtr prepared;
  ASSERT_TRUE(OcrTablePage(page, {1.0, RedInk::kDrop, true}, ocr.get(), &whole, &prepared).ok());
  const OcrWord* revenue = nullptr;
  for (const OcrWord& w : whole.words)
    if (w.text.find("901.23") != std::string::npos) revenue = &w;
  ASSERT_NE(revenue, nullptr);
  Status s;
  const StatementVocabulary* vocab = StatementVocabulary::Default(&s);
  ASSERT_NE(vocab, nullptr) << s.ToString();

  // The end column's cell around the amount, as EndFigureBox gives it: wider
  // than the amount and a little taller.
  const Box& at = revenue->box;
  std::vector<PageStatement> parts(1);
  parts[0].kind = "income_statement";
  parts[0].sought["revenue"] = {at.x - at.h, at.y - at.h / 3, at.w + 2 * at.h, at.h * 5 / 3};
  parts[0].sought["net_profit"] = {at.x, 5, at.w, at.h};  // the page's blank top margin
  ReadSoughtFigures(prepared.get(), vocab->params, ocr.get(), &parts);
  ASSERT_TRUE(parts[0].values.count("revenue"));
  EXPECT_DOUBLE_EQ(parts[0].values.at("revenue"), 45678901.23);
  EXPECT_GE(parts[0].confidence.at("revenue"), vocab->params.doubtful_figure_confidence);
  EXPECT_EQ(parts[0].values.count("net_profit"), 0u);
  EXPECT_TRUE(parts[0].sought.empty());
}

}  // namespace
}  // namespace gm
