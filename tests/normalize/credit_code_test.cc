#include "pipeline/normalize/credit_code.h"

#include <gtest/gtest.h>

namespace gm {
namespace {

// Valid codes, their check characters computed per GB 32100 and their
// organization codes (positions 9–17) per GB 11714, as real codes have them.
const char* kValid[] = {
    "91620100MA7123456X", "91620100MA71B8D05J", "916204002243318619",
    "916200007109215417", "91620900MA7208Q687", "52620000MJ0000122N", "91621000088030019N",
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
  EXPECT_EQ(RepairCreditCode("91620100ma71b8d05j"), "91620100MA71B8D05J");
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
      {"9162000Q7109215417", "916200007109215417"}, {"91621000088030D19N", "91621000088030019N"},
      {"91621000O88030019N", "91621000088030019N"}, {"916204D02243318619", "916204002243318619"},
      {"526Z0000MJ0000122N", "52620000MJ0000122N"}, {"52620000MJ00001Z2N", "52620000MJ0000122N"},
      {"9162100008803D019N", "91621000088030019N"}, {"91620100MA7IB8D05J", "91620100MA71B8D05J"},
      {"916Z0100MA71B8D05J", "91620100MA71B8D05J"}, {"52620000MJ0000l22N", "52620000MJ0000122N"},
      {"916200007109Z15417", "916200007109215417"}, {"91621000Q88030019N", "91621000088030019N"},
      {"9162000D7109215417", "916200007109215417"}, {"9162O0007109215417", "916200007109215417"},
      {"91621000088D30019N", "91621000088030019N"}, {"9162100Q088030019N", "91621000088030019N"},
      {"526200O0MJ0000122N", "52620000MJ0000122N"}, {"91620400Z243318619", "916204002243318619"},
      {"916210000B8030019N", "91621000088030019N"}, {"52620D00MJ0000122N", "52620000MJ0000122N"},
      {"91620I00MA7123456X", "91620100MA7123456X"}, {"9I620100MA7123456X", "91620100MA7123456X"},
      {"91620100MA7l23456X", "91620100MA7123456X"}, {"916201OOMA7123456X", "91620100MA7123456X"},
      {"9162 O1OO MA7I 2345 6X", "91620100MA7123456X"},
      // Two forced replacements pass the check; only one keeps the organization code consistent.
      {"91620100O2O4567896", "9162010002D4567896"},
  };
  for (const auto& c : cases) EXPECT_EQ(RepairCreditCode(c.read), c.code) << c.read;
}

// Valid characters OCR confuses (issue 18: a check character Y read as 7):
// one swap that passes the check and keeps the organization code consistent.
TEST(CreditCodeTest, ValidLookalikesSwappedWhenExactlyOneFits) {
  EXPECT_TRUE(IsValidCreditCode("91620100474855457Y"));
  EXPECT_EQ(RepairCreditCode("916201004748554577"), "91620100474855457Y");
  EXPECT_EQ(RepairCreditCode("91620000710921541Y"), "916200007109215417");
  // Elsewhere the wider confusions are not tried: too many wrong codes pass by chance.
  EXPECT_FALSE(RepairCreditCode("9L6204002243318619").has_value());
  EXPECT_FALSE(RepairCreditCode("916204002243318G19").has_value());
  EXPECT_TRUE(CreditCodeWellFormed("916201004748554577"));
  EXPECT_FALSE(CreditCodeWellFormed("91620I00MA7123456X"));  // I is no character of the code
  EXPECT_FALSE(CreditCodeWellFormed("9162O100MA7123456X"));  // a letter in the division code
}

TEST(CreditCodeTest, OneCharacterTooMany) {
  // A speck read as S, a character read twice: the code without it.
  EXPECT_EQ(RepairCreditCode("91620100MA4TC2MKS5X"), "91620100MA4TC2MK5X");
  EXPECT_EQ(RepairCreditCode("916200007109215S417"), "916200007109215417");
  EXPECT_EQ(RepairCreditCode("9162000071092154417"), "916200007109215417");
  EXPECT_EQ(RepairCreditCode("91620100MA4TC2MK5XY"), "91620100MA4TC2MK5X");  // one read after the code
  // No removal that leaves an invalid code.
  EXPECT_FALSE(RepairCreditCode("91620100MA4TC2MKS6X").has_value());
}

// Issue 18, variety dev: a character of the alphabet that repeats nothing,
// read into the code (in the organization code, in the division code, a
// letter among letters). Any single removal is tried once the likelier ones
// fail; exactly one must leave a valid, well-formed code whose organization
// code is consistent.
TEST(CreditCodeTest, AnyOneCharacterTooManyWhenExactlyOneRemovalFits) {
  EXPECT_EQ(RepairCreditCode("916212001865352117G"), "91621200186535117G");
  EXPECT_EQ(RepairCreditCode("916207004985294535C"), "91620700498529453C");
  EXPECT_EQ(RepairCreditCode("916205060MA1E7N8Q69"), "91620500MA1E7N8Q69");
  EXPECT_EQ(RepairCreditCode("91620200MA1LATEE11K"), "91620200MA1ATEE11K");
  for (const char* code : kValid) {  // every insertion into a valid code: the code back, or nothing
    const std::string valid = code;
    for (size_t at = 0; at <= valid.size(); ++at) {
      for (char c : std::string("0123456789ABCDEFGHJKLMNPQRTUWXY")) {
        std::string read = valid.substr(0, at) + c + valid.substr(at);
        auto repaired = RepairCreditCode(read);
        if (repaired) {
          EXPECT_EQ(*repaired, valid) << read;
        }
      }
    }
  }
}

// A check character lost (issue 18): given back when the 17 characters read
// keep a consistent organization code and no other insertion fits; a code
// one short anywhere else is not guessed at.
TEST(CreditCodeTest, ALostCheckCharacterIsGivenBackOnlyWhenNothingElseFits) {
  EXPECT_EQ(RepairCreditCode("91620300MA8YC1RG3"), "91620300MA8YC1RG3H");
  EXPECT_EQ(RepairCreditCode("91620100MA7123456"), "91620100MA7123456X");
  EXPECT_FALSE(RepairCreditCode("9162030MA8YC1RG3H").has_value());   // a division digit lost
  EXPECT_FALSE(RepairCreditCode("91620300MA8YC1R3H").has_value());   // organization code inconsistent
}

// Han characters read before or after the code (a seal, the next cell) are
// no part of it: cleaned away, so a code the applicant got wrong stays wrong.
TEST(CreditCodeTest, StrayHanAroundTheCodeIsCleanedAway) {
  EXPECT_EQ(CleanCreditCode("91620500MA73K4AG7N公品"), "91620500MA73K4AG7N");
  EXPECT_EQ(CleanCreditCode("：91620100MA7123456X。"), "91620100MA7123456X");
  EXPECT_FALSE(RepairCreditCode("91620500MA73K4AG7N公品").has_value());
  EXPECT_EQ(RepairCreditCode("91620100MA7123456X公"), "91620100MA7123456X");
  EXPECT_EQ(CleanCreditCode("91620100MA7公123456X"), "91620100MA7公123456X");  // inside: kept
}

TEST(CreditCodeTest, AmbiguousRepairRefused) {
  // O → 0…D and O → D…Q both pass the check, and neither organization code is consistent.
  EXPECT_FALSE(RepairCreditCode("91620100O26O18159C").has_value());
}

TEST(CreditCodeTest, WrongCheckCharacterIsNotRepairedAway) {
  // What a mistyped check character looks like: every other character valid.
  // No look-alike change may turn these into some other valid code; only the
  // look-alike of the right check character is taken back (and reported).
  const std::string alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  const std::string pairs = "7Y1L6G";
  auto lookalike = [&](char a, char b) {
    for (size_t i = 0; i < pairs.size(); i += 2)
      if ((a == pairs[i] && b == pairs[i + 1]) || (b == pairs[i] && a == pairs[i + 1])) return true;
    return false;
  };
  for (const char* code : kValid) {
    for (char c : alphabet) {
      std::string wrong = std::string(code, 17) + c;
      if (wrong == code) continue;
      if (lookalike(c, code[17])) continue;
      EXPECT_FALSE(RepairCreditCode(wrong).has_value()) << wrong;
    }
  }
}

TEST(CreditCodeTest, UnrepairableRefused) {
  for (const char* read : {"", "9162010", "91620100MA7123456XYY", "91620100MA712345\xE4\xB8\x80", "OOOOOOOOOOOOOOOOOO",
                           "91620100MA71234567", "91620100MA7123456Y", "统一社会信用代码", "91620100MA712345#X"})
    EXPECT_FALSE(RepairCreditCode(read).has_value()) << read;
}

}  // namespace
}  // namespace gm
