#include "extractors/classify/classifier.h"

#include <gtest/gtest.h>

namespace gm {
namespace {

// A text-layer page: one span per line, 20 px apart, as a PDF text layer gives them.
Page TextPage(const std::vector<std::string>& lines, int index = 0) {
  Page page;
  page.index = index;
  page.width = 595;
  page.height = 842;
  double y = 40;
  for (const std::string& line : lines) {
    page.text.push_back({line, {50, y, 400, 14}});
    y += 20;
  }
  return page;
}

Document TextDoc(const std::vector<std::vector<std::string>>& pages) {
  Document doc;
  doc.format = DocumentFormat::kPdf;
  for (size_t i = 0; i < pages.size(); ++i) doc.pages.push_back(TextPage(pages[i], static_cast<int>(i)));
  return doc;
}

class ClassifierTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Status s = Templates::Load(Templates::DefaultDir(), &templates_);
    ASSERT_TRUE(s.ok()) << s.ToString();
    s = Classifier::Create(templates_, &classifier_);
    ASSERT_TRUE(s.ok()) << s.ToString();
  }
  Classification Classify(const std::vector<std::string>& lines, const std::string& path) {
    return classifier_->Classify(TextDoc({lines}), path, nullptr);
  }
  Templates templates_;
  std::unique_ptr<Classifier> classifier_;
};

struct Case {
  const char* expected_kind;
  bool is_report;
  const char* path;  // generic or misleading on purpose
  std::vector<std::string> lines;
};

const std::vector<Case>& Cases() {
  static const std::vector<Case> cases = {
      {"application_form", false, "scan0001.pdf",
       {"甘肃省绿色矿山建设投融资项目入库申请表", "填报企业（盖章）：甘肃某某矿业有限公司", "一、企业基本情况",
        "企业名称* 甘肃某某矿业有限公司 信用代码 91620100MA7123456X",
        "企业类型* 国有控股公司 注册资金（万元）* 5000", "二、项目基本信息", "项目名称* 某某铜矿绿色矿山建设项目"}},
      {"application_form", false, "IMG_20250305_122352.jpg",  // the form's second page: no title
       {"职业健康安全 已认证（ ） 近2年行政奖励、处罚情", "体系认证 未认证（ ） 况 无行政处罚", "五、项目融资情况",
        "意向融资方式15 股权（ ）发债（ ） 贷款总需求* 16450", "贷款（√）其他（√） （万元）",
        "已获贷款额* 8090 年内贷款需求* 4310", "意向贷款期限* （120）个月 担保方式*16 信用",
        "利率定价意见* 按同期LPR执行 对接银行 中国银行甘肃省分行", "六、项目社会效益（具有何种社会效益，文字描述）"}},
      // The form's last page photographed on its own: the end of 项目社会效益's
      // text, 七、其他, and the 填表说明 below the first bands read.
      {"application_form", false, "IMG_20250316_084813.jpg",
       {"项目实施后年节约标准煤3500吨，减少粉尘排放，带动周边群众就业203人，具有良好的生态效益", "和社会效益。",
        "七、其他", "政策诉求 申请省级财政专项资金支持，协调金融机构给予中长期低息贷款。", "联系人",
        "及联系方式* 沈桂英，18063464285"}},
      {"approval_doc", false, "附件1.pdf",
       {"甘肃省投资项目备案证", "项目代码：2401-620102-04-01-123456", "备案号：兰发改备〔2024〕12号",
        "项目名称：某某铜矿绿色矿山建设项目", "项目单位：甘肃某某矿业有限公司", "建设地点：兰州市七里河区",
        "兰州市发展和改革委员会", "2024年3月12日"}},
      {"approval_doc", false, "批复.pdf",
       {"白银市发展和改革委员会", "白发改审批〔2024〕35号", "关于甘肃某某矿业有限公司尾矿综合利用项目核准的批复",
        "甘肃某某矿业有限公司：", "你公司报来《关于尾矿综合利用项目核准的请示》及相关材料收悉。"}},
      {"approval_doc", true, "材料3.pdf",
       {"甘肃某某矿业有限公司", "尾矿综合利用项目", "可行性研究报告", "编制单位：甘肃某某工程咨询有限公司",
        "二〇二四年五月"}},
      {"land_doc", false, "scan0002.pdf",
       {"兰州市自然资源局", "兰自然资预审字〔2024〕8号", "关于某某铜矿绿色矿山建设项目用地预审意见的复函",
        "甘肃某某矿业有限公司："}},
      {"land_doc", false, "IMG_2034.pdf",
       {"中华人民共和国不动产权证书", "甘（2023）兰州市不动产权第0012345号", "权利人 甘肃某某矿业有限公司",
        "共有情况 单独所有", "坐落 兰州市七里河区某某路1号", "不动产单元号 620103001001GB00012W00000000",
        "权利类型 国有建设用地使用权"}},
      {"land_doc", true, "doc4.pdf",
       {"某某铜矿绿色矿山建设项目", "土地勘测定界技术报告", "编制单位：甘肃某某测绘有限公司", "二〇二四年六月"}},
      {"eia_doc", false, "scan0003.pdf",
       {"白银市生态环境局", "市环审〔2024〕21号", "关于甘肃某某矿业有限公司尾矿综合利用项目",
        "环境影响报告书的批复", "甘肃某某矿业有限公司：",
        "你公司报送的《尾矿综合利用项目环境影响报告书（报批稿）》收悉。经研究，批复如下："}},
      {"eia_doc", true, "环评批复.pdf",  // named as the approval, but it is the report
       {"甘肃某某矿业有限公司尾矿综合利用项目", "环境影响报告书", "（报批稿）", "建设单位：甘肃某某矿业有限公司",
        "编制单位：甘肃某某环境科技有限公司", "二〇二四年四月"}},
      {"energy_review_doc", false, "scan0005.pdf",
       {"甘肃省发展和改革委员会", "甘发改环资〔2024〕56号", "关于某某铜矿绿色矿山建设项目节能报告的审查意见",
        "甘肃某某矿业有限公司："}},
      {"energy_review_doc", true, "x.pdf",
       {"某某铜矿绿色矿山建设项目", "节能报告", "委托单位：甘肃某某矿业有限公司", "编制单位：甘肃某某节能技术有限公司"}},
      {"preliminary_design_doc", false, "scan0006.pdf",
       {"甘肃省应急管理厅", "甘应急审批〔2024〕11号", "关于某某铜矿采矿工程初步设计的批复", "甘肃某某矿业有限公司："}},
      {"preliminary_design_doc", true, "设计.pdf",
       {"甘肃某某矿业有限公司某某铜矿", "采矿工程初步设计", "说明书", "设计单位：某某有色冶金设计研究院有限公司"}},
      {"cleaner_production_doc", false, "scan0007.pdf",
       {"甘肃某某矿业有限公司", "清洁生产审核报告", "审核时段：2023年1月—2023年12月", "编制单位：某某环保咨询有限公司"}},
      {"balance_sheet", false, "环评批复.pdf",  // misleading name
       {"资产负债表", "会企01表", "编制单位：甘肃某某矿业有限公司 2024年12月31日 单位：元",
        "资产 期末余额 年初余额 负债和所有者权益（或股东权益） 期末余额 年初余额", "流动资产： 流动负债：",
        "货币资金 12,345,678.90 11,234,567.00 短期借款 5,000,000.00 4,000,000.00"}},
      {"income_statement", false, "scan0009.pdf",
       {"利润表", "会企02表", "编制单位：甘肃某某矿业有限公司 2024年度 单位：元", "项目 本期金额 上期金额",
        "一、营业收入 45,678,901.23 40,123,456.78", "减：营业成本 30,123,456.00 27,000,000.00"}},
      {"cash_flow_statement", false, "scan0010.pdf",
       {"现金流量表", "会企03表", "编制单位：甘肃某某矿业有限公司 2024年度 单位：元", "项目 本期金额 上期金额",
        "一、经营活动产生的现金流量：", "销售商品、提供劳务收到的现金 48,000,000.00 42,000,000.00"}},
      {"audit_report", false, "资产负债表.pdf",  // misleading name
       {"甘肃某某会计师事务所（特殊普通合伙）", "审计报告", "甘某审字〔2025〕第0123号", "甘肃某某矿业有限公司全体股东：",
        "一、审计意见",
        "我们审计了甘肃某某矿业有限公司财务报表，包括2024年12月31日的资产负债表，2024年度的利润表、现金流量表以及相关财务报表附注。"}},
      {"ohs_certificate", false, "scan0012.pdf",
       {"职业健康安全管理体系认证证书", "证书编号：12324S10123R0M", "兹证明", "甘肃某某矿业有限公司",
        "职业健康安全管理体系符合 GB/T 45001-2020 / ISO 45001:2018 标准", "北京某某认证有限公司"}},
      {"rewards_penalties_doc", false, "scan0013.pdf",
       {"白银市应急管理局", "行政处罚决定书", "（白）应急罚〔2024〕15号", "当事人：甘肃某某矿业有限公司",
        "违法事实：未按规定开展安全培训。", "处以罚款人民币贰万元整。"}},
      {"rewards_penalties_doc", false, "scan0014.pdf",
       {"中共白银市委 白银市人民政府", "关于表彰2023年度安全生产先进单位的决定", "各县区委、县区人民政府："}},
      {"rewards_penalties_doc", false, "近两年奖励文件.pdf",  // issued by 自然资源厅, like a land document
       {"甘肃省自然资源厅", "甘资矿发〔2024〕12号", "关于公布绿色矿山及先进单位名单的通知", "各有关单位：",
        "根据绿色矿山建设评价有关规定，经企业自评、第三方评估、实地核查和公示，现将入选名单予以公布。",
        "入选单位：甘肃某某矿业有限公司（某某铜矿）。"}},
      {"land_doc", true, "scan0021.pdf",
       {"某某铜矿绿色矿山建设项目用地预审申请报告", "建设单位：甘肃某某矿业有限公司",
        "编制单位：甘肃省地质矿产勘查开发局第四地质矿产勘查院", "2024年3月",
        "项目用地预审与选址意见书正在白银市自然资源局办理中。"}},
      {"other", false, "申请表.pdf",  // misleading name
       {"营业执照", "统一社会信用代码 91620100MA7123456X", "名称 甘肃某某矿业有限公司", "类型 有限责任公司",
        "经营范围 铜矿开采、选矿"}},
      {"other", false, "职业健康证书.pdf",  // a quality certificate is not the OHS one
       {"质量管理体系认证证书", "兹证明", "甘肃某某矿业有限公司", "质量管理体系符合 GB/T 19001-2016 / ISO 9001:2015 标准",
        "北京某某认证有限公司"}},
      {"other", false, "scan0015.pdf", {"会议纪要", "时间：2024年5月6日", "参会人员：张三、李四"}},
  };
  return cases;
}

TEST_F(ClassifierTest, EveryKindFromRealisticFirstPages) {
  for (const Case& c : Cases()) {
    Classification got = Classify(c.lines, c.path);
    EXPECT_EQ(got.kind, c.expected_kind) << c.lines[0] << " / " << c.lines[1] << " (" << c.path << ")";
    EXPECT_EQ(got.is_report, c.is_report) << c.lines[0] << " / " << c.lines[1];
    EXPECT_EQ(got.text_source, TextSource::kText);
    EXPECT_GT(got.confidence, 0.4) << c.lines[0] << " / " << c.lines[1];
    EXPECT_LE(got.confidence, 1.0);
    EXPECT_NE(got.first_page_text.find(c.lines[0]), std::string::npos);
  }
}

TEST_F(ClassifierTest, FileNameDecidesOnlyWhenThereIsNoText) {
  Document scan;
  scan.format = DocumentFormat::kPdf;
  Page page;
  page.load_image = [](PixPtr* out) {
    *out = AdoptPix(pixCreate(100, 100, 8));
    return Status::OK();
  };
  scan.pages.push_back(page);
  Classification got = classifier_->Classify(scan, "申报材料/环评批复.pdf", nullptr);
  EXPECT_EQ(got.kind, "eia_doc");
  EXPECT_FALSE(got.is_report);
  EXPECT_EQ(got.text_source, TextSource::kNone);
  EXPECT_LT(got.confidence, 0.5);  // a name alone is a weak hint

  got = classifier_->Classify(scan, "scan0003.pdf", nullptr);
  EXPECT_EQ(got.kind, "other");
  EXPECT_EQ(got.text_source, TextSource::kNone);
}

TEST_F(ClassifierTest, EmptyDocumentIsOther) {
  Classification got = classifier_->Classify(Document(), "", nullptr);
  EXPECT_EQ(got.kind, "other");
  EXPECT_EQ(got.text_source, TextSource::kNone);
}

TEST_F(ClassifierTest, AuditReportIsKnownByItsFirstPage) {
  Document doc = TextDoc({
      {"审计报告", "甘某审字〔2025〕第0123号", "甘肃某某矿业有限公司全体股东：", "一、审计意见",
       "我们审计了财务报表，包括2024年12月31日的资产负债表，2024年度的利润表、现金流量表"},
      {"二、形成审计意见的基础", "我们按照中国注册会计师审计准则的规定执行了审计工作。"},
      {"资产负债表", "编制单位：甘肃某某矿业有限公司 2024年12月31日 单位：元"},
      {"利润表", "2024年度"},
      {"现金流量表", "2024年度"},
  });
  Classification got = classifier_->Classify(doc, "审计报告.pdf", nullptr);
  EXPECT_EQ(got.kind, "audit_report");
}

TEST_F(ClassifierTest, WorkbookOfThreeStatementsIsTheFirstSheetsKind) {
  Document doc;
  doc.format = DocumentFormat::kXlsx;
  doc.tables.push_back({"资产负债表", {{"资产负债表"}, {"", "", "2024年12月31日", "", "", "单位：元"},
                                       {"资产", "期末余额", "年初余额", "负债和所有者权益", "期末余额", "年初余额"},
                                       {"资产总计", "1000", "900", "负债和所有者权益总计", "1000", "900"}}});
  doc.tables.push_back({"利润表", {{"利润表"}, {"项目", "本期金额", "上期金额"}}});
  doc.tables.push_back({"现金流量表", {{"现金流量表"}, {"项目", "本期金额", "上期金额"}}});
  Classification got = classifier_->Classify(doc, "财务报表.xlsx", nullptr);
  EXPECT_EQ(got.kind, "balance_sheet");
  EXPECT_EQ(got.text_source, TextSource::kText);
}

TEST_F(ClassifierTest, WordFormInTablesIsTheApplicationForm) {
  Document doc;
  doc.format = DocumentFormat::kDocx;
  Page page;
  page.text = {{"甘肃省绿色矿山建设投融资项目入库申请表", {}}, {"填报企业（盖章）：", {}}};
  doc.pages.push_back(page);
  doc.tables.push_back({"table 1", {{"一、企业基本情况"}, {"企业名称*", "甘肃某某矿业有限公司", "信用代码", ""}}});
  Classification got = classifier_->Classify(doc, "新建 Microsoft Word 文档.docx", nullptr);
  EXPECT_EQ(got.kind, "application_form");
  EXPECT_NE(got.first_page_text.find("企业名称"), std::string::npos);
}

TEST_F(ClassifierTest, CreateFailsWithoutRules) {
  Templates empty;  // dir() is empty: no tables there
  std::unique_ptr<Classifier> c;
  EXPECT_FALSE(Classifier::Create(empty, &c).ok());
  EXPECT_EQ(c, nullptr);
}

}  // namespace
}  // namespace gm
