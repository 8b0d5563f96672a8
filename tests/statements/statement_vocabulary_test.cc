#include "extractors/statements/statement_vocabulary.h"

#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "pipeline/core/text_fold.h"
#include "pipeline/core/templates.h"

namespace gm {
namespace {

namespace fs = std::filesystem;

TEST(CleanLabelTest, EnumeratorsAndFillNotesGo) {
  EXPECT_EQ(CleanLabel(FoldText("一、营业收入")), "营业收入");
  EXPECT_EQ(CleanLabel(FoldText("四、净利润（净亏损以“－”号填列）")), "净利润");
  EXPECT_EQ(CleanLabel(FoldText("（一）持续经营净利润（净亏损以“－”号填列）")), "持续经营净利润");
  EXPECT_EQ(CleanLabel(FoldText("其中：营业收入")), "营业收入");
  EXPECT_EQ(CleanLabel(FoldText("加：营业外收入")), "营业外收入");
  EXPECT_EQ(CleanLabel(FoldText("1.货币资金")), "货币资金");
  EXPECT_EQ(CleanLabel(FoldText("所有者权益（或股东权益）合计")), "所有者权益(或股东权益)合计");
  EXPECT_EQ(CleanLabel(FoldText("流动资产：")), "流动资产");
  EXPECT_EQ(CleanLabel(""), "");
  EXPECT_EQ(CleanLabel("(("), "((");
}

TEST(BareLabelTest, OnlyLettersDigitsAndIdeographs) {
  EXPECT_EQ(BareLabel("所有者权益(或股东权益)合计"), U"所有者权益或股东权益合计");
  EXPECT_EQ(BareLabel("所有者权益【或股东权益}合计"), U"所有者权益或股东权益合计");
  EXPECT_EQ(BareLabel("“A1”、:"), U"A1");
  EXPECT_EQ(BareLabel(std::string("\xff资", 4)), U"资");
  EXPECT_TRUE(BareLabel("").empty());
}

TEST(StatementVocabularyTest, ShippedTablesLoad) {
  Status s;
  const StatementVocabulary* v = StatementVocabulary::Default(&s);
  ASSERT_NE(v, nullptr) << s.ToString();
  EXPECT_DOUBLE_EQ(v->WanPerUnit("元"), 0.0001);
  EXPECT_DOUBLE_EQ(v->WanPerUnit("千元"), 0.1);
  EXPECT_DOUBLE_EQ(v->WanPerUnit("万元"), 1);
  EXPECT_DOUBLE_EQ(v->WanPerUnit("斤"), 0);
  // The printed name, not OCR's misreadings listed beside it (干元, 仟元).
  EXPECT_EQ(v->UnitName(0.1), "千元");
  EXPECT_EQ(v->UnitName(10000), "亿元");
  EXPECT_EQ(v->UnitName(1), "万元");
  EXPECT_EQ(v->UnitName(3), "");
  EXPECT_EQ(v->KeysOf("balance_sheet"), (std::vector<std::string>{"total_assets", "total_liabilities", "owners_equity"}));
  EXPECT_EQ(v->KeysOf("income_statement"), (std::vector<std::string>{"revenue", "net_profit"}));
  // The 补充资料's restated 净利润 is a section's: no cash-flow statement needs it.
  EXPECT_EQ(v->KeysOf("cash_flow_statement"), (std::vector<std::string>{"operating_cash_flow"}));
  ASSERT_NE(v->SectionOf("cash_flow_statement", "restated_net_profit"), nullptr);
  EXPECT_EQ(v->SectionOpenedBy(FoldText("1．将净利润调节为经营活动现金流量：")),
            v->SectionOf("cash_flow_statement", "restated_net_profit"));
  EXPECT_NE(v->SectionOpenedBy(FoldText("1.将净利润调节为经营活动现金流是:")), nullptr);  // one misread character
  EXPECT_EQ(v->SectionOpenedBy(FoldText("经营活动产生的现金流量净额")), nullptr);
  EXPECT_EQ(v->SectionOpenedBy(FoldText("净利润")), nullptr);
  EXPECT_EQ(v->units.front().first.size() >= v->units.back().first.size(), true);  // longest first
}

TEST(StatementVocabularyTest, BrokenTablesFail) {
  fs::path dir = fs::temp_directory_path() / ("gm_statements_vocab_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  for (const char* name : {"statements_titles.tsv", "statements_items.tsv", "statements_columns.tsv",
                           "statements_units.tsv", "statements_markers.tsv", "statements_sections.tsv",
                           "statements_params.tsv"})
    fs::copy_file(Templates::DefaultDir() / name, dir / name, fs::copy_options::overwrite_existing);
  StatementVocabulary v;
  ASSERT_TRUE(StatementVocabulary::Load(dir, &v).ok());

  std::ofstream(dir / "statements_columns.tsv") << "role\tlabels\nmiddle\t期中\n";
  EXPECT_EQ(StatementVocabulary::Load(dir, &v).code(), Status::Code::kCorrupt);
  fs::copy_file(Templates::DefaultDir() / "statements_columns.tsv", dir / "statements_columns.tsv",
                fs::copy_options::overwrite_existing);
  std::ofstream(dir / "statements_units.tsv") << "unit\twan\n元\t-1\n";
  EXPECT_EQ(StatementVocabulary::Load(dir, &v).code(), Status::Code::kCorrupt);
  fs::copy_file(Templates::DefaultDir() / "statements_units.tsv", dir / "statements_units.tsv",
                fs::copy_options::overwrite_existing);
  std::ofstream(dir / "statements_markers.tsv") << "marker\tkind\n\tbalance_sheet\n";
  EXPECT_EQ(StatementVocabulary::Load(dir, &v).code(), Status::Code::kCorrupt);
  fs::copy_file(Templates::DefaultDir() / "statements_markers.tsv", dir / "statements_markers.tsv",
                fs::copy_options::overwrite_existing);
  // A section key without labels would never be read.
  std::ofstream(dir / "statements_sections.tsv") << "kind\tkeys\theadings\ncash_flow_statement\tmystery\t补充资料\n";
  EXPECT_EQ(StatementVocabulary::Load(dir, &v).code(), Status::Code::kCorrupt);
  // Nor may a key be read in two sections of one statement.
  std::ofstream(dir / "statements_sections.tsv") << "kind\tkeys\theadings\n"
                                                  << "cash_flow_statement\trestated_net_profit\t补充资料\n"
                                                  << "cash_flow_statement\trestated_net_profit\t附注\n";
  EXPECT_EQ(StatementVocabulary::Load(dir, &v).code(), Status::Code::kCorrupt);
  fs::copy_file(Templates::DefaultDir() / "statements_sections.tsv", dir / "statements_sections.tsv",
                fs::copy_options::overwrite_existing);
  std::ofstream(dir / "statements_params.tsv") << "name\tvalue\nmystery\t1\n";
  EXPECT_EQ(StatementVocabulary::Load(dir, &v).code(), Status::Code::kCorrupt);
  fs::remove(dir / "statements_params.tsv");
  EXPECT_EQ(StatementVocabulary::Load(dir, &v).code(), Status::Code::kNotFound);
  std::ofstream(dir / "statements_params.tsv") << "name\tvalue\n";
  std::ofstream(dir / "statements_items.tsv") << "kind\tkey\tpriority\tlabels\nbalance_sheet\t\t1\t资产总计\n";
  EXPECT_EQ(StatementVocabulary::Load(dir, &v).code(), Status::Code::kCorrupt);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace gm
