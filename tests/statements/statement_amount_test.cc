#include <gtest/gtest.h>

#include "extractors/statements/statement_parser.h"

namespace gm {
namespace {

TEST(StatementAmountTest, WrittenForms) {
  bool plain = true;
  EXPECT_DOUBLE_EQ(*ParseStatementAmount("1,234,567.89", &plain), 1234567.89);
  EXPECT_FALSE(plain);
  EXPECT_DOUBLE_EQ(*ParseStatementAmount("(1,234.50)"), -1234.5);
  EXPECT_DOUBLE_EQ(*ParseStatementAmount("-1234"), -1234);
  EXPECT_DOUBLE_EQ(*ParseStatementAmount("−88.5"), -88.5);
  EXPECT_DOUBLE_EQ(*ParseStatementAmount("1.2345E+07"), 12345000);
  EXPECT_DOUBLE_EQ(*ParseStatementAmount("38", &plain), 38);
  EXPECT_TRUE(plain);
  EXPECT_DOUBLE_EQ(*ParseStatementAmount("-"), 0);
  EXPECT_DOUBLE_EQ(*ParseStatementAmount("—"), 0);
  EXPECT_DOUBLE_EQ(*ParseStatementAmount("-12", &plain), -12);
  EXPECT_TRUE(plain);
}

TEST(StatementAmountTest, OcrDamageRepaired) {
  EXPECT_DOUBLE_EQ(*ParseStatementAmount("45,678.901.23"), 45678901.23);
  EXPECT_DOUBLE_EQ(*ParseStatementAmount("1,100;000.00"), 1100000.00);
  EXPECT_DOUBLE_EQ(*ParseStatementAmount("(1.234.567)"), -1234567);
  EXPECT_DOUBLE_EQ(*ParseStatementAmount("3,031,.208.90"), 3031208.90);  // a comma read as two marks
  EXPECT_DOUBLE_EQ(*ParseStatementAmount("25,.184.80"), 25184.80);
  EXPECT_DOUBLE_EQ(*ParseStatementAmount("l2,500.00"), 12500.00);  // normalize's look-alike repair
  bool plain = true;
  ParseStatementAmount("12,345.00", &plain);
  EXPECT_FALSE(plain);
}

TEST(StatementAmountTest, NotAmounts) {
  for (const char* s : {"", "资产", "一", "一千二百", "五、1", "2024年", "2024年12月31日", "会企02表", "1.2.3", "12a",
                        "()", "(", "-.", "1e", "1e+", "3u,122,456.00", "123456789012345678901234567890123456789012345"}) {
    EXPECT_FALSE(ParseStatementAmount(s).has_value()) << s;
  }
}

}  // namespace
}  // namespace gm
