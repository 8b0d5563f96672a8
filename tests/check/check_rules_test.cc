#include "pipeline/check/check_rules.h"
#include "pipeline/check/checks.h"

#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

namespace gm {
namespace {

namespace fs = std::filesystem;

const CheckRules& Shipped() {
  static CheckRules rules;
  static Status s = CheckRules::Load(Templates::DefaultDir(), &rules);
  EXPECT_TRUE(s.ok()) << s.ToString();
  return rules;
}

TEST(CheckRulesTest, DescribesTellsSomethingFromNo) {
  const CheckRules& r = Shipped();
  for (const char* no : {"", "无", "无。", "暂无", "/", "—", "近两年未开展清洁生产审核。", "近两年未受到行政奖励和处罚。",
                         "无行政处罚", "公司近2年没有受到奖励或处罚", "不涉及", "近两年均未受到行政处罚；也未获得奖励。",
                         "近两年本开稻清洁生产审核"})
    EXPECT_FALSE(r.Describes(no)) << no;
  for (const char* yes : {"2023年完成第二轮清洁生产审核，并通过白银市生态环境局验收。", "获评省级绿色矿山",
                          "未受到处罚，获评省级绿色矿山", "2024年3月被罚款2万元", "本公司2024年完成清洁生产审核"})
    EXPECT_TRUE(r.Describes(yes)) << yes;
}

TEST(CheckRulesTest, TolerancesFromTheTable) {
  const Tolerances& t = Shipped().tolerances();
  EXPECT_FALSE(t.FormDiffers(100.00, 100.01));
  EXPECT_TRUE(t.FormDiffers(100.00, 100.02));
  EXPECT_DOUBLE_EQ(t.debt_ratio_pp, 1.0);
  EXPECT_DOUBLE_EQ(t.BalanceTolerance("元"), 0.0001);
  EXPECT_DOUBLE_EQ(t.BalanceTolerance("千元"), 0.1001);
  EXPECT_DOUBLE_EQ(t.BalanceTolerance("万元"), 0.0101);
  EXPECT_DOUBLE_EQ(t.BalanceTolerance(""), 0.0101);
  EXPECT_DOUBLE_EQ(t.BalanceTolerance("斤"), 0.0101);
  EXPECT_DOUBLE_EQ(t.sum_doubt_below, 0.9);
}

class BrokenTables : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("gm_check_rules_" + std::to_string(::getpid()) + "_" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_);
    for (const char* name : {"check_tolerances.tsv", "check_attachments.tsv", "check_negatives.tsv"})
      fs::copy_file(Templates::DefaultDir() / name, dir_ / name, fs::copy_options::overwrite_existing);
  }
  void TearDown() override { fs::remove_all(dir_); }
  Status LoadWith(const std::string& name, const std::string& text) {
    std::ofstream(dir_ / name) << text;
    CheckRules rules;
    return CheckRules::Load(dir_, &rules);
  }
  fs::path dir_;
};

TEST_F(BrokenTables, EachTableIsValidated) {
  CheckRules rules;
  ASSERT_TRUE(CheckRules::Load(dir_, &rules).ok());
  EXPECT_EQ(LoadWith("check_tolerances.tsv", "name\tvalue\nform_abs_wan\t-1\n").code(), Status::Code::kCorrupt);
  EXPECT_EQ(LoadWith("check_tolerances.tsv", "name\tvalue\nwobble\t1\n").code(), Status::Code::kCorrupt);
  EXPECT_EQ(LoadWith("check_tolerances.tsv", "name\tvalue\nsum_doubt_below\t1.5\n").code(), Status::Code::kCorrupt);
  std::ofstream(dir_ / "check_tolerances.tsv") << "name\tvalue\n";
  const char* header = "kind\tfield\tanswer\trequires\treason\n";
  EXPECT_EQ(LoadWith("check_attachments.tsv", std::string(header) + "eia_doc\teia_status\t已取得\tmaybe\tx\n").code(),
            Status::Code::kCorrupt);
  EXPECT_EQ(LoadWith("check_attachments.tsv", std::string(header) + "eia_doc\teia_status\t*sometimes\tnone\tx\n").code(),
            Status::Code::kCorrupt);
  EXPECT_EQ(LoadWith("check_attachments.tsv", std::string(header) + "eia_doc\t\t*null\tnone\tx\n").code(),
            Status::Code::kCorrupt);
  EXPECT_EQ(LoadWith("check_attachments.tsv", std::string(header) + "\teia_status\t已取得\tnone\tx\n").code(),
            Status::Code::kCorrupt);
  std::ofstream(dir_ / "check_attachments.tsv") << header;
  EXPECT_EQ(LoadWith("check_negatives.tsv", "role\tphrases\nmaybe\t也许\n").code(), Status::Code::kCorrupt);
  fs::remove(dir_ / "check_negatives.tsv");
  EXPECT_EQ(CheckRules::Load(dir_, &rules).code(), Status::Code::kNotFound);
}

TEST_F(BrokenTables, RunChecksWithoutTablesStillFillsTheChecklist) {
  fs::remove(dir_ / "check_attachments.tsv");
  for (const char* name : {"fields.tsv", "catalog.tsv", "checklist.tsv", "findings.tsv"})
    fs::copy_file(Templates::DefaultDir() / name, dir_ / name, fs::copy_options::overwrite_existing);
  Templates templates;
  ASSERT_TRUE(Templates::Load(dir_, &templates).ok());
  Status s;
  EXPECT_EQ(CheckRules::ForTemplates(templates, &s), nullptr);
  EXPECT_FALSE(s.ok());
  std::map<std::string, FieldValue> fields;
  CheckInput in;
  in.templates = &templates;
  in.fields = &fields;
  CheckOutput out;
  ::testing::internal::CaptureStderr();
  RunChecks(in, &out);
  std::string err = ::testing::internal::GetCapturedStderr();
  EXPECT_NE(err.find("check tables not loaded"), std::string::npos);
  EXPECT_EQ(out.checklist.size(), templates.checklist().size());
  EXPECT_EQ(out.checklist.at("eia_doc").reason, "检查规则表无法加载，未判断");
}

}  // namespace
}  // namespace gm
