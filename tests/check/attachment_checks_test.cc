#include <gtest/gtest.h>

#include "tests/check/check_fixture.h"

namespace gm {
namespace {

using CheckTest = testing_check::CheckTest;

TEST_F(CheckTest, ChecklistHasEveryKindWithReasonsAndFiles) {
  CheckOutput out = Run();
  for (const ChecklistSpec& spec : templates_.checklist()) {
    ASSERT_TRUE(out.checklist.count(spec.kind)) << spec.kind;
    EXPECT_FALSE(out.checklist.at(spec.kind).reason.empty()) << spec.kind;
  }
  const ChecklistEntry& eia = out.checklist.at("eia_doc");
  EXPECT_TRUE(eia.required);
  EXPECT_TRUE(eia.present);
  EXPECT_EQ(eia.files, std::vector<std::string>{"环评批复.pdf"});
  EXPECT_EQ(eia.reason, "环评批复填写“已取得”，须提供环评批复");
  EXPECT_FALSE(out.checklist.at("land_doc").required);
  EXPECT_EQ(out.checklist.at("land_doc").reason, "土地使用相关证明填写“不涉及”");
  EXPECT_FALSE(out.checklist.at("other").required);
  EXPECT_FALSE(out.checklist.at("audit_report").required);
}

TEST_F(CheckTest, ApprovalAnsweredObtainedNeedsTheApprovalNotTheReport) {
  RemoveFiles("eia_doc");
  CheckOutput out = Run();
  auto f = Of(out, "missing_attachment");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].field, "eia_doc");
  EXPECT_EQ(f[0].message, "缺少环评批复：环评批复填写“已取得”，须提供环评批复");
  EXPECT_FALSE(out.checklist.at("eia_doc").present);

  AddFile("环境影响报告书.pdf", "eia_doc", /*is_report=*/true);
  out = Run();
  f = Of(out, "missing_attachment");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_NE(f[0].message.find("所附“环境影响报告书.pdf”是报告或方案"), std::string::npos) << f[0].message;
  EXPECT_FALSE(out.checklist.at("eia_doc").present);
  EXPECT_EQ(out.checklist.at("eia_doc").files, std::vector<std::string>{"环境影响报告书.pdf"});
}

TEST_F(CheckTest, InProgressNeedsTheReportOrTheApproval) {
  Set("eia_status", "正在办理");
  RemoveFiles("eia_doc");
  auto f = Of(Run(), "missing_attachment");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_NE(f[0].message.find("环境影响报告书（表）"), std::string::npos);
  AddFile("环境影响报告书.pdf", "eia_doc", true);
  CheckOutput out = Run();
  EXPECT_TRUE(Of(out, "missing_attachment").empty());
  EXPECT_TRUE(out.checklist.at("eia_doc").required);
  EXPECT_TRUE(out.checklist.at("eia_doc").present);
  RemoveFiles("eia_doc");
  AddFile("环评批复.pdf", "eia_doc", false);  // obtained meanwhile: the approval does too
  EXPECT_TRUE(Of(Run(), "missing_attachment").empty());
}

TEST_F(CheckTest, NotApplicableOrEmptyStatusNeedsNothing) {
  RemoveFiles("approval_doc");
  Set("approval_status", "不涉及");
  CheckOutput out = Run();
  EXPECT_TRUE(Of(out, "missing_attachment").empty());
  EXPECT_FALSE(out.checklist.at("approval_doc").required);
  Clear("approval_status");
  out = Run();
  EXPECT_TRUE(Of(out, "missing_attachment").empty());
  EXPECT_EQ(out.checklist.at("approval_doc").reason, "立项文件办理情况未填写，无法判断");
  EXPECT_EQ(Of(out, "missing_required_field").size(), 1u);
}

TEST_F(CheckTest, LandAnswersEachNeedTheirDocument) {
  for (const char* answer : {"已取得用地预审", "已取得不动产权证", "正在办理"}) {
    Set("land_use_status", answer);
    auto f = Of(Run(), "missing_attachment");
    ASSERT_EQ(f.size(), 1u) << answer;
    EXPECT_EQ(f[0].field, "land_doc");
  }
  AddFile("不动产权证书.pdf", "land_doc");
  EXPECT_TRUE(Of(Run(), "missing_attachment").empty());
}

TEST_F(CheckTest, CleanerProductionWhenAnAuditWasCarriedOut) {
  for (const char* no : {"无", "近两年未开展清洁生产审核。", "暂无", "/"}) {
    Set("cleaner_production_audit", no);
    CheckOutput out = Run();
    EXPECT_TRUE(Of(out, "missing_attachment").empty()) << no;
    EXPECT_FALSE(out.checklist.at("cleaner_production_doc").required) << no;
  }
  Set("cleaner_production_audit", "2024年10月完成第一轮清洁生产审核，并通过白银市生态环境局验收。");
  CheckOutput out = Run();
  auto f = Of(out, "missing_attachment");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].field, "cleaner_production_doc");
  EXPECT_NE(out.checklist.at("cleaner_production_doc").reason.find("2024年10月完成第一轮清洁生产审核"),
            std::string::npos);
  AddFile("清洁生产审核验收意见.pdf", "cleaner_production_doc");
  EXPECT_TRUE(Of(Run(), "missing_attachment").empty());
}

TEST_F(CheckTest, OhsCertificateWhenCertified) {
  Set("ohs_certification", "已认证");
  auto f = Of(Run(), "missing_attachment");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].field, "ohs_certificate");
  Clear("ohs_certification");
  EXPECT_TRUE(Of(Run(), "missing_attachment").empty());
}

TEST_F(CheckTest, RewardsAndPenaltiesWhenAnyIsDescribed) {
  for (const char* no : {"无", "近两年未受到行政奖励和处罚。", "无行政处罚", "公司近2年没有受到奖励或处罚"}) {
    Set("rewards_penalties", no);
    EXPECT_TRUE(Of(Run(), "missing_attachment").empty()) << no;
  }
  for (const char* yes : {"2024年获评甘肃省省级绿色矿山。", "2024年5月因堆场扬尘治理不到位被白银市生态环境局罚款5万元，已整改完毕。",
                          "未受到行政处罚，2023年获评省级绿色矿山"}) {
    Set("rewards_penalties", yes);
    auto f = Of(Run(), "missing_attachment");
    ASSERT_EQ(f.size(), 1u) << yes;
    EXPECT_EQ(f[0].field, "rewards_penalties_doc");
  }
  AddFile("行政处罚决定书.pdf", "rewards_penalties_doc");
  EXPECT_TRUE(Of(Run(), "missing_attachment").empty());
}

TEST_F(CheckTest, StatementsUnlessAnAuditReportContainsThem) {
  RemoveFiles("balance_sheet");
  CheckOutput out = Run();
  auto f = Of(out, "missing_attachment");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].field, "balance_sheet");
  EXPECT_EQ(f[0].message, "缺少近1年资产负债表：须提供近1年资产负债表（或包含该表的审计报告）");

  AddFile("审计报告.pdf", "audit_report", false, {"balance_sheet", "cash_flow_statement", "income_statement"});
  out = Run();
  EXPECT_TRUE(Of(out, "missing_attachment").empty()) << Codes(out);
  EXPECT_FALSE(out.checklist.at("balance_sheet").required);
  // The statement inside the report is there: present, and the report named as the file holding it.
  EXPECT_TRUE(out.checklist.at("balance_sheet").present);
  EXPECT_EQ(out.checklist.at("balance_sheet").files, std::vector<std::string>{"审计报告.pdf"});
  EXPECT_EQ(out.checklist.at("balance_sheet").pages.at("审计报告.pdf"), std::vector<int>{1});
  EXPECT_EQ(out.checklist.at("balance_sheet").reason, "已提供包含资产负债表的审计报告");
  EXPECT_TRUE(out.checklist.at("audit_report").present);
  EXPECT_FALSE(out.checklist.at("audit_report").required);
}

TEST_F(CheckTest, AnAuditReportWithoutTheSheetDoesNotCount) {
  RemoveFiles("balance_sheet");
  AddFile("审计报告.pdf", "audit_report", false, {"income_statement"});
  auto f = Of(Run(), "missing_attachment");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].field, "balance_sheet");
}

TEST_F(CheckTest, CombinedStatementsFileStandsForWhatItContains) {
  RemoveFiles("income_statement");
  RemoveFiles("cash_flow_statement");
  ASSERT_EQ(files_[3].kind, "balance_sheet");
  statements_.push_back({"balance_sheet", "资产负债表.pdf", {1}, true});
  statements_.push_back({"income_statement", "资产负债表.pdf", {2}, true});
  statements_.push_back({"cash_flow_statement", "资产负债表.pdf", {2}, true});
  CheckOutput out = Run();
  EXPECT_TRUE(Of(out, "missing_attachment").empty()) << Codes(out);
  EXPECT_TRUE(out.checklist.at("income_statement").present);
  EXPECT_EQ(out.checklist.at("income_statement").files, std::vector<std::string>{"资产负债表.pdf"});
}

// What the statements reader found is present, whatever the file was
// classified as: the cash-flow statement below the income statement on one
// page, or the statements in a file nothing else fitted.
TEST_F(CheckTest, AStatementTheReaderFoundIsNeverMissing) {
  RemoveFiles("cash_flow_statement");
  ASSERT_EQ(Of(Run(), "missing_attachment").size(), 1u);
  statements_.push_back({"income_statement", "利润表.pdf", {1}, true});
  statements_.push_back({"cash_flow_statement", "利润表.pdf", {1}, true});
  CheckOutput out = Run();
  EXPECT_TRUE(Of(out, "missing_attachment").empty()) << Codes(out);
  EXPECT_TRUE(out.checklist.at("cash_flow_statement").present);
  EXPECT_EQ(out.checklist.at("cash_flow_statement").files, std::vector<std::string>{"利润表.pdf"});
  EXPECT_EQ(out.checklist.at("income_statement").pages.at("利润表.pdf"), std::vector<int>{1});

  RemoveFiles("income_statement");
  AddFile("财务资料.pdf", "other", false, {"income_statement", "cash_flow_statement"});
  out = Run();
  EXPECT_TRUE(Of(out, "missing_attachment").empty()) << Codes(out);
  EXPECT_EQ(out.checklist.at("cash_flow_statement").files, std::vector<std::string>{"财务资料.pdf"});
  EXPECT_EQ(out.checklist.at("cash_flow_statement").pages.at("财务资料.pdf"), std::vector<int>{2});
}

TEST_F(CheckTest, ApplicationFormAlwaysAndUnreadableFilesIgnored) {
  RemoveFiles("application_form");
  FileEntry broken;
  broken.path = "损坏.pdf";
  broken.error = "文件已损坏";
  files_.push_back(broken);
  classifications_.push_back(Classification());  // kind "": ignored
  CheckOutput out = Run();
  auto f = Of(out, "missing_attachment");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].field, "application_form");
  EXPECT_FALSE(out.checklist.at("application_form").present);
}

}  // namespace
}  // namespace gm
