#include "tests/emit/sample_record.h"

#include <unistd.h>

#include <atomic>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>
#include <leptonica/allheaders.h>

#include "pipeline/core/pix.h"

namespace gm::testing {
namespace {

void Set(Record* r, const std::string& key, Json value, double confidence, const std::string& raw = "",
         const std::string& png = "", int page = 0) {
  FieldValue& f = r->fields[key];
  f.value = std::move(value);
  f.confidence = confidence;
  f.provenance.raw = raw;
  f.provenance.cell_png = png;
  if (!raw.empty()) {
    f.provenance.file = "入库申请表（盖章扫描件）.pdf";
    f.provenance.page = page;
    f.provenance.x = 120;
    f.provenance.y = 300 + 40 * static_cast<int>(r->fields.size());
    f.provenance.w = 600;
    f.provenance.h = 38;
  }
}

ChecklistEntry Entry(bool required, bool present, std::vector<std::string> files, std::string reason) {
  ChecklistEntry e;
  e.required = required;
  e.present = present;
  e.files = std::move(files);
  e.reason = std::move(reason);
  return e;
}

Finding MakeFinding(std::string code, std::string severity, std::string field, std::string message) {
  return Finding{std::move(code), std::move(severity), std::move(field), std::move(message)};
}

}  // namespace

ScratchDir::ScratchDir() {
  static std::atomic<int> counter{0};
  path_ = std::filesystem::temp_directory_path() /
          ("gm-emit-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
  std::filesystem::remove_all(path_);
  std::filesystem::create_directories(path_);
}

ScratchDir::~ScratchDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

void WriteText(const std::filesystem::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  ASSERT_TRUE(out.good()) << path;
}

std::string ReadText(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void ExpectSameRecord(const Record& a, const Record& b) {
  EXPECT_EQ(a.package_id, b.package_id);
  EXPECT_EQ(a.source, b.source);
  EXPECT_EQ(a.origin.container, b.origin.container);
  EXPECT_EQ(a.origin.subject, b.origin.subject);
  EXPECT_EQ(a.origin.from, b.origin.from);
  EXPECT_EQ(a.origin.to, b.origin.to);
  EXPECT_EQ(a.origin.date, b.origin.date);
  EXPECT_EQ(a.origin.body, b.origin.body);
  EXPECT_EQ(a.pages_read, b.pages_read);
  ASSERT_EQ(a.files.size(), b.files.size());
  for (size_t i = 0; i < a.files.size(); ++i) {
    SCOPED_TRACE(a.files[i].path);
    EXPECT_EQ(a.files[i].path, b.files[i].path);
    EXPECT_EQ(a.files[i].sha256, b.files[i].sha256);
    EXPECT_EQ(a.files[i].kind, b.files[i].kind);
    EXPECT_EQ(a.files[i].pages, b.files[i].pages);
    EXPECT_EQ(a.files[i].text_source, b.files[i].text_source);
    EXPECT_EQ(a.files[i].error, b.files[i].error);
  }
  ASSERT_EQ(a.fields.size(), b.fields.size());
  for (const auto& [key, fa] : a.fields) {
    SCOPED_TRACE(key);
    auto it = b.fields.find(key);
    ASSERT_NE(it, b.fields.end());
    const FieldValue& fb = it->second;
    EXPECT_EQ(fa.value, fb.value);
    EXPECT_EQ(fa.confidence, fb.confidence);
    EXPECT_EQ(fa.provenance.file, fb.provenance.file);
    EXPECT_EQ(fa.provenance.page, fb.provenance.page);
    EXPECT_EQ(fa.provenance.x, fb.provenance.x);
    EXPECT_EQ(fa.provenance.y, fb.provenance.y);
    EXPECT_EQ(fa.provenance.w, fb.provenance.w);
    EXPECT_EQ(fa.provenance.h, fb.provenance.h);
    EXPECT_EQ(fa.provenance.raw, fb.provenance.raw);
    EXPECT_EQ(fa.provenance.cell_png, fb.provenance.cell_png);
  }
  ASSERT_EQ(a.financials.has_value(), b.financials.has_value());
  if (a.financials) {
    const Financials &x = *a.financials, &y = *b.financials;
    EXPECT_EQ(x.year, y.year);
    EXPECT_EQ(x.total_assets, y.total_assets);
    EXPECT_EQ(x.total_liabilities, y.total_liabilities);
    EXPECT_EQ(x.owners_equity, y.owners_equity);
    EXPECT_EQ(x.revenue, y.revenue);
    EXPECT_EQ(x.net_profit, y.net_profit);
    EXPECT_EQ(x.operating_cash_flow, y.operating_cash_flow);
    EXPECT_EQ(x.source_file, y.source_file);
    EXPECT_EQ(x.unit, y.unit);
  }
  ASSERT_EQ(a.checklist.size(), b.checklist.size());
  for (const auto& [kind, ea] : a.checklist) {
    SCOPED_TRACE(kind);
    auto it = b.checklist.find(kind);
    ASSERT_NE(it, b.checklist.end());
    EXPECT_EQ(ea.required, it->second.required);
    EXPECT_EQ(ea.present, it->second.present);
    EXPECT_EQ(ea.files, it->second.files);
    EXPECT_EQ(ea.reason, it->second.reason);
  }
  ASSERT_EQ(a.findings.size(), b.findings.size());
  for (size_t i = 0; i < a.findings.size(); ++i) {
    EXPECT_EQ(a.findings[i].code, b.findings[i].code);
    EXPECT_EQ(a.findings[i].severity, b.findings[i].severity);
    EXPECT_EQ(a.findings[i].field, b.findings[i].field);
    EXPECT_EQ(a.findings[i].message, b.findings[i].message);
  }
}

const Templates& RepoTemplates() {
  static const Templates* templates = [] {
    auto* t = new Templates();
    Status s = Templates::Load(std::string(GREENMINE_SOURCE_DIR) + "/templates", t);
    EXPECT_TRUE(s.ok()) << s.ToString();
    return t;
  }();
  return *templates;
}

std::string MakeCellPng(int width, int height, int bars) {
  PixPtr pix = AdoptPix(pixCreate(width, height, 1));
  if (!pix) return "";
  PIX* p = pix.get();
  pixRasterop(p, 0, 0, width, 2, PIX_SET, nullptr, 0, 0);
  pixRasterop(p, 0, height - 2, width, 2, PIX_SET, nullptr, 0, 0);
  pixRasterop(p, 0, 0, 2, height, PIX_SET, nullptr, 0, 0);
  pixRasterop(p, width - 2, 0, 2, height, PIX_SET, nullptr, 0, 0);
  for (int i = 0; i < bars; ++i) pixRasterop(p, 8 + i * 9, height / 4, 3, height / 2, PIX_SET, nullptr, 0, 0);
  l_uint8* data = nullptr;
  size_t size = 0;
  if (pixWriteMem(&data, &size, p, IFF_PNG) != 0 || data == nullptr) return "";
  std::string png(reinterpret_cast<const char*>(data), size);
  lept_free(data);
  return png;
}

Record MakeSampleRecord() {
  Record r;
  r.package_id = "陇原矿业-绿色照明改造-3f9a2c";
  r.source = "2024-05-08 陇原矿业入库申请.eml";
  r.origin = {"eml", "关于报送绿色照明改造项目入库申请材料的函", "张伟 <zhangwei@longyuan-mining.cn>",
              "ku@gsgreenmine.gov.cn", "Wed, 08 May 2024 09:12:44 +0800",
              "您好：\r\n附件为我公司绿色照明改造项目入库申请材料，请审阅。\r\n联系人：张伟 0931-8123456"};
  r.pages_read = 14;

  FileEntry form{"入库申请表（盖章扫描件）.pdf", std::string(64, 'a'), "application_form", 4, "ocr", ""};
  FileEntry approval{"附件/立项备案证明.pdf", std::string(64, 'b'), "approval_doc", 2, "text", ""};
  FileEntry balance{"附件/2023年度资产负债表.xlsx", std::string(64, 'c'), "balance_sheet", 1, "text", ""};
  FileEntry income{"附件/2023年度利润表.xlsx", std::string(64, 'd'), "income_statement", 1, "text", ""};
  FileEntry broken{"附件/环评批复.rar", std::string(64, 'e'), "", -1, "none", "压缩包已损坏，无法解开：环评批复.rar"};
  r.files = {form, approval, balance, income, broken};

  std::string png = MakeCellPng(240, 36, 12);
  std::string small = MakeCellPng(60, 20, 3);
  // 一、企业基本情况
  Set(&r, "company_name", "甘肃陇原绿色矿业有限公司", 0.962, "甘肃陇原绿色矿业有限公司", png);
  Set(&r, "credit_code", "91620100MA71234560", 0.91, "91620100MA71234560", png);
  Set(&r, "company_type", "国有控股公司", 0.88, "国有控股公司", small);
  Set(&r, "registered_capital", 50000, 0.93, "50,000", small);
  Set(&r, "credit_rating", "AA", 0.97, "AA");
  Set(&r, "debt_ratio", 56.3, 0.9, "56.3%");
  // 二、项目基本信息
  Set(&r, "project_name", "矿区生产区及生活区绿色照明改造项目", 0.95, "矿区生产区及生活区绿色照明改造项目", png);
  Set(&r, "renamed", false, 0.99, "是（ ）否（√）");
  Set(&r, "former_project_name", nullptr, 0.0);
  Set(&r, "project_location", "甘肃省白银市平川区", 0.42, "甘肃省白银市平川区", png);
  Set(&r, "project_level", "省级", 0.9, "省级");
  Set(&r, "project_description",
      "对矿区生产区、生活区及办公区共计3200盏高压钠灯进行LED替换，配套智能照明控制系统，预计年节电约120万千瓦时。",
      0.86, "对矿区生产区、生活区及办公区共计3200盏高压钠灯进行LED替换，配套智能照明控制系统，预计年节电约120万千瓦时。");
  Set(&r, "project_category", Json{{"code", "4.2.8"}, {"title", "绿色照明改造"}}, 0.81, "4.2.8绿色照明改造");
  Set(&r, "start_date", "2024-03", 0.9, "2024年3月");
  Set(&r, "project_term", "24个月", 0.9, "24个月");
  Set(&r, "project_stage", "已开工", 0.9, "已开工");
  Set(&r, "central_budget", false, 0.9, "否");
  Set(&r, "construction_nature", "技改", 0.9, "技改");
  Set(&r, "revenue_source", "经营性收入", 0.9, "经营性收入");
  Set(&r, "return_rate", 8.5, 0.9, "8.5%");
  Set(&r, "payback_years", 6.5, 0.9, "6.5");
  Set(&r, "operation_mode", "非PPP", 0.9, "非PPP");
  // 三、投资情况
  Set(&r, "total_investment", 12500.5, 0.94, "1.25005亿元", png);
  Set(&r, "equity_capital", 3000, 0.9, "3000");
  Set(&r, "funding_government", 500, 0.9, "500");
  Set(&r, "funding_self", 4000.5, 0.9, "4000.5");
  Set(&r, "funding_other", 8000, 0.9, "8000");
  Set(&r, "funds_in_place", 5000, 0.9, "5000");
  Set(&r, "invested_amount", 3200, 0.9, "3200");
  Set(&r, "planned_investment_this_year", 4000, 0.9, "4000");
  Set(&r, "use_of_funds", "建设", 0.9, "建设");
  Set(&r, "expected_total_revenue", 30000, 0.9, "30000");
  Set(&r, "expected_annual_revenue", nullptr, 0.0);
  // 四、项目经营管理情况
  Set(&r, "approval_status", "已完成备案", 0.9, "已完成备案（√）");
  Set(&r, "land_use_status", "不涉及", 0.9, "不涉及（√）");
  Set(&r, "eia_status", "已取得", 0.9, "已取得（√）");
  Set(&r, "energy_review_status", "不涉及", 0.9, "不涉及（√）");
  Set(&r, "preliminary_design_status", "不涉及", 0.9, "不涉及（√）");
  Set(&r, "cleaner_production_audit", nullptr, 0.0);
  Set(&r, "financial_condition", "财务状况良好，近三年连续盈利", 0.9, "财务状况良好，近三年连续盈利");
  Set(&r, "tax_payment", "按时足额缴纳", 0.9, "按时足额缴纳");
  Set(&r, "ohs_certification", "未认证", 0.9, "未认证");
  Set(&r, "rewards_penalties", nullptr, 0.0);
  // 五、项目融资情况
  Set(&r, "financing_methods", Json::array({"贷款", "其他"}), 0.9, "贷款（√）其他（√）");
  Set(&r, "loan_demand_total", 8000, 0.9, "8000");
  Set(&r, "loans_obtained", 2000, 0.9, "2000");
  Set(&r, "loan_demand_this_year", 3000, 0.9, "3000");
  Set(&r, "loan_term_months", 36, 0.9, "36");
  Set(&r, "guarantee_method", Json::array({"保证", "抵押"}), 0.9, "保证（√）抵押（√）");
  Set(&r, "interest_rate_opinion", "LPR下浮20个基点", 0.9, "LPR下浮20个基点");
  Set(&r, "partner_bank", "中国农业银行甘肃省分行", 0.9, "中国农业银行甘肃省分行");
  // 六、七
  Set(&r, "social_benefits", "年减排二氧化碳约950吨，改善矿区夜间作业照明条件", 0.9,
      "年减排二氧化碳约950吨，改善矿区夜间作业照明条件");
  Set(&r, "policy_requests", nullptr, 0.0);
  Set(&r, "contact_person", "张伟", 0.9, "张伟", small);
  Set(&r, "contact_phone", "0931-8123456", 0.9, "0931-8123456", small);

  Financials fin;
  fin.year = 2023;
  fin.total_assets = 86000.25;
  fin.total_liabilities = 51000;
  fin.owners_equity = 35000.25;
  fin.revenue = 42000;
  fin.net_profit = 3150.5;
  fin.source_file = "附件/2023年度资产负债表.xlsx";
  fin.unit = "元";
  r.financials = fin;

  r.checklist["application_form"] = Entry(true, true, {"入库申请表（盖章扫描件）.pdf"}, "始终需要");
  r.checklist["approval_doc"] = Entry(true, true, {"附件/立项备案证明.pdf"}, "立项文件办理情况为“已完成备案”");
  r.checklist["land_doc"] = Entry(false, false, {}, "土地使用相关证明为“不涉及”");
  r.checklist["eia_doc"] = Entry(true, false, {}, "环评批复为“已取得”");
  r.checklist["energy_review_doc"] = Entry(false, false, {}, "");
  r.checklist["preliminary_design_doc"] = Entry(false, false, {}, "");
  r.checklist["cleaner_production_doc"] = Entry(false, false, {}, "");
  r.checklist["balance_sheet"] = Entry(true, true, {"附件/2023年度资产负债表.xlsx"}, "未提供审计报告");
  r.checklist["income_statement"] = Entry(true, true, {"附件/2023年度利润表.xlsx"}, "未提供审计报告");
  r.checklist["cash_flow_statement"] = Entry(true, false, {}, "未提供审计报告");
  r.checklist["audit_report"] = Entry(false, false, {}, "");
  r.checklist["ohs_certificate"] = Entry(false, false, {}, "");
  r.checklist["rewards_penalties_doc"] = Entry(false, false, {}, "");
  r.checklist["other"] = Entry(false, false, {}, "");

  r.findings = {
      MakeFinding("low_confidence", "warning", "project_location", "“项目所在地”识别置信度 0.42，请人工核对"),
      MakeFinding("missing_required_field", "error", "expected_annual_revenue", "必填项“预计项目年度收益”未填写"),
      MakeFinding("invalid_credit_code", "error", "credit_code", "信用代码 91620100MA71234560 校验位错误，应为 X"),
      MakeFinding("statements_outdated", "info", "", "财务报表为 2023 年度，申请日期 2024-05-08"),
      MakeFinding("missing_attachment", "error", "eia_doc", "环评批复为“已取得”，但未提供环评批复文件"),
      MakeFinding("missing_attachment", "error", "cash_flow_statement", "未提供近1年现金流量表"),
      MakeFinding("unreadable_input", "error", "附件/环评批复.rar", "压缩包已损坏，无法解开：环评批复.rar"),
      MakeFinding("loans_exceed_demand", "warning", "loan_demand_this_year", "年内贷款需求 3000 万元"),
  };
  return r;
}

Record MakeSecondRecord() {
  Record r;
  r.package_id = "白银有色-余热利用#2";
  r.source = "白银有色余热利用.zip";
  r.origin.container = "zip";
  r.files = {FileEntry{"申请表.docx", std::string(64, 'f'), "application_form", 3, "text", ""}};
  for (const auto& spec : RepoTemplates().fields()) r.fields[spec.key] = FieldValue{nullptr, 0.0, Provenance()};
  r.fields["company_name"] = FieldValue{"白银有色金属集团股份有限公司", 1.0, Provenance()};
  r.fields["project_name"] = FieldValue{"冶炼余热余压综合利用项目", 1.0, Provenance()};
  r.fields["project_location"] = FieldValue{"甘肃省白银市白银区", 1.0, Provenance()};
  r.fields["credit_code"] = FieldValue{"91620000224330043X", 1.0, Provenance()};
  r.fields["project_category"] = FieldValue{Json{{"code", "4.2.3"}, {"title", "余热余压利用"}}, 1.0, Provenance()};
  r.fields["total_investment"] = FieldValue{46000, 1.0, Provenance()};
  r.fields["loan_demand_total"] = FieldValue{30000, 1.0, Provenance()};
  r.fields["debt_ratio"] = FieldValue{61.2, 1.0, Provenance()};
  for (const auto& spec : RepoTemplates().checklist()) r.checklist[spec.kind] = ChecklistEntry();
  r.checklist["application_form"] = Entry(true, true, {"申请表.docx"}, "始终需要");
  r.checklist["audit_report"] = Entry(true, false, {}, "未提供三张财务报表");
  r.findings = {MakeFinding("missing_attachment", "error", "audit_report", "未提供近1年审计报告或财务报表")};
  return r;
}

}  // namespace gm::testing
