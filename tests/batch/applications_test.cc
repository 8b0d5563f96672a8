// Applications (issue 21): which packages are one application, and the
// latest package's record joined over all of them.
#include "pipeline/batch/applications.h"

#include <gtest/gtest.h>

namespace gm {
namespace {

class ApplicationsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(Templates::Load(Templates::DefaultDir(), &templates_).ok());
    ASSERT_TRUE(JoinRules::Load(Templates::DefaultDir(), &rules_).ok());
  }

  Record Package(const std::string& source, const std::string& from, const std::string& subject) {
    Record r;
    r.package_id = source + "_id";
    r.source = source;
    r.origin.container = "eml";
    r.origin.from = from;
    r.origin.subject = subject;
    for (const FieldSpec& spec : templates_.fields()) r.fields[spec.key] = FieldValue{Json(nullptr), 0.0, {}};
    for (const ChecklistSpec& spec : templates_.checklist()) r.checklist[spec.kind] = ChecklistEntry{};
    return r;
  }
  Record Form(const std::string& source, const std::string& from, const std::string& code, const std::string& company,
              const std::string& project) {
    Record r = Package(source, from, "入库申请");
    r.fields["credit_code"] = FieldValue{Json(code), 0.95, {}};
    r.fields["company_name"] = FieldValue{Json(company), 0.95, {}};
    r.fields["project_name"] = FieldValue{Json(project), 0.95, {}};
    r.files.push_back(FileEntry{"申请表.pdf", "", "application_form", 3, "ocr", ""});
    r.checklist["application_form"] = ChecklistEntry{true, true, {"申请表.pdf"}, "", {}};
    r.checklist["eia_doc"] = ChecklistEntry{true, false, {}, "", {}};
    r.findings.push_back(NewFinding(templates_, "missing_attachment", "eia_doc", "缺少环评批复"));
    return r;
  }
  std::vector<Application> Group(const std::vector<Record>& records, const std::vector<std::string>& arrived) {
    std::vector<const Record*> ptrs;
    for (const Record& r : records) ptrs.push_back(&r);
    return GroupApplications(ptrs, arrived, rules_);
  }

  Templates templates_;
  JoinRules rules_;
};

TEST_F(ApplicationsTest, SupplementsJoinTheirApplication) {
  std::vector<Record> r = {
      Form("a.eml", "张 <s@x.cn>", "91620100MA7123456X", "甘肃某矿业有限公司", "废石场整治项目"),
      Package("b.eml", "s@x.cn", "补充材料：废石场整治项目"),  // a supplement of its sender, naming the project
      Form("c.eml", "s@x.cn", "91620100MA7123456X", "甘肃某矿业有限公司", "另一项目"),  // same company, other project
      Package("d.eml", "s@x.cn", "你好"),                                       // no form, no marker: alone
      Package("e.eml", "other@y.cn", "甘肃某矿业有限公司 废石场整治项目 环评"),  // names company and project
      Form("f.eml", "z@z.cn", "", "甘肃某矿业有限公司", "废石场整治项目"),          // same company by name
      Package("g.eml", "s@x.cn", "补正"),  // names nothing: the sender's latest form (c, not a)
  };
  std::vector<std::string> arrived = {"2025-03-01T00:00:00Z", "2025-03-05T00:00:00Z", "2025-03-02T00:00:00Z",
                                      "2025-03-06T00:00:00Z", "2025-03-07T00:00:00Z", "2025-03-08T00:00:00Z",
                                      "2025-03-09T00:00:00Z"};
  std::vector<Application> apps = Group(r, arrived);
  ASSERT_EQ(apps.size(), 3u);
  std::map<size_t, const Application*> of;
  for (const Application& a : apps)
    for (size_t m : a.members) of[m] = &a;
  EXPECT_EQ(of[0]->members, (std::vector<size_t>{0, 1, 4, 5}));
  EXPECT_EQ(of[0]->form_from, 5);  // the latest form
  EXPECT_EQ(of[2]->members, (std::vector<size_t>{2, 6}));
  EXPECT_EQ(of[2]->form_from, 2);
  EXPECT_EQ(of[3]->members, (std::vector<size_t>{3}));
  EXPECT_EQ(of[0]->id.rfind("废石场整治项目_", 0), 0u) << of[0]->id;
  // Stable: the same packages, the same id.
  EXPECT_EQ(Group(r, arrived)[0].id, apps[0].id);
}

TEST_F(ApplicationsTest, SupplementBeforeTheApplication) {
  std::vector<Record> r = {Package("supp.eml", "s@x.cn", "回复：补正材料"),
                           Form("main.eml", "s@x.cn", "91620100MA7123456X", "甘肃某矿业有限公司", "项目")};
  std::vector<Application> apps = Group(r, {"2025-03-09T00:00:00Z", "2025-03-10T00:00:00Z"});
  ASSERT_EQ(apps.size(), 1u);
  EXPECT_EQ(apps[0].members, (std::vector<size_t>{0, 1}));
  EXPECT_EQ(apps[0].form_from, 1);
}

TEST_F(ApplicationsTest, LatestCoversEveryPackage) {
  Record main = Form("main.eml", "s@x.cn", "91620100MA7123456X", "甘肃某矿业有限公司", "项目");
  main.fields["total_investment"] = FieldValue{Json(1000), 0.95, {}};
  main.findings.push_back(NewFinding(templates_, "unreadable_input", "坏.pdf", "坏文件"));
  Record supp = Package("supp.eml", "s@x.cn", "补充材料");
  supp.files.push_back(FileEntry{"环评批复.pdf", "", "eia_doc", 1, "ocr", ""});
  supp.checklist["eia_doc"] = ChecklistEntry{false, true, {"环评批复.pdf"}, "", {}};
  supp.findings.push_back(NewFinding(templates_, "missing_attachment", "application_form", "缺少申请表"));
  supp.findings.push_back(NewFinding(templates_, "missing_required_field", "company_name", "企业名称为空"));
  ApplicationRef ref;
  ref.id = "app";
  Record joined = JoinApplication(templates_, 0.75, {&main, &supp}, 0, ref);
  EXPECT_EQ(joined.package_id, "supp.eml_id");
  EXPECT_EQ(joined.fields["company_name"].value, Json("甘肃某矿业有限公司"));
  EXPECT_TRUE(joined.checklist["eia_doc"].required);
  EXPECT_TRUE(joined.checklist["eia_doc"].present);
  EXPECT_EQ(joined.checklist["eia_doc"].files, (std::vector<std::string>{"环评批复.pdf"}));
  EXPECT_EQ(joined.checklist["application_form"].files, (std::vector<std::string>{"main.eml/申请表.pdf"}));
  for (const Finding& f : joined.findings) {
    EXPECT_NE(f.code, "missing_attachment") << f.field;
    EXPECT_NE(f.code, "missing_required_field") << f.field;
  }
  bool file_finding = false;
  for (const Finding& f : joined.findings) file_finding |= f.code == "unreadable_input" && f.field == "main.eml/坏.pdf";
  EXPECT_TRUE(file_finding);
  ASSERT_TRUE(joined.application);
  EXPECT_TRUE(joined.application->covers_all);

  // A corrected form later: it is the authority; the earlier differs → low_confidence.
  Record fix = Form("fix.eml", "s@x.cn", "91620100MA7123456X", "甘肃某矿业有限公司", "项目");
  fix.fields["total_investment"] = FieldValue{Json(1200), 0.95, {}};
  Record corrected = JoinApplication(templates_, 0.75, {&main, &supp, &fix}, 2, ref);
  EXPECT_EQ(corrected.fields["total_investment"].value, Json(1200));
  int differences = 0;
  for (const Finding& f : corrected.findings) differences += f.code == "low_confidence" && f.field == "total_investment";
  EXPECT_EQ(differences, 1);
  EXPECT_TRUE(corrected.checklist["eia_doc"].present);
}

}  // namespace
}  // namespace gm
