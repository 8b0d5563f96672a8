#include <set>

#include <gtest/gtest.h>

#include "extractors/statements/statement_reader.h"

namespace gm {
namespace {

StatementFigures Fig(std::string kind, std::optional<int> year, std::map<std::string, double> wan, std::string file,
                     double confidence = 1) {
  StatementFigures f;
  f.kind = std::move(kind);
  f.year = year;
  f.unit = "元";
  f.wan = std::move(wan);
  f.file = std::move(file);
  f.confidence = confidence;
  return f;
}

TEST(MergeFinancialsTest, NothingGivesNullopt) { EXPECT_FALSE(MergeFinancials({}).has_value()); }

TEST(MergeFinancialsTest, LatestYearOneStatementEach) {
  auto f = MergeFinancials({Fig("balance_sheet", 2023, {{"total_assets", 1}}, "old.pdf"),
                            Fig("balance_sheet", 2024, {{"total_assets", 2}, {"total_liabilities", 1}}, "bs.pdf"),
                            Fig("income_statement", 2024, {{"revenue", 5}, {"net_profit", 1}}, "is.pdf"),
                            Fig("income_statement", 2023, {{"revenue", 4}}, "old.pdf")});
  ASSERT_TRUE(f);
  EXPECT_EQ(f->year, 2024);
  EXPECT_EQ(f->total_assets, 2);
  EXPECT_EQ(f->total_liabilities, 1);
  EXPECT_FALSE(f->owners_equity.has_value());
  EXPECT_EQ(f->revenue, 5);
  EXPECT_FALSE(f->operating_cash_flow.has_value());
  EXPECT_EQ(f->source_file, "bs.pdf");
  EXPECT_EQ(f->unit, "元");
}

TEST(MergeFinancialsTest, MostConfidentOfAKindAndYear) {
  auto f = MergeFinancials({Fig("balance_sheet", 2024, {{"total_assets", 1}}, "scan.pdf", 0.4),
                            Fig("balance_sheet", 2024, {{"total_assets", 2}}, "text.pdf", 0.9)});
  EXPECT_EQ(f->total_assets, 2);
}

TEST(MergeFinancialsTest, TheGroupsStatementOverTheParents) {
  StatementFigures parent = Fig("balance_sheet", 2024, {{"total_assets", 1}}, "audit.pdf", 0.95);
  parent.parent_company = true;
  auto f = MergeFinancials({parent, Fig("balance_sheet", 2024, {{"total_assets", 2}}, "audit.pdf", 0.6)});
  EXPECT_EQ(f->total_assets, 2);
}

TEST(MergeFinancialsTest, StatementsWithoutFiguresAreLeftOut) {
  EXPECT_FALSE(MergeFinancials({Fig("cash_flow_statement", 2025, {}, "cf.pdf")}).has_value());
  auto f = MergeFinancials({Fig("cash_flow_statement", 2025, {}, "cf.pdf"),
                            Fig("balance_sheet", 2024, {{"total_assets", 2}}, "bs.pdf")});
  EXPECT_EQ(f->year, 2024);  // the figureless 2025 statement does not make 2024 outdated
  EXPECT_EQ(f->total_assets, 2);
}

TEST(MergeFinancialsTest, DoubtfulFiguresSayWhereTheyWereRead) {
  StatementFigures bs = Fig("balance_sheet", 2024, {{"total_assets", 2}, {"owners_equity", 1}}, "审计报告.pdf");
  bs.page_of = {{"total_assets", 7}, {"owners_equity", 8}};
  bs.doubtful = {"owners_equity"};
  auto f = MergeFinancials({bs});
  ASSERT_EQ(f->doubtful.size(), 1u);
  EXPECT_EQ(f->doubtful.at("owners_equity"), "“审计报告.pdf”第8页");
}

TEST(MergeFinancialsTest, YearlessStatementsTakeTheirFilesYear) {
  auto f = MergeFinancials({Fig("balance_sheet", 2024, {{"total_assets", 1}}, "audit.pdf"),
                            Fig("cash_flow_statement", std::nullopt, {{"operating_cash_flow", 3}}, "audit.pdf"),
                            Fig("income_statement", std::nullopt, {{"revenue", 9}}, "other.pdf")});
  EXPECT_EQ(f->year, 2024);
  EXPECT_EQ(f->operating_cash_flow, 3);
  EXPECT_FALSE(f->revenue.has_value());  // no year of its own or its file's: not the latest year's

  auto g = MergeFinancials({Fig("income_statement", std::nullopt, {{"revenue", 9}}, "other.pdf")});
  EXPECT_FALSE(g->year.has_value());
  EXPECT_EQ(g->revenue, 9);
  EXPECT_EQ(g->unit, "");  // no balance sheet
}

TEST(MergeFinancialsTest, TheRestatedNetProfitIsKeptBesideTheFiguresWithWhereItWasRead) {
  StatementFigures is = Fig("income_statement", 2024, {{"revenue", 5}, {"net_profit", 2}}, "利润表.pdf");
  StatementFigures cf = Fig("cash_flow_statement", 2024, {{"operating_cash_flow", 3}}, "现金流量表.pdf");
  cf.cross_check_wan = {{"restated_net_profit", 2.5}};
  is.page_of = {{"net_profit", 1}};
  cf.page_of = {{"operating_cash_flow", 1}, {"restated_net_profit", 2}};
  cf.doubtful = {"restated_net_profit"};
  auto f = MergeFinancials({is, cf});
  ASSERT_TRUE(f);
  EXPECT_EQ(f->net_profit, 2);
  EXPECT_EQ(f->restated_net_profit, 2.5);
  EXPECT_EQ(f->read_at.at("net_profit"), "“利润表.pdf”第1页");
  EXPECT_EQ(f->read_at.at("restated_net_profit"), "“现金流量表.pdf”第2页");
  EXPECT_EQ(f->file_of.at("net_profit"), "利润表.pdf");
  EXPECT_EQ(f->doubtful.at("restated_net_profit"), "“现金流量表.pdf”第2页");

  // The parent's 补充资料 restates the parent's 净利润, not the group's.
  cf.parent_company = true;
  f = MergeFinancials({is, cf});
  EXPECT_EQ(f->operating_cash_flow, 3);
  EXPECT_FALSE(f->restated_net_profit.has_value());
}

// A statement whose unit was read as `unit`.
StatementFigures UnitRead(StatementFigures f, std::string unit) {
  f.unit = std::move(unit);
  f.unit_read = true;
  return f;
}

const StatementVocabulary& Vocabulary() {
  Status s;
  const StatementVocabulary* vocab = StatementVocabulary::Default(&s);
  EXPECT_NE(vocab, nullptr) << s.ToString();
  return *vocab;
}

// A photo lost 单位：亿元: its figures came out in 元. The package's other
// statements say 亿元; it takes that unit, and its figures are doubtful.
TEST(TakeUnreadUnitsTest, AStatementWithoutAUnitTakesTheOthersOne) {
  StatementFigures sheet = UnitRead(Fig("balance_sheet", 2024, {{"total_assets", 394900}}, "附件4.pdf"), "亿元");
  StatementFigures flows = Fig("cash_flow_statement", 2024, {{"operating_cash_flow", 0.000456}}, "IMG_1.jpg");  // 4.56 元, as read
  StatementFigures unread_empty = Fig("income_statement", 2024, {}, "IMG_2.jpg");
  std::vector<StatementFigures> all = {sheet, flows, unread_empty};
  EXPECT_EQ(TakeUnreadUnits(Vocabulary(), &all), std::vector<size_t>{1});
  EXPECT_DOUBLE_EQ(all[1].wan.at("operating_cash_flow"), 45600);
  EXPECT_EQ(all[1].unit, "亿元");
  EXPECT_TRUE(all[1].doubtful.count("operating_cash_flow"));
  EXPECT_DOUBLE_EQ(all[0].wan.at("total_assets"), 394900);
  auto f = MergeFinancials(all);
  ASSERT_TRUE(f.has_value());
  EXPECT_DOUBLE_EQ(*f->operating_cash_flow, 45600);
  EXPECT_TRUE(f->doubtful.count("operating_cash_flow"));
}

// One unit read two ways (OCR's 干元 for 千元) is one unit: its printed name is taken.
TEST(TakeUnreadUnitsTest, AUnitReadTwoWaysIsOneUnit) {
  StatementFigures a = UnitRead(Fig("income_statement", 2024, {{"revenue", 1}}, "审计报告.pdf"), "干元");
  StatementFigures b = UnitRead(Fig("cash_flow_statement", 2024, {{"operating_cash_flow", 1}}, "审计报告.pdf"), "千元");
  StatementFigures c = Fig("balance_sheet", 2024, {{"total_assets", 71.206444}}, "审计报告.pdf");
  std::vector<StatementFigures> all = {a, b, c};
  EXPECT_EQ(TakeUnreadUnits(Vocabulary(), &all), std::vector<size_t>{2});
  EXPECT_EQ(all[2].unit, "千元");
  EXPECT_NEAR(all[2].wan.at("total_assets"), 71206.444, 1e-6);
}

// Units read disagree (or none was read): nothing is taken.
TEST(TakeUnreadUnitsTest, NoUnitIsTakenWhenTheOthersDisagree) {
  StatementFigures a = UnitRead(Fig("balance_sheet", 2024, {{"total_assets", 1}}, "a.pdf"), "万元");
  StatementFigures b = UnitRead(Fig("income_statement", 2024, {{"revenue", 1}}, "b.pdf"), "元");
  StatementFigures c = Fig("cash_flow_statement", 2024, {{"operating_cash_flow", 0.5}}, "c.jpg");
  std::vector<StatementFigures> all = {a, b, c};
  EXPECT_TRUE(TakeUnreadUnits(Vocabulary(), &all).empty());
  EXPECT_DOUBLE_EQ(all[2].wan.at("operating_cash_flow"), 0.5);
  std::vector<StatementFigures> none = {c};
  EXPECT_TRUE(TakeUnreadUnits(Vocabulary(), &none).empty());
}

StatementFigures BalanceSheet(std::map<std::string, double> wan, std::map<std::string, double> grand,
                              std::set<std::string> doubtful) {
  StatementFigures f = Fig("balance_sheet", 2024, std::move(wan), "资产负债表.jpg");
  f.cross_check_wan = std::move(grand);
  for (const auto& [key, value] : f.wan) f.page_of[key] = 1;
  for (const auto& [key, value] : f.cross_check_wan) f.page_of[key] = 1;
  f.doubtful = std::move(doubtful);
  f.scanned = true;
  return f;
}

// 资产总计 not read: the grand total stands for it (a figure of the page).
TEST(ReconcileBalanceSheetTest, TheGrandTotalStandsForTotalAssetsNotRead) {
  StatementFigures f = BalanceSheet({{"total_liabilities", 60}, {"owners_equity", 40}}, {{kGrandTotalKey, 100}}, {});
  ReconcileBalanceSheet(Vocabulary(), &f);
  EXPECT_DOUBLE_EQ(f.wan.at("total_assets"), 100);
  EXPECT_TRUE(f.derived.empty());
  EXPECT_FALSE(f.doubtful.count("total_assets"));
}

// A photo's 资产总计 "3200" (its first digits lost, the point repaired):
// doubtful, and the grand total agrees with 负债合计 + 所有者权益合计.
TEST(ReconcileBalanceSheetTest, ADoubtfulTotalAssetsTheSumContradictsGivesWayToTheGrandTotal) {
  StatementFigures f = BalanceSheet({{"total_assets", 0.0032}, {"total_liabilities", 105728.17}, {"owners_equity", 53475.51}},
                                    {{kGrandTotalKey, 159203.68}}, {"total_assets"});
  ReconcileBalanceSheet(Vocabulary(), &f);
  EXPECT_DOUBLE_EQ(f.wan.at("total_assets"), 159203.68);
  ASSERT_EQ(f.derived.size(), 1u);
  EXPECT_EQ(f.derived[0].key, "total_assets");
  EXPECT_DOUBLE_EQ(*f.derived[0].as_read, 0.0032);
  EXPECT_EQ(f.derived[0].from, std::vector<std::string>{kGrandTotalKey});
  EXPECT_TRUE(f.doubtful.count("total_assets"));
}

// 所有者权益合计 read "3550l8" (doubtful), 资产总计 and 负债合计 read surely:
// the identity gives it; so for one not read at all.
TEST(ReconcileBalanceSheetTest, TheOneFigureReadDoubtfullyOrNotAtAllComesFromTheOtherTwo) {
  StatementFigures garbled = BalanceSheet(
      {{"total_assets", 433495.78}, {"total_liabilities", 142278.23}, {"owners_equity", 35.5018}}, {}, {"owners_equity"});
  ReconcileBalanceSheet(Vocabulary(), &garbled);
  EXPECT_NEAR(garbled.wan.at("owners_equity"), 291217.55, 1e-6);
  ASSERT_EQ(garbled.derived.size(), 1u);
  EXPECT_DOUBLE_EQ(*garbled.derived[0].as_read, 35.5018);
  EXPECT_EQ(garbled.derived[0].from, (std::vector<std::string>{"total_assets", "total_liabilities"}));

  StatementFigures lost = BalanceSheet({{"total_assets", 100}, {"owners_equity", 40}}, {}, {});
  ReconcileBalanceSheet(Vocabulary(), &lost);
  EXPECT_DOUBLE_EQ(lost.wan.at("total_liabilities"), 60);
  ASSERT_EQ(lost.derived.size(), 1u);
  EXPECT_FALSE(lost.derived[0].as_read.has_value());
  EXPECT_TRUE(lost.doubtful.count("total_liabilities"));
  EXPECT_EQ(lost.page_of.at("total_liabilities"), 1);
  // On a text layer a figure not read is a cell left empty.
  StatementFigures typed = BalanceSheet({{"total_assets", 100}, {"owners_equity", 40}}, {}, {});
  typed.scanned = false;
  ReconcileBalanceSheet(Vocabulary(), &typed);
  EXPECT_EQ(typed.wan.count("total_liabilities"), 0u);
}

// Read surely, every figure stays, though the sheet does not balance: that
// is for the applicant to explain (balance_sheet_unbalanced). Two figures in
// doubt give nothing to derive from; a doubtful one that agrees stays.
TEST(ReconcileBalanceSheetTest, FiguresReadSurelyOrAgreeingOrTwoInDoubtStay) {
  StatementFigures sure = BalanceSheet({{"total_assets", 103}, {"total_liabilities", 60}, {"owners_equity", 40}},
                                       {{kGrandTotalKey, 100}}, {});
  ReconcileBalanceSheet(Vocabulary(), &sure);
  EXPECT_DOUBLE_EQ(sure.wan.at("total_assets"), 103);
  EXPECT_TRUE(sure.derived.empty());
  StatementFigures agreeing = BalanceSheet({{"total_assets", 100}, {"total_liabilities", 60}, {"owners_equity", 40}},
                                           {{kGrandTotalKey, 108}}, {"total_assets"});
  ReconcileBalanceSheet(Vocabulary(), &agreeing);
  EXPECT_DOUBLE_EQ(agreeing.wan.at("total_assets"), 100);
  EXPECT_TRUE(agreeing.derived.empty());
  StatementFigures two = BalanceSheet({{"total_assets", 103}, {"total_liabilities", 60}, {"owners_equity", 45}},
                                      {{kGrandTotalKey, 100}}, {"total_assets", "owners_equity"});
  ReconcileBalanceSheet(Vocabulary(), &two);
  EXPECT_DOUBLE_EQ(two.wan.at("total_assets"), 103);
  EXPECT_DOUBLE_EQ(two.wan.at("owners_equity"), 45);
  EXPECT_TRUE(two.derived.empty());
  // 负债合计 is never taken below zero.
  StatementFigures negative = BalanceSheet({{"total_assets", 100}, {"owners_equity", 140}}, {}, {});
  ReconcileBalanceSheet(Vocabulary(), &negative);
  EXPECT_EQ(negative.wan.count("total_liabilities"), 0u);
}

}  // namespace
}  // namespace gm
