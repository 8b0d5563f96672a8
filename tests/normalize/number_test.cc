#include "pipeline/normalize/number.h"

#include <gtest/gtest.h>

namespace gm {
namespace {

TEST(ParsePercentTest, Table) {
  struct Case {
    const char* raw;
    double value;
  } cases[] = {
      {"56.3%", 56.3},   {"56.3", 56.3},      {"百分之五十六点三", 56.3}, {"56.3％", 56.3}, {"约56.3%", 56.3},
      {"5‰", 0.5},       {"-3.2%", -3.2},     {"0.563", 0.563},          {" 56.3 % ", 56.3}, {"五十六点三%", 56.3},
      {"100%", 100},     {"0%", 0},           {"５６．３％", 56.3},       {"56.30%", 56.3},   {"百分之十", 10},
      {"千分之五", 0.5}, {"120%", 120},       {"56。3%", 56.3},          {"约为60%", 60},    {"60%左右", 60},
  };
  for (const auto& c : cases) {
    auto v = ParsePercent(c.raw);
    ASSERT_TRUE(v.has_value()) << "raw: " << c.raw;
    EXPECT_NEAR(*v, c.value, 1e-9) << "raw: " << c.raw;
  }
  EXPECT_TRUE(ParsePercentDetailed("56。3%")->repaired);
  EXPECT_DOUBLE_EQ(ParsePercentDetailed("6.5%0")->value, 6.5);
  EXPECT_TRUE(ParsePercentDetailed("6.5%0")->repaired);
  EXPECT_FALSE(ParsePercentDetailed("56.3%")->repaired);
  // Stray marks the OCR read at the ends: a speck, the cell's full stop.
  for (const char* raw : {"58。", "58.", "'58", "10.6?%0"}) {
    auto p = ParsePercentDetailed(raw);
    ASSERT_TRUE(p.has_value()) << "raw: " << raw;
    EXPECT_TRUE(p->repaired) << "raw: " << raw;
  }
  EXPECT_DOUBLE_EQ(ParsePercentDetailed("10.6?%0")->value, 10.6);
  EXPECT_DOUBLE_EQ(ParsePercentDetailed(".5%")->value, 0.5);  // a leading point is the number's
  // The % sign read as 9, 90 or 96.
  struct Sign {
    const char* raw;
    double value;
    bool repaired;
  } signs[] = {{"3190", 31, true},   {"34.439", 34.43, true}, {"319", 31, true},   {"4596", 45, true},
               {"56.3", 56.3, false}, {"120%", 120, false},   {"100", 100, false}, {"99", 99, false},
               {"34.43", 34.43, false}, {"34.439%0", 34.43, true}, {"34.439%", 34.43, true},
               {"31.25%", 31.25, false}, {"190%", 190, false}};
  for (const Sign& c : signs) {
    auto p = ParsePercentDetailed(c.raw);
    ASSERT_TRUE(p.has_value()) << c.raw;
    EXPECT_NEAR(p->value, c.value, 1e-9) << c.raw;
    EXPECT_EQ(p->repaired, c.repaired) << c.raw;
  }
}

TEST(ParsePercentTest, Refused) {
  for (const char* raw : {"", "abc", "56.3%%", "高", "百分之", "%", "50-60%", "56.3元", "约", "5.6.3%"})
    EXPECT_FALSE(ParsePercent(raw).has_value()) << "raw: " << raw;
}

TEST(ParseNumberTest, Table) {
  struct Case {
    const char* raw;
    double value;
  } cases[] = {
      {"6.5年", 6.5}, {"6.5", 6.5}, {"六年", 6}, {"36个月", 36}, {"约6.5年", 6.5}, {"8", 8}, {"十二", 12},
      {"3次", 3},     {"2.5倍", 2.5}, {"６．５年", 6.5}, {"(6.5)年", 6.5},
  };
  for (const auto& c : cases) {
    auto v = ParseNumber(c.raw);
    ASSERT_TRUE(v.has_value()) << "raw: " << c.raw;
    EXPECT_NEAR(*v, c.value, 1e-9) << "raw: " << c.raw;
  }
  for (const char* raw : {"", "若干", "6-8年", "6.5年年", "年", "约"}) EXPECT_FALSE(ParseNumber(raw)) << "raw: " << raw;
}

TEST(ParseIntegerTest, WholeNumbersOnly) {
  EXPECT_EQ(ParseInteger("36"), 36);
  EXPECT_EQ(ParseInteger("三十六"), 36);
  EXPECT_EQ(ParseInteger("36个月"), 36);
  EXPECT_EQ(ParseInteger("-4"), -4);
  EXPECT_EQ(ParseInteger("1,200"), 1200);
  EXPECT_FALSE(ParseInteger("2.5"));
  EXPECT_FALSE(ParseInteger("abc"));
  EXPECT_FALSE(ParseInteger("1e20"));
  EXPECT_FALSE(ParseInteger("100000000000000000000"));
}

TEST(ParseDurationTest, Months) {
  struct Case {
    const char* raw;
    double months;
  } cases[] = {
      {"（ 36 ）个月", 36}, {"36个月", 36}, {"3年", 36}, {"三年", 36},       {"一年半", 18},  {"1年6个月", 18},
      {"36", 36},           {"36 个月", 36}, {"半年", 6}, {"三十六个月", 36}, {"(36)个月", 36}, {"36月", 36},
      {"约36个月", 36},     {"5年", 60},   {"2.5年", 30}, {"十年", 120},       {"l2个月", 12},  {"１２个月", 12},
      {"24个月以内", 24},   {"两年", 24},
  };
  for (const auto& c : cases) {
    auto v = ParseDuration(c.raw, TimeUnit::kMonth);
    ASSERT_TRUE(v.has_value()) << "raw: " << c.raw;
    EXPECT_NEAR(*v, c.months, 1e-9) << "raw: " << c.raw;
  }
  EXPECT_TRUE(ParseDurationDetailed("l2个月", TimeUnit::kMonth)->repaired);
}

TEST(ParseDurationTest, Years) {
  struct Case {
    const char* raw;
    double years;
  } cases[] = {
      {"6.5年", 6.5}, {"78个月", 6.5}, {"六年半", 6.5}, {"6年6个月", 6.5}, {"约6.5年", 6.5}, {"6.5", 6.5}, {"8年", 8},
  };
  for (const auto& c : cases) {
    auto v = ParseDuration(c.raw, TimeUnit::kYear);
    ASSERT_TRUE(v.has_value()) << "raw: " << c.raw;
    EXPECT_NEAR(*v, c.years, 1e-9) << "raw: " << c.raw;
  }
}

TEST(ParseDurationTest, Refused) {
  for (const char* raw : {"", "3-5年", "个月", "abc", "三年三年", "6个月3年", "年半", "36个", "长期", "3年36"})
    EXPECT_FALSE(ParseDuration(raw, TimeUnit::kMonth).has_value()) << "raw: " << raw;
  EXPECT_FALSE(ParseDuration("36", TimeUnit::kNone).has_value());
}

}  // namespace
}  // namespace gm
