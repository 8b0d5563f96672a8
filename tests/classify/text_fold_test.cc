#include "pipeline/core/text_fold.h"
#include "pipeline/core/utf8.h"

#include <gtest/gtest.h>

namespace gm {
namespace {

TEST(FoldTextTest, FullWidthBecomesAsciiAndSpacesGo) {
  EXPECT_EQ(FoldText("单位：元（人民币）"), "单位:元(人民币)");
  EXPECT_EQ(FoldText("２０２４年 １２ 月"), "2024年12月");
  EXPECT_EQ(FoldText("资 产\t负 债\u3000表\n"), "资产负债表");
  EXPECT_EQ(FoldText("ISO 45001:2018"), "ISO45001:2018");
}

TEST(FoldTextTest, KangxiRadicalsBecomeIdeographs) {
  // U+2F45 KANGXI RADICAL SQUARE (方) as some PDF fonts emit it.
  EXPECT_EQ(FoldText("\u2F45案"), "方案");
}

TEST(FoldTextTest, ZeroWidthAndInvalidBytesAreDropped) {
  EXPECT_EQ(FoldText("审\u200B计\uFEFF报告"), "审计报告");
  EXPECT_EQ(FoldText(std::string("利\xff润表", 10)), "利润表");
  EXPECT_EQ(FoldText(""), "");
}

TEST(Utf8Test, PrefixAndLengthCountCodePoints) {
  EXPECT_EQ(Utf8Length("资产a"), 3u);
  EXPECT_EQ(Utf8Prefix("资产负债表", 2), "资产");
  EXPECT_EQ(Utf8Prefix("ab", 5), "ab");
  EXPECT_EQ(Utf8Length(""), 0u);
}

}  // namespace
}  // namespace gm
