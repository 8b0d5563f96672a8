// Tests of the layout logic of the form reader without OCR: the assembler
// over rows of cells, electronic forms (a docx table, a text PDF's spans),
// and FormLikeness.
#include <filesystem>
#include <map>
#include <memory>
#include <optional>

#include <gtest/gtest.h>

#include "extractors/form/checkbox.h"
#include "extractors/form/form_assembler.h"
#include "extractors/form/form_labels.h"
#include "extractors/form/form_reader.h"
#include "extractors/form/page_order.h"
#include "extractors/form/span_table.h"

namespace gm::form {
namespace {

Templates LoadTemplates() {
  Templates t;
  Status s = Templates::Load(GREENMINE_SOURCE_DIR "/templates", &t);
  EXPECT_TRUE(s.ok()) << s.ToString();
  return t;
}

// A CellReader that knows only text, and counts what it was asked.
class FakeReader : public CellReader {
 public:
  CheckboxDecision Marks(const FormCell& cell, const std::vector<std::string>& options) override {
    ++marks_asked;
    return MarksFromText(cell.text, options);
  }
  std::string Png(const FormCell& cell) override { return cell.w > 0 ? "PNG:" + cell.text : ""; }
  void Refine(const FormCell& cell, const FieldSpec& field, Reading* reading) override {
    if (field.key == "project_stage" && reading->raw == "双开王") reading->raw = "已开工";
  }
  // The careful model's text of a cell, when a test gives one.
  std::optional<CarefulReading> ReadCarefully(const FormCell& cell, const std::string& key) override {
    auto it = careful_text.find(cell.text);
    if (it == careful_text.end()) return std::nullopt;
    return CarefulReading{it->second, false};
  }
  int marks_asked = 0;
  std::map<std::string, std::string> careful_text;  // a cell's text → the careful model's
};

FormCell Cell(const std::string& text, double x0, double x1, int page = 0) {
  FormCell c;
  c.text = text;
  c.blank = text.empty();
  c.x0 = x0;
  c.x1 = x1;
  c.page = page;
  c.x = static_cast<int>(x0 * 1000);
  c.y = 10;
  c.w = static_cast<int>((x1 - x0) * 1000);
  c.h = 50;
  c.confidence = 0.9;
  return c;
}

// label | value | label | value
FormRow Quad(const std::string& l1, const std::string& v1, const std::string& l2, const std::string& v2, int page = 0) {
  return FormRow{{Cell(l1, 0, 0.2, page), Cell(v1, 0.2, 0.5, page), Cell(l2, 0.5, 0.7, page), Cell(v2, 0.7, 1, page)}, false};
}
FormRow Wide(const std::string& l, const std::string& v, int page = 0) {
  return FormRow{{Cell(l, 0, 0.2, page), Cell(v, 0.2, 1, page)}, false};
}
FormRow Whole(const std::string& text, int page = 0) { return FormRow{{Cell(text, 0, 1, page)}, false}; }

class AssemblerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    templates_ = LoadTemplates();
    ASSERT_TRUE(FormLabels::Load(templates_, &labels_).ok());
  }
  FormReading Assemble(const std::vector<FormRow>& rows) {
    FormReading out;
    AssembleForm(labels_, templates_, rows, "form.pdf", &reader_, &out);
    return out;
  }
  Templates templates_;
  FormLabels labels_;
  FakeReader reader_;
};

TEST_F(AssemblerTest, ValuesRightOfLabelsBelowSectionsAndCompounds) {
  std::vector<FormRow> rows = {
      Whole("一、企业基本情况"),
      Quad("企业名称*", "甘肃 祁连 矿业\n有限 公司", "信用代码", "91620100MA71234567"),
      Quad("项目名称*", "某项目", "是否变更4", "是（√）否（ ）\n曾用名：原某项目"),
      Quad("项目阶段*7", "双开王", "是否中央预算内投资*", "是（ ）否（√）"),
      Wide("资金来源*13", "政府资金（ 500 ）万元，自筹资金（ 3000 ）万元，其他（ 6500 ）万元"),
      Quad("环评批复*", "已取得（）\n正在办理（√）\n不涉及（）", "节能审查", ""),
      Quad("意向贷款期限*", "（ 36 ）个月", "担保方式*16", "抵押、保证"),
      Whole("六、项目社会效益（具有何种社会效益，文字描述）"),
      Whole("新增就业岗位120个"),
      Wide("联系人\n及联系方式*", "联系人：张伟  电话：13909311234"),
  };
  FormReading r = Assemble(rows);
  EXPECT_EQ(r.fields.at("company_name").raw, "甘肃祁连矿业有限公司");
  EXPECT_EQ(r.fields.at("company_name").provenance.file, "form.pdf");
  EXPECT_EQ(r.fields.at("company_name").provenance.cell_png, "PNG:甘肃 祁连 矿业\n有限 公司");
  EXPECT_EQ(r.fields.at("company_name").provenance.raw, "甘肃祁连矿业有限公司");
  EXPECT_DOUBLE_EQ(r.fields.at("company_name").confidence, 0.9);
  EXPECT_EQ(r.fields.at("credit_code").raw, "91620100MA71234567");
  EXPECT_EQ(r.fields.at("renamed").marked, std::vector<std::string>{"是"});
  EXPECT_TRUE(r.fields.at("renamed").is_checkbox);
  EXPECT_EQ(r.fields.at("former_project_name").raw, "原某项目");
  EXPECT_EQ(r.fields.at("project_stage").raw, "已开工");  // refined by the reader
  // A plain cell in which the applicant drew the options is read as a checkbox group.
  EXPECT_TRUE(r.fields.at("central_budget").is_checkbox);
  EXPECT_EQ(r.fields.at("central_budget").marked, std::vector<std::string>{"否"});
  EXPECT_EQ(r.fields.at("funding_government").raw, "500");
  EXPECT_EQ(r.fields.at("funding_self").raw, "3000");
  EXPECT_EQ(r.fields.at("funding_other").raw, "6500");
  EXPECT_EQ(r.fields.at("eia_status").marked, std::vector<std::string>{"正在办理"});
  // An empty checkbox cell: a missing answer, read with confidence.
  EXPECT_TRUE(r.fields.at("energy_review_status").marked.empty());
  EXPECT_TRUE(r.fields.at("energy_review_status").is_checkbox);
  EXPECT_EQ(r.fields.at("loan_term_months").raw, "36");
  EXPECT_EQ(r.fields.at("guarantee_method").raw, "抵押、保证");
  EXPECT_EQ(r.fields.at("social_benefits").raw, "新增就业岗位120个");
  EXPECT_EQ(r.fields.at("contact_person").raw, "张伟");
  EXPECT_EQ(r.fields.at("contact_phone").raw, "13909311234");
  // Sections and titles are no fields; labels not on the form are absent.
  EXPECT_EQ(r.fields.count("sec_company"), 0u);
  EXPECT_EQ(r.fields.count("tax_payment"), 0u);
  EXPECT_GT(r.mean_confidence, 0.5);
}

TEST_F(AssemblerTest, RowSplitByThePageBreakContinues) {
  FormRow cont{{Cell("", 0, 0.2, 1), Cell("生态监测系统。", 0.2, 1, 1)}, true};
  std::vector<FormRow> rows = {
      Wide("项目描述*", "对矿区开展地质环境治理，建设矿区", 0),
      cont,
      Wide("项目所属类别*6", "4.2.8绿色照明改造", 1),
  };
  FormReading r = Assemble(rows);
  EXPECT_EQ(r.fields.at("project_description").raw, "对矿区开展地质环境治理,建设矿区生态监测系统。");
  EXPECT_EQ(r.fields.at("project_description").provenance.page, 0);
  EXPECT_EQ(r.fields.at("project_category").raw, "4.2.8绿色照明改造");
  // A row of noise at the top of a page (no empty label cell) continues nothing.
  FormRow noise{{Cell("噪声", 0, 0.2, 1), Cell("杂乱", 0.2, 1, 1)}, true};
  FormReading r2 = Assemble({Wide("项目描述*", "一段描述", 0), noise});
  EXPECT_EQ(r2.fields.at("project_description").raw, "一段描述");
}

TEST_F(AssemblerTest, BelowValueOnTheNextPage) {
  FormRow value{{Cell("新增就业岗位120个", 0, 1, 1)}, true};
  FormReading r = Assemble({Whole("六、项目社会效益（具有何种社会效益，文字描述）", 0), value, Whole("七、其他", 1)});
  EXPECT_EQ(r.fields.at("social_benefits").raw, "新增就业岗位120个");
}

// Photos of the pages named by when they were taken: page 3 came before
// page 2. The pages are put back in the form's order, so the value at the
// top of page 3 meets its `below` label at the bottom of page 2; a page
// without labels stays after the page before it.
TEST_F(AssemblerTest, PagesOutOfOrderArePutInTheFormsOrder) {
  auto on = [](FormRow row, const std::string& file) {
    for (FormCell& c : row.cells) c.file = file;
    return row;
  };
  std::vector<FormRow> rows = {
      on(Quad("企业名称*", "甘肃祁连矿业有限公司", "信用代码", "91620100MA71234567", 0), "IMG_1.jpg"),
      on(Wide("项目名称*", "祁连山矿区生态修复项目", 0), "IMG_1.jpg"),
      on(Whole("新增就业岗位120个", 0), "IMG_2.jpg"),  // page 3, first
      on(Wide("政策诉求", "希望纳入项目库", 0), "IMG_2.jpg"),
      on(Whole("", 0), "IMG_4.jpg"),                   // a page of nothing known
      on(Quad("贷款总需求*（万元）", "6500", "已获贷款额*（万元）", "0", 0), "IMG_3.jpg"),  // page 2
      on(Whole("六、项目社会效益（具有何种社会效益，文字描述）", 0), "IMG_3.jpg"),
  };
  std::vector<FormRow> ordered = InFormOrder(labels_, rows);
  ASSERT_EQ(ordered.size(), rows.size());
  std::vector<std::string> files;
  for (const FormRow& row : ordered) files.push_back(row.cells.front().file);
  EXPECT_EQ(files, (std::vector<std::string>{"IMG_1.jpg", "IMG_1.jpg", "IMG_3.jpg", "IMG_3.jpg", "IMG_2.jpg",
                                             "IMG_2.jpg", "IMG_4.jpg"}));
  std::vector<bool> first;
  for (const FormRow& row : ordered) first.push_back(row.first_on_page);
  EXPECT_EQ(first, (std::vector<bool>{false, false, true, false, true, false, true}));
  FormReading r = Assemble(ordered);
  EXPECT_EQ(r.fields.at("social_benefits").raw, "新增就业岗位120个");
  EXPECT_EQ(r.fields.at("loan_demand_total").raw, "6500");
  // Read in the files' order, the value is lost.
  EXPECT_NE(Assemble(rows).fields["social_benefits"].raw, "新增就业岗位120个");
  // Pages already in order stay as they are.
  std::vector<FormRow> again = InFormOrder(labels_, ordered);
  for (size_t i = 0; i < again.size(); ++i) EXPECT_EQ(again[i].cells.front().text, ordered[i].cells.front().text);
}

TEST_F(AssemblerTest, SectionOnlyWhenWideAndFirstSightingWins) {
  // "其他" in a narrow cell is not the section 七、其他; a label read twice keeps the first value.
  std::vector<FormRow> rows = {
      Quad("资金用途14", "其他", "项目回报率10", "8.5%"),
      Quad("企业名称*", "甲公司", "企业名称*", "乙公司"),
  };
  FormReading r = Assemble(rows);
  EXPECT_EQ(r.fields.at("use_of_funds").raw, "其他");
  EXPECT_EQ(r.fields.at("return_rate").raw, "8.5%");
  EXPECT_EQ(r.fields.at("company_name").raw, "甲公司");
}

TEST_F(AssemblerTest, GarbledLabelTakenFromItsPlace) {
  std::vector<FormRow> rows = {
      Quad("企业名称*", "甲公司", "信用代码", "91620100MA71234567"),
      Quad("乱码乱", "国有控股公司", "注册资金（万元）*", "12500"),  // 企业类型, unreadable
      Quad("信用等级*2", "AA", "资产负债率（%）*3", "56.3"),
      Quad("认不出", "某值", "也认不出", "另一值"),  // two unread labels, three candidates: left alone
      Wide("项目描述*", "描述"),
  };
  FormReading r = Assemble(rows);
  EXPECT_EQ(r.fields.at("company_type").raw, "国有控股公司");
  EXPECT_EQ(r.fields.at("registered_capital").raw, "12500");
  EXPECT_EQ(r.fields.count("project_name"), 0u);
  EXPECT_EQ(r.fields.count("project_location"), 0u);
  EXPECT_EQ(r.fields.at("project_description").raw, "描述");
}

TEST_F(AssemblerTest, PrintedHintsAreNoAnswers) {
  std::vector<FormRow> rows = {
      Whole("四、项目经营管理情况"),
      Quad("开展清洁生产\n审核情况", "描述近两年情况", "财务状况", "描述近1年年资产盈利或负债情况\n资产总计5亿元，盈利。"),
      Quad("税费缴纳情况", "描述近1年税费缴纳情况", "近2年行政奖励、处罚情况", "无"),
  };
  FormReading r = Assemble(rows);
  EXPECT_EQ(r.fields.at("cleaner_production_audit").raw, "");
  EXPECT_GE(r.fields.at("cleaner_production_audit").confidence, 0.8);
  EXPECT_EQ(r.fields.at("financial_condition").raw, "资产总计5亿元,盈利。");
  EXPECT_EQ(r.fields.at("tax_payment").raw, "");
  EXPECT_EQ(r.fields.at("rewards_penalties").raw, "无");
}

TEST_F(AssemblerTest, AValueThatRanOnIntoTheNextLabelIsCut) {
  // The ruling line between the name and 信用代码 was lost: one cell.
  std::vector<FormRow> rows = {
      Whole("一、企业基本情况"),
      FormRow{{Cell("企业名称*", 0, 0.2), Cell("甘肃祁连矿业有限责任公司”信用代码 916201007581234567", 0.2, 1)}, false},
  };
  FormReading r = Assemble(rows);
  EXPECT_EQ(r.fields.at("company_name").raw, "甘肃祁连矿业有限责任公司");
  EXPECT_LT(r.fields.at("company_name").confidence, 0.9);
  // The run-on label's own value, since its cell was not found.
  EXPECT_EQ(r.fields.at("credit_code").raw, "916201007581234567");
  EXPECT_LT(r.fields.at("credit_code").confidence, 0.9);
  // An amount runs on too: its value, and the next label's, each to its field.
  std::vector<FormRow> amounts = {
      Whole("三、投资情况"),
      FormRow{{Cell("项目总投资*\n（万元）", 0, 0.2), Cell("12000 资本金总额*（万元） 3600", 0.2, 1)}, false},
  };
  FormReading a = Assemble(amounts);
  EXPECT_EQ(a.fields.at("total_investment").raw, "12000");
  EXPECT_EQ(a.fields.at("equity_capital").raw, "3600");
  // A value of one character, one of its field's closed values (信用等级 A),
  // ran on into the next label and its value (issue 18).
  std::vector<FormRow> rating = {
      Whole("一、企业基本情况"),
      FormRow{{Cell("信用等级*2", 0, 0.2), Cell("A 资产负债率（%）*3 35.7 %", 0.2, 1)}, false},
  };
  FormReading g = Assemble(rating);
  EXPECT_EQ(g.fields.at("credit_rating").raw, "A");
  EXPECT_EQ(g.fields.at("debt_ratio").raw, "35.7 %");
  rating[1].cells[1].text = "A 资产负债率〈%) *” 35.7 %";  // as OCR read it
  EXPECT_EQ(Assemble(rating).fields.at("debt_ratio").raw, "35.7 %");
  amounts[1].cells[1].text = "12000 资本金总额*（万元）3600";  // no footnote after a bracket
  EXPECT_EQ(Assemble(amounts).fields.at("equity_capital").raw, "3600");
  // Where the label has a cell of its own, that cell is the value.
  rows.push_back(Quad("项目名称*", "某项目", "信用代码", "91620100MA71234567"));
  EXPECT_EQ(Assemble(rows).fields.at("credit_code").raw, "91620100MA71234567");
}

// A name in a cell that ran on into the next label is read twice like any
// name (issue 18, variety dev 靖远 000: "…煤位业有有限公司" kept at 0.63 with
// no second look): the careful reading, cut at the same label, settles it.
TEST_F(AssemblerTest, ARunOnNameGetsTheSecondLook) {
  const std::string cell = "靖远集团嘉峪煤位业有有限公司 信用代码 91620100MA7123456X";
  std::vector<FormRow> rows = {
      Whole("一、企业基本情况"),
      FormRow{{Cell("企业名称*", 0, 0.2), Cell(cell, 0.2, 1)}, false},
  };
  reader_.careful_text[cell] = "靖远集团嘉峪煤矿业有限公司 信用代码 91620100MA7123456X";
  FormReading differ = Assemble(rows);
  EXPECT_EQ(differ.fields.at("company_name").raw, "靖远集团嘉峪煤位业有有限公司");  // the first kept
  EXPECT_LT(differ.fields.at("company_name").confidence, 0.6);                      // under review
  reader_.careful_text[cell] = "靖远集团嘉峪煤位业有有限公司信用代码91620100MA7123456X";
  FormReading alike = Assemble(rows);
  EXPECT_GT(alike.fields.at("company_name").confidence, 0.7);
  EXPECT_EQ(alike.fields.at("credit_code").raw, "91620100MA7123456X");
  // The run-on label's value in a cell of its own: the first cell is read again.
  const std::string name_and_label = "靖远集团嘉峪煤位业有有限公司 信用代码";
  std::vector<FormRow> split = {
      Whole("一、企业基本情况"),
      FormRow{{Cell("企业名称*", 0, 0.2), Cell(name_and_label, 0.2, 0.6), Cell("91620100MA7123456X", 0.6, 1)}, false},
  };
  reader_.careful_text[name_and_label] = "靖远集团嘉峪煤矿业有限公司 信用代码";
  EXPECT_LT(Assemble(split).fields.at("company_name").confidence, 0.6);
}

TEST_F(AssemblerTest, BlankAndMissingValueCells) {
  std::vector<FormRow> rows = {Quad("企业名称*", "", "信用代码", "|")};
  rows.push_back(FormRow{{Cell("对接银行", 0, 1)}, false});  // a label with no cell beside it
  FormReading r = Assemble(rows);
  EXPECT_EQ(r.fields.at("company_name").raw, "");
  EXPECT_GE(r.fields.at("company_name").confidence, 0.8);
  EXPECT_EQ(r.fields.at("credit_code").raw, "");  // OCR junk only
  EXPECT_EQ(r.fields.at("partner_bank").raw, "");
  EXPECT_TRUE(Assemble({}).fields.empty());
}

// ---------------------------------------------------------------- electronic

class ElectronicTest : public ::testing::Test {
 protected:
  void SetUp() override {
    templates_ = LoadTemplates();
    ASSERT_TRUE(FormReader::Create(templates_, &reader_).ok());
  }
  Templates templates_;
  std::unique_ptr<FormReader> reader_;
};

TEST_F(ElectronicTest, DocxTable) {
  Document doc;
  doc.format = DocumentFormat::kDocx;
  TextTable intro{"table 1", {{"填报企业（盖章）：", "甘肃祁连矿业有限公司"}}};
  TextTable form{"table 2",
                 {{"一、企业基本情况", "一、企业基本情况", "一、企业基本情况", "一、企业基本情况"},
                  {"企业名称*", "甘肃祁连矿业有限公司", "信用代码", "91620100MA71234567"},
                  {"项目描述*", "对矿区开展治理。", "对矿区开展治理。", "对矿区开展治理。"},
                  {"资金来源*13", "政府资金（0）万元，自筹资金（3000）万元，其他（7000）万元", "", ""},
                  {"立项文件\n办理情况*", "已完成核准（）\n已完成备案（√）\n正在办理（）\n不涉及（）", "土地使用\n相关证明*",
                   "正在办理（）\n已取得用地预审（）\n已取得不动产权证（√）\n不涉及（）"},
                  {"意向融资方式15", "股权（）发债（）\n贷款（√）其他（融资租赁）", "贷款总需求*\n（万元）", "6,500.00"},
                  {"六、项目社会效益（具有何种社会效益，文字描述）"},
                  {"带动就业。"},
                  {"联系人\n及联系方式*", "李娜 0931-8123456", "李娜 0931-8123456", "李娜 0931-8123456"}}};
  doc.tables = {intro, form};
  FormReading r;
  Status s = reader_->ReadElectronic(doc, "申请表.docx", &r);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(r.method, "text");
  EXPECT_EQ(r.source_file, "申请表.docx");
  EXPECT_EQ(r.fields.at("company_name").raw, "甘肃祁连矿业有限公司");
  EXPECT_DOUBLE_EQ(r.fields.at("company_name").confidence, 1.0);
  EXPECT_EQ(r.fields.at("company_name").provenance.file, "申请表.docx");
  EXPECT_EQ(r.fields.at("company_name").provenance.cell_png, "");
  EXPECT_EQ(r.fields.at("project_description").raw, "对矿区开展治理。");
  EXPECT_EQ(r.fields.at("funding_government").raw, "0");
  EXPECT_EQ(r.fields.at("funding_other").raw, "7000");
  EXPECT_EQ(r.fields.at("approval_status").marked, std::vector<std::string>{"已完成备案"});
  EXPECT_EQ(r.fields.at("land_use_status").marked, std::vector<std::string>{"已取得不动产权证"});
  EXPECT_EQ(r.fields.at("financing_methods").marked, (std::vector<std::string>{"贷款", "其他"}));
  EXPECT_NE(r.fields.at("financing_methods").raw.find("融资租赁"), std::string::npos);
  EXPECT_EQ(r.fields.at("loan_demand_total").raw, "6,500.00");
  EXPECT_EQ(r.fields.at("social_benefits").raw, "带动就业。");
  EXPECT_EQ(r.fields.at("contact_person").raw, "李娜");
  EXPECT_EQ(r.fields.at("contact_phone").raw, "0931-8123456");
  EXPECT_DOUBLE_EQ(r.mean_confidence, 1.0);
}

// Spans of a text PDF exported from Word: cells centred in their rows, a
// tall value beside a short label, a label wrapped over two lines.
TEST_F(ElectronicTest, TextPdfSpans) {
  Document doc;
  doc.format = DocumentFormat::kPdf;
  Page page;
  page.dpi = 72;
  auto span = [&](const std::string& text, double x, double y, double w, double h = 10) {
    page.text.push_back(TextSpan{text, Box{x, y, w, h}});
  };
  span("甘肃省绿色矿山建设投融资项目入库申请表", 150, 60, 300, 16);
  span("一、企业基本情况", 75, 105, 80);
  // Row: 企业名称 | value | 信用代码 | value, centre y = 135.
  span("企业名称*", 80, 130, 50);
  span("甘肃祁连矿业有限公司", 170, 130, 100);
  span("信用代码", 330, 130, 40);
  span("91620100MA71234567", 420, 130, 100);
  // Row: 项目描述 with a three-line value, centre y = 175.
  span("项目描述*", 80, 170, 50);
  span("对矿区开展地质环境治理，", 170, 155, 200);
  span("植被恢复和尾矿库闭库治理，", 170, 170, 200);
  span("建设矿区生态监测系统。", 170, 185, 200);
  // Row: a label over two lines and its value, centre y = 220.
  span("项目总投资*", 80, 208, 55);
  span("（万元）", 85, 222, 40);
  span("10000", 170, 215, 30);
  span("资本金总额*", 330, 208, 55);
  span("（万元）", 335, 222, 40);
  span("3500", 420, 215, 25);
  // Section, its value row, and the next section.
  span("六、项目社会效益（具有何种社会效益，文字描述）", 75, 250, 240);
  span("新增就业岗位120个。", 80, 280, 120);
  span("七、其他", 75, 310, 40);
  span("联系人", 85, 335, 30);
  span("及联系方式*", 80, 348, 55);
  span("张伟 13909311234", 170, 342, 90);
  span("一．填表说明:", 75, 420, 70);
  doc.pages.push_back(page);
  FormReading r;
  Status s = reader_->ReadElectronic(doc, "申请表.pdf", &r);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(r.fields.at("company_name").raw, "甘肃祁连矿业有限公司");
  EXPECT_EQ(r.fields.at("credit_code").raw, "91620100MA71234567");
  EXPECT_EQ(r.fields.at("project_description").raw, "对矿区开展地质环境治理,植被恢复和尾矿库闭库治理,建设矿区生态监测系统。");
  EXPECT_EQ(r.fields.at("total_investment").raw, "10000");
  EXPECT_EQ(r.fields.at("equity_capital").raw, "3500");
  EXPECT_EQ(r.fields.at("social_benefits").raw, "新增就业岗位120个。");
  EXPECT_EQ(r.fields.at("contact_person").raw, "张伟");
  EXPECT_EQ(r.fields.at("contact_phone").raw, "13909311234");
}

TEST_F(ElectronicTest, NothingLikeTheForm) {
  Document doc;
  doc.format = DocumentFormat::kDocx;
  doc.tables.push_back(TextTable{"table 1", {{"资产", "负债"}, {"100", "50"}}});
  FormReading r;
  Status s = reader_->ReadElectronic(doc, "报表.docx", &r);
  EXPECT_EQ(s.code(), Status::Code::kNotFound);
  EXPECT_NE(s.message().find("报表.docx"), std::string::npos);
  Document empty;
  EXPECT_EQ(reader_->ReadElectronic(empty, "空.pdf", &r).code(), Status::Code::kNotFound);
}

TEST_F(ElectronicTest, FormLikeness) {
  double form = reader_->FormLikeness("甘肃省绿色矿山建设投融资项目入库申请表\n填报企业（盖章）：\n一、企业基本情况\n企业名称* 信用代码\n企业类型*1 注册资金（万元）*");
  double title_only = reader_->FormLikeness("甘肃省绿色矿山建设投融资项目入库申请表");
  double other = reader_->FormLikeness("环境影响报告表的批复 经研究，同意该项目建设");
  EXPECT_GT(form, 0.7);
  EXPECT_GE(title_only, 0.5);
  EXPECT_LT(other, 0.2);
  EXPECT_LE(form, 1.0);
  EXPECT_DOUBLE_EQ(reader_->FormLikeness(""), 0.0);
}

TEST_F(ElectronicTest, CorrectNamesTouchesOnlyTheNameFields) {
  FormReading r;
  r.fields["company_name"].raw = "甘肃密街矿业集团有限公司";
  r.fields["project_name"].raw = "窗街铅锌矿矿石堆场全封闭改造项目";
  r.fields["project_location"].raw = "兰州市窗街铅锌矿";  // not a name field: stays as read
  reader_->CorrectNames({"窑街铅锌矿入库资料", "甘肃窑街矿业集团有限公司营业执照"}, &r);
  EXPECT_EQ(r.fields["company_name"].raw, "甘肃窑街矿业集团有限公司");
  EXPECT_EQ(r.fields["project_name"].raw, "窑街铅锌矿矿石堆场全封闭改造项目");
  EXPECT_EQ(r.fields["project_location"].raw, "兰州市窗街铅锌矿");
  EXPECT_EQ(r.fields.count("former_project_name"), 0u) << "no field is added";
}

TEST(FormReaderCreate, FailsWithoutItsTables) {
  Templates t;
  ASSERT_TRUE(Templates::Load(GREENMINE_SOURCE_DIR "/templates", &t).ok());
  std::unique_ptr<FormReader> reader;
  ASSERT_TRUE(FormReader::Create(t, &reader).ok());
  ASSERT_NE(reader, nullptr);
  std::filesystem::path dir = std::filesystem::temp_directory_path() / "gm_form_no_reread";
  std::filesystem::create_directories(dir);
  for (const char* f : {"fields.tsv", "catalog.tsv", "checklist.tsv", "findings.tsv", "form_labels.tsv", "form_compound.tsv",
                        "form_capital.tsv", "form_ocr_fixes.tsv", "form_typed_names.tsv"})
    std::filesystem::copy_file(std::filesystem::path(GREENMINE_SOURCE_DIR "/templates") / f, dir / f,
                               std::filesystem::copy_options::overwrite_existing);
  std::filesystem::remove(dir / "form_reread.tsv");
  ASSERT_TRUE(Templates::Load(dir, &t).ok());
  std::unique_ptr<FormReader> broken;
  EXPECT_EQ(FormReader::Create(t, &broken).code(), Status::Code::kNotFound);
  EXPECT_EQ(broken, nullptr);
}

}  // namespace
}  // namespace gm::form
