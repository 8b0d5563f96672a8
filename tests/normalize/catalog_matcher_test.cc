#include "pipeline/normalize/catalog_matcher.h"

#include <fstream>

#include <gtest/gtest.h>

#include "tests/normalize/test_support.h"

namespace gm {
namespace {

class CatalogMatcherTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto folder = std::make_shared<MatchFolder>();
    ASSERT_TRUE(MatchFolder::Load(testing::ProjectTemplates().dir() / "normalize_confusables.tsv", folder.get()).ok());
    folder_ = folder;
    Status s = CatalogMatcher::Create(testing::ProjectTemplates(),
                                      testing::ProjectTemplates().dir() / "normalize_catalog_aliases.tsv", folder_,
                                      &matcher_);
    ASSERT_TRUE(s.ok()) << s.ToString();
  }
  static void TearDownTestSuite() {
    matcher_.reset();
    folder_.reset();
  }
  static std::shared_ptr<const MatchFolder> folder_;
  static std::unique_ptr<CatalogMatcher> matcher_;
};
std::shared_ptr<const MatchFolder> CatalogMatcherTest::folder_;
std::unique_ptr<CatalogMatcher> CatalogMatcherTest::matcher_;

TEST_F(CatalogMatcherTest, Table) {
  struct Case {
    const char* answer;
    const char* code;
    bool exact;
  } cases[] = {
      {"四、绿色低碳 2.节能降耗 （8）绿色照明改造", "4.2.8", true},
      {"四、绿色低碳 2.节能环保 （8）绿色照明改造", "4.2.8", true},
      {"绿色照明改造", "4.2.8", true},
      {"（8）绿色照明改造", "4.2.8", true},
      {"绿色照朋改造", "4.2.8", false},
      {"绿色低碳/节能降耗/绿色照明改造", "4.2.8", true},
      {"一级：绿色低碳；二级：节能降耗；三级：绿色照明改造", "4.2.8", true},
      {"一级分类：绿色低碳\n二级分类：节能降耗\n项目范围类别：绿色照明改造", "4.2.8", true},
      {"四绿色低碳2节能降耗8绿色照明改造", "4.2.8", true},
      {"綠色照明改造", "4.2.8", true},
      {"（8）绿色照明改造：采用半导体通用照明产品、高压钠灯等高效照明产品", "4.2.8", true},
      {"LED照明改造", "4.2.8", true},
      {"4.2.8", "4.2.8", false},
      {"三、资源综合利用 1.选矿回收 （1）节能降碳改造和能效提升", "3.1.1", true},
      {"四、绿色低碳 2.节能降耗 （5）节能降碳改造和能效提升", "4.2.5", true},
      {"绿色低碳 节能降耗 工艺改进和流程优化", "4.2.6", true},
      {"资源综合利用-选矿回收-工艺改进和流程优化", "3.1.2", true},
      {"（6）工艺改进和流程优化", "4.2.6", true},
      {"三、资源综合利用 3.固废综合利用 （1）工业固体废弃物综合利用", "3.3.1", true},
      {"三、资源综合利用 1.工业节水及废水综合利用 （1）水污染治理", "3.4.1", true},
      {"矿区水污染集中治理", "3.4.2", true},
      {"水污染治理", "3.4.1", true},
      {"四、绿色低碳 6.废物排放 （1）废气回收利用", "4.6.1", true},
      {"四、绿色低碳 5.废物排放 （4）恶臭污染治理", "4.5.4", true},
      {"锅炉（窑炉）节能改造和能效提升", "4.2.2", true},
      {"锅炉窑炉节能改造和能效提升", "4.2.2", true},
      {"煤层气（煤矿瓦斯）抽采利用", "3.2.2", true},
      {"五、生态修复与环境治理 1.矿山地质环境治理恢复与土地复垦 （8）矿山地质环境恢复治理和生态修复", "5.1.8", true},
      {"六、科技创新与规范管理 2.数字化矿山 （4）数字化、智能化升级", "6.2.4", true},
      {"二、资源开采 2.开采工作面 矿山开采新技术设备制造及使用", "2.2.1", true},
      {"矿区环境 绿色交通", "1.2.1", false},
      {"碳监测评估", "4.3.1", true},
      {"碳排放核算、核查", "4.3.2", true},
      {"甲烷逃逸排放气体回收利用", "3.2.6", true},
      {"集中供热系统低碳化运营、改造", "4.3.4", true},
      {"园区污染处理集中化改造", "4.1.1", true},
      {"矿区污染治理集中化改造", "3.3.4", true},
      {"矿区污染治理集中化改遣", "3.3.4", false},
      {"绿色照明改造项目", "4.2.8", true},
      {"矿产资源综合利用", "3.2.1", true},
  };
  for (const auto& c : cases) {
    CatalogMatcher::Result r = matcher_->Match(c.answer);
    ASSERT_NE(r.item, nullptr) << "answer: " << c.answer;
    EXPECT_EQ(r.item->code, c.code) << "answer: " << c.answer;
    EXPECT_EQ(r.exact, c.exact) << "answer: " << c.answer;
  }
}

TEST_F(CatalogMatcherTest, SameTitleUnderTwoLevelsIsAmbiguousAlone) {
  CatalogMatcher::Result r = matcher_->Match("节能降碳改造和能效提升");
  EXPECT_EQ(r.item, nullptr);
  ASSERT_EQ(r.candidates.size(), 2u);
  EXPECT_EQ(r.candidates[0]->code, "3.1.1");
  EXPECT_EQ(r.candidates[1]->code, "4.2.5");
  EXPECT_EQ(matcher_->Match("工艺改进和流程优化").candidates.size(), 2u);
}

TEST_F(CatalogMatcherTest, NothingNearEnough) {
  for (const char* answer : {"", "绿色矿山建设", "三、资源综合利用 2.综合利用 （7）尾矿库治理", "光伏发电", "节能降耗",
                             "四、绿色低碳", "照明", "9.9.9", "废物排放"}) {
    CatalogMatcher::Result r = matcher_->Match(answer);
    EXPECT_EQ(r.item, nullptr) << "answer: " << answer << " got " << (r.item ? r.item->code : "");
  }
}

TEST_F(CatalogMatcherTest, BadAliasTablesRefused) {
  auto path = testing::ScratchPath("aliases.tsv");
  std::unique_ptr<CatalogMatcher> m;
  std::ofstream(path) << "code\talias\n9.9.9\t不存在\n";
  EXPECT_EQ(CatalogMatcher::Create(testing::ProjectTemplates(), path, folder_, &m).code(), Status::Code::kCorrupt);
  std::ofstream(path) << "code\talias\n4.2.8\t（）\n";
  EXPECT_EQ(CatalogMatcher::Create(testing::ProjectTemplates(), path, folder_, &m).code(), Status::Code::kCorrupt);
  std::ofstream(path) << "code\tname\n4.2.8\tLED\n";
  EXPECT_EQ(CatalogMatcher::Create(testing::ProjectTemplates(), path, folder_, &m).code(), Status::Code::kCorrupt);
  EXPECT_EQ(CatalogMatcher::Create(testing::ProjectTemplates(), "/nonexistent.tsv", folder_, &m).code(),
            Status::Code::kNotFound);
  EXPECT_EQ(m, nullptr);
  std::filesystem::remove(path);
}

}  // namespace
}  // namespace gm
