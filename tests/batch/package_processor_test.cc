// ProcessPackage on a package whose application form the classifier cannot
// recognise from its first page: the scan is still read as the form.
// OCR: one small page.
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>

#include "pipeline/batch/context.h"
#include "pipeline/batch/package_processor.h"
#include "pipeline/ingest/ingest.h"

namespace gm {
namespace {

namespace fs = std::filesystem;

class PackageProcessorTest : public ::testing::Test {
 protected:
  void SetUp() override {
    inbox_ = fs::temp_directory_path() / ("gm_processor_" + std::to_string(::getpid()));
    fs::remove_all(inbox_);
    BatchSettings settings;
    settings.templates_dir = GREENMINE_SOURCE_DIR "/templates";
    settings.as_of = "2025-06-30";
    ASSERT_TRUE(BatchContext::Create(settings, "test", &ctx_).ok());
    Status s = OcrEngine::Create("", "chi_sim", &ocr_);
    ASSERT_TRUE(s.ok()) << s.ToString();
  }
  void TearDown() override { fs::remove_all(inbox_); }

  // A folder package holding the given fixtures (paths under tests/) under new names.
  Record Process(const std::vector<std::pair<std::string, std::string>>& files) {
    const fs::path folder = inbox_ / "祁连矿业入库资料";
    fs::create_directories(folder);
    for (const auto& [fixture, name] : files)
      fs::copy_file(fs::path(GREENMINE_SOURCE_DIR "/tests") / fixture, folder / name);
    Package package;
    EXPECT_TRUE(IngestPackage(inbox_, "祁连矿业入库资料", ctx_->settings.limits, ctx_->templates, &package).ok());
    Record record;
    ProcessPackage(*ctx_, package, ocr_.get(), [](const std::string&, int) {}, &record);
    return record;
  }

  fs::path inbox_;
  std::unique_ptr<BatchContext> ctx_;
  std::unique_ptr<OcrEngine> ocr_;
};

bool HasFinding(const Record& r, const std::string& code, const std::string& field) {
  for (const Finding& f : r.findings)
    if (f.code == code && f.field == field) return true;
  return false;
}

// The top of page 1 scanned upside down: its first band reads as nothing the
// classifier knows, so no file is the form — until the form reader, which
// turns pages upright and knows the form by its labels, reads it.
TEST_F(PackageProcessorTest, AFormTheClassifierMissedIsStillRead) {
  Record r = Process({{"form/fixtures/p1_top_upside_down.png", "IMG_0001.png"}});
  ASSERT_EQ(r.files.size(), 1u);
  EXPECT_EQ(r.files[0].kind, "application_form");
  EXPECT_EQ(r.fields.at("company_name").value, Json("甘肃祁连矿业有限公司"));
  EXPECT_EQ(r.fields.at("credit_code").value, Json("91620100MA71234567"));
  EXPECT_FALSE(HasFinding(r, "missing_attachment", "application_form"));
}

// A package without the form: another scan (an approval) is not taken for
// it, and the form is reported missing.
TEST_F(PackageProcessorTest, NoFormIsReportedMissing) {
  Record r = Process({{"classify/fixtures/eia_approval_scan.png", "scan0001.png"}});
  ASSERT_EQ(r.files.size(), 1u);
  EXPECT_NE(r.files[0].kind, "application_form");
  EXPECT_TRUE(r.fields.at("company_name").value.is_null());
  EXPECT_TRUE(HasFinding(r, "missing_attachment", "application_form"));
}

}  // namespace
}  // namespace gm
