#include <gtest/gtest.h>

#include "tests/check/check_fixture.h"

namespace gm {
namespace {

using CheckTest = testing_check::CheckTest;

TEST_F(CheckTest, ConsistentPackageHasNoFindings) {
  CheckOutput out = Run();
  EXPECT_TRUE(out.findings.empty()) << Codes(out);
  EXPECT_EQ(out.checklist.size(), templates_.checklist().size());
}

TEST_F(CheckTest, FundingSumMismatchNamesTheNumbers) {
  Set("funding_other", 6300);
  CheckOutput out = Run();
  auto f = Of(out, "funding_sum_mismatch");
  ASSERT_EQ(f.size(), 1u) << Codes(out);
  EXPECT_EQ(f[0].field, "total_investment");
  EXPECT_EQ(f[0].severity, "error");
  EXPECT_EQ(f[0].message,
            "资金来源合计 9800.00 万元（政府 500.00 + 自筹 3000.00 + 其他 6300.00）与项目总投资 10000.00 万元不一致，相差 "
            "200.00 万元");
}

// A sum that does not add up on a scanned form: the figures read least
// surely are pointed at, each by a low_confidence naming it — a misread digit
// in an addend is otherwise silent. The mismatch is reported as before.
TEST_F(CheckTest, FundingSumMismatchPointsAtTheLeastSureFigures) {
  Set("total_investment", 10000, 0.87);
  Set("funding_government", 500, 0.82);  // three parts of one cell: one confidence
  Set("funding_self", 3000, 0.82);
  Set("funding_other", 6560, 0.82);      // 6500 read 6560
  CheckOutput out = Run();
  EXPECT_EQ(Of(out, "funding_sum_mismatch").size(), 1u) << Codes(out);
  auto f = Of(out, "low_confidence");
  ASSERT_EQ(f.size(), 3u) << Codes(out);
  EXPECT_EQ(f[0].field, "funding_government");
  EXPECT_EQ(f[1].field, "funding_self");
  EXPECT_EQ(f[2].field, "funding_other");
  EXPECT_EQ(f[2].severity, "warning");
  EXPECT_EQ(f[2].message,
            "资金来源合计与项目总投资不一致，资金来源：其他 6560.00 万元是其中识别把握最小的数字（置信度0.82），"
            "可能有识别错误，请人工核对该数字");
  EXPECT_EQ(out.findings.size(), 4u) << Codes(out);  // no other code: the applicant is not accused more

  // The total read least surely: it alone is pointed at.
  Set("total_investment", 10000, 0.7);
  out = Run();
  f = Of(out, "low_confidence");
  ASSERT_EQ(f.size(), 1u) << Codes(out);
  EXPECT_EQ(f[0].field, "total_investment");
}

// Figures read surely — typed (1), or alike by both OCR models (0.9) — make
// the mismatch the applicant's: none is doubted.
TEST_F(CheckTest, FundingSumMismatchOfSureFiguresDoubtsNone) {
  Set("funding_other", 6300);
  CheckOutput out = Run();
  EXPECT_EQ(Of(out, "funding_sum_mismatch").size(), 1u) << Codes(out);
  EXPECT_TRUE(Of(out, "low_confidence").empty()) << Codes(out);
  for (const char* key : {"funding_government", "funding_self", "funding_other"}) fields_[key].confidence = 0.9;
  out = Run();
  EXPECT_EQ(Of(out, "funding_sum_mismatch").size(), 1u) << Codes(out);
  EXPECT_TRUE(Of(out, "low_confidence").empty()) << Codes(out);
}

TEST_F(CheckTest, FundingThatAddsUpDoubtsNone) {
  for (const char* key : {"total_investment", "funding_government", "funding_self", "funding_other"})
    fields_[key].confidence = 0.7;
  CheckOutput out = Run();
  EXPECT_TRUE(out.findings.empty()) << Codes(out);
}

TEST_F(CheckTest, FundingWithinRoundingIsNoMismatch) {
  Set("funding_other", 6499.99);  // 0.01 short: the form's rounding
  EXPECT_TRUE(Of(Run(), "funding_sum_mismatch").empty());
  Set("funding_other", 6500.01);
  EXPECT_TRUE(Of(Run(), "funding_sum_mismatch").empty());
  // At 10000 万元 the tolerance is 0.01 + 1e-6 * 10000 = 0.02.
  Set("funding_other", 6499.98);
  EXPECT_TRUE(Of(Run(), "funding_sum_mismatch").empty());
  Set("funding_other", 6499.97);  // 0.03 short
  EXPECT_EQ(Of(Run(), "funding_sum_mismatch").size(), 1u);
}

TEST_F(CheckTest, FundingRelativeToleranceForLargeAmounts) {
  // 2,000,000 万元: 1e-6 relative is 2 万元 ... plus 0.01.
  Set("total_investment", 2000000);
  Set("funding_government", 0);
  Set("funding_self", 0);
  Set("funding_other", 1999998);
  EXPECT_TRUE(Of(Run(), "funding_sum_mismatch").empty());
  Set("funding_other", 1999997.9);
  EXPECT_EQ(Of(Run(), "funding_sum_mismatch").size(), 1u);
}

TEST_F(CheckTest, FundingWithAnEmptyPartDoesNotFire) {
  Clear("funding_government");
  CheckOutput out = Run();
  EXPECT_TRUE(Of(out, "funding_sum_mismatch").empty());
  auto missing = Of(out, "missing_required_field");
  ASSERT_EQ(missing.size(), 1u);
  EXPECT_EQ(missing[0].field, "funding_government");
  EXPECT_EQ(missing[0].message, "必填项“资金来源：政府资金（万元）”未填写");
}

TEST_F(CheckTest, EquityExceedsTotal) {
  Set("equity_capital", 10000.01);
  EXPECT_TRUE(Of(Run(), "equity_exceeds_total").empty());
  Set("equity_capital", 12000);
  auto f = Of(Run(), "equity_exceeds_total");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].field, "equity_capital");
  EXPECT_EQ(f[0].message, "资本金总额 12000.00 万元超过项目总投资 10000.00 万元，超出 2000.00 万元");
}

TEST_F(CheckTest, InvestedExceedsInPlace) {
  Set("invested_amount", 4000.01);
  EXPECT_TRUE(Of(Run(), "invested_exceeds_in_place").empty());
  Set("invested_amount", 4000.02);
  auto f = Of(Run(), "invested_exceeds_in_place");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].field, "invested_amount");
  EXPECT_EQ(f[0].severity, "warning");
  EXPECT_NE(f[0].message.find("4000.02"), std::string::npos);
}

TEST_F(CheckTest, BothLoanExcessesAreReported) {
  Set("loans_obtained", 6500.01);
  Set("loan_demand_this_year", 6500);
  EXPECT_TRUE(Of(Run(), "loans_exceed_demand").empty());
  Set("loans_obtained", 7000);
  Set("loan_demand_this_year", 6600);
  auto f = Of(Run(), "loans_exceed_demand");
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].field, "loans_obtained");
  EXPECT_EQ(f[1].field, "loan_demand_this_year");
  EXPECT_EQ(f[1].message, "年内贷款需求 6600.00 万元超过贷款总需求 6500.00 万元，超出 100.00 万元");
}

TEST_F(CheckTest, DebtRatioWithinOnePointAgrees) {
  Set("debt_ratio", 61.0);  // the sheet says 60.00 %: exactly one point
  EXPECT_TRUE(Of(Run(), "debt_ratio_mismatch").empty());
  Set("debt_ratio", 59.0);
  EXPECT_TRUE(Of(Run(), "debt_ratio_mismatch").empty());
  Set("debt_ratio", 61.01);
  auto f = Of(Run(), "debt_ratio_mismatch");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].field, "debt_ratio");
  EXPECT_EQ(f[0].message,
            "申请表资产负债率 61.01% 与资产负债表（2024年）负债合计 6000.00 万元 / 资产总计 10000.00 万元 = 60.00% 不符，"
            "相差 1.01 个百分点");
}

TEST_F(CheckTest, DebtRatioNeedsBothFigures) {
  Set("debt_ratio", 90);
  financials_->total_liabilities.reset();
  EXPECT_TRUE(Of(Run(), "debt_ratio_mismatch").empty());
  financials_->total_liabilities = 6000;
  financials_->total_assets = 0;
  EXPECT_TRUE(Of(Run(), "debt_ratio_mismatch").empty());
}

TEST_F(CheckTest, BalanceSheetToleranceFollowsTheUnitWritten) {
  financials_->owners_equity = 4000.0001;  // 1 元 off, written in 元
  EXPECT_TRUE(Of(Run(), "balance_sheet_unbalanced").empty());
  financials_->owners_equity = 4000.0002;
  auto f = Of(Run(), "balance_sheet_unbalanced");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].field, "balance_sheet");

  financials_->unit = "万元";  // two decimals of 万元
  financials_->owners_equity = 4000.01;
  EXPECT_TRUE(Of(Run(), "balance_sheet_unbalanced").empty());
  financials_->owners_equity = 4000.03;
  EXPECT_EQ(Of(Run(), "balance_sheet_unbalanced").size(), 1u);

  financials_->unit = "千元";
  financials_->owners_equity = 4000.1;
  EXPECT_TRUE(Of(Run(), "balance_sheet_unbalanced").empty());
  financials_->owners_equity = 4000.2;
  EXPECT_EQ(Of(Run(), "balance_sheet_unbalanced").size(), 1u);
}

// A sheet that does not balance because OCR misread a figure it was unsure
// of: the figure is pointed at, the applicant is not accused.
TEST_F(CheckTest, UnbalancedOnADoubtfulFigureAsksForALookInstead) {
  financials_->owners_equity = 3900;
  financials_->doubtful = {{"owners_equity", "“资产负债表.pdf”第1页"}, {"revenue", "“利润表.pdf”第1页"}};
  CheckOutput out = Run();
  EXPECT_TRUE(Of(out, "balance_sheet_unbalanced").empty()) << Codes(out);
  auto f = Of(out, "low_confidence");
  ASSERT_EQ(f.size(), 1u) << Codes(out);
  EXPECT_EQ(f[0].field, "balance_sheet");
  EXPECT_NE(f[0].message.find("所有者权益合计（“资产负债表.pdf”第1页）"), std::string::npos) << f[0].message;

  financials_->doubtful = {{"revenue", "“利润表.pdf”第1页"}};  // not a figure of the balance
  out = Run();
  EXPECT_EQ(Of(out, "balance_sheet_unbalanced").size(), 1u) << Codes(out);
  EXPECT_TRUE(Of(out, "low_confidence").empty()) << Codes(out);
}

TEST_F(CheckTest, DebtRatioOffOnADoubtfulFigureAsksForALookInstead) {
  Set("debt_ratio", 50.0);  // the sheet says 60 %
  ASSERT_EQ(Of(Run(), "debt_ratio_mismatch").size(), 1u);
  financials_->doubtful = {{"total_liabilities", "“资产负债表.pdf”第1页"}};
  CheckOutput out = Run();
  EXPECT_TRUE(Of(out, "debt_ratio_mismatch").empty()) << Codes(out);
  auto f = Of(out, "low_confidence");
  ASSERT_EQ(f.size(), 1u) << Codes(out);
  EXPECT_NE(f[0].message.find("负债合计（“资产负债表.pdf”第1页）识别把握不大"), std::string::npos) << f[0].message;
}

// 净利润 on the income statement against the one the cash-flow statement's
// 补充资料 restates: the same figure, so a difference is a misreading.
TEST_F(CheckTest, RestatedNetProfitThatAgreesSaysNothing) {
  financials_->net_profit = 543.21;
  financials_->restated_net_profit = 543.22;  // within two decimals of 万元
  EXPECT_TRUE(Run().findings.empty()) << Codes(Run());
}

TEST_F(CheckTest, RestatedNetProfitThatDiffersAsksForALookAtBoth) {
  financials_->net_profit = 543.21;
  financials_->restated_net_profit = 548.21;
  financials_->read_at = {{"net_profit", "“利润表.pdf”第1页"}, {"restated_net_profit", "“现金流量表.pdf”第2页"}};
  financials_->file_of = {{"net_profit", "利润表.pdf"}, {"restated_net_profit", "现金流量表.pdf"}};
  CheckOutput out = Run();
  ASSERT_EQ(out.findings.size(), 1u) << Codes(out);  // no other code: the applicant is not accused
  auto f = Of(out, "low_confidence");
  ASSERT_EQ(f.size(), 1u) << Codes(out);
  EXPECT_EQ(f[0].field, "income_statement");
  EXPECT_EQ(f[0].message,
            "利润表净利润 543.21 万元与现金流量表补充资料中的净利润 548.21 万元不等，相差 5.00 万元"
            "（“利润表.pdf”第1页、“现金流量表.pdf”第2页），两者应相同，可能有一处识别有误，请人工核对这两个数字");
}

TEST_F(CheckTest, RestatedNetProfitThatDiffersPointsAtTheDoubtfulFigure) {
  RemoveFiles("income_statement");
  RemoveFiles("cash_flow_statement");
  AddFile("2024年度审计报告.pdf", "audit_report", false, {"cash_flow_statement", "income_statement"});
  financials_->net_profit = 187.00;  // 277.00 printed, misread
  financials_->restated_net_profit = 277.00;
  financials_->file_of = {{"net_profit", "2024年度审计报告.pdf"}};
  financials_->doubtful = {{"net_profit", "“2024年度审计报告.pdf”第6页"}};
  CheckOutput out = Run();
  auto f = Of(out, "low_confidence");
  ASSERT_EQ(f.size(), 1u) << Codes(out);
  EXPECT_EQ(f[0].field, "audit_report");
  EXPECT_EQ(f[0].message,
            "利润表的净利润（“2024年度审计报告.pdf”第6页）识别把握不大，利润表净利润 187.00 万元与现金流量表补充资料中的"
            "净利润 277.00 万元不等，相差 90.00 万元，请人工核对该数字");
  EXPECT_EQ(out.findings.size(), 1u) << Codes(out);
}

TEST_F(CheckTest, NetProfitWithoutARestatedOneIsNotChecked) {
  financials_->net_profit = 543.21;
  financials_->restated_net_profit.reset();
  EXPECT_TRUE(Run().findings.empty()) << Codes(Run());
}

TEST_F(CheckTest, UnbalancedSheetInsideAnAuditReportNamesIt) {
  RemoveFiles("balance_sheet");
  RemoveFiles("income_statement");
  RemoveFiles("cash_flow_statement");
  AddFile("2024年度审计报告.pdf", "audit_report", false,
          {"balance_sheet", "cash_flow_statement", "income_statement"});
  financials_->source_file = "2024年度审计报告.pdf";
  financials_->owners_equity = 3900;
  CheckOutput out = Run();
  auto f = Of(out, "balance_sheet_unbalanced");
  ASSERT_EQ(f.size(), 1u) << Codes(out);
  EXPECT_EQ(f[0].field, "audit_report");
  EXPECT_EQ(f[0].message,
            "资产负债表（2024年）资产总计 10000.00 万元与负债合计 6000.00 万元 + 所有者权益合计 3900.00 万元 = 9900.00 "
            "万元不等，相差 100.00 万元");
  EXPECT_TRUE(Of(out, "missing_attachment").empty()) << Codes(out);
}

TEST_F(CheckTest, StatementsOutdated) {
  financials_->year = 2023;
  auto f = Of(Run(), "statements_outdated");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].field, "balance_sheet");
  EXPECT_EQ(f[0].message, "财务报表为 2023 年度，截至 2025-06-30 最近一个完整年度为 2024 年度");
  financials_->year = 2024;
  EXPECT_TRUE(Of(Run(), "statements_outdated").empty());
  financials_->year = 2025;  // a half-year statement is not outdated
  EXPECT_TRUE(Of(Run(), "statements_outdated").empty());
  financials_->year = 2023;
  as_of_ = "2024-12-31";  // then 2023 is the latest finished year
  EXPECT_TRUE(Of(Run(), "statements_outdated").empty());
  as_of_ = "2025-01-01";
  EXPECT_EQ(Of(Run(), "statements_outdated").size(), 1u);
  for (const char* bad : {"", "2025/06/30", "20250630", "2025-6-30"}) {
    as_of_ = bad;
    EXPECT_TRUE(Of(Run(), "statements_outdated").empty()) << bad;
  }
  as_of_ = "2025-06-30";
  financials_->year.reset();
  EXPECT_TRUE(Of(Run(), "statements_outdated").empty());
}

TEST_F(CheckTest, NoFinancialsNoStatementFindings) {
  financials_.reset();
  Set("debt_ratio", 99);
  CheckOutput out = Run();
  EXPECT_TRUE(Of(out, "debt_ratio_mismatch").empty());
  EXPECT_TRUE(Of(out, "balance_sheet_unbalanced").empty());
  EXPECT_TRUE(Of(out, "statements_outdated").empty());
}

TEST_F(CheckTest, MissingRequiredFieldNamesTheLabelOnce) {
  Clear("credit_rating");
  Clear("credit_code");  // not required
  Clear("project_category");
  prior_.push_back(NewFinding(templates_, "category_not_in_catalog", "project_category", "不在目录清单内"));
  CheckOutput out = Run();
  auto f = Of(out, "missing_required_field");
  ASSERT_EQ(f.size(), 1u) << Codes(out);
  EXPECT_EQ(f[0].field, "credit_rating");
  EXPECT_EQ(f[0].message, "必填项“信用等级”未填写");
}

TEST_F(CheckTest, RenamedWithoutFormerName) {
  Set("renamed", true);
  auto f = Of(Run(), "renamed_without_former_name");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].field, "former_project_name");
  EXPECT_EQ(f[0].severity, "warning");
  Set("former_project_name", "");
  EXPECT_EQ(Of(Run(), "renamed_without_former_name").size(), 1u);
  Set("former_project_name", "某某铜矿技改项目");
  EXPECT_TRUE(Of(Run(), "renamed_without_former_name").empty());
  Set("renamed", false);
  Clear("former_project_name");
  EXPECT_TRUE(Of(Run(), "renamed_without_former_name").empty());
  Clear("renamed");
  EXPECT_TRUE(Of(Run(), "renamed_without_former_name").empty());
}

TEST_F(CheckTest, BlacklistedCreditCode) {
  EXPECT_TRUE(Of(Run(), "blacklisted").empty());
  Set("credit_code", "91620200ma1ql12p7g");
  auto f = Of(Run(), "blacklisted");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].field, "credit_code");
  EXPECT_NE(f[0].message.find("91620200MA1QL12P7G"), std::string::npos);
  Set("credit_code", "91620200MA1QL12P7X");  // one character off
  EXPECT_TRUE(Of(Run(), "blacklisted").empty());
}

TEST_F(CheckTest, FindingsDoNotHideEachOther) {
  Set("funding_other", 100);
  Set("equity_capital", 20000);
  Set("invested_amount", 9000);
  Set("loans_obtained", 9000);
  Set("debt_ratio", 10);
  Set("renamed", true);
  Set("credit_code", "91620200MA1QL12P7G");
  Clear("contact_person");
  financials_->year = 2020;
  financials_->owners_equity = 1000;
  RemoveFiles("eia_doc");
  CheckOutput out = Run();
  for (const char* code : {"funding_sum_mismatch", "equity_exceeds_total", "invested_exceeds_in_place",
                           "loans_exceed_demand", "debt_ratio_mismatch", "renamed_without_former_name", "blacklisted",
                           "missing_required_field", "statements_outdated", "balance_sheet_unbalanced",
                           "missing_attachment"})
    EXPECT_EQ(Of(out, code).size(), 1u) << code << "\n" << Codes(out);
}

TEST_F(CheckTest, OnlyTemplatesGivenStillFillsTheChecklist) {
  CheckInput in;
  in.templates = &templates_;
  CheckOutput out;
  RunChecks(in, &out);
  EXPECT_EQ(out.checklist.size(), templates_.checklist().size());
  EXPECT_TRUE(out.checklist.at("application_form").required);
  // Every required field is empty, and the always-required documents are missing.
  size_t required = 0;
  for (const FieldSpec& f : templates_.fields()) required += f.required;
  EXPECT_EQ(Of(out, "missing_required_field").size(), required);
  EXPECT_EQ(Of(out, "missing_attachment").size(), 4u) << Codes(out);
}

}  // namespace
}  // namespace gm
