#include "extractors/classify/classify_rules.h"

#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "pipeline/core/templates.h"

namespace gm {
namespace {

namespace fs = std::filesystem;

class RulesDir {
 public:
  RulesDir() {
    dir_ = fs::temp_directory_path() / ("gm_classify_rules_" + std::to_string(::getpid()) + "_" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_);
    Write("classify_params.tsv", "name\tvalue\nmin_score\t3\n");
  }
  ~RulesDir() { fs::remove_all(dir_); }
  void Write(const std::string& name, const std::string& text) { std::ofstream(dir_ / name) << text; }
  const fs::path& path() const { return dir_; }

 private:
  fs::path dir_;
};

const char* kHeader = "kind\tvariant\tzone\tmatch\tpattern\tweight\n";

TEST(ClassifyRulesTest, ShippedTablesLoad) {
  ClassifyRules rules;
  Status s = ClassifyRules::Load(Templates::DefaultDir(), &rules);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_TRUE(rules.HasReportVariant("eia_doc"));
  EXPECT_FALSE(rules.HasReportVariant("balance_sheet"));
}

TEST(ClassifyRulesTest, TitleMatchesWeighByLineAndZonesAreSeparate) {
  RulesDir dir;
  dir.Write("classify_rules.tsv", std::string(kHeader) +
                                      "eia_doc\tdoc\ttitle\tword\t批复\t10\n"
                                      "eia_doc\treport\tpage\tword\t报告书\t4\n"
                                      "eia_doc\tany\tfile\tword\t环评\t2\n"
                                      "land_doc\tdoc\ttitle\tregex\t预审字[〔\\[]\\d{4}\t6\n");
  ClassifyRules rules;
  ASSERT_TRUE(ClassifyRules::Load(dir.path(), &rules).ok());
  ClassifyEvidence ev;
  ev.title_lines = {"某某局", "关于某项目环境影响报告书的", "批复"};
  ev.page = "某某局关于某项目环境影响报告书的批复";
  ev.file_name = "环评";
  auto scores = rules.Score(ev);
  // "批复" starts on line 2: 10 * (1 - 0.12 * 2); the file name adds 2 to both variants.
  EXPECT_NEAR(scores["eia_doc|doc"], 10 * 0.76 + 2, 1e-9);
  EXPECT_NEAR(scores["eia_doc|report"], 4 + 2, 1e-9);
  EXPECT_EQ(scores.count("land_doc|doc"), 0u);

  ev.title_lines = {"兰自然资预审字〔2024〕8号"};
  scores = rules.Score(ev);
  EXPECT_NEAR(scores["land_doc|doc"], 6, 1e-9);
  EXPECT_EQ(scores.count("land_doc|report"), 0u);  // land_doc has no report rules here
}

TEST(ClassifyRulesTest, MalformedRowsAreRejectedWithTheRow) {
  const char* bad[] = {
      "eia_doc\tmaybe\ttitle\tword\t批复\t10\n",  // variant
      "eia_doc\tdoc\tfooter\tword\t批复\t10\n",   // zone
      "eia_doc\tdoc\ttitle\tglob\t批复\t10\n",    // match
      "eia_doc\tdoc\ttitle\tword\t批复\tten\n",   // weight
      "eia_doc\tdoc\ttitle\tregex\t([\t10\n",     // regex
      "\tdoc\ttitle\tword\t批复\t10\n",           // kind
  };
  for (const char* row : bad) {
    RulesDir dir;
    dir.Write("classify_rules.tsv", std::string(kHeader) + row);
    ClassifyRules rules;
    Status s = ClassifyRules::Load(dir.path(), &rules);
    EXPECT_EQ(s.code(), Status::Code::kCorrupt) << row;
    EXPECT_NE(s.message().find("classify_rules.tsv:2"), std::string::npos) << s.message();  // the first row, under the header
  }
}

TEST(ClassifyRulesTest, MissingOrBadParamsFail) {
  {
    RulesDir dir;
    dir.Write("classify_rules.tsv", kHeader);
    fs::remove(dir.path() / "classify_params.tsv");
    ClassifyRules rules;
    EXPECT_EQ(ClassifyRules::Load(dir.path(), &rules).code(), Status::Code::kNotFound);
  }
  {
    RulesDir dir;
    dir.Write("classify_rules.tsv", kHeader);
    dir.Write("classify_params.tsv", "name\tvalue\nocr_bands\t0.2|1.5\n");
    ClassifyRules rules;
    EXPECT_EQ(ClassifyRules::Load(dir.path(), &rules).code(), Status::Code::kCorrupt);
  }
  for (const char* bands : {"0.3|0.2", "0.2|0.2", "0.2|x", "0"}) {
    RulesDir dir;
    dir.Write("classify_rules.tsv", kHeader);
    dir.Write("classify_params.tsv", std::string("name\tvalue\nocr_bands\t") + bands + "\n");
    ClassifyRules rules;
    EXPECT_EQ(ClassifyRules::Load(dir.path(), &rules).code(), Status::Code::kCorrupt) << bands;
  }
  {
    RulesDir dir;
    dir.Write("classify_rules.tsv", kHeader);
    dir.Write("classify_params.tsv", "name\tvalue\nno_such_knob\t1\n");
    ClassifyRules rules;
    EXPECT_EQ(ClassifyRules::Load(dir.path(), &rules).code(), Status::Code::kCorrupt);
  }
}

}  // namespace
}  // namespace gm
