// The normalize module's building blocks: UTF-8, edit distances, OCR digit
// repair, match folding, label stripping and the settings tables.
#include <fstream>

#include <gtest/gtest.h>

#include "pipeline/core/edit_distance.h"
#include "pipeline/normalize/icu_handles.h"
#include "pipeline/normalize/match_folder.h"
#include "pipeline/normalize/ocr_digits.h"
#include "pipeline/normalize/settings.h"
#include "pipeline/normalize/typed_field.h"
#include "pipeline/normalize/utf8.h"
#include "tests/normalize/test_support.h"

namespace gm {
namespace {

using namespace normalize;

TEST(Utf8Test, RoundTripAndRepair) {
  EXPECT_EQ(ToUtf8(ToU32("甘肃abc𠀀")), "甘肃abc𠀀");
  EXPECT_EQ(ToU32("\xff").size(), 1u);
  EXPECT_EQ(ToU32("\xff")[0], U'\xFFFD');
  EXPECT_EQ(ToU32("\xed\xa0\x80"), std::u32string(3, U'\xFFFD'));  // a surrogate
  EXPECT_EQ(ToU32("\xf4\x90\x80\x80").size(), 4u);                  // past U+10FFFF
  EXPECT_TRUE(IsHan(U'甘'));
  EXPECT_TRUE(IsHan(U'〇'));
  EXPECT_FALSE(IsHan(U'A'));
  EXPECT_EQ(Abbreviate("一二三四五", 3), "一二三…");
  EXPECT_EQ(Abbreviate("一二三", 3), "一二三");
}

TEST(IcuHandlesTest, StrictArabicParse) {
  EXPECT_EQ(IcuParseArabic("12,500.00"), 12500);
  EXPECT_EQ(IcuParseArabic("-1,234.5"), -1234.5);
  EXPECT_EQ(IcuParseArabic("0012"), 12);
  for (const char* bad : {"", "12,5", "1,2,3", "1234,567.89", "1e5", "12.5.3", "１２", "12 500", "+5", "--5",
                          "1234567890123456789012345678901234567890123456789012345678901234567890"})
    EXPECT_FALSE(IcuParseArabic(bad).has_value()) << bad;
}

TEST(IcuHandlesTest, NfkcThenSimplified) {
  EXPECT_EQ(IcuNfkcSimplified("ＡＢＣ（１）"), "ABC(1)");
  EXPECT_EQ(IcuNfkcSimplified("綠色礦山"), "绿色矿山");
  EXPECT_EQ(IcuNfkcSimplified(""), "");
}

TEST(EditDistanceTest, Distances) {
  EXPECT_EQ(EditDistance(U"", U""), 0);
  EXPECT_EQ(EditDistance(U"abc", U""), 3);
  EXPECT_EQ(EditDistance(U"已取得", U"已取的"), 1);
  EXPECT_EQ(EditDistance(U"kitten", U"sitting"), 3);
  size_t end = 0;
  EXPECT_EQ(SubstringDistance(U"照明改造", U"绿色照明改造项目", &end), 0);
  EXPECT_EQ(end, 6u);
  EXPECT_EQ(SubstringDistance(U"照明改造", U"绿色照朋改造项目"), 1);
  EXPECT_EQ(SubstringDistance(U"abc", U""), 3);
  std::u32string long_text(5000, U'a');
  EXPECT_EQ(SubstringDistance(U"aaa", long_text), 0);  // bounded, no blow-up
}

TEST(RepairDigitsTest, Table) {
  struct Case {
    const char* in;
    const char* out;
    bool repaired;
  } cases[] = {
      {"l2500", "12500", true},     {"12 500", "12500", true},   {"12500。00", "12500.00", true},
      {"1O0", "100", true},         {"12 5", "12 5", false},     {"AA", "AA", false},
      {"12ab", "12ab", false},      {"ISO", "ISO", false},       {"2O24年", "2024年", true},
      {"12500 .00", "12500.00", true}, {"12500. 00", "12500.00", true}, {"1 234 567", "1234567", true},
      {"S8", "58", true},           {"22 ,800.00", "22,800.00", true}, {"100, 200", "100, 200", false},           {"12500", "12500", false},   {"", "", false},
  };
  for (const auto& c : cases) {
    bool repaired = false;
    EXPECT_EQ(RepairDigits(c.in, &repaired), c.out) << c.in;
    EXPECT_EQ(repaired, c.repaired) << c.in;
  }
}

TEST(MatchFolderTest, FoldsAndLoads) {
  MatchFolder plain;
  EXPECT_EQ(plain.Fold("已取得 （√）"), U"已取得");
  EXPECT_EQ(plain.Fold("ａａ＋"), U"AA");
  EXPECT_EQ(plain.Fold("己取得"), U"己取得");
  MatchFolder project;
  ASSERT_TRUE(MatchFolder::Load(testing::ProjectTemplates().dir() / "normalize_confusables.tsv", &project).ok());
  EXPECT_EQ(project.Fold("己取得"), U"已取得");

  auto path = testing::ScratchPath("confusables.tsv");
  std::ofstream(path) << "char\tfolds_to\n己已\t已\n";
  MatchFolder bad;
  EXPECT_EQ(MatchFolder::Load(path, &bad).code(), Status::Code::kCorrupt);
  std::ofstream(path) << "from\tto\n己\t已\n";
  EXPECT_EQ(MatchFolder::Load(path, &bad).code(), Status::Code::kCorrupt);
  EXPECT_EQ(MatchFolder::Load("/nonexistent.tsv", &bad).code(), Status::Code::kNotFound);
  std::filesystem::remove(path);
}

TEST(StripLeadingLabelTest, Table) {
  EXPECT_EQ(StripLeadingLabel("企业类型:国有控股公司", "企业类型", false), "国有控股公司");
  EXPECT_EQ(StripLeadingLabel("企业类型*:国有控股公司", "企业类型", false), "国有控股公司");
  EXPECT_EQ(StripLeadingLabel("注册资金(万元):12500", "注册资金（万元）", false), "12500");
  EXPECT_EQ(StripLeadingLabel("注册资金: 12500", "注册资金（万元）", false), "12500");
  EXPECT_EQ(StripLeadingLabel("注册资金12500", "注册资金（万元）", false), "12500");
  EXPECT_EQ(StripLeadingLabel("联系人赵静", "联系人", false), "赵静");
  EXPECT_EQ(StripLeadingLabel("税费缴纳情况良好", "税费缴纳情况", true), "税费缴纳情况良好");
  EXPECT_EQ(StripLeadingLabel("税费缴纳情况:按时足额缴纳", "税费缴纳情况", true), "按时足额缴纳");
  EXPECT_EQ(StripLeadingLabel("国有控股公司", "企业类型", false), "国有控股公司");
  EXPECT_EQ(StripLeadingLabel("企业类型", "企业类型", false), "企业类型");
  EXPECT_EQ(StripLeadingLabel("企业类型:", "企业类型", false), "企业类型:");
}

class SettingsTest : public ::testing::Test {
 protected:
  void TearDown() override { std::filesystem::remove_all(testing::ScratchPath("templates")); }
  // A copy of the project's templates with one table replaced.
  Templates With(const std::string& table, const std::string& content) {
    auto dir = testing::ScratchPath("templates");
    std::filesystem::remove_all(dir);
    std::filesystem::copy(testing::ProjectTemplates().dir(), dir);
    std::ofstream(dir / table) << content;
    Templates t;
    EXPECT_TRUE(Templates::Load(dir, &t).ok());
    return t;
  }
};

TEST_F(SettingsTest, ProjectSettings) {
  NormalizeSettings s;
  ASSERT_TRUE(NormalizeSettings::Load(testing::ProjectTemplates(), &s).ok());
  EXPECT_DOUBLE_EQ(s.low_confidence_threshold, 0.6);
  EXPECT_DOUBLE_EQ(s.repair_confidence_factor, 0.8);
  EXPECT_EQ(s.AmountUnitFor("registered_capital"), AmountUnit::kWan);
  EXPECT_EQ(s.TimeUnitFor("loan_term_months"), TimeUnit::kMonth);
  EXPECT_EQ(s.TimeUnitFor("payback_years"), TimeUnit::kYear);
  EXPECT_EQ(s.TimeUnitFor("company_name"), TimeUnit::kNone);
  EXPECT_EQ(s.PlaceholderFor(" ／ "), NormalizeSettings::Placeholder::kBlank);
  EXPECT_EQ(s.PlaceholderFor("——"), NormalizeSettings::Placeholder::kBlank);
  EXPECT_EQ(s.PlaceholderFor("无"), NormalizeSettings::Placeholder::kZero);
  EXPECT_EQ(s.PlaceholderFor("12500"), NormalizeSettings::Placeholder::kNone);
}

TEST_F(SettingsTest, UnitsTableOverridesImpliedUnit) {
  NormalizeSettings s;
  ASSERT_TRUE(NormalizeSettings::Load(With("normalize_field_units.tsv", "key\tunit\nregistered_capital\t元\n"), &s).ok());
  EXPECT_EQ(s.AmountUnitFor("registered_capital"), AmountUnit::kYuan);
  EXPECT_EQ(s.AmountUnitFor("total_investment"), AmountUnit::kWan);
}

TEST_F(SettingsTest, BadTablesRefused) {
  NormalizeSettings s;
  EXPECT_EQ(NormalizeSettings::Load(With("normalize_settings.tsv", "name\tvalue\nspeed\t1\n"), &s).code(),
            Status::Code::kCorrupt);
  EXPECT_EQ(NormalizeSettings::Load(With("normalize_settings.tsv", "name\tvalue\nlow_confidence_threshold\t1.5\n"), &s)
                .code(),
            Status::Code::kCorrupt);
  EXPECT_EQ(NormalizeSettings::Load(With("normalize_settings.tsv", "name\tvalue\nlow_confidence_threshold\tabc\n"), &s)
                .code(),
            Status::Code::kCorrupt);
  EXPECT_EQ(NormalizeSettings::Load(With("normalize_field_units.tsv", "key\tunit\nno_field\t元\n"), &s).code(),
            Status::Code::kCorrupt);
  EXPECT_EQ(NormalizeSettings::Load(With("normalize_field_units.tsv", "key\tunit\ncompany_name\t元\n"), &s).code(),
            Status::Code::kCorrupt);
  EXPECT_EQ(NormalizeSettings::Load(With("normalize_field_units.tsv", "key\tunit\nloan_term_months\t元\n"), &s).code(),
            Status::Code::kCorrupt);
  EXPECT_EQ(NormalizeSettings::Load(With("normalize_placeholders.tsv", "text\tmeaning\n/\tnothing\n"), &s).code(),
            Status::Code::kCorrupt);
  EXPECT_EQ(NormalizeSettings::Load(With("normalize_placeholders.tsv", "text\tmeaning\n \tblank\n"), &s).code(),
            Status::Code::kCorrupt);
}

}  // namespace
}  // namespace gm
