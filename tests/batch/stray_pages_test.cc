// AddStrayFormPages on the form fixtures of tests/form: page 1 read as the
// form, page 2 filed as another document. OCR: a few small pages.
#include <gtest/gtest.h>

#include "pipeline/batch/form_merge.h"
#include "tests/form/fixture_doc.h"

namespace gm {
namespace {

using form::testing::FixtureImageDoc;

// The candidates AddStrayFormPages took.
std::vector<size_t> Taken(const std::vector<TakenCandidate>& taken) {
  std::vector<size_t> out;
  for (const TakenCandidate& t : taken) out.push_back(t.candidate);
  return out;
}

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
  std::vector<FormPageCandidate> candidates = {{&again, "IMG_0001.jpg", false, ""},
                                                {&page2, "初步设计批复.jpg", false, ""}};
  std::vector<TakenCandidate> taken = AddStrayFormPages(*reader_, templates_, candidates, ocr_.get(), &scanned);
  EXPECT_EQ(Taken(taken), std::vector<size_t>{1});
  ASSERT_EQ(taken.size(), 1u);
  ASSERT_EQ(taken[0].pages.size(), 1u);  // page 2, as read
  EXPECT_EQ(taken[0].pages[0]->file(), "初步设计批复.jpg");
  ASSERT_TRUE(scanned.fields.count("loan_demand_total"));
  EXPECT_EQ(scanned.fields.at("loan_demand_total").raw, "6500");
  EXPECT_EQ(scanned.fields.at("loan_demand_total").provenance.file, "初步设计批复.jpg");
  EXPECT_EQ(scanned.fields.at("eia_status").marked, std::vector<std::string>{"正在办理"});
}

TEST_F(StrayPagesTest, ACompleteFormReadsNoCandidate) {
  FormReading scanned;
  for (const FieldSpec& f : templates_.fields()) scanned.fields[f.key].raw = "x";
  Document page2 = FixtureImageDoc("p2_checkboxes.png");
  EXPECT_TRUE(AddStrayFormPages(*reader_, templates_, {{&page2, "a.jpg", true, "贷款总需求"}}, ocr_.get(), &scanned).empty());
  EXPECT_EQ(scanned.fields.at("loan_demand_total").raw, "x");
}

// A form that lacks only a field or two: a page break left their row alone
// on a photo, which the classifier called `other`.
TEST_F(StrayPagesTest, AFewLackingFieldsAreSoughtOnlyOnOtherScansNamingTheirLabels) {
  FormReading scanned;
  for (const FieldSpec& f : templates_.fields())
    if (f.key != "loan_demand_total" && f.key != "eia_status") scanned.fields[f.key].raw = "x";
  Document page2 = FixtureImageDoc("p2_checkboxes.png");
  // An approval, or an `other` scan that names none of the lacking labels: not read.
  std::vector<FormPageCandidate> not_searched = {{&page2, "批复.jpg", false, "贷款总需求（万元） 6500"},
                                                 {&page2, "b.jpg", true, "企业名称 项目名称"}};
  EXPECT_TRUE(AddStrayFormPages(*reader_, templates_, not_searched, ocr_.get(), &scanned).empty());
  EXPECT_FALSE(scanned.fields.count("loan_demand_total"));
  std::vector<FormPageCandidate> named = {{&page2, "c.jpg", true, "五、项目融资情况 贷款总需求*（万元） 6500"}};
  EXPECT_EQ(Taken(AddStrayFormPages(*reader_, templates_, named, ocr_.get(), &scanned)), std::vector<size_t>{0});
  ASSERT_TRUE(scanned.fields.count("loan_demand_total"));
  EXPECT_EQ(scanned.fields.at("loan_demand_total").raw, "6500");
}

TEST(FormLabelsNamedTest, LabelsWithoutTheirUnitOrPrefix) {
  Templates templates;
  ASSERT_TRUE(Templates::Load(GREENMINE_SOURCE_DIR "/templates", &templates).ok());
  const std::set<std::string> lacking = {"total_investment", "equity_capital", "funding_self", "contact_person"};
  EXPECT_EQ(FormLabelsNamed(templates, lacking, "项目总投资*（万元） 53300 资本金总额*\n（万元） 10,800.00"),
            (std::set<std::string>{"total_investment", "equity_capital"}));
  // 资金来源：自筹资金（万元） is printed as 自筹资金 after the 资金来源 header.
  EXPECT_EQ(FormLabelsNamed(templates, lacking, "资金来源 政府资金（900）万元，自筹资金（5910）万元"),
            (std::set<std::string>{"funding_self"}));
  EXPECT_TRUE(FormLabelsNamed(templates, {"company_name"}, "项目总投资 53300").empty());
}

}  // namespace
}  // namespace gm
