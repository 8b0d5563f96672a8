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
}

TEST(StatementAmountTest, NotAmounts) {
  for (const char* s : {"", "资产", "五、1", "2024年", "1.2.3", "12a", "()", "(", "-.", "1e", "1e+", ".5", "1,234.5,6",
                        "123456789012345678901234567890123456789012345"}) {
    EXPECT_FALSE(ParseStatementAmount(s).has_value()) << s;
  }
}

}  // namespace
}  // namespace gm
