#include "pipeline/library/collect.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "pipeline/emit/review_workbook.h"
#include "pipeline/emit/summary_workbook.h"
#include "tests/emit/sample_record.h"

namespace gm {
namespace {

struct Fixture {
  WorkbookLayout layout;
  std::unique_ptr<Normalizer> normalizer;
  Fixture() {
    EXPECT_TRUE(WorkbookLayout::Load(testing::RepoTemplates().dir(), &layout).ok());
    EXPECT_TRUE(Normalizer::Create(testing::RepoTemplates(), &normalizer).ok());
  }
  std::vector<CollectedPackage> Validate(const std::vector<ReturnedWorkbook>& w) const {
    return ValidateReturned(w, testing::RepoTemplates(), *normalizer, layout);
  }
};

const Fixture& F() {
  static Fixture* f = new Fixture;
  return *f;
}

ReturnedWorkbook Copy(const char* file, const char* expert, const char* conclusion) {
  ReturnedWorkbook w;
  w.path = file;
  w.sha256 = std::string("sha-") + file;
  w.package_id = "pkg-1";
  w.conclusion = conclusion;
  w.expert = expert;
  w.opinion = "同意";
  w.review_date = "2025-07-02";
  w.scanned = {{"company_name", "甲公司"}, {"total_investment", 12500.0}};
  return w;
}

void Review(ReturnedWorkbook* w, const char* key, const char* review, const char* corrected) {
  w->fields.push_back({key, review, corrected, 5});
}

// The one package's problems, joined.
std::string Problems(const std::vector<ReturnedWorkbook>& copies) {
  std::vector<CollectedPackage> out = F().Validate(copies);
  EXPECT_EQ(out.size(), 1u);
  std::string text;
  for (const std::string& p : out[0].problems) text += p + "\n";
  return text;
}

bool Has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

TEST(Collect, ValidPackageGivesTypedCorrectionsAndEvents) {
  ReturnedWorkbook a = Copy("a.xlsx", "张三", "通过"), b = Copy("b.xlsx", "李四", "通过");
  Review(&a, "total_investment", "修改", "1.3亿元");
  Review(&a, "start_date", "修改", "45658");  // a date cell stores its serial
  Review(&b, "total_investment", "修改", "13000");
  Review(&b, "company_name", "确认", "");
  Review(&b, "start_date", "存疑", "");  // a doubt against a correction is no dispute
  std::vector<ReturnedWorkbook> copies = {a, b};  // the packages point into them
  std::vector<CollectedPackage> out = F().Validate(copies);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_TRUE(out[0].problems.empty()) << out[0].problems[0];
  EXPECT_EQ(out[0].conclusion, "通过");
  EXPECT_EQ(out[0].corrections.at("total_investment").value, 13000);
  EXPECT_EQ(out[0].corrections.at("start_date").value, "2025-01-01");
  EXPECT_EQ(out[0].experts, "张三、李四");
  Json line = CollectedLine(out[0]);
  EXPECT_EQ(line["corrections"]["total_investment"], 13000);
  EXPECT_TRUE(line["problems"].empty());

  std::vector<LibraryEvent> events = CollectEvents(out, {}, "2025-07-05");
  ASSERT_EQ(events.size(), 3u);  // collected + two corrections
  EXPECT_EQ(events[0].kind, kEventCollected);
  EXPECT_EQ(events[0].data["scanned"]["total_investment"], 12500.0);
  EXPECT_EQ(events[1].kind, kEventCorrected);
  EXPECT_EQ(events[1].effective, "2025-07-02");
  // The same workbooks again: nothing new.
  EXPECT_TRUE(CollectEvents(out, events, "2025-07-06").empty());
}

TEST(Collect, MissingConclusion) {
  std::string p = Problems({Copy("a.xlsx", "张三", "")});
  EXPECT_TRUE(Has(p, "“a.xlsx”（专家：张三） 未填写审核结论")) << p;
}

TEST(Collect, ConclusionOutsideTheDropDown) {
  std::string p = Problems({Copy("a.xlsx", "张三", "基本同意")});
  EXPECT_TRUE(Has(p, "审核结论“基本同意”不是可选项")) << p;
}

TEST(Collect, ExpertsDisagree) {
  std::string p = Problems({Copy("a.xlsx", "张三", "通过"), Copy("b.xlsx", "李四", "不通过")});
  EXPECT_TRUE(Has(p, "专家审核结论不一致")) << p;
  EXPECT_TRUE(Has(p, "“b.xlsx”（专家：李四）为“不通过”")) << p;
}

TEST(Collect, ReviewDateThatIsNoDate) {
  ReturnedWorkbook a = Copy("a.xlsx", "张三", "通过");
  a.review_date = "七月上旬";
  EXPECT_TRUE(Has(Problems({a}), "的审核日期“七月上旬”不是有效日期"));
}

TEST(Collect, FieldReviewOutsideTheDropDown) {
  ReturnedWorkbook a = Copy("a.xlsx", "张三", "通过");
  Review(&a, "company_name", "改", "乙公司");
  EXPECT_TRUE(Has(Problems({a}), "“企业名称” 的审核结论“改”不是可选项"));
}

TEST(Collect, ModifyWithoutValueAndValueWithoutModify) {
  ReturnedWorkbook a = Copy("a.xlsx", "张三", "通过");
  Review(&a, "company_name", "修改", "");
  Review(&a, "project_name", "确认", "新名称");
  std::string p = Problems({a});
  EXPECT_TRUE(Has(p, "“企业名称” 的审核结论为“修改”，但未填写更正值")) << p;
  EXPECT_TRUE(Has(p, "“项目名称” 填写了更正值“新名称”，但审核结论不是“修改”")) << p;
}

TEST(Collect, CorrectionsThatFailTheFieldsType) {
  for (auto [key, bad] : std::vector<std::pair<const char*, const char*>>{{"total_investment", "很多"},
                                                                          {"credit_code", "12345"},
                                                                          {"start_date", "2024年13月"},
                                                                          {"loan_term_months", "三年左右吧"},
                                                                          {"company_type", "蓝色星球"},
                                                                          {"project_category", "月球采矿"}}) {
    ReturnedWorkbook a = Copy("a.xlsx", "张三", "通过");
    Review(&a, key, "修改", bad);
    std::vector<ReturnedWorkbook> copies = {a};
    std::vector<CollectedPackage> out = F().Validate(copies);
    ASSERT_EQ(out[0].problems.size(), 1u) << key << " " << CollectedLine(out[0]).dump();
    EXPECT_TRUE(Has(out[0].problems[0], std::string("的更正值“") + bad + "”无效")) << out[0].problems[0];
    EXPECT_TRUE(out[0].conclusion.empty());
    EXPECT_TRUE(CollectEvents(out, {}, "2025-07-05").empty()) << "a package with problems is not imported";
  }
}

TEST(Collect, ExpertsCorrectTheSameFieldDifferently) {
  ReturnedWorkbook a = Copy("a.xlsx", "张三", "通过"), b = Copy("b.xlsx", "李四", "通过");
  Review(&a, "total_investment", "修改", "13000");
  Review(&b, "total_investment", "修改", "14000");
  EXPECT_TRUE(Has(Problems({a, b}), "专家对“项目总投资（万元）”的更正值不一致"));
}

TEST(Collect, OneExpertCorrectsWhatAnotherConfirms) {
  ReturnedWorkbook a = Copy("a.xlsx", "张三", "通过"), b = Copy("b.xlsx", "李四", "通过");
  Review(&a, "total_investment", "修改", "13000");
  Review(&b, "total_investment", "确认", "");
  std::string p = Problems({a, b});
  EXPECT_TRUE(Has(p, "专家对“项目总投资（万元）”的意见不一致：“a.xlsx”修改为 13000.0，“b.xlsx”（专家：李四）确认原值")) << p;
}

TEST(Collect, UnknownFieldKey) {
  ReturnedWorkbook a = Copy("a.xlsx", "张三", "通过");
  Review(&a, "no_such_field", "修改", "x");
  EXPECT_TRUE(Has(Problems({a}), "字段代码“no_such_field”不在字段表中"));
}

TEST(Collect, WorkbookWithoutPackageIdOrData) {
  ReturnedWorkbook stray;
  stray.path = "notes.xlsx";
  stray.sha256 = "x";
  stray.unusable = "工作簿 notes.xlsx 不是 greenmine 生成的审核工作簿";
  ReturnedWorkbook no_data = Copy("a.xlsx", "张三", "通过");
  no_data.scanned.clear();
  std::vector<CollectedPackage> out = F().Validate({stray, no_data});
  ASSERT_EQ(out.size(), 2u);
  EXPECT_TRUE(out[0].package_id.empty());
  EXPECT_TRUE(CollectedLine(out[0])["package_id"].is_null());
  EXPECT_TRUE(Has(out[1].problems.at(0), "缺少申请包数据表"));
}

TEST(Collect, ByteIdenticalCopiesCountOnce) {
  ReturnedWorkbook a = Copy("a.xlsx", "张三", "通过"), again = a;
  again.path = "copy of a.xlsx";
  std::vector<CollectedPackage> out = F().Validate({a, again});
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].copies.size(), 1u);
  EXPECT_TRUE(out[0].problems.empty());
}

std::string ReadBytes(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(ReturnedWorkbook, AReviewWorkbookCarriesItsPackageAndValues) {
  testing::ScratchDir dir;
  Record record = testing::MakeSampleRecord();
  ASSERT_TRUE(WriteReviewWorkbook(record, testing::RepoTemplates(), dir.path() / "whatever.xlsx").ok());
  ReturnedWorkbook w = ReadReturnedWorkbook("whatever.xlsx", ReadBytes(dir.path() / "whatever.xlsx"), F().layout);
  EXPECT_TRUE(w.unusable.empty()) << w.unusable;
  EXPECT_EQ(w.package_id, record.package_id);
  EXPECT_TRUE(w.conclusion.empty());
  EXPECT_TRUE(w.fields.empty());
  for (const auto& [key, value] : record.fields) EXPECT_EQ(w.scanned.at(key), value.value) << key;
  // Unfilled, it is a package without a conclusion.
  EXPECT_TRUE(Has(Problems({w}), "未填写审核结论"));
}

TEST(ReturnedWorkbook, NotAWorkbookOrNotOurs) {
  EXPECT_TRUE(Has(ReadReturnedWorkbook("x.xlsx", "PK\x03\x04garbage", F().layout).unusable, "无法读取工作簿"));
  testing::ScratchDir dir;
  ASSERT_TRUE(WriteSummaryWorkbook({testing::MakeSampleRecord()}, testing::RepoTemplates(), dir.path() / "s.xlsx").ok());
  ReturnedWorkbook w = ReadReturnedWorkbook("s.xlsx", ReadBytes(dir.path() / "s.xlsx"), F().layout);
  EXPECT_TRUE(Has(w.unusable, "不是 greenmine 生成的审核工作簿")) << w.unusable;
}

}  // namespace
}  // namespace gm
