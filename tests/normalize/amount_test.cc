#include "pipeline/normalize/amount.h"

#include <gtest/gtest.h>

#include "pipeline/normalize/numeral.h"

namespace gm {
namespace {

struct WanCase {
  const char* raw;
  AmountUnit implied;
  double wan;
  bool repaired;
};

const WanCase kWanCases[] = {
    {"12500", AmountUnit::kWan, 12500, false},
    {"12,500.00", AmountUnit::kWan, 12500, false},
    {"1.25亿元", AmountUnit::kWan, 12500, false},
    {"1.25亿", AmountUnit::kWan, 12500, false},
    {"3500万", AmountUnit::kWan, 3500, false},
    {"3500万元", AmountUnit::kWan, 3500, false},
    {"860000元", AmountUnit::kWan, 86, false},
    {"壹仟贰佰伍拾万元整", AmountUnit::kWan, 1250, false},
    {"一千二百万", AmountUnit::kWan, 1200, false},
    {"一千二百", AmountUnit::kWan, 1200, false},
    {"¥12500", AmountUnit::kWan, 12500, false},
    {"￥12,500.00", AmountUnit::kWan, 12500, false},
    {"12500.00万元", AmountUnit::kWan, 12500, false},
    {"１２５００", AmountUnit::kWan, 12500, false},
    {"人民币12500万元", AmountUnit::kWan, 12500, false},
    {"约3500万元", AmountUnit::kWan, 3500, false},
    {"RMB 3,500万元", AmountUnit::kWan, 3500, false},
    {"1亿2500万", AmountUnit::kWan, 12500, false},
    {"壹亿贰仟伍佰万元整", AmountUnit::kWan, 12500, false},
    {"贰佰叁拾肆元伍角陆分", AmountUnit::kWan, 0.023456, false},
    {"伍拾万元整", AmountUnit::kWan, 50, false},
    {"伍拾万零伍佰元", AmountUnit::kWan, 50.05, false},
    {"0", AmountUnit::kWan, 0, false},
    {"零", AmountUnit::kWan, 0, false},
    {"1,200千元", AmountUnit::kWan, 120, false},
    {"0.5亿", AmountUnit::kWan, 5000, false},
    {"12500 万元", AmountUnit::kWan, 12500, false},
    {"(1,234.50)", AmountUnit::kWan, -1234.5, false},
    {"（ 1500 ）万元", AmountUnit::kWan, 1500, false},
    {"(860000)元", AmountUnit::kWan, 86, false},
    {"12500", AmountUnit::kYuan, 1.25, false},
    {"1.25", AmountUnit::kYi, 12500, false},
    {"1250", AmountUnit::kQianYuan, 125, false},
    {"3500万", AmountUnit::kYuan, 3500, false},  // the cell's own unit wins
    {"兩千萬", AmountUnit::kWan, 2000, false},
    {"三千五百万元", AmountUnit::kWan, 3500, false},
    {"十万", AmountUnit::kWan, 10, false},
    // OCR damage, repaired.
    {"l2500", AmountUnit::kWan, 12500, true},
    {"12 500", AmountUnit::kWan, 12500, true},
    {"12500。00", AmountUnit::kWan, 12500, true},
    {"1O0", AmountUnit::kWan, 100, true},
    {"12,5OO.OO", AmountUnit::kWan, 12500, true},
    {"12500 .00", AmountUnit::kWan, 12500, true},
    {"22 ,800.00", AmountUnit::kWan, 22800, true},
    {"陆佰参拾万元整", AmountUnit::kWan, 630, false},
    {"伍亿柒什肆佰万元整", AmountUnit::kWan, 57400, true},
    {"壹什伍佰万元整", AmountUnit::kWan, 1500, true},
    {"1220.00。", AmountUnit::kWan, 1220, true},  // a stray mark at the end
    {"_21070", AmountUnit::kWan, 21070, true},
};

TEST(ParseWanTest, Table) {
  for (const WanCase& c : kWanCases) {
    auto a = ParseAmount(c.raw, c.implied);
    ASSERT_TRUE(a.has_value()) << "raw: " << c.raw;
    EXPECT_NEAR(a->wan, c.wan, 1e-9) << "raw: " << c.raw;
    EXPECT_EQ(a->repaired, c.repaired) << "raw: " << c.raw;
    auto w = ParseWan(c.raw, c.implied);
    ASSERT_TRUE(w.has_value());
    EXPECT_EQ(*w, a->wan);
  }
}

TEST(ParseWanTest, DefaultUnitIsWan) { EXPECT_EQ(ParseWan("12500"), 12500); }

TEST(ParseWanTest, RefusesWhatIsNoSingleAmount) {
  for (const char* raw : {"", "  ", "待定", "12500（含税）", "3-5万", "12,5", "1,2,3", "1234,567.89", "abc", "12 5",
                          "万元", "1e5", "12500元元", "一二千", "壹仟仟", "万万", "约", "12500万元左右还有",
                          "12.5.3", "元", "1亿亿", "1,000,00", "五角元", "伍什万元", "壹仟什佰万元整", "100, 200", "12345678901234567890123456789012345678901234567890123456789012345"}) {
    EXPECT_FALSE(ParseWan(raw).has_value()) << "raw: " << raw;
  }
}

TEST(ParseDecimalTest, Table) {
  struct Case {
    const char* raw;
    double value;
  } cases[] = {
      {"1,234,567.89", 1234567.89}, {"(1,234.50)", -1234.5}, {"（1,234.50）", -1234.5}, {"-1,234.50", -1234.5},
      {"－1234.5", -1234.5},        {"１，２３４．５", 1234.5}, {"一千二百", 1200},          {"0", 0},
      {"12.5", 12.5},               {"l,234.5O", 1234.5},       {" 1234 ", 1234},           {"0.00", 0},
      {"1,234", 1234},              {"二〇二四", 2024},         {"五十六点三", 56.3},       {"1.2万", 12000},
      {"-0", 0},                    {"1 234 567.89", 1234567.89}, {"负一百", -100},        {"1234567890123", 1234567890123},
  };
  for (const auto& c : cases) {
    auto v = ParseDecimal(c.raw);
    ASSERT_TRUE(v.has_value()) << "raw: " << c.raw;
    EXPECT_NEAR(*v, c.value, 1e-9) << "raw: " << c.raw;
  }
}

TEST(ParseDecimalTest, RefusesUnitsAndJunk) {
  for (const char* raw : {"1,234元", "abc", "", "(-5)", "5-", "1,23", "12%", "-", "—", "()", "1.2.3", "12 34"})
    EXPECT_FALSE(ParseDecimal(raw).has_value()) << "raw: " << raw;
}

TEST(ParseNumeralTest, PositionalAndUnits) {
  using normalize::ParseNumeral;
  EXPECT_EQ(ParseNumeral("二〇二四")->value, 2024);
  EXPECT_EQ(ParseNumeral("一千零五")->value, 1005);
  EXPECT_EQ(ParseNumeral("十二")->value, 12);
  EXPECT_EQ(ParseNumeral("一万亿")->value, 1e12);
  EXPECT_EQ(ParseNumeral("三亿五千万")->value, 350000000);
  auto yuan = ParseNumeral("壹佰元整");
  ASSERT_TRUE(yuan);
  EXPECT_TRUE(yuan->yuan);
  EXPECT_FALSE(yuan->scaled);
  auto scaled = ParseNumeral("3500万");
  ASSERT_TRUE(scaled);
  EXPECT_TRUE(scaled->scaled);
  EXPECT_FALSE(scaled->yuan);
  EXPECT_FALSE(ParseNumeral("3五"));
  EXPECT_FALSE(ParseNumeral("百千"));
  EXPECT_FALSE(ParseNumeral("整"));
  EXPECT_FALSE(ParseNumeral("二五万"));
}

}  // namespace
}  // namespace gm
