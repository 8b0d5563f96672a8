#include "extractors/statements/statement_parser.h"

#include <cmath>

#include <gtest/gtest.h>

#include "tests/statements/statement_fixtures.h"

namespace gm {
namespace {

using testing_statements::BalanceSheetRows;
using testing_statements::MakePage;
using testing_statements::Placed;
using testing_statements::RowSpec;

class StatementParserTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Status s;
    vocab_ = StatementVocabulary::Default(&s);
    ASSERT_NE(vocab_, nullptr) << s.ToString();
  }
  std::vector<PageStatement> Parse(const std::vector<RowSpec>& rows, const std::string& continued = "") {
    return ParseStatementPage(Placed(MakePage(rows)), *vocab_, continued);
  }
  const StatementVocabulary* vocab_ = nullptr;
};

TEST_F(StatementParserTest, TwoHalfBalanceSheetTakesEndOfPeriodColumns) {
  for (bool with_index : {false, true}) {
    auto got = Parse(BalanceSheetRows("单位：元", with_index));
    ASSERT_EQ(got.size(), 1u) << with_index;
    const PageStatement& bs = got[0];
    EXPECT_EQ(bs.kind, "balance_sheet");
    EXPECT_TRUE(bs.titled);
    EXPECT_EQ(bs.year, 2024);
    EXPECT_EQ(bs.unit, "元");
    EXPECT_TRUE(bs.end_column);
    EXPECT_DOUBLE_EQ(bs.values.at("total_assets"), 100000000.0) << with_index;
    EXPECT_DOUBLE_EQ(bs.values.at("total_liabilities"), 60000000.0) << with_index;
    EXPECT_DOUBLE_EQ(bs.values.at("owners_equity"), 40000000.0) << with_index;
  }
}

// The right half's 期末余额 header garbled, its 年初余额 read: the right
// half's end column comes from its own aligned amounts, not the left's header.
TEST_F(StatementParserTest, AHalfThatLostItsEndHeaderReadsItsOwnEndColumn) {
  for (bool with_index : {false, true}) {
    auto rows = BalanceSheetRows("单位：元", with_index);
    for (auto& row : rows)
      for (auto it = row.cells.begin(); it != row.cells.end(); ++it)
        if (it->second == "期末余额" && it->first > 400) {
          it->second = "负全和有";  // OCR's garble of the header
          break;
        }
    auto got = Parse(rows);
    ASSERT_EQ(got.size(), 1u) << with_index;
    EXPECT_DOUBLE_EQ(got[0].values.at("total_assets"), 100000000.0) << with_index;
    EXPECT_DOUBLE_EQ(got[0].values.at("total_liabilities"), 60000000.0) << with_index;
    EXPECT_DOUBLE_EQ(got[0].values.at("owners_equity"), 40000000.0) << with_index;
  }
}

TEST_F(StatementParserTest, LabelsWrappedInTheirCells) {
  // As a PDF table with narrow label cells prints them (coordinates from a real sheet): the
  // right half's labels wrap onto two lines, the numbers sit between the lines, and the last
  // row's right numbers share a line with 资产总计.
  auto span = [](const char* t, double x, double y, double w) { return PlacedText{t, {x, y, w, 7.3}}; };
  std::vector<PlacedText> texts = {
      span("资产负债表", 249.6, 78.8, 94.8), span("2024年12月31日", 257.2, 107.1, 76.1), span("单位：元", 477, 141.4, 45.5),
      span("负债和所有者权益（或股东权", 291.9, 160.7, 92.7), span("益）", 331.2, 170.3, 14.3),
      span("资产", 105.7, 165.5, 14.3), span("期末余额", 173.2, 165.5, 28.5), span("年初余额", 239.9, 165.5, 28.5),
      span("期末余额", 408.2, 165.5, 28.5), span("年初余额", 474.9, 165.5, 28.5),
      span("货币资金", 75.5, 205.5, 28.5), span("359,563,553.64", 166.9, 205.5, 41.3),
      span("399,580,408.37", 233.6, 205.5, 41.3), span("短期借款", 291.5, 205.5, 28.5),
      span("147,801,103.50", 401.9, 205.5, 41.3), span("164,098,946.04", 468.6, 205.5, 41.3),
      span("负债合计", 291.5, 469.0, 28.5), span("619,532,107.70", 401.9, 469.0, 41.3),
      span("637,530,929.95", 468.6, 469.0, 41.3), span("非流动资产合计", 75.5, 469.0, 49.9),
      span("805,453,465.41", 166.9, 469.0, 41.3), span("718,599,858.88", 233.6, 469.0, 41.3),
      span("所有者权益（或股东权益）合", 291.5, 591.9, 92.7), span("计", 291.5, 601.5, 7.1),
      span("942,983,466.54", 401.9, 596.7, 41.3), span("880,933,466.19", 468.6, 596.7, 41.3),
      span("负债和所有者权益（或股东权", 291.5, 619.1, 92.7), span("益）总计", 291.5, 628.7, 28.5),
      span("1,562,515,574.24", 394.8, 623.9, 46.3), span("1,518,464,396.14", 461.5, 623.9, 46.3),
      span("资产总计", 75.5, 623.9, 28.5), span("1,562,515,574.24", 159.8, 623.9, 46.3),
      span("1,518,464,396.14", 226.5, 623.9, 46.3)};
  auto got = ParseStatementPage(texts, *vocab_, "");
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].year, 2024);
  EXPECT_DOUBLE_EQ(got[0].values.at("total_assets"), 1562515574.24);
  EXPECT_DOUBLE_EQ(got[0].values.at("total_liabilities"), 619532107.70);
  EXPECT_DOUBLE_EQ(got[0].values.at("owners_equity"), 942983466.54);
}

TEST_F(StatementParserTest, AWrappedLabelsLastLineCarriesTheEndFigure) {
  // The cell's first line, then a line with the row number and the opening
  // figure, then "计" with the end figure (a PDF that sets each figure on
  // its own baseline).
  auto span = [](const char* t, double x, double y, double w) { return PlacedText{t, {x, y, w, 7.3}}; };
  std::vector<PlacedText> texts = {
      span("资产负债表", 249.6, 78.8, 94.8), span("单位：万元", 477, 141.4, 45.5),
      span("负债和所有者权益（或股东权", 291.9, 160.7, 92.7), span("行次", 400, 165.5, 14),
      span("资产", 105.7, 165.5, 14.3), span("期末余额", 173.2, 165.5, 28.5), span("年初余额", 239.9, 165.5, 28.5),
      span("期末余额", 440, 165.5, 28.5), span("年初余额", 500, 165.5, 28.5),
      span("货币资金", 75.5, 205.5, 28.5), span("359.64", 180, 205.5, 20),
      span("399.37", 250, 205.5, 20), span("负债合计", 291.5, 205.5, 28.5), span("50", 400, 205.5, 7),
      span("147.50", 450, 205.5, 20), span("164.04", 510, 205.5, 20),
      span("所有者权益（或股东权益）合", 291.5, 565, 92.7), span("51", 400, 569, 7),
      span("53,694.04", 505, 569, 30), span("计", 291.5, 573, 7.1), span("62,480.91", 445, 573, 30),
      span("资产总计", 75.5, 595, 28.5), span("209.99", 180, 595, 20), span("200.00", 250, 595, 20)};
  auto got = ParseStatementPage(texts, *vocab_, "");
  ASSERT_EQ(got.size(), 1u);
  EXPECT_DOUBLE_EQ(got[0].values.at("owners_equity"), 62480.91);
  EXPECT_DOUBLE_EQ(got[0].values.at("total_liabilities"), 147.5);
}

TEST_F(StatementParserTest, AFigureThatLostItsDecimalPointOnAPageOfCentsIsDoubtful) {
  std::vector<RowSpec> rows = {{{{20, "资产负债表"}}}, {{{20, "单位：亿元"}}},
                               {{{20, "资产"}, {254, "期末余额"}, {354, "年初余额"}}}};
  const char* items[] = {"货币资金", "应收账款", "存货", "固定资产", "在建工程", "无形资产", "短期借款", "应付账款"};
  for (const char* item : items) rows.push_back({{{20, item}, {200, "12.34"}, {300, "11.22"}}});
  rows.push_back({{{20, "资产总计"}, {200, "2529"}, {300, "25.55"}}});
  rows.push_back({{{20, "负债合计"}, {200, "10.20"}, {300, "9.80"}}});
  auto got = Parse(rows);
  ASSERT_EQ(got.size(), 1u);
  EXPECT_DOUBLE_EQ(got[0].values.at("total_assets"), 25.29);
  EXPECT_LT(got[0].confidence.at("total_assets"), vocab_->params.doubtful_figure_confidence);
  EXPECT_DOUBLE_EQ(got[0].values.at("total_liabilities"), 10.2);
  // Where amounts are written without cents, plain digits are the amount.
  for (size_t r = 3; r < rows.size(); ++r)
    for (auto& cell : rows[r].cells)
      if (cell.first > 100 && cell.second.find('.') != std::string::npos) cell.second.erase(cell.second.find('.'), 1);
  got = Parse(rows);
  EXPECT_DOUBLE_EQ(got[0].values.at("total_assets"), 2529);
  EXPECT_DOUBLE_EQ(got[0].values.at("total_liabilities"), 1020);
}

// "1976840037.27" read as "1976840037" and ".27|" (a vertical rule after the
// cents): the pieces are one amount, not a figure that lost its point.
TEST_F(StatementParserTest, CentsSplitOffBeforeARuleMarkJoinTheirAmount) {
  std::vector<RowSpec> rows = {{{{20, "利润表"}}}, {{{20, "单位：元"}}},
                               {{{20, "项目"}, {254, "本期金额"}, {454, "上期金额"}}}};
  const char* items[] = {"营业成本", "税金及附加", "销售费用", "管理费用", "研发费用", "财务费用", "利息收入", "投资收益"};
  for (const char* item : items) rows.push_back({{{20, item}, {200, "12.34"}, {400, "11.22"}}});
  rows.push_back({{{20, "营业收入"}, {200, "1976840037"}, {291, ".27|"}, {400, "|2009742153.33"}}});
  auto got = Parse(rows);
  ASSERT_EQ(got.size(), 1u);
  EXPECT_DOUBLE_EQ(got[0].values.at("revenue"), 1976840037.27);
  EXPECT_GE(got[0].confidence.at("revenue"), vocab_->params.doubtful_figure_confidence);
}

// A speck read as one sure character between the opening and the end
// amounts ("4.20 了 6.29") is no label of its own: the end amount stays
// the row's.
TEST_F(StatementParserTest, AOneCharacterSpeckBetweenAmountsIsNoLabel) {
  auto got = Parse({{{{20, "现金流量表"}}},
                    {{{20, "项目"}, {150, "行次"}, {224, "上年同期"}, {424, "本年累计"}}},
                    {{{20, "经营活动产生的现金流量净额"}, {150, "9"}, {200, "4.20"}, {330, "了"}, {400, "6.29"}}}});
  ASSERT_EQ(got.size(), 1u);
  EXPECT_DOUBLE_EQ(got[0].values.at("operating_cash_flow"), 6.29);
}

// An amount a narrow cell wrapped onto two lines around its label's line,
// the head's comma read as a point ("2.867," over "880.91"): one amount.
TEST_F(StatementParserTest, AWrappedAmountWhoseHeadHasAPointForAComma) {
  auto got = Parse({{{{20, "利润表"}}},
                    {{{20, "项目"}, {254, "本期金额"}, {454, "上期金额"}}},
                    {{{200, "2.867,"}}},
                    {{{20, "营业收入"}, {400, "2,975,465.79"}}},
                    {{{200, "880.91"}}}});
  ASSERT_EQ(got.size(), 1u);
  ASSERT_TRUE(got[0].values.count("revenue"));
  EXPECT_DOUBLE_EQ(got[0].values.at("revenue"), 2867880.91);
}

TEST_F(StatementParserTest, OcrMisreadLabels) {
  auto got = Parse({{{{20, "资产负债表"}}},
                    {{{20, "资产"}, {184, "期末余额"}, {284, "年初余额"}}},
                    {{{20, "流动负债合计"}, {160, "1.00"}, {260, "2.00"}}},         // not 负债合计
                    {{{20, "资产总汁"}, {160, "1,000.00"}, {260, "900.00"}}},       // one character misread
                    {{{20, "负债合汁"}, {160, "600.00"}, {260, "500.00"}}},
                    {{{20, "所有者权益【或股东权益)合计"}, {160, "400.00"}, {260, "400.00"}}}});  // OCR's brackets
  ASSERT_EQ(got.size(), 1u);
  EXPECT_DOUBLE_EQ(got[0].values.at("total_assets"), 1000.0);
  EXPECT_DOUBLE_EQ(got[0].values.at("total_liabilities"), 600.0);
  EXPECT_DOUBLE_EQ(got[0].values.at("owners_equity"), 400.0);
  // Six characters or more: two misread ("股东权益全村"), when no other item is as near.
  auto equity = Parse({{{{20, "资产负债表"}}},
                       {{{20, "资产"}, {184, "期末余额"}, {284, "年初余额"}}},
                       {{{20, "股东权益全村"}, {160, "29.47"}, {260, "25.97"}}}});
  ASSERT_EQ(equity.size(), 1u);
  EXPECT_DOUBLE_EQ(equity[0].values.at("owners_equity"), 29.47);
  // 投资活动现金流量净额 is two characters from 经营活动现金流量净额, and no figure.
  auto flows = Parse({{{{20, "现金流量表"}}},
                      {{{20, "项目"}, {184, "本期金额"}, {284, "上期金额"}}},
                      {{{20, "投资活动现金流量净额"}, {160, "-3.87"}, {260, "-2.92"}}}});
  ASSERT_EQ(flows.size(), 1u);
  EXPECT_EQ(flows[0].values.count("operating_cash_flow"), 0u);
  // A section heading joined with the next row's first words is two characters from an
  // item ("经营活动产生的现金流量:销售" / 经营活动产生的现金流量净额): no match.
  auto heading = Parse({{{{20, "现金流量表"}}},
                        {{{20, "项目"}, {184, "本期金额"}, {284, "上期金额"}}},
                        {{{20, "一、经营活动产生的现金流量："}}},
                        {{{20, "销售"}, {48, "商品、提供劳务收到的现金"}, {160, "1,814,907,358.35"}, {260, "1.00"}}}});
  ASSERT_EQ(heading.size(), 1u);
  EXPECT_EQ(heading[0].values.count("operating_cash_flow"), 0u);
  // Three characters: one misread is too many to guess.
  auto income = Parse({{{{20, "利润表"}}}, {{{20, "项目"}, {184, "本期金额"}, {284, "上期金额"}}},
                       {{{20, "争利润"}, {160, "5.00"}, {260, "4.00"}}}});
  ASSERT_EQ(income.size(), 1u);
  EXPECT_EQ(income[0].values.count("net_profit"), 0u);
}

TEST_F(StatementParserTest, EmptyEndCellIsNotFilledFromTheOpeningColumn) {
  auto rows = BalanceSheetRows("单位：元", false);
  // 资产总计 and 负债和所有者权益总计 with their end-of-period cells left blank.
  rows.back().cells.erase(rows.back().cells.begin() + 4);
  rows.back().cells.erase(rows.back().cells.begin() + 1);
  auto got = Parse(rows);
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].values.count("total_assets"), 0u);
  EXPECT_DOUBLE_EQ(got[0].values.at("total_liabilities"), 60000000.0);
}

// 负债和所有者权益总计 is read under a key of its own, beside 资产总计
// (TakeGrandTotal decides which stands for total assets).
TEST_F(StatementParserTest, GrandTotalOfTheRightSideIsReadBesideTotalAssets) {
  auto rows = BalanceSheetRows("单位：元", false);
  rows.back().cells[1].second = "";  // 资产总计's end cell unread
  rows.back().cells[4].second = "99,000,000.00";
  auto got = Parse(rows);
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].values.count("total_assets"), 0u);
  EXPECT_DOUBLE_EQ(got[0].values.at(kGrandTotalKey), 99000000.0);
  rows = BalanceSheetRows("单位：元", false);
  rows.back().cells[4].second = "99,000,000.00";
  got = Parse(rows);
  EXPECT_DOUBLE_EQ(got[0].values.at("total_assets"), 100000000.0);
  EXPECT_DOUBLE_EQ(got[0].values.at(kGrandTotalKey), 99000000.0);
}

// A label read without its end-of-period amount, or with a doubtful one, is
// sought where that amount stands: under the end column, short of the next
// column's amounts.
TEST_F(StatementParserTest, AFigureNotReadIsSoughtUnderItsEndColumn) {
  auto rows = BalanceSheetRows("单位：元", false);
  rows.back().cells[1].second = "";  // 资产总计's end cell unread (its amount would stand at x 201..250)
  auto got = Parse(rows);
  ASSERT_EQ(got.size(), 1u);
  ASSERT_TRUE(got[0].sought.count("total_assets"));
  const Box& at = got[0].sought.at("total_assets");
  EXPECT_LE(at.x, 201);
  EXPECT_GE(at.x + at.w, 250);
  EXPECT_LT(at.x + at.w, 305 - 24);  // the opening column's amounts end at 350, 49 wide at most
  EXPECT_EQ(got[0].sought.count("total_liabilities"), 0u);  // read surely
}

// Only an opening-period header read and too few amounts to align: no end
// column is known, so no figure is taken and none is sought (fuzz_statements
// found the empty column list read past its end).
TEST_F(StatementParserTest, NoEndColumnKnownNothingIsSought) {
  auto got = Parse({{{{20, "利润表"}}},
                    {{{20, "项目"}, {284, "上期金额"}}},
                    {{{20, "营业收入"}, {295, "5.0"}}}});  // under the opening header
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].values.count("revenue"), 0u);
  EXPECT_TRUE(got[0].sought.empty());
}

// OCR often reads a header character by character: "上" "年" "年" "末" "余" "额"
// (an amount at x is centred at x + 76, a 4-character header at x + 22).
RowSpec CharacterByCharacter(std::vector<std::pair<double, std::string>> phrases) {
  RowSpec row;
  for (const auto& [x, phrase] : phrases)
    for (size_t i = 0; i < phrase.size(); i += 3) row.cells.push_back({x + 11.0 * (i / 3), phrase.substr(i, 3)});
  return row;
}

TEST_F(StatementParserTest, AHeaderReadCharacterByCharacterIsJoinedIntoItsPhrases) {
  // 行次 is a whole name and does not take the 上 of 上期金额 after it.
  auto got = Parse({{{{20, "利润表"}}},
                    CharacterByCharacter({{20, "项目"}, {232, "行次"}, {254, "上期金额"}, {354, "本期金额"}}),
                    {{{20, "一、营业收入"}, {236, "1"}, {200, "1,000.00"}, {300, "1,234.56"}}}});
  ASSERT_EQ(got.size(), 1u);
  EXPECT_DOUBLE_EQ(got[0].values.at("revenue"), 1234.56);
  // 上年 goes on to 上年年末余额: not an opening 上年 beside an end 年末余额
  // (as misread on a scan of a photocopy).
  got = Parse({{{{20, "资产负债表"}}},
               CharacterByCharacter({{20, "资产"}, {254, "期未尔绩"}, {344, "上年年末余令"}}),
               {{{20, "资产总计"}, {200, "2,000.00"}, {300, "1,500.00"}}}});
  ASSERT_EQ(got.size(), 1u);
  EXPECT_DOUBLE_EQ(got[0].values.at("total_assets"), 2000.0);
}

TEST_F(StatementParserTest, UnitsInHeadingOrColumnHeader) {
  EXPECT_EQ(Parse(BalanceSheetRows("金额单位：人民币万元", false))[0].unit, "万元");
  EXPECT_EQ(Parse(BalanceSheetRows("（单位：千元）", false))[0].unit, "千元");
  EXPECT_EQ(Parse(BalanceSheetRows("", false))[0].unit, "");
  auto got = Parse({{{{20, "利润表"}}},
                    {{{20, "项目"}, {200, "本期金额(万元)"}, {300, "上期金额(万元)"}}},
                    {{{20, "一、营业收入"}, {200, "1,234.56"}, {300, "1,000.00"}}}});
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].unit, "万元");
  EXPECT_DOUBLE_EQ(got[0].values.at("revenue"), 1234.56);
}

TEST_F(StatementParserTest, IncomeStatementPrefersItsOwnRows) {
  std::vector<RowSpec> rows = {
      {{{300, "利 润 表"}}},
      {{{20, "编制单位：甘肃某某矿业有限公司"}, {330, "2024年度"}, {700, "单位：元"}}},
      {{{20, "项目"}, {330, "本期金额"}, {470, "上期金额"}}},
      {{{20, "一、营业总收入"}, {300, "50,000,000.00"}, {440, "40,000,000.00"}}},
      {{{20, "其中：营业收入"}, {300, "48,000,000.00"}, {440, "39,000,000.00"}}},
      {{{20, "四、净利润（净亏损以“－”号填列）"}, {300, "(2,500,000.00)"}, {440, "3,000,000.00"}}},
      {{{20, "（一）持续经营净利润（净亏损以“－”号填列）"}, {300, "7,777.00"}, {440, "1.00"}}},
      {{{20, "单位负责人：张三"}, {300, "2025年3月15日"}}},
  };
  auto got = Parse(rows);
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].kind, "income_statement");
  EXPECT_EQ(got[0].year, 2024);
  EXPECT_DOUBLE_EQ(got[0].values.at("revenue"), 48000000.0);  // 营业收入 ranks above 营业总收入
  EXPECT_DOUBLE_EQ(got[0].values.at("net_profit"), -2500000.0);
}

TEST_F(StatementParserTest, CashFlowIgnoresTheSupplementaryNetProfit) {
  std::vector<RowSpec> rows = {
      {{{300, "现金流量表"}}},
      {{{330, "2024年1-12月"}, {700, "单位：千元"}}},
      {{{20, "项目"}, {330, "本年金额"}, {470, "上年金额"}}},
      {{{20, "一、经营活动产生的现金流量："}}},
      {{{20, "经营活动产生的现金流量净额"}, {300, "12,345.6"}, {440, "10,000.0"}}},
      {{{20, "将净利润调节为经营活动现金流量："}}},
      {{{20, "净利润"}, {300, "9,999.0"}, {440, "8,888.0"}}},
  };
  auto got = Parse(rows);
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].kind, "cash_flow_statement");
  EXPECT_EQ(got[0].year, 2024);
  EXPECT_EQ(got[0].unit, "千元");
  EXPECT_DOUBLE_EQ(got[0].values.at("operating_cash_flow"), 12345.6);
  EXPECT_EQ(got[0].values.count("net_profit"), 0u);
}

TEST_F(StatementParserTest, DateHeadedColumnsWithNotesReferences) {
  // An audit report's layout: columns headed by dates, a 附注 column, the later date first or last.
  std::vector<RowSpec> rows = {
      {{{300, "合并资产负债表"}}},
      {{{700, "单位：人民币元"}}},
      {{{20, "项目"}, {200, "附注"}, {300, "2023年12月31日"}, {440, "2024年12月31日"}}},
      {{{20, "资产总计"}, {200, "五、12"}, {300, "900,000.00"}, {440, "1,000,000.00"}}},
      {{{20, "负债合计"}, {200, "五、20"}, {300, "500,000.00"}, {440, "600,000.00"}}},
  };
  auto got = Parse(rows);
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].year, 2024);
  EXPECT_TRUE(got[0].end_column);
  EXPECT_DOUBLE_EQ(got[0].values.at("total_assets"), 1000000.0);
  EXPECT_DOUBLE_EQ(got[0].values.at("total_liabilities"), 600000.0);
}

TEST_F(StatementParserTest, WithoutHeadersTheFirstNumberAfterTheRowNumber) {
  std::vector<RowSpec> rows = {
      {{{20, "资产负债表"}}},
      {{{20, "资产总计"}, {150, "38"}, {200, "1,000.00"}, {300, "900.00"}}},
      {{{20, "负债合计"}, {200, "600.00"}, {300, "500.00"}}},
  };
  auto got = Parse(rows);
  ASSERT_EQ(got.size(), 1u);
  EXPECT_FALSE(got[0].end_column);
  EXPECT_DOUBLE_EQ(got[0].values.at("total_assets"), 1000.0);
  EXPECT_DOUBLE_EQ(got[0].values.at("total_liabilities"), 600.0);
}

TEST_F(StatementParserTest, WholeRowAsOneSpanIsCutIntoCells) {
  // Some PDF producers write a table row as one run of text with spaces.
  Page page;
  page.text = {{"资产负债表", {300, 10, 60, 14}},
               {"2024年12月31日 单位：元", {300, 30, 120, 12}},
               {"资产     期末余额       年初余额", {20, 50, 300, 12}},
               {"资产总计  1,000.00    900.00", {20, 70, 300, 12}}};
  std::vector<PlacedText> texts;
  for (const auto& s : page.text) texts.push_back({s.text, s.box});
  auto got = ParseStatementPage(texts, *vocab_, "");
  ASSERT_EQ(got.size(), 1u);
  EXPECT_DOUBLE_EQ(got[0].values.at("total_assets"), 1000.0);
}

TEST_F(StatementParserTest, ContinuationAndStatementsGreenmineDoesNotRead) {
  std::vector<RowSpec> rows = {
      {{{20, "负债合计"}, {200, "600.00"}, {300, "500.00"}}},  // continues the balance sheet
      {{{300, "所有者权益变动表"}}},
      {{{20, "所有者权益合计"}, {200, "1.00"}, {300, "2.00"}}},  // belongs to the statement not read
  };
  auto got = Parse(rows, "balance_sheet");
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[0].kind, "balance_sheet");
  EXPECT_FALSE(got[0].titled);
  EXPECT_DOUBLE_EQ(got[0].values.at("total_liabilities"), 600.0);
  EXPECT_EQ(got[0].values.count("owners_equity"), 0u);
  EXPECT_EQ(got[1].kind, "none");
  EXPECT_TRUE(got[1].values.empty());
}

TEST_F(StatementParserTest, UntitledPageTakesTheKindOfItsFigures) {
  auto got = Parse({{{{20, "项目"}, {224, "本期金额"}, {324, "上期金额"}}},
                    {{{20, "营业收入"}, {200, "10.00"}, {300, "9.00"}}},
                    {{{20, "净利润"}, {200, "1.00"}, {300, "0.50"}}},
                    {{{20, "资产总计"}, {200, "99.00"}, {300, "98.00"}}}});
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].kind, "income_statement");
  EXPECT_EQ(got[0].values.size(), 2u);
}

TEST_F(StatementParserTest, ColumnsFromAlignedAmountsWhenOcrLostTheHeader) {
  // No title, no header text: three right-aligned amount columns say where the end of the period is.
  auto got = Parse({{{{20, "一、营业收入"}, {300, "1,234.00"}, {440, "1,000.00"}}},
                    {{{20, "减：营业成本"}, {300, "900.00"}, {440, "800.00"}}},
                    {{{20, "税金及附加"}, {300, "10.00"}, {440, "9.00"}}},
                    {{{20, "四、净利润"}, {440, "150.00"}}}});  // the end cell unread: no value, not last year's
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].kind, "income_statement");
  EXPECT_FALSE(got[0].end_column);
  EXPECT_DOUBLE_EQ(got[0].values.at("revenue"), 1234.0);
  EXPECT_EQ(got[0].values.count("net_profit"), 0u);
}

// OCR lost the 行次 header: the row number, nearer the end column than any
// other header, is still no amount when an amount follows it.
TEST_F(StatementParserTest, ARowNumberWhoseHeaderWasLostIsNoAmount) {
  std::vector<RowSpec> rows = {{{{300, "资产负债表"}}},
                               {{{330, "2024年12月31日"}, {700, "单位：元"}}},
                               {{{20, "资产"}, {250, "期末余额"}, {400, "年初余额"}}},
                               {{{20, "资产总计"}, {150, "38"}, {200, "1,000.00"}, {350, "900.00"}}}};
  auto got = Parse(rows);
  ASSERT_EQ(got.size(), 1u);
  EXPECT_DOUBLE_EQ(got[0].values.at("total_assets"), 1000.0);
}

// The unit written under the period header, its cell wrapped: "期末余额" on
// one line, "（亿元）" below it.
TEST_F(StatementParserTest, AUnitWrappedBelowThePeriodHeader) {
  std::vector<RowSpec> rows = {{{{300, "资产负债表"}}},
                               {{{330, "2024年12月31日"}}},
                               {{{20, "资产"}, {250, "期末余额"}, {400, "年初余额"}}},
                               {{{250, "（亿元）"}, {400, "（亿元）"}}},
                               {{{20, "资产总计"}, {200, "12.34"}, {350, "11.00"}}}};
  auto got = Parse(rows);
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].unit, "亿元");
  EXPECT_DOUBLE_EQ(got[0].values.at("total_assets"), 12.34);

  // As OCR read a scan of it: 末 read 未, （ read 〈.
  rows[2] = {{{20, "资产"}, {250, "期未余额〈万元)"}, {400, "年初余额〈万元)"}}};
  rows.erase(rows.begin() + 3);
  got = Parse(rows);
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].unit, "万元");
  EXPECT_TRUE(got[0].end_column);
  EXPECT_DOUBLE_EQ(got[0].values.at("total_assets"), 12.34);
}

// Two statements on one page, the second's big title lost by OCR: its
// form number starts it, and the first keeps its own figures.
TEST_F(StatementParserTest, AFormNumberStartsAStatementWhoseTitleWasLost) {
  std::vector<RowSpec> rows = {{{{300, "利润表"}}},
                               {{{330, "2024年度"}, {700, "会企02表"}}},
                               {{{20, "项目"}, {330, "本期金额"}, {470, "上期金额"}}},
                               {{{20, "一、营业收入"}, {300, "1,000.00"}, {440, "900.00"}}},
                               {{{20, "四、净利润"}, {300, "100.00"}, {440, "90.00"}}},
                               {{{330, "2024年度"}, {700, "会企03表"}}},
                               {{{20, "项目"}, {330, "本期金额"}, {470, "上期金额"}}},
                               {{{20, "经营活动产生的现金流量净额"}, {300, "200.00"}, {440, "150.00"}}}};
  auto got = Parse(rows);
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[0].kind, "income_statement");
  EXPECT_DOUBLE_EQ(got[0].values.at("net_profit"), 100.0);
  EXPECT_EQ(got[1].kind, "cash_flow_statement");
  EXPECT_DOUBLE_EQ(got[1].values.at("operating_cash_flow"), 200.0);

  // A page whose only title was lost: the period read above the form number is its period.
  std::vector<RowSpec> untitled = {{{{330, "2024年度"}}}, {{{700, "会企02表"}}}};
  untitled.insert(untitled.end(), rows.begin() + 2, rows.begin() + 5);
  got = Parse(untitled);
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].kind, "income_statement");
  EXPECT_EQ(got[0].year, 2024);
}

TEST_F(StatementParserTest, GarbageGivesNothing) {
  EXPECT_TRUE(ParseStatementPage({}, *vocab_, "").empty());
  std::vector<PlacedText> junk = {{"", {}}, {"   ", {1, 1, 0, 0}}, {"\xff\xfe", {0, 0, 10, 10}},
                                  {"资产总计", {0, 0, 0, 0}}, {"1,000", {-5, -5, -1, -1}},
                                  {"资产总计 1e308 1e308", {0, 100, 1e9, 10}}};
  auto got = ParseStatementPage(junk, *vocab_, "");
  for (const auto& st : got)
    for (const auto& [k, v] : st.values) EXPECT_TRUE(std::isfinite(v));
}

}  // namespace
}  // namespace gm
