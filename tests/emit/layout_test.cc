#include <gtest/gtest.h>

#include "pipeline/emit/field_display.h"
#include "pipeline/emit/finding_text.h"
#include "pipeline/emit/sheet_writer.h"
#include "pipeline/emit/summary_order.h"
#include "pipeline/emit/summary_workbook.h"
#include "pipeline/emit/workbook_layout.h"
#include "tests/emit/sample_record.h"

namespace gm {
namespace {

namespace fs = std::filesystem;
using testing::RepoTemplates;

const WorkbookLayout& Layout() {
  static const WorkbookLayout* layout = [] {
    auto* l = new WorkbookLayout();
    Status s = WorkbookLayout::Load(RepoTemplates().dir(), l);
    EXPECT_TRUE(s.ok()) << s.ToString();
    return l;
  }();
  return *layout;
}

TEST(WorkbookLayout, LoadsTheRepositoryTables) {
  const WorkbookLayout& l = Layout();
  EXPECT_EQ(l.Sheet("fields").name, "申请信息");
  EXPECT_TRUE(l.Sheet("fields").landscape);
  EXPECT_FALSE(l.Sheet("opinion").landscape);
  EXPECT_EQ(l.Sheet("fields").Column("label"), 0);
  EXPECT_EQ(l.Sheet("fields").Column("no_such_column"), -1);
  EXPECT_TRUE(l.Sheet("fields").columns[l.Sheet("fields").Column("key")].hidden);
  EXPECT_EQ(l.Options("review_options"), (std::vector<std::string>{"确认", "修改", "存疑"}));
  EXPECT_EQ(l.Options("conclusion_options"), (std::vector<std::string>{"通过", "补充材料后再审", "不通过"}));
  EXPECT_DOUBLE_EQ(l.Number("low_confidence_threshold"), 0.6);
  EXPECT_EQ(l.Color("color_header_fill"), 0x1F4E78u);
  EXPECT_EQ(l.Label("page", {{"page", "3"}}), "第 3 页");
  EXPECT_EQ(l.Label("no_such_label"), "no_such_label");
  EXPECT_EQ(l.Setting("no_such_setting"), "");
}

class BrokenLayout : public ::testing::Test {
 protected:
  void SetUp() override {
    for (const char* name : {"workbook_sheets.tsv", "workbook_columns.tsv", "workbook_settings.tsv", "workbook_labels.tsv"})
      fs::copy_file(RepoTemplates().dir() / name, dir_.path() / name);
  }
  void Replace(const char* name, const std::string& from, const std::string& to) {
    std::string text = testing::ReadText(dir_.path() / name);
    size_t at = text.find(from);
    ASSERT_NE(at, std::string::npos) << from;
    text.replace(at, from.size(), to);
    testing::WriteText(dir_.path() / name, text);
  }
  Status Load() {
    WorkbookLayout l;
    return WorkbookLayout::Load(dir_.path(), &l);
  }
  testing::ScratchDir dir_;
};

TEST_F(BrokenLayout, CopyLoads) { EXPECT_TRUE(Load().ok()) << Load().ToString(); }

TEST_F(BrokenLayout, MissingFileIsNotFound) {
  fs::remove(dir_.path() / "workbook_labels.tsv");
  EXPECT_EQ(Load().code(), Status::Code::kNotFound);
}

TEST_F(BrokenLayout, InvalidSheetNameIsCorrupt) {
  Replace("workbook_sheets.tsv", "\t申请信息\t", "\t申请/信息\t");
  Status s = Load();
  EXPECT_EQ(s.code(), Status::Code::kCorrupt);
  EXPECT_NE(s.message().find("fields"), std::string::npos) << s.message();
}

TEST_F(BrokenLayout, OverlongSheetNameIsCorrupt) {
  Replace("workbook_sheets.tsv", "\t申请信息\t", "\t" + std::string(32, 'x') + "\t");
  EXPECT_EQ(Load().code(), Status::Code::kCorrupt);
}

TEST_F(BrokenLayout, MissingSheetIsCorrupt) {
  Replace("workbook_sheets.tsv", "opinion\t", "opinion_renamed\t");
  EXPECT_EQ(Load().code(), Status::Code::kCorrupt);
}

TEST_F(BrokenLayout, BadWidthIsCorrupt) {
  Replace("workbook_columns.tsv", "fields\tlabel\t字段\t20", "fields\tlabel\t字段\twide");
  EXPECT_EQ(Load().code(), Status::Code::kCorrupt);
}

TEST_F(BrokenLayout, ColumnOfUnknownSheetIsCorrupt) {
  Replace("workbook_columns.tsv", "fields\tlabel\t", "feilds\tlabel\t");
  EXPECT_EQ(Load().code(), Status::Code::kCorrupt);
}

TEST_F(BrokenLayout, BadColourIsCorrupt) {
  Replace("workbook_settings.tsv", "color_header_fill\t1F4E78", "color_header_fill\tnavy");
  Status s = Load();
  EXPECT_EQ(s.code(), Status::Code::kCorrupt);
  EXPECT_NE(s.message().find("color_header_fill"), std::string::npos);
}

TEST_F(BrokenLayout, BadThresholdIsCorrupt) {
  Replace("workbook_settings.tsv", "low_confidence_threshold\t0.6", "low_confidence_threshold\t六成");
  EXPECT_EQ(Load().code(), Status::Code::kCorrupt);
}

TEST_F(BrokenLayout, MissingLabelIsCorrupt) {
  Replace("workbook_labels.tsv", "review_options\t", "review_choices\t");
  Status s = Load();
  EXPECT_EQ(s.code(), Status::Code::kCorrupt);
  EXPECT_NE(s.message().find("review_options"), std::string::npos);
}

TEST(Placeholders, FillKnownNamesAndKeepUnknown) {
  EXPECT_EQ(FillPlaceholders("错误 {errors} 项，{x}", {{"errors", "2"}}), "错误 2 项，{x}");
  EXPECT_EQ(FillPlaceholders("{a}{a}{", {{"a", "1"}}), "11{");
  EXPECT_EQ(FillPlaceholders("", {}), "");
}

const FieldSpec& Spec(const char* key) { return *RepoTemplates().Field(key); }

TEST(FieldDisplay, FormatsEachTypeForAReviewer) {
  const WorkbookLayout& l = Layout();
  FieldDisplay wan = DisplayField(Spec("total_investment"), 12500.5, l);
  EXPECT_TRUE(wan.is_number);
  EXPECT_EQ(wan.number, 12500.5);
  EXPECT_EQ(wan.num_format, l.Setting("wan_format"));
  EXPECT_NE(wan.num_format.find("万元"), std::string::npos);
  EXPECT_NE(wan.num_format.find("#,##0"), std::string::npos);
  EXPECT_EQ(wan.text, "12500.5");
  EXPECT_EQ(DisplayField(Spec("debt_ratio"), 56.3, l).num_format, l.Setting("pct_format"));
  EXPECT_EQ(DisplayField(Spec("loan_term_months"), 36, l).num_format, l.Setting("int_format"));
  EXPECT_EQ(DisplayField(Spec("payback_years"), 6.5, l).num_format, l.Setting("number_format"));
  EXPECT_EQ(DisplayField(Spec("project_category"), Json{{"code", "4.2.8"}, {"title", "绿色照明改造"}}, l).text,
            "4.2.8 绿色照明改造");
  EXPECT_EQ(DisplayField(Spec("renamed"), true, l).text, "是");
  EXPECT_EQ(DisplayField(Spec("central_budget"), false, l).text, "否");
  EXPECT_EQ(DisplayField(Spec("guarantee_method"), Json::array({"保证", "抵押"}), l).text, "保证、抵押");
  EXPECT_EQ(DisplayField(Spec("start_date"), "2024-03", l).text, "2024-03");
  EXPECT_TRUE(DisplayField(Spec("company_name"), nullptr, l).blank);
  EXPECT_TRUE(DisplayField(Spec("company_name"), "", l).blank);
}

TEST(FieldDisplay, ToleratesValuesOfTheWrongType) {
  const WorkbookLayout& l = Layout();
  FieldDisplay d = DisplayField(Spec("total_investment"), "约一亿", l);
  EXPECT_FALSE(d.is_number);
  EXPECT_EQ(d.text, "约一亿");
  EXPECT_EQ(DisplayField(Spec("company_name"), Json{{"a", 1}}, l).text, R"({"a":1})");
  EXPECT_EQ(DisplayField(Spec("guarantee_method"), Json::array({1, "抵押"}), l).text, "1、抵押");
  EXPECT_TRUE(DisplayField(Spec("total_investment"), std::numeric_limits<double>::quiet_NaN(), l).blank);
  EXPECT_EQ(CategoryText(Json{{"code", "4.2.8"}}), "4.2.8");
  EXPECT_EQ(CategoryText(Json{{"title", "绿色照明改造"}}), "绿色照明改造");
  EXPECT_EQ(CategoryText(Json(3)), "");
}

TEST(FieldDisplay, PlainNumbersAndRawComparison) {
  EXPECT_EQ(PlainNumber(12500.5), "12500.5");
  EXPECT_EQ(PlainNumber(3.0), "3");
  EXPECT_EQ(PlainNumber(-0.00001), "0");
  EXPECT_EQ(PlainNumber(0.126, 2), "0.13");
  const WorkbookLayout& l = Layout();
  FieldDisplay wan = DisplayField(Spec("total_investment"), 12500.5, l);
  EXPECT_FALSE(RawDiffers("12,500.5", wan));
  EXPECT_FALSE(RawDiffers(" 12500.5 ", wan));
  EXPECT_TRUE(RawDiffers("1.25005亿元", wan));
  EXPECT_FALSE(RawDiffers("", wan));
  EXPECT_FALSE(RawDiffers("12,500.5万元", wan));
  EXPECT_TRUE(RawDiffers("12,500.5元", wan));
  FieldDisplay pct = DisplayField(Spec("debt_ratio"), 56.3, l);
  EXPECT_FALSE(RawDiffers("56.3%", pct));
  EXPECT_FALSE(RawDiffers("56.3％", pct));
  EXPECT_TRUE(RawDiffers("56.3万元", pct));
  FieldDisplay text = DisplayField(Spec("company_name"), "甘肃某某矿业有限公司", l);
  EXPECT_FALSE(RawDiffers("甘肃 某某矿业有限公司", text));
  EXPECT_TRUE(RawDiffers("甘肃某某矿亚有限公司", text));
}

TEST(FindingText, OrdersBySeverityStablyAndNamesSubjects) {
  std::vector<Finding> findings = {{"a", "info", "", "1"},    {"b", "warning", "", "2"}, {"c", "error", "", "3"},
                                   {"d", "warning", "", "4"}, {"e", "odd", "", "5"},     {"f", "error", "", "6"}};
  std::string order;
  for (const Finding* f : OrderedFindings(findings)) order += f->code;
  EXPECT_EQ(order, "cfbdae");
  EXPECT_EQ(SeverityLabel("error", Layout()), "错误");
  EXPECT_EQ(SeverityLabel("warning", Layout()), "警告");
  EXPECT_EQ(SeverityLabel("info", Layout()), "提示");
  EXPECT_EQ(SeverityLabel("odd", Layout()), "odd");
  EXPECT_EQ(SubjectLabel("debt_ratio", RepoTemplates()), "资产负债率（%）");
  EXPECT_EQ(SubjectLabel("eia_doc", RepoTemplates()), "环评批复");
  EXPECT_EQ(SubjectLabel("附件/a.rar", RepoTemplates()), "附件/a.rar");
  EXPECT_EQ(SubjectLabel("", RepoTemplates()), "");
  EXPECT_EQ(CountSeverity(findings, "error"), 2);
  EXPECT_EQ(CountSeverity(findings, "info"), 1);
}

TEST(SummaryOrder, CategoryCodesCompareNumericallyPartByPart) {
  EXPECT_LT(CompareCategoryCodes("4.2.8", "4.10.1"), 0);
  EXPECT_LT(CompareCategoryCodes("4.2", "4.2.1"), 0);
  EXPECT_EQ(CompareCategoryCodes("4.2.8", "4.2.8"), 0);
  EXPECT_GT(CompareCategoryCodes("", "9.9.9"), 0);
  EXPECT_EQ(CompareCategoryCodes("", ""), 0);
  EXPECT_GT(CompareCategoryCodes("4.x.1", "4.9.1"), 0);
  EXPECT_LT(CompareCategoryCodes("4.2.99999999999999999", "4.3.1"), 0);  // long parts compare as text, no overflow
}

TEST(SummaryOrder, ByCategoryThenCompanyInPinyinThenId) {
  auto make = [](const std::string& id, const std::string& code, const std::string& company) {
    Record r;
    r.package_id = id;
    if (!code.empty()) r.fields["project_category"].value = Json{{"code", code}, {"title", "t"}};
    r.fields["company_name"].value = company;
    return r;
  };
  std::vector<Record> records = {make("1", "4.10.1", "阿"),     make("2", "4.2.8", "张掖公司"),
                                 make("3", "", "甲"),           make("4", "4.2.8", "白银公司"),
                                 make("5", "4.2.8", "白银公司"), make("6", "1.1.1", "")};
  std::string order;
  for (const Record* r : SummaryOrder(records)) order += r->package_id;
  EXPECT_EQ(order, "645213");  // 1.1.1; 4.2.8 白银(bai) before 张掖(zhang), ties by id; 4.10.1; none last
  EXPECT_EQ(RecordCategoryCode(records[0]), "4.10.1");
  EXPECT_EQ(RecordCategoryCode(records[2]), "");
  EXPECT_EQ(RecordCompanyName(records[1]), "张掖公司");
}

TEST(SheetWriterHelpers, HeaderFooterEscapesAndFits) {
  EXPECT_EQ(HeaderFooterText("&L{title}&R{package_id}", "标题", "a&b"), "&L标题&Ra&&b");
  std::string long_id(400, 'x');
  std::string text = HeaderFooterText("&L{title}&R申请包：{package_id}", "标题", long_id);
  EXPECT_LE(text.size(), 255u);
  EXPECT_NE(text.find("申请包：xxxx"), std::string::npos);
  std::string amps = HeaderFooterText(std::string(300, '&'), "", "");
  EXPECT_LE(amps.size(), 255u);
  EXPECT_EQ(amps.size() % 2, 0u);
}

TEST(SheetWriterHelpers, PngDimensionsFromLeptonicaPng) {
  std::string png = testing::MakeCellPng(240, 36, 5);
  int w = 0, h = 0;
  ASSERT_TRUE(PngDimensions(png, &w, &h));
  EXPECT_EQ(w, 240);
  EXPECT_EQ(h, 36);
  EXPECT_FALSE(PngDimensions("GIF89a....", &w, &h));
  EXPECT_FALSE(PngDimensions(png.substr(0, 20), &w, &h));
  std::string zero = png;
  zero[16] = zero[17] = zero[18] = zero[19] = 0;
  EXPECT_FALSE(PngDimensions(zero, &w, &h));
}

TEST(SummaryLink, RelativeExternalLinkWithEscapes) {
  EXPECT_EQ(ReviewWorkbookLink("陇原矿业-3f9a"), "external:review/陇原矿业-3f9a.xlsx");
  EXPECT_EQ(ReviewWorkbookLink("a#2%b"), "external:review/a%232%25b.xlsx");
}

}  // namespace
}  // namespace gm
