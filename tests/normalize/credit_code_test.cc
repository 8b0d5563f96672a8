#include "pipeline/normalize/credit_code.h"

#include <gtest/gtest.h>

namespace gm {
namespace {

// Valid codes (check characters computed per GB 32100).
const char* kValid[] = {
    "91620100MA7123456X", "91620102224331868C", "91620000710921547R",
    "91110000100001814U", "52620000MJ0000123R", "12620000438002345H",
};

TEST(CreditCodeTest, ValidCodes) {
  for (const char* code : kValid) {
    EXPECT_TRUE(IsValidCreditCode(code)) << code;
    EXPECT_EQ(RepairCreditCode(code), code);
  }
}

TEST(CreditCodeTest, InvalidCodes) {
  for (const char* code : {"91620100MA7123456Y", "91620100MA712345", "91620100MA7123456XX", "91620100ma7123456x",
                           "91620100MA7I23456X", "9162010OMA7123456X", "91620100 MA7123456X", "", "916201000000000000",
                           "91620100MA7123456\xE4\xB8\x80"})
    EXPECT_FALSE(IsValidCreditCode(code)) << code;
}

TEST(CreditCodeTest, CleaningOnly) {
  EXPECT_EQ(RepairCreditCode("91620100ma7123456x"), "91620100MA7123456X");
  EXPECT_EQ(RepairCreditCode(" 9162 0100 MA71 2345 6X "), "91620100MA7123456X");
  EXPECT_EQ(RepairCreditCode("91620100-MA7123456-X"), "91620100MA7123456X");
  EXPECT_EQ(RepairCreditCode("９１６２０１００ＭＡ７１２３４５６Ｘ"), "91620100MA7123456X");
  EXPECT_EQ(CleanCreditCode(" 9162 0100 ma71 2345 6x"), "91620100MA7123456X");
}

TEST(CreditCodeTest, LookalikeRepairs) {
  struct Case {
    const char* read;
    const char* code;
  } cases[] = {
      {"1262000D438002345H", "12620000438002345H"}, {"91620100MA71Z3456X", "91620100MA7123456X"},
      {"91L10000100001814U", "91110000100001814U"}, {"9162010Z224331868C", "91620102224331868C"},
      {"52620000MJ000Q123R", "52620000MJ0000123R"}, {"52620000MJO000123R", "52620000MJ0000123R"},
      {"52620000MJ0Q00123R", "52620000MJ0000123R"}, {"911100001000018l4U", "91110000100001814U"},
      {"9162000Q710921547R", "91620000710921547R"}, {"9162Q102224331868C", "91620102224331868C"},
      {"52620000MJ000O123R", "52620000MJ0000123R"}, {"91620I00MA7123456X", "91620100MA7123456X"},
      {"S2620000MJ0000123R", "52620000MJ0000123R"}, {"9I620100MA7123456X", "91620100MA7123456X"},
      {"91620100MA7I23456X", "91620100MA7123456X"}, {"9162O100MA7123456X", "91620100MA7123456X"},
      {"9162010222433l868C", "91620102224331868C"}, {"91620100MA7l23456X", "91620100MA7123456X"},
      {"916201OOMA7123456X", "91620100MA7123456X"}, {"91620102224331B68C", "91620102224331868C"},
      {"1262000043800234SH", "12620000438002345H"}, {"52620000MJ00D0123R", "52620000MJ0000123R"},
      {"9162 O1OO MA7I 2345 6X", "91620100MA7123456X"},
  };
  for (const auto& c : cases) EXPECT_EQ(RepairCreditCode(c.read), c.code) << c.read;
}

TEST(CreditCodeTest, AmbiguousRepairRefused) {
  // Both O → 0…D and O → Q…0 pass the check: no way to tell which was meant.
  EXPECT_FALSE(RepairCreditCode("91620100O2O4567896").has_value());
}

TEST(CreditCodeTest, UnrepairableRefused) {
  for (const char* read : {"", "9162010", "91620100MA7123456XY", "91620100MA7123456\xE4\xB8\x80", "OOOOOOOOOOOOOOOOOO",
                           "91620100MA71234567", "91620100MA7123456Y", "91620100MA7L23456X", "91620100MA7B23456X",
                           "91620102224331868Q", "统一社会信用代码", "91620100MA712345#X"})
    EXPECT_FALSE(RepairCreditCode(read).has_value()) << read;
}

}  // namespace
}  // namespace gm
