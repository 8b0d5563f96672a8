// The closed vocabularies, each exercised through the Normalizer with the
// project's templates: the canonical answers, the paraphrases of
// normalize_vocab.tsv, OCR damage, checkbox groups typed as text, and answers
// that must be refused.
#include "pipeline/normalize/vocabulary.h"

#include <fstream>

#include <gtest/gtest.h>

#include "tests/normalize/test_support.h"

namespace gm {
namespace {

struct Row {
  const char* raw;
  const char* expected;  // JSON of the value
  bool finding;          // invalid_value expected
};

struct Outcome {
  Json value;
  double confidence = 0;
  std::vector<Finding> findings;
};

Outcome Normalize(const std::string& key, const std::string& raw) {
  FormReading form;
  form.fields[key].raw = raw;
  form.fields[key].confidence = 0.9;
  std::map<std::string, FieldValue> fields;
  Outcome out;
  testing::ProjectNormalizer().Normalize(form, &fields, &out.findings);
  out.value = fields.at(key).value;
  out.confidence = fields.at(key).confidence;
  return out;
}

void CheckTable(const std::string& key, const std::vector<Row>& rows) {
  ASSERT_GE(rows.size(), 20u) << key;
  for (const Row& r : rows) {
    Outcome o = Normalize(key, r.raw);
    EXPECT_EQ(o.value, Json::parse(r.expected)) << key << " raw: " << r.raw;
    bool invalid = false;
    for (const Finding& f : o.findings) invalid |= f.code == "invalid_value" && f.field == key;
    EXPECT_EQ(invalid, r.finding) << key << " raw: " << r.raw;
  }
}

TEST(VocabularyFieldTest, CompanyType) {
  CheckTable("company_type", {
      {"国有控股公司", R"("国有控股公司")", false},
      {"国企", R"("国有控股公司")", false},
      {"国有控股", R"("国有控股公司")", false},
      {"国有独资公司", R"("国有控股公司")", false},
      {"地方国有企业", R"("国有控股公司")", false},
      {"国有控股公司（甘肃省国资委）", R"("国有控股公司")", false},
      {"国有控股公可", R"("国有控股公司")", false},
      {"非国有", R"("非国有控股公司")", false},
      {"非国有控股公司", R"("非国有控股公司")", false},
      {"非国有企业", R"("非国有控股公司")", false},
      {"民营企业", R"("非国有控股公司")", false},
      {"民营", R"("非国有控股公司")", false},
      {"私营企业", R"("非国有控股公司")", false},
      {"央企", R"("央企及控股公司")", false},
      {"央企及控股公司", R"("央企及控股公司")", false},
      {"中央企业及其控股公司", R"("央企及控股公司")", false},
      {"央企及控股公司(√)国有控股公司( )非国有控股公司( )", R"("央企及控股公司")", false},
      {"企业类型：国有控股公司", R"("国有控股公司")", false},
      {"國有控股公司", R"("国有控股公司")", false},
      {"国营企业", "null", true},
      {"集体企业", "null", true},
      {"央企及控股公司(√)国有控股公司(√)非国有控股公司( )", "null", true},
      {"", "null", false},
  });
}

TEST(VocabularyFieldTest, CompanyTypeMessageNamesLabelTextAndList) {
  Outcome o = Normalize("company_type", "国营企业");
  ASSERT_EQ(o.findings.size(), 1u);
  EXPECT_EQ(o.findings[0].message, "企业类型“国营企业”不在可选范围内（央企及控股公司、国有控股公司、非国有控股公司）");
  EXPECT_EQ(o.findings[0].severity, "error");
}

TEST(VocabularyFieldTest, CreditRating) {
  CheckTable("credit_rating", {
      {"AAA", R"("AAA")", false},    {"AAA级", R"("AAA")", false},  {"aaa", R"("AAA")", false},
      {"3A", R"("AAA")", false},     {"AA级", R"("AA")", false},    {"AA", R"("AA")", false},
      {"AA+", R"("AA")", false},     {"2A级", R"("AA")", false},    {"A", R"("A")", false},
      {"A级", R"("A")", false},      {"BBB", R"("BBB")", false},    {"BBB级", R"("BBB")", false},
      {"BB", R"("BB")", false},      {"B级", R"("B")", false},      {"CCC", R"("CCC")", false},
      {"CC级", R"("CC")", false},    {"C", R"("C")", false},        {"D级", R"("D")", false},
      {"ＡＡＡ", R"("AAA")", false}, {"AAA 级", R"("AAA")", false}, {"信用等级AAA", R"("AAA")", false},
      {"AAAA", "null", true},        {"E级", "null", true},         {"良好", "null", true},
      {"AAA/AA", "null", true},
  });
}

TEST(VocabularyFieldTest, ProjectLevel) {
  CheckTable("project_level", {
      {"国家级", R"("国家级")", false},   {"国家", R"("国家级")", false},       {"国家级项目", R"("国家级")", false},
      {"省级", R"("省级")", false},       {"省", R"("省级")", false},           {"甘肃省级", R"("省级")", false},
      {"省重点项目", R"("省级")", false}, {"地市级", R"("地市级")", false},     {"市级", R"("地市级")", false},
      {"市(州)级", R"("地市级")", false}, {"市州级", R"("地市级")", false},     {"地级市", R"("地市级")", false},
      {"县级", R"("县级")", false},       {"县区级", R"("县级")", false},       {"区县级", R"("县级")", false},
      {"县（区）级", R"("县级")", false}, {"县", R"("县级")", false},           {"省級", R"("省级")", false},
      {"乡镇级", "null", true},           {"国际级", "null", true},             {"省级、市级", "null", true},
      {"", "null", false},
  });
}

TEST(VocabularyFieldTest, ProjectStage) {
  CheckTable("project_stage", {
      {"未开工", R"("未开工")", false},   {"尚未开工", R"("未开工")", false}, {"前期", R"("未开工")", false},
      {"前期阶段", R"("未开工")", false}, {"拟建", R"("未开工")", false},     {"末开工", R"("未开工")", false},
      {"已开工", R"("已开工")", false},   {"在建", R"("已开工")", false},     {"建设中", R"("已开工")", false},
      {"施工中", R"("已开工")", false},   {"己开工", R"("已开工")", false},   {"已竣工", R"("已竣工")", false},
      {"竣工", R"("已竣工")", false},     {"已建成", R"("已竣工")", false},   {"已完工", R"("已竣工")", false},
      {"已投产", R"("已投产")", false},   {"投产", R"("已投产")", false},     {"运营中", R"("已投产")", false},
      {"已投运", R"("已投产")", false},   {"停工", "null", true},             {"已开工、已投产", "null", true},
      {"研究中", "null", true},
  });
}

TEST(VocabularyFieldTest, ConstructionNature) {
  CheckTable("construction_nature", {
      {"新建", R"("新建")", false},         {"新建项目", R"("新建")", false},   {"新上", R"("新建")", false},
      {"改扩建", R"("改扩建")", false},     {"扩建", R"("改扩建")", false},     {"改建", R"("改扩建")", false},
      {"改扩建项目", R"("改扩建")", false}, {"改扩建工程", R"("改扩建")", false}, {"技改", R"("技改")", false},
      {"技术改造", R"("技改")", false},     {"技改项目", R"("技改")", false},   {"技术改造项目", R"("技改")", false},
      {"升级改造", R"("技改")", false},     {"已完工", R"("已完工")", false},   {"完工", R"("已完工")", false},
      {"新  建", R"("新建")", false},       {"技术改造项日", R"("技改")", false},   {"新建(√)改扩建( )技改( )", R"("新建")", false},
      {"迁建", "null", true},               {"新建+改扩建", "null", true},      {"其他", "null", true},
  });
}

TEST(VocabularyFieldTest, RevenueSourceKeepsOtherText) {
  CheckTable("revenue_source", {
      {"经营性收入", R"("经营性收入")", false},
      {"经营收入", R"("经营性收入")", false},
      {"销售收入", R"("经营性收入")", false},
      {"产品销售收入", R"("经营性收入")", false},
      {"营业收入", R"("经营性收入")", false},
      {"经营性收人", R"("经营性收入")", false},
      {"使用者付费", R"("使用者付费")", false},
      {"用户付费", R"("使用者付费")", false},
      {"使用者付费+政府补贴", R"("使用者付费+政府补贴")", false},
      {"使用者付费及政府补贴", R"("使用者付费+政府补贴")", false},
      {"使用者付费和政府补贴", R"("使用者付费+政府补贴")", false},
      {"可行性缺口补助", R"("使用者付费+政府补贴")", false},
      {"政府购买", R"("政府购买")", false},
      {"政府购买服务", R"("政府购买")", false},
      {"经营性收入（矿产品销售）", R"("经营性收入")", false},
      {"其他：碳排放权交易收入", R"("碳排放权交易收入")", false},
      {"其他(碳汇交易)", R"("碳汇交易")", false},
      {"碳排放权交易收入", R"("碳排放权交易收入")", false},
      {"矿产品销售及尾矿综合利用产品销售等经营性收入", R"("矿产品销售及尾矿综合利用产品销售等经营性收入")", false},
      {"其他", R"("其他")", false},
      {"  ", "null", false},
  });
}

TEST(VocabularyFieldTest, OperationMode) {
  CheckTable("operation_mode", {
      {"PPP", R"("PPP")", false},           {"PPP模式", R"("PPP")", false},        {"ppp", R"("PPP")", false},
      {"PPP项目", R"("PPP")", false},       {"政府和社会资本合作", R"("PPP")", false}, {"ＰＰＰ", R"("PPP")", false},
      {"非PPP", R"("非PPP")", false},       {"非PPP模式", R"("非PPP")", false},    {"非ppp", R"("非PPP")", false},
      {"非PPP项目", R"("非PPP")", false},   {"不是PPP", R"("非PPP")", false},      {"非 PPP", R"("非PPP")", false},
      {"不属于PPP", R"("非PPP")", false},   {"BOT", R"("BOT")", false},            {"EPC+O", R"("EPC+O")", false},
      {"其他：企业自主投资建设运营", R"("企业自主投资建设运营")", false},
      {"自主投资", R"("自主投资")", false}, {"BOO模式", R"("BOO模式")", false},    {"ABO", R"("ABO")", false},
      {"特许经营", R"("特许经营")", false}, {"", "null", false},
  });
}

TEST(VocabularyFieldTest, UseOfFunds) {
  CheckTable("use_of_funds", {
      {"建设", R"("建设")", false},         {"项目建设", R"("建设")", false},       {"工程建设", R"("建设")", false},
      {"建设资金", R"("建设")", false},     {"固定资产投资", R"("建设")", false},   {"债务置换", R"("债务置换")", false},
      {"置换债务", R"("债务置换")", false}, {"借新还旧", R"("债务置换")", false},   {"偿还存量债务", R"("债务置换")", false},
      {"运营", R"("运营")", false},         {"流动资金", R"("运营")", false},       {"补充流动资金", R"("运营")", false},
      {"运营资金", R"("运营")", false},     {"收购", R"("收购")", false},           {"并购", R"("收购")", false},
      {"股权收购", R"("收购")", false},     {"资产收购", R"("收购")", false},       {"债务置換", R"("债务置换")", false},
      {"设备采购", R"("设备采购")", false}, {"其他：研发投入", R"("研发投入")", false}, {"", "null", false},
  });
}

TEST(VocabularyFieldTest, ApprovalStatus) {
  CheckTable("approval_status", {
      {"已完成核准", R"("已完成核准")", false},
      {"已核准", R"("已完成核准")", false},
      {"核准", R"("已完成核准")", false},
      {"已完成备案", R"("已完成备案")", false},
      {"已备案", R"("已完成备案")", false},
      {"备案", R"("已完成备案")", false},
      {"己完成备案", R"("已完成备案")", false},
      {"已完成备安", R"("已完成备案")", false},
      {"正在办理", R"("正在办理")", false},
      {"办理中", R"("正在办理")", false},
      {"正在力理", R"("正在办理")", false},
      {"不涉及", R"("不涉及")", false},
      {"无需办理", R"("不涉及")", false},
      {"已完成核准（）\n已完成备案（√）\n正在办理（）\n不涉及（）", R"("已完成备案")", false},
      {"已完成核准( )已完成备案( )正在办理(√)不涉及( )", R"("正在办理")", false},
      {"已完成核准(V)已完成备案( )正在办理( )不涉及( )", R"("已完成核准")", false},
      {"☑已完成核准 □已完成备案 □正在办理 □不涉及", R"("已完成核准")", false},
      {"□已完成核准 ■已完成备案 □正在办理 □不涉及", R"("已完成备案")", false},
      {"已完成核准( )已完成备案( )正在办理( )不涉及( )", "null", false},
      {"已完成核准(√)已完成备案(√)正在办理( )不涉及( )", "null", true},
      {"已取得", "null", true},
      {"已批复", "null", true},
  });
}

TEST(VocabularyFieldTest, LandUseStatus) {
  CheckTable("land_use_status", {
      {"正在办理", R"("正在办理")", false},
      {"办理中", R"("正在办理")", false},
      {"已取得用地预审", R"("已取得用地预审")", false},
      {"用地预审", R"("已取得用地预审")", false},
      {"已取得用地预审意见", R"("已取得用地预审")", false},
      {"已取得用地预审（甘自然资预审〔2023〕12号）", R"("已取得用地预审")", false},
      {"已取得不动产权证", R"("已取得不动产权证")", false},
      {"不动产权证", R"("已取得不动产权证")", false},
      {"已取得不动产权证书", R"("已取得不动产权证")", false},
      {"已取得土地证", R"("已取得不动产权证")", false},
      {"已取得国有土地使用证", R"("已取得不动产权证")", false},
      {"已取得不动产杈证", R"("已取得不动产权证")", false},
      {"不涉及", R"("不涉及")", false},
      {"不涉及用地", R"("不涉及")", false},
      {"无需办理", R"("不涉及")", false},
      {"不新增用地", R"("不涉及")", false},
      {"正在办理( )已取得用地预审(√)已取得不动产权证( )不涉及( )", R"("已取得用地预审")", false},
      {"正在办理（）\n已取得用地预审（）\n已取得不动产权证（✓）\n不涉及（）", R"("已取得不动产权证")", false},
      {"租赁", "null", true},
      {"已取得", "null", true},
      {"正在办理(√)已取得用地预审(√)已取得不动产权证( )不涉及( )", "null", true},
  });
}

// The three 已取得/正在办理/不涉及 lists share their variants.
void CheckObtainedList(const std::string& key) {
  CheckTable(key, {
      {"已取得", R"("已取得")", false},       {"已批复", R"("已取得")", false},     {"已取得批复", R"("已取得")", false},
      {"已获批复", R"("已取得")", false},     {"已获批", R"("已取得")", false},     {"已完成", R"("已取得")", false},
      {"己取得", R"("已取得")", false},       {"已取的", "null", true},     {"正在办理", R"("正在办理")", false},
      {"办理中", R"("正在办理")", false},     {"正在编制", R"("正在办理")", false}, {"审批中", R"("正在办理")", false},
      {"不涉及", R"("不涉及")", false},       {"无需办理", R"("不涉及")", false},   {"不需要", R"("不涉及")", false},
      {"已取得(√)正在办理( )不涉及( )", R"("已取得")", false},
      {"已取得( )正在办理(√)不涉及( )", R"("正在办理")", false},
      {"已取得( )正在办理( )不涉及(✔)", R"("不涉及")", false},
      {"□已取得 ☑正在办理 □不涉及", R"("正在办理")", false},
      {"已取得( )正在办理( )不涉及( )", "null", false},
      {"未取得", "null", true},               {"已取得(√)不涉及(√)", "null", true},
  });
}

TEST(VocabularyFieldTest, EiaStatus) { CheckObtainedList("eia_status"); }
TEST(VocabularyFieldTest, EnergyReviewStatus) { CheckObtainedList("energy_review_status"); }
TEST(VocabularyFieldTest, PreliminaryDesignStatus) { CheckObtainedList("preliminary_design_status"); }

TEST(VocabularyFieldTest, OhsCertification) {
  CheckTable("ohs_certification", {
      {"已认证", R"("已认证")", false},     {"已通过认证", R"("已认证")", false}, {"通过认证", R"("已认证")", false},
      {"已取得认证", R"("已认证")", false}, {"已通过", R"("已认证")", false},   {"己认证", R"("已认证")", false},
      {"已取得职业健康安全管理体系认证", R"("已认证")", false},
      {"已认证（ISO 45001）", R"("已认证")", false},
      {"未认证", R"("未认证")", false},     {"末认证", R"("未认证")", false},   {"尚未认证", R"("未认证")", false},
      {"暂未认证", R"("未认证")", false},   {"没有认证", R"("未认证")", false}, {"无", R"("未认证")", false},
      {"认证中", R"("未认证")", false},     {"未取得认证", R"("未认证")", false},
      {"已认证(√)未认证( )", R"("已认证")", false},
      {"已认证( )未认证(√)", R"("未认证")", false},
      {"■已认证 □未认证", R"("已认证")", false},
      {"已认证( )未认证( )", "null", false},
      {"已认证(√)未认证(√)", "null", true},
      {"ISO9001", "null", true},
  });
}

TEST(VocabularyFieldTest, FinancingMethods) {
  CheckTable("financing_methods", {
      {"贷款", R"(["贷款"])", false},
      {"股权", R"(["股权"])", false},
      {"发债", R"(["发债"])", false},
      {"其他", R"(["其他"])", false},
      {"贷款、其他", R"(["贷款","其他"])", false},
      {"其他、贷款", R"(["贷款","其他"])", false},
      {"银行贷款", R"(["贷款"])", false},
      {"股权融资、银行贷款", R"(["股权","贷款"])", false},
      {"发行债券+银行贷款", R"(["发债","贷款"])", false},
      {"股权,发债,贷款", R"(["股权","发债","贷款"])", false},
      {"贷款和股权", R"(["股权","贷款"])", false},
      {"股权（）发债（）贷款（√）其他（）", R"(["贷款"])", false},
      {"股权（√）发债（）\n贷款（√）其他（）", R"(["股权","贷款"])", false},
      {"股权（）发债（）贷款（√）其他（融资租赁）", R"(["贷款","其他"])", false},
      {"融资租赁", R"(["其他"])", false},
      {"其它", R"(["其他"])", false},
      {"绿色债券", R"(["发债"])", false},
      {"固定资产贷欵", R"(["贷款"])", false},
      {"股权（）发债（）贷款（）其他（）", "null", false},
      {"众筹", "null", true},
      {"贷款、众筹", R"(["贷款"])", true},
  });
}

TEST(VocabularyFieldTest, GuaranteeMethod) {
  CheckTable("guarantee_method", {
      {"保证", R"(["保证"])", false},
      {"抵押", R"(["抵押"])", false},
      {"质押", R"(["质押"])", false},
      {"信用", R"(["信用"])", false},
      {"抵押、质押", R"(["抵押","质押"])", false},
      {"质押、抵押", R"(["抵押","质押"])", false},
      {"保证+抵押", R"(["保证","抵押"])", false},
      {"抵押担保", R"(["抵押"])", false},
      {"土地抵押", R"(["抵押"])", false},
      {"采矿权抵押、股权质押", R"(["抵押","质押"])", false},
      {"应收账款质押", R"(["质押"])", false},
      {"连带责任保证", R"(["保证"])", false},
      {"第三方担保", R"(["保证"])", false},
      {"信用贷款", R"(["信用"])", false},
      {"纯信用", R"(["信用"])", false},
      {"信用担保", R"(["信用"])", false},
      {"抵押；保证", R"(["保证","抵押"])", false},
      {"抵押质押", R"(["抵押","质押"])", false},
      {"保证、抵押、质押、信用", R"(["保证","抵押","质押","信用"])", false},
      {"留置", "null", true},
      {"抵押、留置", R"(["抵押"])", true},
      {"", "null", false},
  });
}

TEST(VocabularyFieldTest, Bool) {
  for (const char* key : {"renamed", "central_budget"}) {
    CheckTable(key, {
        {"是", "true", false},       {"否", "false", false},      {"是的", "true", false},
        {"不是", "false", false},    {"有", "true", false},       {"无", "false", false},
        {"没有", "false", false},    {"Y", "true", false},        {"N", "false", false},
        {"yes", "true", false},      {"no", "false", false},      {"是( )否(√)", "false", false},
        {"是(√)否( )", "true", false}, {"是（ ）否（ ）", "null", false}, {"■是 □否", "true", false},
        {"是，原名XX项目", "true", false}, {"不属于", "false", false}, {"是(√)否(√)", "null", true},
        {"也许", "null", true},      {"是否", "null", true},      {"", "null", false},
    });
  }
}

TEST(VocabularyFieldTest, CheckboxReadingsUseMarkedLabels) {
  auto normalize = [](const std::string& key, std::vector<std::string> marked, std::vector<Finding>* findings) {
    FormReading form;
    Reading& r = form.fields[key];
    r.is_checkbox = true;
    r.marked = std::move(marked);
    r.raw = "已取得（ ）正在办理（ ）不涉及（ ）";  // the group's OCR text, for the reviewer only
    r.confidence = 0.95;
    std::map<std::string, FieldValue> fields;
    testing::ProjectNormalizer().Normalize(form, &fields, findings);
    return fields.at(key).value;
  };
  std::vector<Finding> findings;
  EXPECT_EQ(normalize("eia_status", {"已取得"}, &findings), "已取得");
  EXPECT_EQ(normalize("eia_status", {"己取得"}, &findings), "已取得");
  EXPECT_EQ(normalize("eia_status", {}, &findings), Json());
  EXPECT_TRUE(findings.empty());
  EXPECT_EQ(normalize("eia_status", {"已取得", "正在办理"}, &findings), Json());
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].message, "环评批复勾选了多个选项（已取得、正在办理），只能选一项");
  findings.clear();
  EXPECT_EQ(normalize("financing_methods", {"其他", "股权"}, &findings), Json::parse(R"(["股权","其他"])"));
  EXPECT_EQ(normalize("renamed", {"否"}, &findings), false);
  EXPECT_EQ(normalize("guarantee_method", {"抵押", "质押"}, &findings), Json::parse(R"(["抵押","质押"])"));
  EXPECT_TRUE(findings.empty());
}

TEST(VocabularyFieldTest, FuzzyMatchLowersConfidence) {
  EXPECT_DOUBLE_EQ(Normalize("eia_status", "已取得").confidence, 0.9);
  EXPECT_NEAR(Normalize("eia_status", "正在力理").confidence, 0.72, 1e-9);
}

// The Vocabulary class on its own.
std::shared_ptr<const MatchFolder> Folder() {
  return std::make_shared<MatchFolder>(std::map<char32_t, char32_t>{{U'己', U'已'}});
}

TEST(VocabularyTest, MatchKinds) {
  Vocabulary v({"已取得", "正在办理", "不涉及"}, Folder());
  ASSERT_TRUE(v.AddVariant("已取得", "已批复").ok());
  EXPECT_EQ(v.Find("已取得").kind, Vocabulary::Kind::kExact);
  EXPECT_EQ(v.Find("己取得").kind, Vocabulary::Kind::kExact);  // folded confusable
  EXPECT_EQ(v.Find("已批复").kind, Vocabulary::Kind::kVariant);
  EXPECT_EQ(v.Find("环评已批复").kind, Vocabulary::Kind::kContained);
  EXPECT_EQ(v.Find("正在力理").kind, Vocabulary::Kind::kFuzzy);
  EXPECT_EQ(v.Find("已取得正在办理").kind, Vocabulary::Kind::kAmbiguous);
  EXPECT_EQ(v.Find("不知道").kind, Vocabulary::Kind::kNone);
  EXPECT_EQ(v.Find("").kind, Vocabulary::Kind::kNone);
  EXPECT_EQ(v.Find("!!!").kind, Vocabulary::Kind::kNone);
}

TEST(VocabularyTest, ShortValuesNeedExactMatch) {
  Vocabulary v({"AAA", "AA", "A"}, Folder());
  EXPECT_EQ(v.Find("AAB").kind, Vocabulary::Kind::kNone);
  EXPECT_EQ(v.Find("AAAA").kind, Vocabulary::Kind::kNone);
  Vocabulary::Match m = v.Find("AA");
  EXPECT_EQ(m.kind, Vocabulary::Kind::kExact);
  EXPECT_EQ(m.values, std::vector<size_t>{1});
}

TEST(VocabularyTest, AddVariantRefusesUnknownValueAndConflicts) {
  Vocabulary v({"是", "否"}, Folder());
  EXPECT_FALSE(v.AddVariant("也许", "可能").ok());
  EXPECT_TRUE(v.AddVariant("是", "有").ok());
  EXPECT_TRUE(v.AddVariant("是", "有").ok());  // duplicate row: harmless
  EXPECT_FALSE(v.AddVariant("否", "有").ok());
  EXPECT_FALSE(v.AddVariant("否", "是").ok());  // another value
  EXPECT_FALSE(v.AddVariant("否", "（）").ok());  // folds to nothing
}

class VocabularyTableTest : public ::testing::Test {
 protected:
  void TearDown() override { std::filesystem::remove(testing::ScratchPath("vocab.tsv")); }
  std::filesystem::path Write(const std::string& content) {
    auto path = testing::ScratchPath("vocab.tsv");
    std::ofstream(path) << content;
    return path;
  }
};

TEST_F(VocabularyTableTest, LoadsProjectTable) {
  std::map<std::string, Vocabulary> v;
  ASSERT_TRUE(LoadVocabularies(testing::ProjectTemplates(),
                               testing::ProjectTemplates().dir() / "normalize_vocab.tsv", Folder(), &v).ok());
  EXPECT_TRUE(v.count("company_type"));
  EXPECT_TRUE(v.count(std::string(kBoolVocabulary)));
  EXPECT_FALSE(v.count("company_name"));
}

TEST_F(VocabularyTableTest, BadTablesRefused) {
  std::map<std::string, Vocabulary> v;
  const Templates& t = testing::ProjectTemplates();
  EXPECT_EQ(LoadVocabularies(t, Write("key\tcanonical\tvariant\nno_such_field\tx\ty\n"), Folder(), &v).code(),
            Status::Code::kCorrupt);
  EXPECT_EQ(LoadVocabularies(t, Write("key\tcanonical\tvariant\ncompany_type\t国营\t国营企业\n"), Folder(), &v).code(),
            Status::Code::kCorrupt);
  EXPECT_EQ(LoadVocabularies(t, Write("key\tvalue\ncompany_type\tx\n"), Folder(), &v).code(), Status::Code::kCorrupt);
  EXPECT_EQ(LoadVocabularies(t, "/nonexistent/normalize_vocab.tsv", Folder(), &v).code(), Status::Code::kNotFound);
}

}  // namespace
}  // namespace gm
