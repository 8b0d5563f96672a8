// AddStrayFormPages on the form fixtures of tests/form: page 1 read as the
// form, page 2 filed as another document. OCR: a few small pages.
#include <gtest/gtest.h>

#include "pipeline/batch/form_merge.h"
#include "tests/form/fixture_doc.h"

namespace gm {
namespace {

using form::testing::FixtureImageDoc;

class StrayPagesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(Templates::Load(GREENMINE_SOURCE_DIR "/templates", &templates_).ok());
    ASSERT_TRUE(FormReader::Create(templates_, &reader_).ok());
    Status s = OcrEngine::Create("", "chi_sim", &ocr_);
    ASSERT_TRUE(s.ok()) << s.ToString();
  }
  Templates templates_;
  std::unique_ptr<FormReader> reader_;
  std::unique_ptr<OcrEngine> ocr_;
};

TEST_F(StrayPagesTest, APageOfTheFormFiledAsSomethingElseIsTaken) {
  Document page1 = FixtureImageDoc("p1_seal_skew.jpg");
  FormReading scanned;
  ASSERT_TRUE(reader_->ReadScanned({&page1}, {"p1_seal_skew.jpg"}, ocr_.get(), &scanned).ok());
  ASSERT_FALSE(scanned.fields.count("loan_demand_total"));
  // The top of page 1 again (nothing new: not taken), then page 2.
  Document again = FixtureImageDoc("p1_top_upside_down.png"), page2 = FixtureImageDoc("p2_checkboxes.png");
  std::vector<FormPageCandidate> candidates = {{&again, "IMG_0001.jpg"}, {&page2, "初步设计批复.jpg"}};
  std::vector<size_t> taken = AddStrayFormPages(*reader_, templates_, candidates, ocr_.get(), &scanned);
  EXPECT_EQ(taken, std::vector<size_t>{1});
  ASSERT_TRUE(scanned.fields.count("loan_demand_total"));
  EXPECT_EQ(scanned.fields.at("loan_demand_total").raw, "6500");
  EXPECT_EQ(scanned.fields.at("loan_demand_total").provenance.file, "初步设计批复.jpg");
  EXPECT_EQ(scanned.fields.at("eia_status").marked, std::vector<std::string>{"正在办理"});
}

TEST_F(StrayPagesTest, ACompleteFormReadsNoCandidate) {
  FormReading scanned;
  for (const FieldSpec& f : templates_.fields()) scanned.fields[f.key].raw = "x";
  Document page2 = FixtureImageDoc("p2_checkboxes.png");
  EXPECT_TRUE(AddStrayFormPages(*reader_, templates_, {{&page2, "a.jpg"}}, ocr_.get(), &scanned).empty());
  EXPECT_EQ(scanned.fields.at("loan_demand_total").raw, "x");
}

}  // namespace
}  // namespace gm
