#include "pipeline/normalize/text.h"
#include "pipeline/normalize/misread_signs.h"

#include <gtest/gtest.h>

namespace gm {
namespace {

struct TextCase {
  const char* raw;
  const char* expected;
};

const TextCase kTextCases[] = {
    {"ＡＢＣ１２３", "ABC123"},
    {"甘肃 某某 矿业 有限公司", "甘肃某某矿业有限公司"},
    {"  甘肃某某矿业有限公司 \n", "甘肃某某矿业有限公司"},
    {"甘肅省綠色礦山項目", "甘肃省绿色矿山项目"},
    // Simplified characters ICU's table would rewrite stay; traditional ones go.
    {"可显著降低能耗", "可显著降低能耗"},
    {"俱乐部、摔跤、狼藉", "俱乐部、摔跤、狼藉"},
    {"後來於是", "后来于是"},
    {"Green  Mine   Project", "Green Mine Project"},
    {"兰州—白银", "兰州-白银"},
    {"兰州——白银", "兰州-白银"},
    {"2024–2025", "2024-2025"},
    {"〔2021〕1号", "(2021)1号"},
    {"【注】", "[注]"},
    {"（ 36 ）个月", "(36)个月"},
    {"ISO 14001 认证", "ISO 14001认证"},
    {"a\u200bb", "ab"},
    {"\ufeff甘肃", "甘肃"},
    {"甘肃\r\n某某", "甘肃某某"},
    {"甘肃\u3000某某", "甘肃某某"},
    {"资金来源：政府资金", "资金来源:政府资金"},
    {"100～200", "100~200"},
    {"项目 (一期)", "项目(一期)"},
    {"Co., Ltd.", "Co., Ltd."},
    {"资产负债率36.9% ，实现", "资产负债率36.9%,实现"},
    {"率36.9% ;", "率36.9%;"},
    {"12500 .00", "12500 .00"},
    {"Note : see", "Note: see"},
    {"", ""},
    {"   ", ""},
    {"\t甘肃\t", "甘肃"},
};

TEST(NormalizeTextTest, Table) {
  for (const TextCase& c : kTextCases) EXPECT_EQ(NormalizeText(c.raw), c.expected) << "raw: " << c.raw;
}

TEST(NormalizeTextTest, Idempotent) {
  for (const TextCase& c : kTextCases) {
    std::string once = NormalizeText(c.raw);
    EXPECT_EQ(NormalizeText(once), once) << "raw: " << c.raw;
  }
}

TEST(NormalizeTextTest, MalformedUtf8BecomesReplacementCharacters) {
  EXPECT_EQ(NormalizeText("a\xff" "b"), "a\xEF\xBF\xBD" "b");
  EXPECT_EQ(NormalizeText("\xe7\x94"), "\xEF\xBF\xBD");  // a truncated sequence is one error
  EXPECT_EQ(NormalizeText("\xc0\xaf"), "\xEF\xBF\xBD\xEF\xBF\xBD");  // overlong "/"
}

TEST(NormalizeTextTest, ControlCharactersDropped) {
  EXPECT_EQ(NormalizeText(std::string("甘\x01肃\x7f", 8)), "甘肃");
  EXPECT_EQ(NormalizeText(std::string("a\0b", 3)), "ab");
}

}  // namespace
}  // namespace gm

namespace gm::normalize {
namespace {

TEST(MisreadSigns, CleanProseHasNone) {
  EXPECT_EQ(FindMisreadSign("项目建成后可新增就业岗位28个,年减少二氧化碳排放约1200吨。"), MisreadSign::kNone);
  EXPECT_EQ(FindMisreadSign("资产负债率36.1%,实现营业收入19.98亿元"), MisreadSign::kNone);
  EXPECT_EQ(FindMisreadSign("创建“绿色矿山”示范"), MisreadSign::kNone);
  EXPECT_EQ(FindMisreadSign("年利率不高于3.5%"), MisreadSign::kNone);
  EXPECT_EQ(FindMisreadSign("Green Mine 3 个"), MisreadSign::kNone);
}

TEST(MisreadSigns, StrokesAndLoneQuotes) {
  EXPECT_EQ(FindMisreadSign("生态环境在线监测系统建|设项目"), MisreadSign::kStroke);
  EXPECT_EQ(FindMisreadSign("在贷款贴息`绿色信贷方面"), MisreadSign::kStroke);
  EXPECT_EQ(FindMisreadSign("新增就业岗位55个“年减少二氧化碳"), MisreadSign::kUnpairedQuote);
  EXPECT_EQ(FindMisreadSign("生产线一条'年处理低品位矿石"), MisreadSign::kUnpairedQuote);
}

TEST(MisreadSigns, PercentAndSplitNumbers) {
  EXPECT_EQ(FindMisreadSign("资产负债率34.8%6,实现营业收入"), MisreadSign::kDigitAfterPercent);
  EXPECT_EQ(FindMisreadSign("年利率不高于3 .5%"), MisreadSign::kBrokenNumber);
  EXPECT_EQ(FindMisreadSign("年利率不高于3. 5%"), MisreadSign::kBrokenNumber);
  EXPECT_EQ(FindMisreadSign("第3. 5号"), MisreadSign::kBrokenNumber);
  EXPECT_EQ(FindMisreadSign("\xEF\xBF\xBD"), MisreadSign::kReplacement);
  EXPECT_FALSE(MisreadSignName(MisreadSign::kStroke).empty());
  EXPECT_TRUE(MisreadSignName(MisreadSign::kNone).empty());
}

}  // namespace
}  // namespace gm::normalize
