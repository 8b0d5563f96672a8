// A bad table in templates/ stops a run at its start, naming the file and the
// line (issue 20): BatchContext::Create loads and checks every table, also
// those a stage reads only when it runs (ingest, checks, workbooks, the
// document opener's) and the statements' vocabulary.
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "pipeline/batch/context.h"

namespace gm {
namespace {

namespace fs = std::filesystem;

class TemplateTablesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("gm_tables_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::copy(GREENMINE_SOURCE_DIR "/templates", dir_, fs::copy_options::recursive);
  }
  void TearDown() override { fs::remove_all(dir_); }

  // Replaces the first line of `table` that starts with `prefix` by `line`.
  void Replace(const std::string& table, const std::string& prefix, const std::string& line) {
    std::ifstream in(dir_ / table);
    std::stringstream out;
    std::string l;
    bool done = false;
    while (std::getline(in, l)) {
      if (!done && l.rfind(prefix, 0) == 0) {
        l = line;
        done = true;
      }
      out << l << '\n';
    }
    ASSERT_TRUE(done) << table << " has no line starting " << prefix;
    in.close();
    std::ofstream(dir_ / table, std::ios::trunc) << out.str();
  }

  Status Create() {
    BatchSettings settings;
    settings.templates_dir = dir_;
    settings.as_of = "2025-06-30";
    std::unique_ptr<BatchContext> ctx;
    return BatchContext::Create(settings, "test", &ctx);
  }

  fs::path dir_;
};

TEST_F(TemplateTablesTest, TheBundledTablesLoad) {
  Status s = Create();
  EXPECT_TRUE(s.ok()) << s.ToString();
}

TEST_F(TemplateTablesTest, ABadToleranceNamesItsLine) {
  Replace("check_tolerances.tsv", "form_rel\t", "form_rel\tabout one\trelative part");
  Status s = Create();
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("check_tolerances.tsv:7: bad value for form_rel"), std::string::npos) << s.message();
}

TEST_F(TemplateTablesTest, AnUnknownDocumentFormatNamesItsLine) {
  Replace("document_formats.tsv", "rar\t", "rarr\t压缩文件");
  Status s = Create();
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("document_formats.tsv:"), std::string::npos) << s.message();
  EXPECT_NE(s.message().find("unknown kind 'rarr'"), std::string::npos) << s.message();
}

TEST_F(TemplateTablesTest, AStatementParameterOutOfShapeStopsTheRun) {
  Replace("statements_params.tsv", "index_max\t", "index_max\tmany");
  Status s = Create();
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("statements_params.tsv:"), std::string::npos) << s.message();
  EXPECT_NE(s.message().find("index_max"), std::string::npos) << s.message();
}

TEST_F(TemplateTablesTest, AnIngestTableIsCheckedBeforeAnyPackage) {
  Replace("ingest_skip.tsv", "dir\t__MACOSX", "folder\t__MACOSX\tmacOS resource forks");
  Status s = Create();
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("ingest_skip.tsv:6: unknown match 'folder'"), std::string::npos) << s.message();
}

TEST_F(TemplateTablesTest, AnUnknownFieldTypeNamesItsLine) {
  Replace("fields.tsv", "company_type\t", "company_type\t一、企业基本情况\t企业类型\tyes\tchoice\t央企及控股公司|国有控股公司");
  Status s = Create();
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("fields.tsv:4: field company_type has unknown type choice"), std::string::npos)
      << s.message();
}

TEST_F(TemplateTablesTest, AnUnknownRereadTypeNamesItsLine) {
  Replace("form_reread.tsv", "wan\t", "money\t0123456789.,万元亿\tnot_clean\t0123456789了");
  Status s = Create();
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("form_reread.tsv:11: unknown field type money"), std::string::npos) << s.message();
}

TEST_F(TemplateTablesTest, AMissingTableNamesTheFolder) {
  fs::remove(dir_ / "workbook_labels.tsv");
  Status s = Create();
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find(dir_.string()), std::string::npos) << s.message();
  EXPECT_NE(s.message().find("workbook_labels.tsv"), std::string::npos) << s.message();
}

}  // namespace
}  // namespace gm
