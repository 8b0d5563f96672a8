// Both workbooks open in a second, independent spreadsheet application:
// LibreOffice (headless) converts them to PDF without error — which also
// exercises the print set-up. Skipped when soffice is not installed.
#include <sys/wait.h>

#include <cstdlib>

#include <gtest/gtest.h>

#include "pipeline/emit/outputs.h"
#include "tests/emit/sample_record.h"

namespace gm {
namespace {

namespace fs = std::filesystem;

bool HaveSoffice() { return std::system("command -v soffice >/dev/null 2>&1") == 0; }

TEST(LibreOffice, ConvertsTheReviewWorkbookAndTheSummaryToPdf) {
  if (!HaveSoffice()) GTEST_SKIP() << "soffice (libreoffice-calc-nogui) is not installed";
  testing::ScratchDir out;
  std::vector<Record> records = {testing::MakeSampleRecord(), testing::MakeSecondRecord()};
  ASSERT_TRUE(WritePackageOutputs(records[0], testing::RepoTemplates(), out.path()).ok());
  ASSERT_TRUE(WriteBatchOutputs(records, testing::RepoTemplates(), out.path()).ok());
  fs::path review = out.path() / "review" / (records[0].package_id + ".xlsx");
  fs::path pdf_dir = out.path() / "pdf";
  // A profile of our own, kept in the build folder: a first start costs
  // seconds, and a shared one may be locked by someone's running office.
  fs::path profile = fs::path(GREENMINE_BINARY_DIR) / "emit-libreoffice-profile";
  std::string command = "timeout 120 soffice -env:UserInstallation=file://" + profile.string() +
                        " --headless --convert-to pdf --outdir '" + pdf_dir.string() + "' '" + review.string() +
                        "' '" + (out.path() / "summary.xlsx").string() + "' >'" + (out.path() / "soffice.log").string() +
                        "' 2>&1";
  int status = std::system(command.c_str());
  std::string log = testing::ReadText(out.path() / "soffice.log");
  ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << command << "\n" << log;
  for (const fs::path& pdf : {pdf_dir / (records[0].package_id + ".pdf"), pdf_dir / "summary.pdf"}) {
    SCOPED_TRACE(pdf.string());
    ASSERT_TRUE(fs::exists(pdf)) << log;
    std::string bytes = testing::ReadText(pdf);
    EXPECT_EQ(bytes.substr(0, 5), "%PDF-");
    EXPECT_GT(bytes.size(), 10000u);
    EXPECT_EQ(log.find("Error"), std::string::npos) << log;
  }
}

}  // namespace
}  // namespace gm
