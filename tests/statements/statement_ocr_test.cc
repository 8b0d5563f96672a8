// The OCR path of the statement reader, on one small committed scan
// (fixtures/make_fixtures.py made it): kept to a single test, OCR is slow.
#include <gtest/gtest.h>

#include "extractors/statements/statement_reader.h"

namespace gm {
namespace {

TEST(StatementOcrTest, ScannedIncomeStatementWithASeal) {
  std::unique_ptr<OcrEngine> ocr;
  ASSERT_TRUE(OcrEngine::Create("", "chi_sim", &ocr).ok());
  const std::string file = std::string(GREENMINE_SOURCE_DIR) + "/tests/statements/fixtures/income_statement_scan.png";
  Document doc;
  doc.format = "image";
  Page page;
  page.dpi = 200;
  page.load_image = [file](PixPtr* out) {
    *out = AdoptPix(pixRead(file.c_str()));
    return *out ? Status::OK() : Status::Corrupt("无法解码图像");
  };
  doc.pages.push_back(page);

  std::vector<StatementFigures> out;
  ASSERT_TRUE(ReadStatements(doc, "scan0009.png", ocr.get(), &out).ok());
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].kind, "income_statement");
  EXPECT_EQ(out[0].year, 2024);
  EXPECT_EQ(out[0].unit, "元");
  ASSERT_TRUE(out[0].wan.count("revenue"));
  ASSERT_TRUE(out[0].wan.count("net_profit"));
  EXPECT_NEAR(out[0].wan.at("revenue"), 4567.890123, 1e-6);
  EXPECT_NEAR(out[0].wan.at("net_profit"), 543.21, 1e-6);
  EXPECT_GT(out[0].confidence, 0.5);
}

}  // namespace
}  // namespace gm
