// FormReader::ReadScanned on scanned pages drawn by tests/form/make_form.py
// (the committed fixtures; see fixtures/README for the commands): a seal
// over the company name on a skewed, noisy colour scan; a page upside
// down; a row cut by the page break; every checkbox group, drawn and in a
// real bold fax scan. OCR-heavy: kept
// to a few small pages.
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <tuple>

#include <gtest/gtest.h>

#include "extractors/form/cjk_text.h"
#include "extractors/form/form_reader.h"
#include "extractors/form/scanned_form.h"
#include "extractors/ocr/upright_pages.h"
#include "tests/form/fixture_doc.h"

namespace gm {
namespace {


class ScanTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    templates_ = new Templates();
    ASSERT_TRUE(Templates::Load(GREENMINE_SOURCE_DIR "/templates", templates_).ok());
    ASSERT_TRUE(FormReader::Create(*templates_, &reader_).ok());
    Status s = OcrEngine::Create("", "chi_sim", &ocr_);
    ASSERT_TRUE(s.ok()) << s.ToString();
  }
  static void TearDownTestSuite() {
    reader_.reset();
    ocr_.reset();
    delete templates_;
  }

  static Document ImageDoc(const std::string& name, int dpi = 200) { return form::testing::FixtureImageDoc(name, dpi); }

  static Status Read(const std::vector<std::string>& names, FormReading* out) {
    std::vector<Document> docs;
    for (const auto& n : names) docs.push_back(ImageDoc(n));
    std::vector<const Document*> ptrs;
    for (const auto& d : docs) ptrs.push_back(&d);
    return reader_->ReadScanned(ptrs, names, ocr_.get(), out);
  }

  static std::string Raw(const FormReading& r, const std::string& key) {
    auto it = r.fields.find(key);
    return it == r.fields.end() ? "<absent>" : it->second.raw;
  }
  static std::vector<std::string> Marked(const FormReading& r, const std::string& key) {
    auto it = r.fields.find(key);
    return it == r.fields.end() ? std::vector<std::string>{"<absent>"} : it->second.marked;
  }
  // Character error rate of `got` against `want`, on ideographs, letters and digits.
  static double Cer(const std::string& got, const std::string& want) {
    auto keep = [](const std::string& s) {
      std::u32string out;
      for (char32_t c : form::ToCodepoints(form::Nfkc(s)))
        if (form::IsIdeograph(c) || (c < 0x80 && std::isalnum(static_cast<int>(c)))) out.push_back(c);
      return out;
    };
    std::u32string a = keep(got), b = keep(want);
    return b.empty() ? (a.empty() ? 0.0 : 1.0) : static_cast<double>(EditDistance(a, b)) / b.size();
  }

  static Templates* templates_;
  static std::unique_ptr<FormReader> reader_;
  static std::unique_ptr<OcrEngine> ocr_;
};

Templates* ScanTest::templates_ = nullptr;
std::unique_ptr<FormReader> ScanTest::reader_;
std::unique_ptr<OcrEngine> ScanTest::ocr_;

// The first page of a generated form, with known values: a red seal over
// the company name, skewed 1°, noisy, a dark scanner edge, JPEG.
TEST_F(ScanTest, FullPageWithSealOverTheCompanyName) {
  FormReading r;
  Status s = Read({"p1_seal_skew.jpg"}, &r);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(r.method, "ocr");
  EXPECT_EQ(r.source_file, "p1_seal_skew.jpg");
  EXPECT_EQ(Raw(r, "company_name"), "甘肃祁连矿业有限公司");
  EXPECT_EQ(Raw(r, "credit_code"), "91620100MA71234567");
  EXPECT_EQ(Raw(r, "company_type"), "国有控股公司");
  EXPECT_EQ(Raw(r, "registered_capital"), "12500");
  EXPECT_EQ(Raw(r, "credit_rating"), "AA");
  EXPECT_EQ(Raw(r, "debt_ratio"), "56.3");
  EXPECT_EQ(Raw(r, "project_name"), "祁连山矿区生态修复及绿色矿山建设项目");
  EXPECT_EQ(Marked(r, "renamed"), std::vector<std::string>{"否"});
  EXPECT_TRUE(r.fields.at("renamed").is_checkbox);
  EXPECT_EQ(Raw(r, "former_project_name"), "");
  EXPECT_EQ(Raw(r, "project_location"), "甘肃省张掖市肃南县");
  EXPECT_EQ(Raw(r, "project_level"), "省级");
  EXPECT_LT(Cer(Raw(r, "project_description"),
                "对祁连山北麓矿区开展地质环境治理、植被恢复和尾矿库闭库治理，建设矿区生态监测系统，改造选矿厂照明与供电设施，提升资源综合利用水平。"),
            0.08);
  EXPECT_NE(Raw(r, "project_category").find("4.2.8"), std::string::npos);
  EXPECT_EQ(Raw(r, "start_date"), "2024年3月");
  EXPECT_EQ(Raw(r, "project_term"), "36个月");
  EXPECT_EQ(Raw(r, "project_stage"), "已开工");
  EXPECT_EQ(Raw(r, "central_budget"), "否");
  EXPECT_EQ(Raw(r, "construction_nature"), "改扩建");
  EXPECT_EQ(Raw(r, "revenue_source"), "经营性收入");
  EXPECT_EQ(Raw(r, "return_rate"), "8.5%");
  EXPECT_EQ(Raw(r, "payback_years"), "6.5");
  EXPECT_EQ(Raw(r, "operation_mode"), "非PPP");
  EXPECT_EQ(Raw(r, "total_investment"), "10000");
  EXPECT_EQ(Raw(r, "equity_capital"), "3500");
  EXPECT_EQ(Raw(r, "funding_government"), "500");
  EXPECT_EQ(Raw(r, "funding_self"), "3000");
  EXPECT_EQ(Raw(r, "funding_other"), "6500");
  EXPECT_EQ(Raw(r, "funds_in_place"), "4000");
  EXPECT_EQ(Raw(r, "invested_amount"), "2500");
  // Provenance: the page, a box on it, a PNG of the cell.
  const Reading& name = r.fields.at("company_name");
  EXPECT_EQ(name.provenance.file, "p1_seal_skew.jpg");
  EXPECT_EQ(name.provenance.page, 0);
  EXPECT_GT(name.provenance.w, 100);
  EXPECT_EQ(name.provenance.raw, name.raw);
  ASSERT_GT(name.provenance.cell_png.size(), 100u);
  EXPECT_EQ(name.provenance.cell_png.substr(1, 3), "PNG");
  EXPECT_GT(name.confidence, 0.5);
  EXPECT_GT(r.mean_confidence, 0.6);
  // Labels of the next page are absent, not blank.
  EXPECT_EQ(r.fields.count("contact_phone"), 0u);
}

// The top of the first page, scanned upside down.
TEST_F(ScanTest, PageUpsideDown) {
  FormReading r;
  Status s = Read({"p1_top_upside_down.png"}, &r);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(Raw(r, "company_name"), "甘肃祁连矿业有限公司");
  EXPECT_EQ(Raw(r, "credit_code"), "91620100MA71234567");
  EXPECT_EQ(Raw(r, "registered_capital"), "12500");
}

// A page photographed sideways, with no EXIF tag to say so: turned upright
// before anything reads it, either way round; an upright page is left alone.
TEST_F(ScanTest, PageHeldSidewaysIsTurnedUpright) {
  PixPtr upright;
  Document original = ImageDoc("p1_seal_skew.jpg");
  ASSERT_TRUE(original.pages[0].load_image(&upright).ok());
  for (int quarter_turns : {1, 3}) {
    Document doc = ImageDoc("p1_seal_skew.jpg");
    doc.pages[0].load_image = [load = doc.pages[0].load_image, quarter_turns](PixPtr* out) {
      PixPtr page;
      if (Status s = load(&page); !s.ok()) return s;
      *out = AdoptPix(pixRotateOrth(page.get(), quarter_turns));
      return Status::OK();
    };
    TurnPagesUpright(&doc, ocr_.get());
    PixPtr got;
    ASSERT_TRUE(doc.pages[0].load_image(&got).ok());
    EXPECT_EQ(pixGetWidth(got.get()), pixGetWidth(upright.get())) << quarter_turns;
    int same = 0;
    pixEqual(got.get(), upright.get(), &same);
    EXPECT_TRUE(same) << quarter_turns;
    // Loaded again, the same turn without asking again.
    PixPtr again;
    ASSERT_TRUE(doc.pages[0].load_image(&again).ok());
    pixEqual(again.get(), upright.get(), &same);
    EXPECT_TRUE(same) << quarter_turns;
  }
  Document doc = ImageDoc("p1_seal_skew.jpg");
  TurnPagesUpright(&doc, ocr_.get());
  PixPtr got;
  ASSERT_TRUE(doc.pages[0].load_image(&got).ok());
  int same = 0;
  pixEqual(got.get(), upright.get(), &same);
  EXPECT_TRUE(same);
}

// The form's last page fed upside down: only rows of a label and its value
// (联系人及联系方式) to tell which way is up.
TEST_F(ScanTest, ALastPageOfTwoCellRowsUpsideDownIsTurned) {
  FormReading r;
  Status s = Read({"p1_seal_skew.jpg", "p3_contact_upside_down.png"}, &r);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(Raw(r, "contact_person"), "张伟");
  EXPECT_EQ(Raw(r, "contact_phone"), "13909311234");
}

// A page break left one row of the form (项目总投资, 资本金总额, 资金来源) on a
// page of its own, photographed sideways: too little text for the
// orientation detector to be sure, so the page is read each way round.
TEST_F(ScanTest, ARowAloneOnAPageHeldSidewaysIsTurnedByReadingIt) {
  Document doc = ImageDoc("form_row_sideways.jpg", 150);
  TurnPagesUpright(&doc, ocr_.get());
  PixPtr got;
  ASSERT_TRUE(doc.pages[0].load_image(&got).ok());
  EXPECT_LT(pixGetWidth(got.get()), pixGetHeight(got.get()));
  FormReading r;
  ASSERT_TRUE(reader_->ReadScanned({&doc}, {"IMG_20250322_090340.jpg"}, ocr_.get(), &r).ok());
  EXPECT_EQ(Raw(r, "funding_government"), "900");
  EXPECT_EQ(Raw(r, "funding_self"), "5910");
}

// A row broken by the page break: 项目描述 starts at the bottom of one page
// and ends at the top of the next, under an empty label cell.
TEST_F(ScanTest, RowCutByThePageBreak) {
  FormReading r;
  Status s = Read({"cut_row_a.png", "cut_row_b.png"}, &r);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(Raw(r, "project_name"), "祁连山矿区生态修复及绿色矿山建设项目");
  EXPECT_EQ(Marked(r, "renamed"), std::vector<std::string>{"否"});
  const std::string description = Raw(r, "project_description");
  EXPECT_LT(Cer(description,
                "对祁连山北麓矿区开展地质环境治理、植被恢复和尾矿库闭库治理，建设矿区生态监测系统，改造选矿厂照明与供电设施，提升资源综合利用水平。"),
            0.08)
      << description;
  EXPECT_NE(Raw(r, "project_category").find("绿色照明改造"), std::string::npos);
  EXPECT_EQ(Raw(r, "start_date"), "2024年3月");
  EXPECT_EQ(r.fields.at("project_description").provenance.file, "cut_row_a.png");
}

// The calls the engine has made so far: all; those of `purpose` itself
// (reading pages); those of its sub-purposes ("purpose/second look" …).
long Calls(const OcrCosts& costs) {
  long n = 0;
  for (const auto& [key, cost] : costs) n += cost.calls;
  return n;
}
long CallsOf(const OcrCosts& costs, const std::string& purpose) {
  long n = 0;
  for (const auto& [key, cost] : costs)
    if (key.rfind(purpose + ": ", 0) == 0) n += cost.calls;
  return n;
}

long SecondLooks(const OcrCosts& costs, const std::string& purpose) {
  long n = 0;
  for (const auto& [key, cost] : costs)
    if (key.rfind(purpose + "/", 0) == 0) n += cost.calls;
  return n;
}

void ExpectSameReading(const FormReading& got, const FormReading& want) {
  EXPECT_EQ(got.source_file, want.source_file);
  EXPECT_EQ(got.method, want.method);
  EXPECT_EQ(got.mean_confidence, want.mean_confidence);
  ASSERT_EQ(got.fields.size(), want.fields.size());
  for (const auto& [key, w] : want.fields) {
    ASSERT_TRUE(got.fields.count(key)) << key;
    const Reading& g = got.fields.at(key);
    EXPECT_EQ(g.raw, w.raw) << key;
    EXPECT_EQ(g.marked, w.marked) << key;
    EXPECT_EQ(g.is_checkbox, w.is_checkbox) << key;
    EXPECT_EQ(g.confidence, w.confidence) << key;
    const Provenance &gp = g.provenance, &wp = w.provenance;
    EXPECT_EQ(std::tie(gp.file, gp.page, gp.x, gp.y, gp.w, gp.h, gp.raw),
              std::tie(wp.file, wp.page, wp.x, wp.y, wp.w, wp.h, wp.raw)) << key;
    EXPECT_EQ(gp.cell_png, wp.cell_png) << key;
  }
}

// The form is read once. Pages read alone, as DecideFormPages reads the
// classified scans and then a stray page, are assembled together without
// reading a page again, into what reading them together gives (the row the
// page break cut is joined); assembled once more, they cost no OCR at all:
// the second looks the first assembly asked for are kept in the pages.
TEST_F(ScanTest, PagesReadOnceAreAssembledTogetherWithoutReadingThemAgain) {
  Document a = ImageDoc("cut_row_a.png"), b = ImageDoc("cut_row_b.png");
  form::ScannedPages first, stray;
  ASSERT_TRUE(reader_->ReadScannedPages({&a}, {"cut_row_a.png"}, ocr_.get(), &first).ok());
  ASSERT_TRUE(reader_->ReadScannedPages({&b}, {"cut_row_b.png"}, ocr_.get(), &stray).ok());
  FormReading alone;
  {
    OcrPurpose purpose(ocr_.get(), "alone");
    ASSERT_TRUE(reader_->AssembleScanned(form::PagesOf(first), ocr_.get(), &alone).ok());
    const Status stray_alone = reader_->AssembleScanned(form::PagesOf(stray), ocr_.get(), &alone);
    (void)stray_alone;  // the continuation may hold no label of its own
  }
  EXPECT_EQ(CallsOf(ocr_->costs(), "alone"), 0);
  EXPECT_GT(SecondLooks(ocr_->costs(), "alone"), 0);  // what an assembly reads: kept in the pages

  std::vector<form::ScannedPage*> both = form::PagesOf(first);
  both.push_back(stray[0].get());
  FormReading together;
  {
    OcrPurpose purpose(ocr_.get(), "together");
    ASSERT_TRUE(reader_->AssembleScanned(both, ocr_.get(), &together).ok());
  }
  EXPECT_EQ(CallsOf(ocr_->costs(), "together"), 0);  // no page, no cell read again: second looks only

  FormReading whole;
  ASSERT_TRUE(Read({"cut_row_a.png", "cut_row_b.png"}, &whole).ok());
  ExpectSameReading(together, whole);
  EXPECT_LT(Cer(Raw(together, "project_description"),
                "对祁连山北麓矿区开展地质环境治理、植被恢复和尾矿库闭库治理，建设矿区生态监测系统，改造选矿厂照明与供电设施，提升资源综合利用水平。"),
            0.08);

  const long calls = Calls(ocr_->costs());
  FormReading again;
  ASSERT_TRUE(reader_->AssembleScanned(both, ocr_.get(), &again).ok());
  EXPECT_EQ(Calls(ocr_->costs()), calls);
  ExpectSameReading(again, whole);
}

// Every checkbox group with an option marked, one group with none; 意向贷款期限
// as a compound cell.
TEST_F(ScanTest, CheckboxGroupsAndCompoundCells) {
  FormReading r;
  Status s = Read({"p2_checkboxes.png"}, &r);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(Marked(r, "approval_status"), std::vector<std::string>{"已完成核准"});
  EXPECT_EQ(Marked(r, "land_use_status"), std::vector<std::string>{"不涉及"});
  EXPECT_EQ(Marked(r, "eia_status"), std::vector<std::string>{"正在办理"});
  EXPECT_EQ(Marked(r, "energy_review_status"), std::vector<std::string>{});
  EXPECT_EQ(Marked(r, "preliminary_design_status"), std::vector<std::string>{"已取得"});
  EXPECT_EQ(Marked(r, "ohs_certification"), std::vector<std::string>{"未认证"});
  EXPECT_EQ(Marked(r, "financing_methods"), (std::vector<std::string>{"股权", "贷款"}));
  for (const char* key : {"approval_status", "land_use_status", "eia_status", "energy_review_status",
                          "preliminary_design_status", "ohs_certification", "financing_methods"})
    EXPECT_TRUE(r.fields.at(key).is_checkbox) << key;
  // Every option has its printed pair here: the groups are settled by their
  // pixels and not OCRed at all; their text is written from the marks.
  EXPECT_EQ(Raw(r, "eia_status"), "已取得( )正在办理(√)不涉及( )");
  EXPECT_EQ(Raw(r, "financing_methods"), "股权(√)发债( )贷款(√)其他( )");
  EXPECT_EQ(Raw(r, "loan_term_months"), "36");
  EXPECT_EQ(Raw(r, "loan_demand_total"), "6500");
  EXPECT_EQ(Raw(r, "loans_obtained"), "0");
  EXPECT_EQ(Raw(r, "guarantee_method"), "抵押、保证");
  EXPECT_EQ(Raw(r, "partner_bank"), "中国农业发展银行甘肃省分行");
  EXPECT_LT(Cer(Raw(r, "social_benefits"),
                "项目建成后可新增就业岗位120个，年减少粉尘排放约300吨，恢复植被面积约1200亩，改善矿区周边生态环境。"),
            0.08)
      << Raw(r, "social_benefits");
}

// A real 1-bit fax-like scan in a bold font, a speck above a line: strokes
// of 已, 办, 理, 取 bow like brackets and must not pass for a pair, and the
// speck must not hide the brackets of the line below it.
TEST_F(ScanTest, CheckboxGroupsInABoldFaxScan) {
  FormReading r;
  Status s = Read({"p2_bold_status.png"}, &r);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(Marked(r, "approval_status"), std::vector<std::string>{"已完成备案"});
  EXPECT_EQ(Marked(r, "land_use_status"), std::vector<std::string>{"已取得不动产权证"});
  EXPECT_EQ(Marked(r, "eia_status"), std::vector<std::string>{"已取得"});
  EXPECT_EQ(Marked(r, "energy_review_status"), std::vector<std::string>{"已取得"});
  EXPECT_EQ(Marked(r, "preliminary_design_status"), std::vector<std::string>{"正在办理"});
}

// A form printed in a bold face (strokes of 6 pixels) ticked with a thin ✓
// (issue 18, variety dev 嘉峪镜铁山 003): the mark's ink is weighed against
// a regular pen's stroke, not the bold face's, or no tick passes.
TEST_F(ScanTest, ThinTicksInABoldFormAreMarks) {
  FormReading r;
  Status s = Read({"p2_status_bold_thin_ticks.jpg"}, &r);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(Marked(r, "approval_status"), std::vector<std::string>{"不涉及"});
  EXPECT_EQ(Marked(r, "land_use_status"), std::vector<std::string>{"正在办理"});
  EXPECT_EQ(Marked(r, "eia_status"), std::vector<std::string>{"已取得"});
  EXPECT_EQ(Marked(r, "energy_review_status"), std::vector<std::string>{});
  EXPECT_EQ(Marked(r, "preliminary_design_status"), std::vector<std::string>{"不涉及"});
}

// What a page costs: the orientation probe's upright readings are the
// cells' own (nothing read twice on an upright page), and checkbox groups
// with one printed pair per option are not OCRed at all.
TEST_F(ScanTest, UprightProbesAndSettledGroupsCostNoExtraReading) {
  form::FormLabels labels;
  form::OcrFixes fixes;
  ASSERT_TRUE(form::OcrFixes::Load(*templates_, &fixes).ok());
  ASSERT_TRUE(form::FormLabels::Load(*templates_, &labels).ok());
  auto read = [&](const char* name) {
    PixPtr image = AdoptPix(pixRead((std::string(form::testing::kFixtures) + name).c_str()));
    std::unique_ptr<form::ScannedPage> page;
    EXPECT_TRUE(image);
    if (image) {
      EXPECT_TRUE(form::ScannedPage::Read(labels, fixes, image.get(), 200, name, 0, ocr_.get(), &page).ok());
    }
    return page;
  };
  {
    std::unique_ptr<form::ScannedPage> page = read("p2_checkboxes.png");
    ASSERT_TRUE(page);
    EXPECT_EQ(page->timing().orientation_reads, 0);
    EXPECT_EQ(page->timing().cells_by_marks, 7);  // the seven status and method groups
  }
  {
    std::unique_ptr<form::ScannedPage> page = read("p1_top_upside_down.png");
    ASSERT_TRUE(page);
    EXPECT_GT(page->timing().orientation_reads, 0);  // turned: the upright readings are of no use
  }
}

// Debian's tessdata folder, where chi_sim.traineddata is; "" when not found.
std::string DebianTessdata() {
  std::vector<std::string> candidates = {"/usr/share/tesseract-ocr/5/tessdata", "/usr/share/tesseract-ocr/4.00/tessdata"};
  if (const char* prefix = std::getenv("TESSDATA_PREFIX")) candidates.insert(candidates.begin(), prefix);
  for (const std::string& dir : candidates)
    if (std::filesystem::exists(dir + "/chi_sim.traineddata")) return dir;
  return "";
}

// Names are read a second time by the careful model (form_second_look.tsv).
// Here the careful model is Debian's own chi_sim — the two readings agree,
// and the name is surer than one reading made it — and then English under
// chi_sim's name, which cannot read the name: the readings differ, the
// first is kept (as the table says) and left under the review threshold, so
// that a reviewer looks.
TEST_F(ScanTest, NamesAreReadTwiceByTheCarefulModel) {
  const std::string debian = DebianTessdata();
  if (debian.empty() || !std::filesystem::exists(debian + "/eng.traineddata"))
    GTEST_SKIP() << "Debian's chi_sim and eng models are needed";
  FormReading once;
  ASSERT_TRUE(Read({"p1_seal_skew.jpg"}, &once).ok());
  const double once_confidence = once.fields.at("company_name").confidence;

  std::unique_ptr<OcrEngine> twin;
  ASSERT_TRUE(OcrEngine::Create("", "chi_sim", &twin).ok());
  ASSERT_TRUE(twin->UseCarefulModel(debian).ok());
  std::vector<Document> docs{ImageDoc("p1_seal_skew.jpg")};
  FormReading agreed;
  ASSERT_TRUE(reader_->ReadScanned({&docs[0]}, {"p1_seal_skew.jpg"}, twin.get(), &agreed).ok());
  EXPECT_EQ(Raw(agreed, "company_name"), "甘肃祁连矿业有限公司");
  EXPECT_GE(agreed.fields.at("company_name").confidence, std::max(0.9, once_confidence));
  EXPECT_NE(twin->Fingerprint(), ocr_->Fingerprint());

  const std::filesystem::path english = std::filesystem::temp_directory_path() / "greenmine_scan_test_careful";
  std::filesystem::create_directories(english);
  std::filesystem::copy_file(debian + "/eng.traineddata", english / "chi_sim.traineddata",
                             std::filesystem::copy_options::overwrite_existing);
  std::unique_ptr<OcrEngine> stranger;
  ASSERT_TRUE(OcrEngine::Create("", "chi_sim", &stranger).ok());
  ASSERT_TRUE(stranger->UseCarefulModel(english.string()).ok());
  FormReading differed;
  ASSERT_TRUE(reader_->ReadScanned({&docs[0]}, {"p1_seal_skew.jpg"}, stranger.get(), &differed).ok());
  std::filesystem::remove_all(english);
  EXPECT_EQ(Raw(differed, "company_name"), "甘肃祁连矿业有限公司");
  EXPECT_LT(differed.fields.at("company_name").confidence, 0.6);
  // A value the table does not name is read once, as before.
  EXPECT_EQ(Raw(differed, "credit_code"), Raw(once, "credit_code"));

  std::unique_ptr<OcrEngine> lacking;
  ASSERT_TRUE(OcrEngine::Create("", "chi_sim", &lacking).ok());
  EXPECT_EQ(lacking->UseCarefulModel("/nonexistent").code(), Status::Code::kNotFound);
  EXPECT_FALSE(lacking->HasCarefulModel());
}

TEST_F(ScanTest, ErrorsWhenNothingCanBeRead) {
  FormReading r;
  std::vector<const Document*> none;
  EXPECT_EQ(reader_->ReadScanned(none, {}, ocr_.get(), &r).code(), Status::Code::kNotFound);
  Document doc = ImageDoc("p1_top_upside_down.png");
  EXPECT_EQ(reader_->ReadScanned({&doc}, {"a", "b"}, ocr_.get(), &r).code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(reader_->ReadScanned({&doc}, {"a"}, nullptr, &r).code(), Status::Code::kInvalidArgument);
  // A page that cannot be decoded: its error comes back.
  Document broken;
  Page page;
  page.load_image = [](PixPtr*) { return Status::Corrupt("图像数据损坏"); };
  broken.pages.push_back(page);
  Status s = reader_->ReadScanned({&broken}, {"broken.jpg"}, ocr_.get(), &r);
  EXPECT_EQ(s.code(), Status::Code::kCorrupt);
  // A page without a table.
  Document blank;
  Page white;
  white.dpi = 200;
  white.load_image = [](PixPtr* pix) {
    *pix = AdoptPix(pixCreate(1654, 2339, 8));
    pixSetAllArbitrary(pix->get(), 255);
    return Status::OK();
  };
  blank.pages.push_back(white);
  s = reader_->ReadScanned({&blank}, {"white.png"}, ocr_.get(), &r);
  EXPECT_EQ(s.code(), Status::Code::kNotFound);
  EXPECT_NE(s.message().find("表格"), std::string::npos);
  EXPECT_TRUE(r.fields.empty());
}

}  // namespace
}  // namespace gm
