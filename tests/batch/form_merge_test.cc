#include "pipeline/batch/form_merge.h"

#include <gtest/gtest.h>

namespace gm {
namespace {

class FormMergeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Status s = Templates::Load(Templates::DefaultDir(), &templates_);
    ASSERT_TRUE(s.ok()) << s.ToString();
    for (const FieldSpec& f : templates_.fields()) {
      scan_[f.key] = FieldValue();
      copy_[f.key] = FieldValue();
    }
  }
  static FieldValue Value(Json v, double confidence) {
    FieldValue f;
    f.value = std::move(v);
    f.confidence = confidence;
    return f;
  }
  std::vector<Finding> For(const std::vector<Finding>& all, const std::string& field) {
    std::vector<Finding> out;
    for (const Finding& f : all)
      if (f.field == field) out.push_back(f);
    return out;
  }
  Templates templates_;
  std::map<std::string, FieldValue> scan_, copy_;
};

TEST_F(FormMergeTest, AgreementOrNoCopyChangesNothing) {
  scan_["company_name"] = Value("甘肃某矿业有限公司", 0.95);
  copy_["company_name"] = Value("甘肃某矿业有限公司", 1.0);
  scan_["debt_ratio"] = Value(54.4, 0.4);  // the copy has no value: the scan stays
  std::vector<Finding> findings;
  MergeTypedCopy(templates_, 0.75, copy_, {}, &scan_, &findings);
  EXPECT_TRUE(findings.empty());
  EXPECT_EQ(scan_["company_name"].value, "甘肃某矿业有限公司");
  EXPECT_EQ(scan_["debt_ratio"].value, 54.4);
}

TEST_F(FormMergeTest, SureScanStaysAndTheDifferenceIsReported) {
  scan_["total_investment"] = Value(4950, 0.93);
  copy_["total_investment"] = Value(5950, 1.0);
  std::vector<Finding> findings;
  MergeTypedCopy(templates_, 0.75, copy_, {}, &scan_, &findings);
  EXPECT_EQ(scan_["total_investment"].value, 4950);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].code, "low_confidence");
  EXPECT_NE(findings[0].message.find("“4950”，电子版为“5950”"), std::string::npos) << findings[0].message;
}

TEST_F(FormMergeTest, DoubtfulOrMissingScanTakesTheCopyAndItsFindings) {
  scan_["debt_ratio"] = Value(54.49, 0.52);      // "54.4%" read as 54.49
  copy_["debt_ratio"] = Value(54.4, 1.0);
  scan_["equity_capital"] = Value(nullptr, 0.6);  // capital numerals misread
  copy_["equity_capital"] = Value(1350, 1.0);
  copy_["credit_code"] = Value("916202009840458768", 1.0);
  std::vector<Finding> findings = {NewFinding(templates_, "low_confidence", "equity_capital", "扫描件读不出")};
  std::vector<Finding> typed_findings = {
      NewFinding(templates_, "invalid_credit_code", "credit_code", "校验码不符"),
      NewFinding(templates_, "invalid_value", "project_level", "not taken: the scan's project_level agrees")};
  MergeTypedCopy(templates_, 0.75, copy_, typed_findings, &scan_, &findings);
  EXPECT_EQ(scan_["debt_ratio"].value, 54.4);
  EXPECT_EQ(scan_["debt_ratio"].confidence, 1.0);
  EXPECT_EQ(scan_["equity_capital"].value, 1350);
  EXPECT_EQ(scan_["credit_code"].value, "916202009840458768");
  // The scan's own finding on equity_capital gives way; the copy's on
  // credit_code comes along; each taken value is reported once.
  auto equity = For(findings, "equity_capital");
  ASSERT_EQ(equity.size(), 1u);
  EXPECT_EQ(equity[0].message, "资本金总额（万元）：盖章扫描件未能识别（置信度0.60），取电子版的“1350”，请与盖章件核对");
  auto code = For(findings, "credit_code");
  ASSERT_EQ(code.size(), 2u);
  EXPECT_EQ(code[0].code, "invalid_credit_code");
  EXPECT_EQ(code[1].code, "low_confidence");
  EXPECT_TRUE(For(findings, "project_level").empty());
  EXPECT_NE(For(findings, "debt_ratio")[0].message.find("读作“54.49”（置信度0.52）"), std::string::npos);
}

}  // namespace
}  // namespace gm
