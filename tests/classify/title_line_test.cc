#include "extractors/classify/title_line.h"

#include <gtest/gtest.h>

#include "pipeline/core/text_fold.h"

namespace gm {
namespace {

std::vector<ContainedTitle> Titles() {
  return {{"balance_sheet", {"资产负债表"}}, {"income_statement", {"利润表", "损益表"}},
          {"cash_flow_statement", {"现金流量表"}}};
}

std::string Kind(const std::string& line) { return TitleLineKind(FoldText(line), Titles(), 10); }

TEST(TitleLineTest, TitlesWithScopeDateAndSuffix) {
  EXPECT_EQ(Kind("资产负债表"), "balance_sheet");
  EXPECT_EQ(Kind("合并资产负债表（续）"), "balance_sheet");
  EXPECT_EQ(Kind("2024年度 母公司 利润表"), "income_statement");
  EXPECT_EQ(Kind("损 益 表"), "income_statement");
  EXPECT_EQ(Kind("现金流量表 会企03表"), "cash_flow_statement");
}

TEST(TitleLineTest, ProseIsNoTitle) {
  EXPECT_EQ(Kind("的资产负债表"), "");
  EXPECT_EQ(Kind("资产负债表、利润表"), "");
  EXPECT_EQ(Kind("资产负债表，2024年度的利润表、现金流量表"), "");
  EXPECT_EQ(Kind("资产负债表日后事项的说明及其他有关重要事项的披露"), "");
  EXPECT_EQ(Kind(""), "");
}

}  // namespace
}  // namespace gm
