#include "pipeline/normalize/date.h"

#include <gtest/gtest.h>

namespace gm {
namespace {

TEST(ParseDateTest, Table) {
  struct Case {
    const char* raw;
    const char* expected;
    bool repaired;
  } cases[] = {
      {"2024年3月", "2024-03", false},
      {"2024年3月15日", "2024-03-15", false},
      {"2024.03", "2024-03", false},
      {"2024-03-15", "2024-03-15", false},
      {"2024/3/15", "2024-03-15", false},
      {"二〇二四年三月", "2024-03", false},
      {"二零二四年三月十五日", "2024-03-15", false},
      {"2024年03月", "2024-03", false},
      {"2024.3.15", "2024-03-15", false},
      {"20240315", "2024-03-15", false},
      {"202403", "2024-03", false},
      {"2024年3月份", "2024-03", false},
      {"2024年3月底", "2024-03", false},
      {"2024年12月中旬", "2024-12", false},
      {"2024年十二月", "2024-12", false},
      {"2024 年 3 月", "2024-03", false},
      {"２０２４年３月", "2024-03", false},
      {"2024年3月15号", "2024-03-15", false},
      {"2024-3", "2024-03", false},
      {"2024/03", "2024-03", false},
      {"2024年2月29日", "2024-02-29", false},
      {"2000年2月29日", "2000-02-29", false},
      {"2024—03—15", "2024-03-15", false},
      {"2O24年3月", "2024-03", true},
      {"2024年3月l5日", "2024-03-15", true},
      {"预计2024年3月", "2024-03", true},
      {"2024年3月开工", "2024-03", true},
      {"2024年3月三十一日", "2024-03-31", false},
      // The OCR's damage at the edges: a stray mark, the day's 日 lost or misread.
      {"s 2024年1月4日", "2024-01-04", true},
      {"2024年1月4日'", "2024-01-04", true},
      {"2024年3月15", "2024-03-15", true},
      {"2022年1月22晶", "2022-01-22", true},
  };
  for (const auto& c : cases) {
    auto d = ParseDate(c.raw);
    ASSERT_TRUE(d.has_value()) << "raw: " << c.raw;
    EXPECT_EQ(d->ToString(), c.expected) << "raw: " << c.raw;
    EXPECT_EQ(d->repaired, c.repaired) << "raw: " << c.raw;
    EXPECT_EQ(NormalizeDate(c.raw), c.expected);
  }
}

TEST(ParseDateTest, ImpossibleAndIncompleteDatesRefused) {
  for (const char* raw : {"", "2024年", "24年3月", "2024年13月", "2024年0月", "2023年2月29日", "2024年4月31日",
                          "1900年2月29日", "2024-02-30", "2024/13/1", "2024.3.32", "1899年12月", "2101年1月",
                          "2024年3月至2025年6月", "2024.03.15.01", "20241301", "2024年3月155", "三月", "明年春天",
                          "2024-3/15", "2024.", "2024年3月15日下午3点", "预计计划拟于明年2024年3月开工左右"}) {
    EXPECT_FALSE(ParseDate(raw).has_value()) << "raw: " << raw;
    EXPECT_FALSE(NormalizeDate(raw).has_value()) << "raw: " << raw;
  }
}

}  // namespace
}  // namespace gm
