// Tests of the text side of the form reader: CJK helpers, compound cells,
// label tables and re-read rules (no images, no OCR).
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "extractors/form/capital_amount.h"
#include "extractors/form/cjk_text.h"
#include "extractors/form/compound.h"
#include "extractors/form/domain_words.h"
#include "extractors/form/form_labels.h"
#include "extractors/form/ocr_fixes.h"
#include "extractors/form/percent_sign.h"
#include "extractors/form/reread_rules.h"
#include "extractors/form/second_look.h"
#include "extractors/form/typed_names.h"

namespace gm::form {
namespace {

Templates LoadTemplates() {
  Templates t;
  Status s = Templates::Load(GREENMINE_SOURCE_DIR "/templates", &t);
  EXPECT_TRUE(s.ok()) << s.ToString();
  return t;
}

TEST(CjkText, CodepointsRoundTripAndReplaceInvalidBytes) {
  EXPECT_EQ(ToUtf8(ToCodepoints("企业名称A1")), "企业名称A1");
  std::u32string bad = ToCodepoints(std::string("a\xff\xe4\xbd", 4));
  ASSERT_EQ(bad.size(), 4u);  // a, \xff, and each byte of the cut sequence
  EXPECT_EQ(bad[0], U'a');
  EXPECT_EQ(bad[1], char32_t(0xFFFD));
  EXPECT_EQ(bad[2], char32_t(0xFFFD));
  EXPECT_EQ(bad[3], char32_t(0xFFFD));
  // Overlong encoding of '/' is not accepted.
  EXPECT_EQ(ToCodepoints(std::string("\xc0\xaf", 2))[0], char32_t(0xFFFD));
}

TEST(CjkText, WithoutSpacesKeepsWhereEachCharacterWas) {
  const Spaceless s = WithoutSpaces(U" 年 未资 产 ");
  EXPECT_EQ(s.bare, U"年未资产");
  EXPECT_EQ(s.at, (std::vector<size_t>{1, 3, 4, 6}));
  EXPECT_TRUE(WithoutSpaces(U"   ").bare.empty());
}

TEST(CjkText, LabelKeyKeepsOnlyIdeographs) {
  EXPECT_EQ(ToUtf8(LabelKey("注册资金（万元）*\n³")), "注册资金万元");
  EXPECT_EQ(ToUtf8(LabelKey("近2年行政奖励、处罚情况")), "近年行政奖励处罚情况");
  EXPECT_TRUE(LabelKey("12345 |*").empty());
}

TEST(CjkText, EditDistance) {
  EXPECT_EQ(EditDistance(U"企业名称", U"企业名称"), 0);
  EXPECT_EQ(EditDistance(U"企业名称", U"企亚名称"), 1);
  EXPECT_EQ(EditDistance(U"", U"abc"), 3);
  EXPECT_EQ(EditDistance(U"贷款总需求", U"年内贷款需求"), 3);
}

TEST(CjkText, CleanCellTextJoinsLinesAndStripsJunk) {
  EXPECT_EQ(CleanCellText("| 甘 肃 祁连 矿业\n有限 公司 _"), "甘肃祁连矿业有限公司");
  // A sentence keeps its full stop; a stop alone or after junk does not.
  EXPECT_EQ(CleanCellText("改善 矿区\n周边 生态 环境 。"), "改善矿区周边生态环境。");
  EXPECT_EQ(CleanCellText("新增 就业 岗位 120个 。|"), "新增就业岗位120个。");
  EXPECT_EQ(CleanCellText("无欠税 , 。"), "无欠税");
  EXPECT_EQ(CleanCellText("LPR 下浮 20 个基点"), "LPR下浮20个基点");
  EXPECT_EQ(CleanCellText("８.５%"), "8.5%");
  EXPECT_EQ(CleanCellText("1390931\n1234"), "13909311234");
  EXPECT_EQ(CleanCellText("设备8台（套）"), "设备8台(套)");
  EXPECT_EQ(CleanCellText("(万元)"), "(万元)");
  EXPECT_EQ(CleanCellText("— _ ."), "");
  EXPECT_EQ(CleanCellText(""), "");
  EXPECT_EQ(CleanCellText("non CJK words"), "non CJK words");
  // A lone small letter after Chinese writing is junk; words and codes stay.
  EXPECT_EQ(CleanCellText("嘉峪铁矿业有限公司w"), "嘉峪铁矿业有限公司");
  EXPECT_EQ(CleanCellText("有限公司 i |"), "有限公司");
  EXPECT_EQ(CleanCellText("更换为LED"), "更换为LED");
  EXPECT_EQ(CleanCellText("二期A"), "二期A");
  EXPECT_EQ(CleanCellText("下浮20bp"), "下浮20bp");
}

TEST(CjkText, CleanProseTextTakesAMisreadClosingStopForTheStop) {
  EXPECT_EQ(CleanProseText("经 营 状况 良好 ， 资 产 负债 结构\n合理 ，"), "经营状况良好,资产负债结构合理。");
  EXPECT_EQ(CleanProseText("近 两 年 未 受到 行政 奖励 和 处 罚 :"), "近两年未受到行政奖励和处罚。");
  EXPECT_EQ(CleanProseText("给予 支持 . |"), "给予支持。");
  EXPECT_EQ(CleanProseText("给予\n支持 ， ，"), "给予支持。");
  EXPECT_EQ(CleanProseText("环境 局 验收 -|"), "环境局验收。");
  EXPECT_EQ(CleanProseText("改善 生态 环境 。"), "改善生态环境。");
  // No mark at all, or a mark after something else than writing: as CleanCellText.
  EXPECT_EQ(CleanProseText("给予 支持"), "给予支持");
  EXPECT_EQ(CleanProseText("新增 就业 120 ,"), "新增就业120");
  EXPECT_EQ(CleanProseText("| _"), "");
  EXPECT_EQ(CleanProseText("资产 负债 率 34.43%0 ， 实现"), "资产负债率34.43%,实现");
  EXPECT_EQ(CleanProseText("负债 率 34.43%0"), "负债率34.43%");
  EXPECT_EQ(CleanProseText("增长 5%05 吨"), "增长5%05吨");
  EXPECT_EQ(CleanProseText("，"), "");
}

TEST(CjkText, FixDigitGrouping) {
  EXPECT_EQ(FixDigitGrouping("8.530.00"), "8,530.00");
  EXPECT_EQ(FixDigitGrouping("12.345.678.50"), "12,345,678.50");
  EXPECT_EQ(FixDigitGrouping("56.3"), "56.3");
  EXPECT_EQ(FixDigitGrouping("4.2.8绿色照明"), "4.2.8绿色照明");
  EXPECT_EQ(FixDigitGrouping("2,.380.00"), "2,380.00");
  EXPECT_EQ(FixDigitGrouping("19 .530.00"), "19,530.00");
  EXPECT_EQ(FixDigitGrouping("2,.380万元"), "2,380万元");
  EXPECT_EQ(FixDigitGrouping("1,500.00"), "1,500.00");
  EXPECT_EQ(FixDigitGrouping("无"), "无");
  EXPECT_EQ(FixDigitGrouping(""), "");
}

TEST(Compound, BracketAfterAnchorOrdinalAndLostBrackets) {
  const std::string funding = "政府资金（ 500 ）万元，自筹资金（ 3000 ）万元，其他（ 6500 ）万元";
  EXPECT_EQ(BracketAfter(funding, "政府资金", 0), "500");
  EXPECT_EQ(BracketAfter(funding, "自筹资金", 1), "3000");
  EXPECT_EQ(BracketAfter(funding, "其他", 2), "6500");
  // OCR: a misread anchor character, ASCII brackets, spaces.
  EXPECT_EQ(BracketAfter("政府资全 (1070 ) 万 元 , 自 筹 资金 (5270) 万元", "政府资金", 0), "1070");
  // A lost closing bracket ends at the next ideograph.
  EXPECT_EQ(BracketAfter("自筹资金( 3000 万元", "自筹资金", 1), "3000");
  // No bracket at all: the number after the anchor.
  EXPECT_EQ(BracketAfter("政府资金 800 万元", "政府资金", 0), "800");
  // Anchor lost: the ordinal-th bracket.
  EXPECT_EQ(BracketAfter("政X金(1)万元,自X金(2)万元,其X(3)万元", "其他", 2), "3");
  EXPECT_EQ(BracketAfter("政X金(1)万元", "其他", -1), "");
  EXPECT_EQ(BracketAfter("（ 36 ）个月", "", 0), "36");
  EXPECT_EQ(BracketAfter("36 个 月", "", 0), "36");  // both brackets lost
  EXPECT_EQ(BracketAfter("个月", "", 0), "");
  EXPECT_EQ(BracketAfter("", "", 0), "");
}

TEST(Compound, PhoneAndPerson) {
  std::vector<std::string> prefixes = {"联系人", "联系电话", "联系方式", "电话", "手机"};
  EXPECT_EQ(PhoneIn("张伟 13909311234"), "13909311234");
  EXPECT_EQ(PhoneIn("联系人：李娜  电话：0931-8123456"), "0931-8123456");
  EXPECT_EQ(PhoneIn("王强 139 0931 1234"), "13909311234");
  EXPECT_EQ(PhoneIn("张伟"), "");
  EXPECT_EQ(PersonIn("张伟 13909311234", prefixes), "张伟");
  EXPECT_EQ(PersonIn("联系人：李娜  电话：0931-8123456", prefixes), "李娜");
  EXPECT_EQ(PersonIn("联系人江晓东电话18612345678", prefixes), "江晓东");
  EXPECT_EQ(PersonIn("", prefixes), "");
}

TEST(Compound, RestAfterOptions) {
  std::vector<std::string> prefixes = {"曾用项目名称", "曾用名称", "曾用名", "原项目名称"};
  EXPECT_EQ(RestAfterOptions("是（√）否（ ）\n曾用名：西和铅锌矿环境综合治理项目", prefixes), "西和铅锌矿环境综合治理项目");
  // A misread prefix character is forgiven, but never at the cost of the name.
  EXPECT_EQ(RestAfterOptions("是(v)否( )曾用各:山丹石膏矿节能技术改造项目", prefixes), "山丹石膏矿节能技术改造项目");
  EXPECT_EQ(RestAfterOptions("是( )否(√) 原名称项目甲", prefixes), "原名称项目甲");
  EXPECT_EQ(RestAfterOptions("是( )否(√)", prefixes), "");
  EXPECT_EQ(RestAfterOptions("是( )否(√) 人", prefixes), "");
  // The last option's closing bracket lost: the group, not a name.
  EXPECT_EQ(RestAfterOptions("是( )否(回", prefixes), "");
}

TEST(FormLabels, LoadsAndMatchesTolerantly) {
  Templates t = LoadTemplates();
  FormLabels labels;
  ASSERT_TRUE(FormLabels::Load(t, &labels).ok());
  EXPECT_EQ(labels.Match("企业名称*").spec->key, "company_name");
  EXPECT_EQ(labels.Match("注册资金 (万\n元 ) *").spec->key, "registered_capital");
  EXPECT_EQ(labels.Match("信用等级所").spec->key, "credit_rating");        // a footnote read as 所
  EXPECT_EQ(labels.Match("项目总投资*\n(万元)").spec->key, "total_investment");
  EXPECT_EQ(labels.Match("三、投资博况").spec->key, "sec_investment");
  EXPECT_EQ(labels.Match("六、项目社会效益（具有何种社会效益，文字描述）").spec->key, "social_benefits");
  EXPECT_EQ(labels.Match("联系人\n及联系方式*").spec->key, "contact");
  EXPECT_EQ(labels.Match("甘肃祁连矿业有限公司").spec, nullptr);
  EXPECT_EQ(labels.Match("已开工").spec, nullptr);
  EXPECT_EQ(labels.Match("").spec, nullptr);
  // Nearby labels stay apart.
  EXPECT_EQ(labels.Match("已投资额*（万元）").spec->key, "invested_amount");
  EXPECT_EQ(labels.Match("已到位资金*（万元）").spec->key, "funds_in_place");
  const LabelSpec* eia = labels.Find("eia_status");
  ASSERT_NE(eia, nullptr);
  EXPECT_EQ(eia->kind, CellKind::kCheckbox);
  EXPECT_EQ(eia->options, (std::vector<std::string>{"已取得", "正在办理", "不涉及"}));
  EXPECT_EQ(labels.PartsOf("funding").size(), 3u);
  EXPECT_GT(labels.ValueLabelCount(), 40);
}

TEST(FormLabels, CountsLabelsAndTitleInPageText) {
  Templates t = LoadTemplates();
  FormLabels labels;
  ASSERT_TRUE(FormLabels::Load(t, &labels).ok());
  bool title = false;
  EXPECT_GE(labels.CountLabelsIn("甘肃省绿色矿山建设投融资项目入库申请表\n填报企业（盖章）：\n企业名称* 信用代码 项目名称*", &title), 3);
  EXPECT_TRUE(title);
  EXPECT_EQ(labels.CountLabelsIn("营业执照 统一社会信用代码", &title), 1);
  EXPECT_FALSE(title);
}

// Writes a templates folder whose form tables are `labels` and `compound`.
std::filesystem::path TempTemplates(const std::string& name, const std::string& labels, const std::string& compound,
                                    const std::string& reread = "") {
  std::filesystem::path dir = std::filesystem::temp_directory_path() / ("gm_form_" + name);
  std::filesystem::create_directories(dir);
  for (const char* f : {"fields.tsv", "catalog.tsv", "checklist.tsv", "findings.tsv", "form_labels.tsv",
                        "form_compound.tsv", "form_reread.tsv", "form_capital.tsv", "form_ocr_fixes.tsv", "form_typed_names.tsv", "form_hints.tsv", "form_second_look.tsv"})
    std::filesystem::copy_file(std::filesystem::path(GREENMINE_SOURCE_DIR "/templates") / f, dir / f,
                               std::filesystem::copy_options::overwrite_existing);
  if (!labels.empty()) std::ofstream(dir / "form_labels.tsv") << labels;
  if (!compound.empty()) std::ofstream(dir / "form_compound.tsv") << compound;
  if (!reread.empty()) std::ofstream(dir / "form_reread.tsv") << reread;
  return dir;
}

// Symbols of a cell's OCR, each `width` pixels wide, side by side.
OcrResult Symbols(const std::vector<std::pair<std::string, int>>& glyphs) {
  OcrResult r;
  int x = 0;
  for (const auto& [text, width] : glyphs) {
    OcrWord w;
    w.text = text;
    w.box.x = x;
    w.box.y = 0;
    w.box.w = width;
    w.box.h = 40;
    r.symbols.push_back(w);
    r.text += text;
    x += width + 4;
  }
  return r;
}

TEST(PercentSign, AWideNineIsTheSign) {
  // "40.5%" read as "40.59": the 9 as wide as a % sign.
  OcrResult ocr = Symbols({{"4", 20}, {"0", 20}, {".", 8}, {"5", 20}, {"9", 34}});
  EXPECT_TRUE(LastNineIsAPercentSign(ocr));
  Reading r;
  r.raw = "40.59";
  r.confidence = 0.9;
  CheckPercentSign(ocr, &r);
  EXPECT_EQ(r.raw, "40.5%");
  EXPECT_NEAR(r.confidence, 0.81, 1e-9);
  // A 9 as wide as the other digits is a 9, but doubtful: someone looks.
  ocr = Symbols({{"4", 20}, {"0", 20}, {".", 8}, {"5", 20}, {"9", 21}});
  EXPECT_FALSE(LastNineIsAPercentSign(ocr));
  r.raw = "40.59";
  r.confidence = 0.9;
  CheckPercentSign(ocr, &r);
  EXPECT_EQ(r.raw, "40.59");
  EXPECT_LE(r.confidence, kDoubtfulPercent);
  // A sign read, another last digit, or an integer: left as read.
  for (const char* raw : {"40.5%", "40.58", "49"}) {
    r.raw = raw;
    r.confidence = 0.9;
    CheckPercentSign(ocr, &r);
    EXPECT_EQ(r.raw, raw);
    EXPECT_DOUBLE_EQ(r.confidence, 0.9) << raw;
  }
  // Too few digits to know a digit's width.
  EXPECT_FALSE(LastNineIsAPercentSign(Symbols({{"5", 20}, {"9", 40}})));
}

TEST(FormHints, APrintedHintIsNoAnswer) {
  Templates t = LoadTemplates();
  FormLabels labels;
  ASSERT_TRUE(FormLabels::Load(t, &labels).ok());
  const FormHints& hints = labels.hints();
  // The hint alone: an empty cell.
  EXPECT_EQ(hints.Strip("cleaner_production_audit", "描述近两年情况"), "");
  EXPECT_EQ(hints.Strip("financial_condition", "描述近1年年资产盈利或负债情况"), "");
  EXPECT_EQ(hints.Strip("tax_payment", "(描述近1年税费缴纳情况)"), "");
  // One misread character is still the hint.
  EXPECT_EQ(hints.Strip("rewards_penalties", "描述近两年情兄"), "");
  // Before or after the answer, it is taken off with its separators.
  EXPECT_EQ(hints.Strip("tax_payment", "描述近1年税费缴纳情况:依法纳税,无欠税。"), "依法纳税,无欠税。");
  EXPECT_EQ(hints.Strip("rewards_penalties", "获省级绿色矿山称号。(描述近两年情况)"), "获省级绿色矿山称号。");
  // Another edition's hint, by pattern.
  EXPECT_EQ(hints.Strip("policy_requests", "描述需要的支持情况"), "");
  EXPECT_EQ(hints.Strip("policy_requests", "请描述融资支持情况 贴息支持"), "贴息支持");
  // Answers that only begin like a hint stay whole.
  EXPECT_EQ(hints.Strip("cleaner_production_audit", "近两年情况良好，已通过清洁生产审核。"),
            "近两年情况良好，已通过清洁生产审核。");
  EXPECT_EQ(hints.Strip("financial_condition", "资产盈利情况良好"), "资产盈利情况良好");
  // A field's own hint is not another field's.
  EXPECT_EQ(hints.Strip("company_name", "描述近1年税费缴纳"), "描述近1年税费缴纳");
}

TEST(FormHints, RejectsBadTable) {
  Templates t;
  for (const std::string& rows : {std::string("no_such_field\t描述\n"), std::string("*\t描述…情况…\n"),
                                  std::string("*\t描述…\n"), std::string("tax_payment\t\n")}) {
    std::filesystem::path dir = TempTemplates("bad_hints", "", "");
    std::ofstream(dir / "form_hints.tsv") << "key\thint\n" << rows;
    ASSERT_TRUE(Templates::Load(dir, &t).ok());
    FormLabels labels;
    EXPECT_EQ(FormLabels::Load(t, &labels).code(), Status::Code::kCorrupt) << rows;
  }
}

TEST(FormLabels, FindsALabelAValueRanOnInto) {
  Templates t = LoadTemplates();
  FormLabels labels;
  ASSERT_TRUE(FormLabels::Load(t, &labels).ok());
  const LabelSpec& company = *labels.Find("company_name");
  const std::string text = "甘肃祁连矿业有限责任公司”信用代码916201007581234567";
  InnerLabel inner = labels.FindInnerLabel(text, company);
  ASSERT_NE(inner.spec, nullptr);
  EXPECT_EQ(inner.spec->key, "credit_code");
  EXPECT_EQ(text.substr(0, inner.offset), "甘肃祁连矿业有限责任公司”");
  EXPECT_EQ(text.substr(inner.end), "916201007581234567");
  // The longest wording that starts earliest: 统一社会信用代码 whole.
  inner = labels.FindInnerLabel("某某公司 统一社会信用代码 916201", company);
  ASSERT_NE(inner.spec, nullptr);
  EXPECT_EQ(std::string("某某公司 统一社会信用代码 916201").substr(inner.end), " 916201");
  // Its own label, a label at the start, and a name without labels are no run-on.
  EXPECT_EQ(labels.FindInnerLabel("企业名称甘肃祁连矿业有限公司", company).spec, nullptr);
  EXPECT_EQ(labels.FindInnerLabel("信用代码916201", company).spec, nullptr);
  EXPECT_EQ(labels.FindInnerLabel("甘肃祁连矿业有限公司", company).spec, nullptr);
}

TEST(FormLabels, RejectsBadTables) {
  const std::string header = "key\tkind\tlabel\tvariants\tvalue\toptions\n";
  struct Case { const char* name; std::string labels; std::string compound; };
  const std::string ok_compound = "cell\tfield\textract\tanchor\n";
  std::vector<Case> cases = {
      {"unknown_field", header + "no_such_field\tline\t企业名称\t\tright\t\n", ok_compound},
      {"bad_kind", header + "company_name\tweird\t企业名称\t\tright\t\n", ok_compound},
      {"bad_place", header + "company_name\tline\t企业名称\t\tsideways\t\n", ok_compound},
      {"bad_option", header + "eia_status\tcheckbox\t环评批复\t\tright\t已取得|也许\n", ok_compound},
      {"no_options", header + "eia_status\tcheckbox\t环评批复\t\tright\t\n", ok_compound},
      {"no_cjk", header + "company_name\tline\tName\t\tright\t\n", ok_compound},
      {"duplicate", header + "company_name\tline\t企业名称\t\tright\t\ncompany_name\tline\t企业全称\t\tright\t\n", ok_compound},
      {"compound_without_parts", header + "funding\tcompound\t资金来源\t\tright\t\n", ok_compound},
      {"part_of_nothing", header, ok_compound + "funding\tfunding_self\tbracket_after\t自筹资金\n"},
      {"bad_extract", header + "funding\tcompound\t资金来源\t\tright\t\n", ok_compound + "funding\tfunding_self\tguess\t\n"},
  };
  Templates t;
  for (const Case& c : cases) {
    ASSERT_TRUE(Templates::Load(TempTemplates(c.name, c.labels, c.compound), &t).ok());
    FormLabels labels;
    Status s = FormLabels::Load(t, &labels);
    EXPECT_EQ(s.code(), Status::Code::kCorrupt) << c.name;
  }
  std::filesystem::path missing = TempTemplates("missing", "", "");
  std::filesystem::remove(missing / "form_labels.tsv");
  ASSERT_TRUE(Templates::Load(missing, &t).ok());
  FormLabels labels;
  EXPECT_EQ(FormLabels::Load(t, &labels).code(), Status::Code::kNotFound);
}

TEST(RereadRules, DecidesWhenAndWhatToReread) {
  Templates t = LoadTemplates();
  RereadRules rules;
  ASSERT_TRUE(RereadRules::Load(t, &rules).ok());
  const FieldSpec& amount = *t.Field("total_investment");
  const RereadRule* r = rules.For(amount, "1O500");
  ASSERT_NE(r, nullptr);
  EXPECT_TRUE(rules.ShouldReread(*r, amount, "1O500"));
  EXPECT_FALSE(rules.ShouldReread(*r, amount, "10,500.00万元"));
  EXPECT_TRUE(rules.Accept(*r, amount, "10500"));
  EXPECT_FALSE(rules.Accept(*r, amount, "10500X"));
  // Text without any trigger character has no rule.
  EXPECT_EQ(rules.For(amount, "无"), nullptr);
  // A lone 7 read as 了 is read again with the digits alone.
  const FieldSpec& payback = *t.Field("payback_years");
  const RereadRule* seven = rules.For(payback, "了");
  ASSERT_NE(seven, nullptr);
  EXPECT_TRUE(rules.ShouldReread(*seven, payback, "了"));
  EXPECT_TRUE(rules.Accept(*seven, payback, "7"));

  // A re-read shorter than what the first reading holds inside the
  // whitelist lost characters; one that drops only misread junk did not.
  const RereadRule* junk = rules.For(amount, "2934();万元");
  ASSERT_NE(junk, nullptr);
  EXPECT_FALSE(rules.LostCharacters(*junk, "2934();万元", "29340万元"));
  EXPECT_FALSE(rules.LostCharacters(*junk, "2934();万元", "2934万元"));
  EXPECT_TRUE(rules.LostCharacters(*junk, "2934();万元", "234万元"));
  EXPECT_TRUE(rules.LostCharacters(*junk, "58 300万元", "8300万元"));

  const FieldSpec& stage = *t.Field("project_stage");
  const RereadRule* e = rules.For(stage, "双开王");
  ASSERT_NE(e, nullptr);
  EXPECT_TRUE(rules.ShouldReread(*e, stage, "双开王"));
  EXPECT_FALSE(rules.ShouldReread(*e, stage, "已开工"));
  EXPECT_TRUE(rules.Accept(*e, stage, "已开工"));
  EXPECT_FALSE(rules.Accept(*e, stage, "开工"));
  std::string wl = rules.Whitelist(*e, stage);
  EXPECT_NE(wl.find("竣"), std::string::npos);

  const FieldSpec& central = *t.Field("central_budget");
  const RereadRule* b = rules.For(central, "合");
  ASSERT_NE(b, nullptr);
  EXPECT_TRUE(rules.ShouldReread(*b, central, "合"));
  EXPECT_TRUE(rules.Accept(*b, central, "否"));
  EXPECT_EQ(rules.Whitelist(*b, central), "是否");

  const FieldSpec& guarantee = *t.Field("guarantee_method");
  const RereadRule* m = rules.For(guarantee, "抵押、保正");
  ASSERT_NE(m, nullptr);
  EXPECT_TRUE(rules.ShouldReread(*m, guarantee, "抵押、保正"));
  EXPECT_FALSE(rules.ShouldReread(*m, guarantee, "抵押、保证"));
  EXPECT_TRUE(rules.Accept(*m, guarantee, "抵押,保证"));
  EXPECT_FALSE(rules.Accept(*m, guarantee, "抵押,担保"));

  const FieldSpec& revenue = *t.Field("revenue_source");
  const RereadRule* o = rules.For(revenue, "经共性收入");
  ASSERT_NE(o, nullptr);
  EXPECT_TRUE(rules.ShouldReread(*o, revenue, "经共性收入"));
  EXPECT_FALSE(rules.ShouldReread(*o, revenue, "节能收益"));  // written "other": left alone
}

TEST(CapitalAmount, RepairsMisreadNumerals) {
  Templates t = LoadTemplates();
  CapitalAmount cap;
  ASSERT_TRUE(CapitalAmount::Load(t, &cap).ok());
  EXPECT_TRUE(cap.Applies("陆佰参拾万元整"));
  EXPECT_FALSE(cap.Applies("6,300.00"));
  EXPECT_FALSE(cap.Applies("600万元"));
  EXPECT_FALSE(cap.Applies("无"));
  EXPECT_EQ(cap.Repair("陆佰参拾万元整"), "陆佰叁拾万元整");
  EXPECT_EQ(cap.Repair("融什玖佰万元整"), "贰仟玖佰万元整");
  EXPECT_EQ(cap.Repair("玖任伍佰参拾万元整"), "玖仟伍佰叁拾万元整");
  EXPECT_EQ(cap.Repair("伍亿类什肆佰万元整"), "伍亿柒仟肆佰万元整");
  EXPECT_EQ(cap.Repair("贰佰吉拾万元整"), "贰佰壹拾万元整");  // 壹's top read as 吉
  // A character foreign to the notation in a unit's place: the unit the next implies.
  EXPECT_EQ(cap.Repair("陆X伍佰万元整"), "陆仟伍佰万元整");
  EXPECT_EQ(cap.Repair("陆佰伍X万元整"), "陆佰伍拾万元整");
  EXPECT_EQ(cap.Repair("壹 仟 贰 佰 万 元 整"), "壹仟贰佰万元整");
  EXPECT_EQ(cap.Repair("12500"), "12500");
  // After its 元 or 整, what is no part of the notation goes.
  EXPECT_EQ(cap.Repair("玖仟零贰拾万元束"), "玖仟零贰拾万元");
  EXPECT_EQ(cap.Repair("叁仟零玖拾万元整，"), "叁仟零玖拾万元整");
  EXPECT_EQ(cap.Repair("叁仟零玖拾万元角"), "叁仟零玖拾万元角");
}

TEST(CapitalAmount, RejectsBadTable) {
  Templates t;
  ASSERT_TRUE(Templates::Load(TempTemplates("bad_capital", "", ""), &t).ok());
  std::ofstream(t.dir() / "form_capital.tsv") << "kind\ttext\tmeans\ndigit\t零壹\t\n";
  CapitalAmount cap;
  EXPECT_EQ(CapitalAmount::Load(t, &cap).code(), Status::Code::kCorrupt);
  std::ofstream(t.dir() / "form_capital.tsv") << "kind\ttext\tmeans\nmisread\t参叁\t叁\n";
  EXPECT_EQ(CapitalAmount::Load(t, &cap).code(), Status::Code::kCorrupt);
  std::ofstream(t.dir() / "form_capital.tsv") << "kind\ttext\tmeans\nweird\t参\t叁\n";
  EXPECT_EQ(CapitalAmount::Load(t, &cap).code(), Status::Code::kCorrupt);
}

TEST(OcrFixes, PutsRightPhrasesThatMeanNothingAsRead) {
  OcrFixes fixes;
  ASSERT_TRUE(OcrFixes::Load(LoadTemplates(), &fixes).ok());
  EXPECT_GT(fixes.size(), 0u);
  EXPECT_EQ(fixes.Apply("2023年未资产总额22.64亿元"), "2023年末资产总额22.64亿元");
  // Through the OCR's spaces, which stay.
  EXPECT_EQ(fixes.Apply("2023 年 未 资产 总额 22.64 亿 元"), "2023 年 末 资产 总额 22.64 亿 元");
  EXPECT_EQ(fixes.Apply("年节电4200万干瓦时"), "年节电4200万千瓦时");
  // Right words are left alone.
  EXPECT_EQ(fixes.Apply("本年未资产化的支出"), "本年未资产化的支出");
  EXPECT_EQ(fixes.Apply("近两年未开展清洁生产审核"), "近两年未开展清洁生产审核");
  EXPECT_EQ(fixes.Apply("2024年缴纳各项税费8273万元,无众税。"), "2024年缴纳各项税费8273万元,无欠税。");
  EXPECT_EQ(fixes.Apply(""), "");
}

TEST(DomainWords, PutsRightOneMisreadCharacterOfADomainWord) {
  const DomainWords words({"陇南市", "华亭市", "清洁生产", "优惠利率", "二氧化碳", "有限公司", "高耗能", "尾矿库"});
  EXPECT_EQ(words.Correct("并通过喊南市生态环境局验收。"), "并通过陇南市生态环境局验收。");
  EXPECT_EQ(words.Correct("甘肃省平凉市华享市红沙岗镇"), "甘肃省平凉市华亭市红沙岗镇");
  EXPECT_EQ(words.Correct("完成第一轮清 沽 生产审核"), "完成第一轮清 洁 生产审核");  // spaces kept
  EXPECT_EQ(words.Correct("希望给予绿色贷款优囊利率"), "希望给予绿色贷款优惠利率");
  EXPECT_EQ(words.Correct("年减少二气化碳排放"), "年减少二氧化碳排放");
  EXPECT_EQ(words.Correct("甘肃某矿业有限公可"), "甘肃某矿业有限公司");
  EXPECT_EQ(words.Correct("高能耗设备"), "高能耗设备");  // two characters away
  EXPECT_EQ(words.Correct(""), "");
}

TEST(DomainWords, LeavesWordsOfTheirOwn) {
  // The ends of a three-character term make other words; its middle may be put right.
  const DomainWords words({"高耗能", "尾矿库", "资产负债率", "资产负债结构", "兰州银行", "分行", "废石场"});
  EXPECT_EQ(words.Correct("对主要耗能设备实施变频改造"), "对主要耗能设备实施变频改造");
  EXPECT_EQ(words.Correct("加高尾矿坝"), "加高尾矿坝");
  EXPECT_EQ(words.Correct("历史遗留废右场"), "历史遗留废石场");
  // A character inside a domain word read as it is stays.
  EXPECT_EQ(words.Correct("资产负债结构合理"), "资产负债结构合理");
  EXPECT_EQ(words.Correct("甘肃银行兰州分行"), "甘肃银行兰州分行");
  // Two words proposing different characters for one place cancel.
  const DomainWords two({"平凉市", "平川市"});
  EXPECT_EQ(two.Correct("平X市"), "平X市");
  EXPECT_EQ(two.Correct("平汌市"), "平汌市");
  EXPECT_EQ(DomainWords().Correct("喊南市"), "喊南市");
}

TEST(DomainWords, LoadsTheTemplatesList) {
  Templates t = LoadTemplates();
  DomainWords words;
  ASSERT_TRUE(DomainWords::Load(t, &words).ok());
  EXPECT_EQ(words.Correct("通过酒录市生态环境局验收"), "通过酒泉市生态环境局验收");
}

TEST(TypedNames, PutsRightAMisreadCharacterFromTheTypedName) {
  const TypedNames typed({"窑街铅锌矿入库资料", "转发-平川萤石矿入库申请材料", "", "附件/环评批复"});
  // At the start of both texts: 窗 → 窑, four agreeing characters after it.
  EXPECT_EQ(typed.Correct("窗街铅锌矿矿石堆场全封闭改造项目"), "窑街铅锌矿矿石堆场全封闭改造项目");
  // Inside: two agreeing characters on each side (平川 董 石矿).
  EXPECT_EQ(typed.Correct("平川董石矿历史遗留废石场整治项目"), "平川萤石矿历史遗留废石场整治项目");
  // Through the OCR's spaces, which stay.
  EXPECT_EQ(typed.Correct("平川 董 石矿 整治"), "平川 萤 石矿 整治");
  // Right readings are left alone.
  EXPECT_EQ(typed.Correct("平川萤石矿历史遗留废石场整治项目"), "平川萤石矿历史遗留废石场整治项目");
  EXPECT_EQ(typed.Correct(""), "");
}

TEST(TypedNames, WholeNameOfADoubtfulReading) {
  const TypedNames typed({"甘肃山丹建材有限公司入库申请", "附件/营业执照", "转发：甘肃西成化工有限公司的材料"});
  EXPECT_EQ(typed.WholeName("庄离山力建材有限公司"), "甘肃山丹建材有限公司");
  EXPECT_EQ(typed.WholeName("庄 离 山 力 建材 有限 公司"), "甘肃山丹建材有限公司");
  // The same name, too different a one, another ending, another length: none.
  EXPECT_EQ(typed.WholeName("甘肃山丹建材有限公司"), "");
  EXPECT_EQ(typed.WholeName("庄离山力吕贤有限公司"), "");
  EXPECT_EQ(typed.WholeName("甘肃山丹建材有限公可"), "");
  EXPECT_EQ(typed.WholeName("丹建材有限公司"), "");  // would start inside a typed word
  EXPECT_EQ(typed.WholeName("甘肃西虑作工有限公司"), "甘肃西成化工有限公司");  // after "："
  EXPECT_EQ(typed.WholeName(""), "");
  // Two different typed names fit: none is taken.
  const TypedNames two({"甘肃山丹建材有限公司", "甘肃山方建材有限公司"});
  EXPECT_EQ(two.WholeName("庄离山力建材有限公司"), "");
}

TEST(TypedNames, LeavesACharacterWithoutContextOnBothSides) {
  const TypedNames typed({"平川萤石矿入库申请材料"});
  // 亭 has no agreeing character on its left, 华 is not 平: another mine, not a misreading.
  EXPECT_EQ(typed.Correct("华亭萤石矿选矿废水处理"), "华亭萤石矿选矿废水处理");
  // Nothing agrees on the right, and the reading ends where the typed text goes on: 窑 stays.
  EXPECT_EQ(typed.Correct("平川萤石窑"), "平川萤石窑");
  // Three agreeing characters in all are not enough.
  EXPECT_EQ(typed.Correct("川董石矿"), "川董石矿");
  // Only ideographs are replaced: a digit or a letter read in a name stays.
  const TypedNames digits({"平川1号萤石矿"});
  EXPECT_EQ(digits.Correct("平川2号萤石矿"), "平川2号萤石矿");
}

TEST(TypedNames, ALongBodyIsReadFromItsTop) {
  std::string body = "我公司甘肃窑街矿业集团有限公司申报入库。";
  for (int i = 0; i < 100000; ++i) body += "附件材料齐全。";
  const TypedNames typed({body + "甘肃平川萤石矿业"});
  EXPECT_EQ(typed.Correct("甘肃密街矿业集团有限公司"), "甘肃窑街矿业集团有限公司");
  EXPECT_EQ(typed.Correct("甘肃平川董石矿业"), "甘肃平川董石矿业") << "past the first characters nothing is used";
}

TEST(TypedNames, SpelledWholeInATypedText) {
  const TypedNames typed({"转发-窑街铅锌矿入库资料", "甘肃窑街矿业集团有限公司申报材料.pdf"});
  EXPECT_TRUE(typed.Spelled("甘肃窑街矿业集团有限公司"));
  EXPECT_TRUE(typed.Spelled("窑街 铅锌矿"));
  EXPECT_FALSE(typed.Spelled("甘肃密街矿业集团有限公司"));
  EXPECT_FALSE(typed.Spelled("窑街"));  // too short to say anything
}

TEST(TypedNames, TwoDifferentTypedCandidatesCancel) {
  const TypedNames typed({"甘肃窑街矿业集团", "甘肃密街矿业集团"});
  EXPECT_EQ(typed.Correct("甘肃窗街矿业集团有限公司"), "甘肃窗街矿业集团有限公司");
  const TypedNames same({"甘肃窑街矿业集团", "甘肃窑街矿业集团资料"});
  EXPECT_EQ(same.Correct("甘肃窗街矿业集团有限公司"), "甘肃窑街矿业集团有限公司");
}

TEST(OcrFixes, RejectsBadTable) {
  Templates t;
  ASSERT_TRUE(Templates::Load(TempTemplates("bad_fixes", "", ""), &t).ok());
  OcrFixes fixes;
  std::ofstream(t.dir() / "form_ocr_fixes.tsv") << "read\tmeant\n年未资产总额\t年末资产\n";
  EXPECT_EQ(OcrFixes::Load(t, &fixes).code(), Status::Code::kCorrupt);
  std::ofstream(t.dir() / "form_ocr_fixes.tsv") << "read\tmeant\n\t\n";
  EXPECT_EQ(OcrFixes::Load(t, &fixes).code(), Status::Code::kCorrupt);
  std::filesystem::remove(t.dir() / "form_ocr_fixes.tsv");
  EXPECT_EQ(OcrFixes::Load(t, &fixes).code(), Status::Code::kNotFound);
}

TEST(SecondLookRules, NamesAlwaysProseWhenDoubtful) {
  Templates t;
  ASSERT_TRUE(Templates::Load(GREENMINE_SOURCE_DIR "/templates", &t).ok());
  SecondLookRules rules;
  ASSERT_TRUE(SecondLookRules::Load(t, &rules).ok());
  EXPECT_TRUE(rules.Wants("company_name", 0.99));
  EXPECT_TRUE(rules.Wants("company_name", 1.0));
  EXPECT_FALSE(rules.TakesCareful("company_name"));
  EXPECT_TRUE(rules.Wants("project_description", 0.5));
  EXPECT_FALSE(rules.Wants("project_description", 0.95));
  EXPECT_FALSE(rules.TakesCareful("project_description"));
  EXPECT_TRUE(rules.Wants("project_description", 0.95, /*page_in_doubt=*/true));
  // On a page in doubt the bar is higher, but a value read with no character under it is not read again.
  EXPECT_FALSE(rules.Wants("project_description", 0.98, /*page_in_doubt=*/true));
  EXPECT_TRUE(rules.Wants("company_name", 1.0, /*page_in_doubt=*/true));
  EXPECT_FALSE(rules.Wants("credit_code", 0.1, /*page_in_doubt=*/true));
  EXPECT_TRUE(rules.Always("company_name"));
  EXPECT_FALSE(rules.Always("project_description"));
  EXPECT_FALSE(rules.Wants("credit_code", 0.1));  // not in the table
  EXPECT_FALSE(SecondLookRules().Wants("company_name", 0.1));
}

TEST(SecondLookRules, RejectsBadTable) {
  Templates t;
  const std::filesystem::path dir = TempTemplates("bad_second_look", "", "");
  ASSERT_TRUE(Templates::Load(dir, &t).ok());
  SecondLookRules rules;
  for (const char* rows :
       {"no_such_field\talways\t\tcareful\t\n", "credit_code\talways\t\tcareful\t\n",
        "company_name\tsometimes\t\tcareful\t\n", "company_name\tdoubtful\t\tcareful\t0.9\n",
        "company_name\tdoubtful\t1.5\tcareful\t1\n", "company_name\talways\t\tboth\t\n",
        "company_name\tdoubtful\t0.9\tfirst\t\n", "company_name\tdoubtful\t0.9\tfirst\t0.8\n",
        "company_name\tdoubtful\t0.9\tfirst\t1.2\n"}) {
    std::ofstream(dir / "form_second_look.tsv") << "key\twhen\tbelow\ttake\tpage_below\n" << rows;
    EXPECT_EQ(SecondLookRules::Load(t, &rules).code(), Status::Code::kCorrupt) << rows;
  }
  std::filesystem::remove(dir / "form_second_look.tsv");
  EXPECT_EQ(SecondLookRules::Load(t, &rules).code(), Status::Code::kNotFound);
}

TEST(RereadRules, RejectsBadTable) {
  Templates t;
  ASSERT_TRUE(Templates::Load(TempTemplates("bad_reread", "", "", "type\tcharacters\twhen\ttrigger\nwan\t0123\tsometimes\t\n"), &t).ok());
  RereadRules rules;
  EXPECT_EQ(RereadRules::Load(t, &rules).code(), Status::Code::kCorrupt);
  ASSERT_TRUE(Templates::Load(TempTemplates("bad_reread2", "", "", "type\tcharacters\twhen\ttrigger\nwan\t\tnot_clean\t\n"), &t).ok());
  EXPECT_EQ(RereadRules::Load(t, &rules).code(), Status::Code::kCorrupt);
}

}  // namespace
}  // namespace gm::form
