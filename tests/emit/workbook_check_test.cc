// Opens the written workbooks with a real spreadsheet reader: runs
// tests/e2e/check_workbooks.py (openpyxl) over a batch's outputs, and makes
// sure the checker notices a workbook that disagrees with its record.
#include <sys/wait.h>

#include <cstdio>
#include <cstdlib>

#include <gtest/gtest.h>

#include "pipeline/emit/outputs.h"
#include "tests/emit/sample_record.h"

namespace gm {
namespace {

namespace fs = std::filesystem;
using testing::RepoTemplates;

// The system Python, which has python3-openpyxl (a pyenv or venv python on
// PATH may not).
std::string Python() {
  for (const char* candidate : {"/usr/bin/python3", "python3"}) {
    std::string probe = std::string(candidate) + " -c 'import openpyxl' >/dev/null 2>&1";
    if (std::system(probe.c_str()) == 0) return candidate;
  }
  return "";
}

struct CheckerRun {
  int exit_code = -1;
  std::string output;
};

CheckerRun RunChecker(const fs::path& out, const std::string& extra = "") {
  std::string command = Python() + " " + GREENMINE_SOURCE_DIR + "/tests/e2e/check_workbooks.py '" + out.string() +
                        "' " + extra + " 2>&1";
  CheckerRun run;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) return run;
  char buf[4096];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, pipe)) > 0) run.output.append(buf, n);
  int status = ::pclose(pipe);
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return run;
}

int ImagesOf(const Record& r) {
  int n = 0;
  for (const auto& [key, f] : r.fields) n += f.provenance.cell_png.empty() ? 0 : 1;
  return n;
}

class WorkbookCheck : public ::testing::Test {
 protected:
  void SetUp() override {
    if (Python().empty()) GTEST_SKIP() << "python3-openpyxl is not installed";
    records_ = {testing::MakeSampleRecord(), testing::MakeSecondRecord()};
    for (const auto& r : records_) {
      Status s = WritePackageOutputs(r, RepoTemplates(), out_.path());
      ASSERT_TRUE(s.ok()) << s.ToString();
    }
    Status s = WriteBatchOutputs(records_, RepoTemplates(), out_.path());
    ASSERT_TRUE(s.ok()) << s.ToString();
    // For looking at the workbooks by hand (docs/ screenshots): a copy survives the test.
    if (const char* keep = std::getenv("GM_EMIT_KEEP_OUTPUT"); keep != nullptr && *keep != '\0')
      fs::copy(out_.path(), keep, fs::copy_options::recursive | fs::copy_options::overwrite_existing);
  }
  std::string ImageArgs() const {
    std::string args;
    for (const auto& r : records_) args += " --images '" + r.package_id + "=" + std::to_string(ImagesOf(r)) + "'";
    return args;
  }
  testing::ScratchDir out_;
  std::vector<Record> records_;
};

TEST_F(WorkbookCheck, ReviewWorkbooksAndSummaryAgreeWithTheRecords) {
  ASSERT_GT(ImagesOf(records_[0]), 0);
  CheckerRun run = RunChecker(out_.path(), ImageArgs());
  EXPECT_EQ(run.exit_code, 0) << run.output;
  EXPECT_NE(run.output.find("2 review workbook(s), summary checked, 0 problem(s)"), std::string::npos) << run.output;
}

TEST_F(WorkbookCheck, CheckerNoticesAWorkbookThatDisagrees) {
  // Change the record after the workbooks were written: the checker must see
  // the value, the summary row and the image count disagree.
  fs::path json = out_.path() / "records" / (records_[0].package_id + ".json");
  Json record = Json::parse(testing::ReadText(json));
  record["fields"]["total_investment"]["value"] = 99999;
  record["fields"]["company_name"]["value"] = "别的公司";
  testing::WriteText(json, record.dump());
  std::string jsonl = testing::ReadText(out_.path() / "records.jsonl");
  testing::WriteText(out_.path() / "records.jsonl", record.dump() + jsonl.substr(jsonl.find('\n')));
  CheckerRun run = RunChecker(out_.path(), "--images '" + records_[0].package_id + "=1'");
  EXPECT_EQ(run.exit_code, 1) << run.output;
  EXPECT_NE(run.output.find("(total_investment): value 12500.5, want number 99999"), std::string::npos) << run.output;
  EXPECT_NE(run.output.find("(company_name): value"), std::string::npos) << run.output;
  EXPECT_NE(run.output.find("cell images, want 1"), std::string::npos) << run.output;
  EXPECT_NE(run.output.find("company"), std::string::npos) << run.output;
}

TEST_F(WorkbookCheck, CheckerNoticesAMissingWorkbook) {
  fs::remove(out_.path() / "review" / (records_[1].package_id + ".xlsx"));
  CheckerRun run = RunChecker(out_.path());
  EXPECT_EQ(run.exit_code, 1) << run.output;
  EXPECT_NE(run.output.find("cannot be opened"), std::string::npos) << run.output;
  EXPECT_NE(run.output.find("does not exist"), std::string::npos) << run.output;
}

}  // namespace
}  // namespace gm
