#include "extractors/statements/statement_reader.h"

#include <gtest/gtest.h>

#include "tests/statements/statement_fixtures.h"

namespace gm {
namespace {

using testing_statements::BalanceSheetRows;
using testing_statements::MakePage;
using testing_statements::RowSpec;

Document Doc(std::vector<Page> pages) {
  Document doc;
  doc.format = DocumentFormat::kPdf;
  for (size_t i = 0; i < pages.size(); ++i) pages[i].index = static_cast<int>(i);
  doc.pages = std::move(pages);
  return doc;
}

std::vector<RowSpec> IncomeRows() {
  return {{{{300, "利润表"}}},
          {{{20, "编制单位：甘肃某某矿业有限公司"}, {330, "2024年度"}, {700, "单位：元"}}},
          {{{20, "项目"}, {330, "本期金额"}, {470, "上期金额"}}},
          {{{20, "一、营业收入"}, {300, "45,678,901.23"}, {440, "40,123,456.78"}}},
          {{{20, "减：营业成本"}, {300, "30,123,456.00"}, {440, "27,000,000.00"}}},
          {{{20, "四、净利润（净亏损以“－”号填列）"}, {300, "5,432,100.00"}, {440, "4,000,000.00"}}}};
}

std::vector<RowSpec> CashFlowRows() {
  return {{{{300, "现金流量表"}}},
          {{{330, "2024年度"}, {700, "单位：元"}}},
          {{{20, "项目"}, {330, "本期金额"}, {470, "上期金额"}}},
          {{{20, "经营活动产生的现金流量净额"}, {300, "(1,234,567.00)"}, {440, "2,000,000.00"}}}};
}

TEST(StatementReaderTest, TextBalanceSheetInYuanToWan) {
  std::vector<StatementFigures> out;
  ASSERT_TRUE(ReadStatements(Doc({MakePage(BalanceSheetRows("单位：元", true))}), "资产负债表.pdf", nullptr, {}, &out).ok());
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].kind, "balance_sheet");
  EXPECT_EQ(out[0].year, 2024);
  EXPECT_EQ(out[0].unit, "元");
  EXPECT_EQ(out[0].file, "资产负债表.pdf");
  EXPECT_DOUBLE_EQ(out[0].wan.at("total_assets"), 10000.0);
  EXPECT_DOUBLE_EQ(out[0].wan.at("total_liabilities"), 6000.0);
  EXPECT_DOUBLE_EQ(out[0].wan.at("owners_equity"), 4000.0);
  EXPECT_DOUBLE_EQ(out[0].confidence, 1.0);
}

TEST(StatementReaderTest, IncomeAndCashFlowStatements) {
  std::vector<StatementFigures> out;
  ASSERT_TRUE(ReadStatements(Doc({MakePage(IncomeRows())}), "a.pdf", nullptr, {}, &out).ok());
  ASSERT_TRUE(ReadStatements(Doc({MakePage(CashFlowRows())}), "b.pdf", nullptr, {}, &out).ok());
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0].kind, "income_statement");
  EXPECT_NEAR(out[0].wan.at("revenue"), 4567.890123, 1e-9);
  EXPECT_NEAR(out[0].wan.at("net_profit"), 543.21, 1e-9);
  EXPECT_EQ(out[1].kind, "cash_flow_statement");
  EXPECT_NEAR(out[1].wan.at("operating_cash_flow"), -123.4567, 1e-9);
}

// The 补充资料 of a cash-flow statement: its heading, the restated 净利润, and
// the operating cash flow again at its end.
std::vector<RowSpec> SupplementRows(const std::string& net_profit) {
  return {{{{20, "补充资料："}}},
          {{{20, "1．将净利润调节为经营活动现金流量："}}},
          {{{20, "净利润"}, {300, net_profit}, {440, "4,000,000.00"}}},
          {{{20, "加：固定资产折旧"}, {300, "1,000,000.00"}, {440, "900,000.00"}}},
          {{{20, "经营活动产生的现金流量净额"}, {300, "(1,234,567.00)"}, {440, "2,000,000.00"}}}};
}

TEST(StatementReaderTest, TheSupplementsNetProfitIsReadApartFromTheBody) {
  std::vector<RowSpec> rows = CashFlowRows();
  for (const RowSpec& r : SupplementRows("5,432,100.00")) rows.push_back(r);
  std::vector<StatementFigures> out;
  ASSERT_TRUE(ReadStatements(Doc({MakePage(rows)}), "现金流量表.pdf", nullptr, {}, &out).ok());
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].kind, "cash_flow_statement");
  EXPECT_NEAR(out[0].wan.at("operating_cash_flow"), -123.4567, 1e-9);
  EXPECT_NEAR(out[0].cross_check_wan.at("restated_net_profit"), 543.21, 1e-9);
  EXPECT_FALSE(out[0].wan.count("net_profit"));
  EXPECT_FALSE(out[0].wan.count("restated_net_profit"));
  EXPECT_DOUBLE_EQ(out[0].confidence, 1.0);
}

TEST(StatementReaderTest, ASupplementOnTheNextPageIsTheRestOfTheCashFlowStatement) {
  // The body ends on page 1 (complete); page 2 repeats the column header and holds the 补充资料.
  std::vector<RowSpec> rest = {{{{20, "项目"}, {330, "本期金额"}, {470, "上期金额"}}},
                               {{{20, "六、期末现金及现金等价物余额"}, {300, "9,000,000.00"}, {440, "8,000,000.00"}}}};
  for (const RowSpec& r : SupplementRows("5,432,100.00")) rest.push_back(r);
  std::vector<StatementFigures> out;
  ASSERT_TRUE(ReadStatements(Doc({MakePage(CashFlowRows()), MakePage(rest)}), "现金流量表.pdf", nullptr, {}, &out).ok());
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].kind, "cash_flow_statement");
  EXPECT_EQ(out[0].pages, (std::vector<int>{1, 2}));
  EXPECT_EQ(out[0].unit, "元");
  EXPECT_EQ(out[0].page_of.at("operating_cash_flow"), 1);
  EXPECT_EQ(out[0].page_of.at("restated_net_profit"), 2);
  EXPECT_NEAR(out[0].cross_check_wan.at("restated_net_profit"), 543.21, 1e-9);
}

TEST(StatementReaderTest, ASupplementHeadingAtAPagesFootGoesOnOverThePage) {
  std::vector<RowSpec> page1 = CashFlowRows();
  const std::vector<RowSpec> supplement = SupplementRows("5,432,100.00");
  page1.insert(page1.end(), supplement.begin(), supplement.begin() + 2);  // 补充资料 and its heading
  std::vector<RowSpec> page2 = {{{{20, "项目"}, {330, "本期金额"}, {470, "上期金额"}}}};
  page2.insert(page2.end(), supplement.begin() + 2, supplement.end());
  std::vector<StatementFigures> out;
  ASSERT_TRUE(ReadStatements(Doc({MakePage(page1), MakePage(page2)}), "现金流量表.pdf", nullptr, {}, &out).ok());
  // The 净利润 row on page 2 is the 补充资料's, not an income statement's.
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].kind, "cash_flow_statement");
  EXPECT_EQ(out[0].pages, (std::vector<int>{1, 2}));
  EXPECT_NEAR(out[0].cross_check_wan.at("restated_net_profit"), 543.21, 1e-9);
  EXPECT_EQ(out[0].page_of.at("restated_net_profit"), 2);
}

TEST(StatementReaderTest, ANetProfitRowOutsideTheSupplementIsNoRestatedFigure) {
  std::vector<RowSpec> rows = CashFlowRows();
  rows.push_back({{{20, "净利润"}, {300, "5,432,100.00"}, {440, "4,000,000.00"}}});
  std::vector<StatementFigures> out;
  ASSERT_TRUE(ReadStatements(Doc({MakePage(rows)}), "现金流量表.pdf", nullptr, {}, &out).ok());
  ASSERT_EQ(out.size(), 1u);
  EXPECT_FALSE(out[0].cross_check_wan.count("restated_net_profit"));
  EXPECT_FALSE(out[0].wan.count("net_profit"));
}

TEST(StatementReaderTest, ACashFlowStatementWithOnlyItsSupplementReadHasNoFiguresRead) {
  // The body's figures lost to the scan: the statement is there, its figures were not read.
  std::vector<RowSpec> rows = {{{{300, "现金流量表"}}}, {{{330, "2024年度"}, {700, "单位：元"}}},
                               {{{20, "项目"}, {330, "本期金额"}, {470, "上期金额"}}}};
  for (const RowSpec& r : SupplementRows("5,432,100.00")) rows.push_back(r);
  rows.pop_back();  // not even the 补充资料's own 经营活动产生的现金流量净额
  std::vector<StatementFigures> out;
  ASSERT_TRUE(ReadStatements(Doc({MakePage(rows)}), "现金流量表.pdf", nullptr, {}, &out).ok());
  ASSERT_EQ(out.size(), 1u);
  EXPECT_TRUE(out[0].wan.empty());
  EXPECT_FALSE(out[0].Place().figures_read);
  EXPECT_NEAR(out[0].cross_check_wan.at("restated_net_profit"), 543.21, 1e-9);
}

TEST(StatementReaderTest, AuditReportYieldsAllThreeWithABalanceSheetOverTwoPages) {
  auto bs = BalanceSheetRows("单位：元", false);
  // Page 1 of the balance sheet: title, heading, header and the assets; page 2: 资产负债表(续).
  std::vector<RowSpec> bs1(bs.begin(), bs.begin() + 4);
  bs1.push_back({{{20, "资产总计"}, {160, "100,000,000.00"}, {260, "91,000,000.00"}}});
  std::vector<RowSpec> bs2 = {{{{300, "资产负债表（续）"}}},
                              {{{330, "2024年12月31日"}, {700, "单位：元"}}},
                              {{{20, "负债和所有者权益"}, {184, "期末余额"}, {284, "年初余额"}}},
                              {{{20, "负债合计"}, {160, "60,000,000.00"}, {260, "55,000,000.00"}}},
                              {{{20, "所有者权益合计"}, {160, "40,000,000.00"}, {260, "36,000,000.00"}}}};
  std::vector<RowSpec> opinion = {{{{300, "审计报告"}}},
                                  {{{20, "我们审计了财务报表，包括2024年12月31日的资产负债表，2024年度的利润表。"}}},
                                  {{{20, "营业收入"}, {300, "1.00"}}}};  // prose numbers before any statement: not read
  std::vector<RowSpec> changes = {{{{300, "所有者权益变动表"}}}, {{{20, "所有者权益合计"}, {300, "1.00"}}}};
  std::vector<RowSpec> notes = {{{{20, "财务报表附注"}}}, {{{20, "营业收入"}, {300, "77.00"}}}};
  Document doc = Doc({MakePage(opinion), MakePage(bs1), MakePage(bs2), MakePage(IncomeRows()),
                      MakePage(CashFlowRows()), MakePage(changes), MakePage(notes)});
  std::vector<StatementFigures> out;
  ASSERT_TRUE(ReadStatements(doc, "审计报告.pdf", nullptr, {}, &out).ok());
  ASSERT_EQ(out.size(), 3u);  // not the opinion's stray figure, nor those after the statements
  EXPECT_EQ(out[0].kind, "balance_sheet");
  EXPECT_EQ(out[1].kind, "income_statement");
  EXPECT_EQ(out[2].kind, "cash_flow_statement");
  auto merged = MergeFinancials(out);
  ASSERT_TRUE(merged.has_value());
  EXPECT_EQ(merged->year, 2024);
  EXPECT_DOUBLE_EQ(*merged->total_assets, 10000.0);
  EXPECT_DOUBLE_EQ(*merged->total_liabilities, 6000.0);
  EXPECT_DOUBLE_EQ(*merged->owners_equity, 4000.0);
  EXPECT_NEAR(*merged->revenue, 4567.890123, 1e-9);
  EXPECT_NEAR(*merged->operating_cash_flow, -123.4567, 1e-9);
  EXPECT_EQ(merged->source_file, "审计报告.pdf");
  EXPECT_EQ(merged->unit, "元");
}

TEST(StatementReaderTest, SpreadsheetWithTwoHalves) {
  Document doc;
  doc.format = DocumentFormat::kXlsx;
  doc.tables.push_back(
      {"资产负债表",
       {{"资产负债表"},
        {"", "", "", "", "", "会企01表"},
        {"编制单位：甘肃某某矿业有限公司", "", "2024年12月31日", "", "", "单位：万元"},
        {"资产", "期末余额", "年初余额", "负债和所有者权益（或股东权益）", "期末余额", "年初余额"},
        {"货币资金", "1234.5", "1000", "短期借款", "500", "400"},
        {"", "", "", "负债合计", "6000.25", "5000"},
        {"", "", "", "所有者权益（或股东权益）合计", "", "3000"},
        {"资产总计", "10000.5", "9000", "负债和所有者权益（或股东权益）总计", "10000.5", "9000"}}});
  doc.tables.push_back({"利润表", {{"项目", "本期金额", "上期金额"}, {"一、营业收入", "2000", "1800"}}});
  std::vector<StatementFigures> out;
  ASSERT_TRUE(ReadStatements(doc, "财务报表.xlsx", nullptr, {}, &out).ok());
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0].unit, "万元");
  EXPECT_DOUBLE_EQ(out[0].wan.at("total_assets"), 10000.5);
  EXPECT_DOUBLE_EQ(out[0].wan.at("total_liabilities"), 6000.25);
  EXPECT_EQ(out[0].wan.count("owners_equity"), 0u);  // its end cell is empty
  EXPECT_EQ(out[1].kind, "income_statement");  // from the sheet name
  EXPECT_EQ(out[1].unit, "元");                // not written: assumed, with less confidence
  EXPECT_LT(out[1].confidence, 0.9);
}

// Rows shifted down the page by `dy` rows, so that two statements share one page.
std::vector<RowSpec> Below(std::vector<RowSpec> top, const std::vector<RowSpec>& bottom) {
  top.push_back({});
  top.insert(top.end(), bottom.begin(), bottom.end());
  return top;
}

TEST(StatementReaderTest, TwoStatementsOnOnePageAreBothFoundOnThatPage) {
  std::vector<StatementFigures> out;
  ASSERT_TRUE(ReadStatements(Doc({MakePage(BalanceSheetRows("单位：元", false)), MakePage(Below(IncomeRows(), CashFlowRows()))}),
                             "财务报表.pdf", nullptr, {}, &out).ok());
  ASSERT_EQ(out.size(), 3u);
  EXPECT_EQ(out[1].kind, "income_statement");
  EXPECT_EQ(out[1].pages, std::vector<int>{2});
  EXPECT_EQ(out[2].kind, "cash_flow_statement");
  EXPECT_EQ(out[2].pages, std::vector<int>{2});
  EXPECT_NEAR(out[2].wan.at("operating_cash_flow"), -123.4567, 1e-9);
  EXPECT_EQ(out[2].Place().file, "财务报表.pdf");
  EXPECT_TRUE(out[2].Place().figures_read);
}

TEST(StatementReaderTest, AStatementOverTwoPagesNamesBoth) {
  auto bs = BalanceSheetRows("单位：元", false);
  std::vector<RowSpec> bs1(bs.begin(), bs.begin() + 4);
  bs1.push_back({{{20, "资产总计"}, {160, "100,000,000.00"}, {260, "91,000,000.00"}}});
  std::vector<RowSpec> bs2 = {{{{20, "负债和所有者权益"}, {184, "期末余额"}, {284, "年初余额"}}},
                              {{{20, "负债合计"}, {160, "60,000,000.00"}, {260, "55,000,000.00"}}},
                              {{{20, "所有者权益合计"}, {160, "40,000,000.00"}, {260, "36,000,000.00"}}}};
  std::vector<StatementFigures> out;
  ASSERT_TRUE(ReadStatements(Doc({MakePage(bs1), MakePage(bs2)}), "资产负债表.pdf", nullptr, {}, &out).ok());
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].pages, (std::vector<int>{1, 2}));
  EXPECT_EQ(out[0].page_of.at("total_assets"), 1);
  EXPECT_EQ(out[0].page_of.at("owners_equity"), 2);
}

TEST(StatementReaderTest, StatementPagesDeepInAnAuditReportAreFoundWithTheirPages) {
  std::vector<Page> pages;
  pages.push_back(MakePage({{{{300, "审计报告"}}}, {{{20, "甘某审字〔2025〕第0123号"}}}}));
  for (int i = 0; i < 6; ++i) pages.push_back(MakePage({{{{20, "审计意见与附注的文字，第" + std::to_string(i) + "段。"}}}}));
  pages.push_back(MakePage(BalanceSheetRows("单位：元", true)));
  pages.push_back(MakePage(IncomeRows()));
  pages.push_back(MakePage(CashFlowRows()));
  for (int i = 0; i < 12; ++i) pages.push_back(MakePage({{{{20, "财务报表附注"}}}, {{{20, "营业收入"}, {300, "77.00"}}}}));
  std::vector<StatementFigures> out;
  ASSERT_TRUE(ReadStatements(Doc(pages), "审计报告.pdf", nullptr, {}, &out).ok());
  ASSERT_EQ(out.size(), 3u);
  EXPECT_EQ(out[0].pages, std::vector<int>{8});
  EXPECT_EQ(out[1].pages, std::vector<int>{9});
  EXPECT_EQ(out[2].pages, std::vector<int>{10});
}

TEST(StatementReaderTest, AllThreeStatementsOnOneSheet) {
  Document doc;
  doc.format = DocumentFormat::kXlsx;
  doc.tables.push_back({"Sheet1",
                        {{"资产负债表"},
                         {"编制单位：甘肃某某矿业有限公司", "2024年12月31日", "单位：元"},
                         {"项目", "期末余额", "年初余额"},
                         {"资产总计", "1000000", "900000"},
                         {"负债合计", "600000", "500000"},
                         {"所有者权益合计", "400000", "400000"},
                         {},
                         {"利润表"},
                         {"", "2024年度", "单位：元"},
                         {"项目", "本期金额", "上期金额"},
                         {"营业总收入", "300000", "250000"},
                         {"净利润", "50000", "40000"},
                         {},
                         {"现金流量表"},
                         {"", "2024年度", "单位：元"},
                         {"项目", "本期金额", "上期金额"},
                         {"经营活动产生的现金流量净额", "-20000", "10000"}}});
  std::vector<StatementFigures> out;
  ASSERT_TRUE(ReadStatements(doc, "财务报表.xlsx", nullptr, {}, &out).ok());
  ASSERT_EQ(out.size(), 3u);
  EXPECT_DOUBLE_EQ(out[0].wan.at("total_assets"), 100.0);
  EXPECT_DOUBLE_EQ(out[1].wan.at("revenue"), 30.0);
  EXPECT_DOUBLE_EQ(out[2].wan.at("operating_cash_flow"), -2.0);
  for (const StatementFigures& f : out) EXPECT_EQ(f.pages, std::vector<int>{1});
}

TEST(StatementReaderTest, ThisYearsEndColumnSecondIsStillTheOneRead) {
  std::vector<RowSpec> rows = {{{{300, "资产负债表"}}},
                               {{{330, "2024年12月31日"}, {700, "单位：千元"}}},
                               {{{20, "项目"}, {184, "上年年末余额"}, {284, "本年年末余额"}}},
                               {{{20, "资产总计"}, {160, "900.00"}, {260, "1,000.00"}}}};
  std::vector<StatementFigures> out;
  ASSERT_TRUE(ReadStatements(Doc({MakePage(rows)}), "资产负债表.pdf", nullptr, {}, &out).ok());
  ASSERT_EQ(out.size(), 1u);
  EXPECT_DOUBLE_EQ(out[0].wan.at("total_assets"), 100.0);
}

// A title with its period and unit but no figure read (a page OCR could not
// read) is still reported: the statement is there, and a reviewer must look.
TEST(StatementReaderTest, ATitledStatementWithoutFiguresIsReportedEmpty) {
  std::vector<RowSpec> rows = {{{{300, "现金流量表"}}}, {{{330, "2024年度"}, {700, "单位：元"}}}, {{{20, "▇▇▇ ▇▇ ▇▇▇▇"}}}};
  std::vector<StatementFigures> out;
  ASSERT_TRUE(ReadStatements(Doc({MakePage(rows)}), "现金流量表.pdf", nullptr, {}, &out).ok());
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].kind, "cash_flow_statement");
  EXPECT_TRUE(out[0].wan.empty());
  EXPECT_FALSE(out[0].Place().figures_read);
  EXPECT_FALSE(MergeFinancials(out).has_value());
}

// 近1年资产负债表 in a list of attachments is a phrase, not a statement.
TEST(StatementReaderTest, AStatementsNameInProseIsNoStatement) {
  std::vector<StatementFigures> out;
  ASSERT_TRUE(ReadStatements(Doc({MakePage({{{{20, "随表提供资料清单"}}}, {{{20, "近1年资产负债表"}}}, {{{20, "近1年利润表"}}}})}),
                             "清单.pdf", nullptr, {}, &out).ok());
  EXPECT_TRUE(out.empty());
}

TEST(StatementReaderTest, DocumentsWithoutStatementsYieldNothing) {
  std::vector<StatementFigures> out;
  ASSERT_TRUE(ReadStatements(Document(), "x.pdf", nullptr, {}, &out).ok());
  Page scan;  // a scan and no OCR engine: skipped
  scan.load_image = [](PixPtr* p) {
    *p = AdoptPix(pixCreate(10, 10, 8));
    return Status::OK();
  };
  ASSERT_TRUE(ReadStatements(Doc({scan}), "x.pdf", nullptr, {}, &out).ok());
  ASSERT_TRUE(ReadStatements(Doc({MakePage({{{{20, "关于某项目的批复"}}}, {{{20, "经研究，同意备案。"}}}})}), "y.pdf",
                             nullptr, {}, &out)
                  .ok());
  EXPECT_TRUE(out.empty());
}

}  // namespace
}  // namespace gm
