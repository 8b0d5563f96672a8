#include "pipeline/normalize/phone.h"

#include <gtest/gtest.h>

namespace gm {
namespace {

TEST(ParsePhoneTest, Table) {
  struct Case {
    const char* raw;
    const char* number;
    bool repaired;
  } cases[] = {
      {"13912345678", "13912345678", false},
      {"139 1234 5678", "13912345678", false},
      {"139-1234-5678", "13912345678", false},
      {"+86 139 1234 5678", "13912345678", false},
      {"+8613912345678", "13912345678", false},
      {"86 13912345678", "13912345678", false},
      {"0931-8123456", "0931-8123456", false},
      {"(0931)8123456", "0931-8123456", false},
      {"（0931）8123456", "0931-8123456", false},
      {"0931 8123456", "0931-8123456", false},
      {"09318123456", "0931-8123456", false},
      {"0931—8123456", "0931-8123456", false},
      {"+86-931-8123456", "0931-8123456", false},
      {"0086 10 62345678", "010-62345678", false},
      {"010-62345678", "010-62345678", false},
      {"021-61234567", "021-61234567", false},
      {"0943-82123456", "0943-82123456", false},
      {"张三 13912345678", "13912345678", false},
      {"张三，电话：0931-8123456", "0931-8123456", false},
      {"0931-8123456，13912345678", "0931-8123456", false},
      {"0931-8123456 13912345678", "0931-8123456", false},
      {"１３９１２３４５６７８", "13912345678", false},
      {"l3912345678", "13912345678", true},
      {"0931-8123456转8001", "0931-8123456", true},
      {"0931-8123456-8001", "0931-8123456", true},
      {"手机：18693112345", "18693112345", false},
  };
  for (const auto& c : cases) {
    auto p = ParsePhone(c.raw);
    ASSERT_TRUE(p.has_value()) << "raw: " << c.raw;
    EXPECT_EQ(p->number, c.number) << "raw: " << c.raw;
    EXPECT_EQ(p->repaired, c.repaired) << "raw: " << c.raw;
    EXPECT_EQ(NormalizePhone(c.raw), c.number);
  }
}

TEST(ParsePhoneTest, Refused) {
  for (const char* raw : {"", "张三", "8123456", "1391234567", "139123456789", "12912345678", "0931-0123456",
                          "0931-812345", "010-1234567", "0131-8123456", "+1 415 555 0100", "11111111111",
                          "00931-8123456", "0931-812345678", "电话待定"})
    EXPECT_FALSE(ParsePhone(raw).has_value()) << "raw: " << raw;
}

}  // namespace
}  // namespace gm
