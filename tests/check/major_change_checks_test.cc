#include "tests/check/check_fixture.h"

namespace gm::testing_check {
namespace {

class MajorChange : public CheckTest {
 protected:
  void SetUp() override {
    CheckTest::SetUp();
    for (const char* key : {"company_name", "credit_code", "project_name", "project_category", "project_description",
                            "total_investment"})
      prior_project_.values[key] = fields_[key].value;
    prior_project_.project_id = "老项目_1234abcd";
    library_project_ = &prior_project_;
  }
  std::vector<std::string> Changed() {
    std::vector<std::string> fields;
    for (const Finding& f : Of(Run(), "major_change")) fields.push_back(f.field);
    return fields;
  }
  PriorProject prior_project_;
};

TEST_F(MajorChange, NoLibraryProjectNoFinding) {
  library_project_ = nullptr;
  Set("company_name", "别的公司");
  EXPECT_TRUE(Changed().empty());
}

TEST_F(MajorChange, TheSameProjectHasNoMajorChange) { EXPECT_TRUE(Changed().empty()); }

TEST_F(MajorChange, EachChangedFieldIsAFindingNamingIt) {
  Set("company_name", "甘肃新某某矿业有限公司");
  Set("project_category", Json{{"code", "3.4.1"}, {"title", "水污染治理"}});
  Set("project_description", "尾矿库闭库治理");
  EXPECT_EQ(Changed(), (std::vector<std::string>{"company_name", "project_category", "project_description"}));
  std::vector<Finding> found = Of(Run(), "major_change");
  EXPECT_NE(found[0].message.find("老项目_1234abcd"), std::string::npos) << found[0].message;
  EXPECT_NE(found[0].message.find("建设主体"), std::string::npos) << found[0].message;
  EXPECT_EQ(found[0].severity, "warning");
}

TEST_F(MajorChange, CreditCode) {
  Set("credit_code", "91620100MA7999999X");
  EXPECT_EQ(Changed(), std::vector<std::string>{"credit_code"});
}

TEST_F(MajorChange, TotalInvestmentOnlyBeyondTheShare) {
  Set("total_investment", 12000);  // +20 %: within
  EXPECT_TRUE(Changed().empty());
  Set("total_investment", 12001);
  EXPECT_EQ(Changed(), std::vector<std::string>{"total_investment"});
  Set("total_investment", 7999);  // −20.01 %
  EXPECT_EQ(Changed(), std::vector<std::string>{"total_investment"});
  std::string message = Of(Run(), "major_change")[0].message;
  EXPECT_NE(message.find("10000.00 万元变为 7999.00 万元"), std::string::npos) << message;
  EXPECT_NE(message.find("20%"), std::string::npos) << message;
}

TEST_F(MajorChange, AValueMissingOnOneSideIsNoEvidenceOfChange) {
  Clear("project_description");
  prior_project_.values["company_name"] = nullptr;
  Set("company_name", "另一家公司");
  EXPECT_TRUE(Changed().empty());
}

TEST_F(MajorChange, SameCategoryCodeWithAnotherTitleIsNoChange) {
  Set("project_category", Json{{"code", "4.2.8"}, {"title", "绿色照明改造工程"}});
  EXPECT_TRUE(Changed().empty());
}

}  // namespace
}  // namespace gm::testing_check
