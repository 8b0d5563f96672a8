// DecideFormPages on the form fixtures of tests/form: page 1 classified as
// the form, page 2 filed as an approval, and page 2 again in a file that
// holds a statement. OCR: a few small pages.
#include <gtest/gtest.h>

#include "pipeline/batch/context.h"
#include "pipeline/batch/form_pages.h"
#include "tests/form/fixture_doc.h"

namespace gm {
namespace {

using form::testing::FixtureImageDoc;

OpenedFile Classified(const std::string& fixture, const std::string& kind) {
  OpenedFile f;
  f.doc = FixtureImageDoc(fixture);
  f.cls.kind = kind;
  f.cls.text_source = TextSource::kOcr;
  f.opened = true;
  return f;
}

TEST(FormPagesTest, APageOfTheFormFiledAsSomethingElseIsDecidedAStrayPage) {
  BatchSettings settings;
  settings.templates_dir = GREENMINE_SOURCE_DIR "/templates";
  settings.as_of = "2025-06-30";
  std::unique_ptr<BatchContext> ctx;
  ASSERT_TRUE(BatchContext::Create(settings, "test", &ctx).ok());
  std::unique_ptr<OcrEngine> ocr;
  ASSERT_TRUE(OcrEngine::Create("", "chi_sim", &ocr).ok());

  Package package;
  OpenedFiles opened;
  for (const auto& [fixture, path, kind] :
       std::vector<std::tuple<std::string, std::string, std::string>>{
           {"p1_seal_skew.jpg", "申请表.jpg", "application_form"},
           {"p2_checkboxes.png", "资产负债表.jpg", "balance_sheet"},
           {"p2_checkboxes.png", "初步设计批复.jpg", "preliminary_design_doc"}}) {
    InputFile file;
    file.path = path;
    package.files.push_back(file);
    opened.files.push_back(Classified(fixture, kind));
  }
  FormScan scan;
  const FormPages pages = DecideFormPages(*ctx, package, opened, {"资产负债表.jpg"}, ocr.get(), &scan);
  const std::optional<FormReading>& reading = scan.decided;

  EXPECT_EQ(pages.stray, std::vector<size_t>{2});
  EXPECT_EQ(pages.scans, (std::vector<size_t>{0, 2}));
  EXPECT_FALSE(pages.electronic);
  EXPECT_TRUE(pages.IsStray(2));
  EXPECT_FALSE(pages.IsStray(1));
  ASSERT_TRUE(reading);
  ASSERT_TRUE(reading->fields.count("loan_demand_total"));
  EXPECT_EQ(reading->fields.at("loan_demand_total").raw, "6500");
  EXPECT_EQ(reading->fields.at("loan_demand_total").provenance.file, "初步设计批复.jpg");
  EXPECT_EQ(reading->source_file, "申请表.jpg");
  // The pages of the form's files as read, handed forward with the decision.
  ASSERT_EQ(scan.pages.size(), 2u);
  EXPECT_EQ(scan.PagesOf(pages.scans).size(), 2u);
  EXPECT_EQ(scan.PagesOf({2})[0]->file(), "初步设计批复.jpg");
}

}  // namespace
}  // namespace gm
