#include "pipeline/library/prior_lookup.h"

#include <gtest/gtest.h>

#include "pipeline/library/event_log.h"
#include "tests/emit/sample_record.h"

namespace gm {
namespace {

std::map<std::string, FieldValue> Fields(Json company, Json code, Json project, Json former = nullptr) {
  std::map<std::string, FieldValue> f;
  f["company_name"].value = company;
  f["credit_code"].value = code;
  f["project_name"].value = project;
  f["former_project_name"].value = former;
  return f;
}

PriorProject Project(const char* id, Json company, Json code, Json project, Json former = nullptr) {
  PriorProject p;
  p.project_id = id;
  p.values = {{"company_name", company}, {"credit_code", code}, {"project_name", project},
              {"former_project_name", former}};
  return p;
}

TEST(FindPriorProject, CompanyByCodeOrNameAndProjectByNameOrFormerName) {
  std::vector<PriorProject> library = {Project("p1", "甲公司", "91620100MA7123456X", "尾矿综合利用项目"),
                                       Project("p2", "乙公司", nullptr, "新名称项目", "旧名称项目")};
  auto find = [&](std::map<std::string, FieldValue> f) {
    const PriorProject* p = FindPriorProject(library, "new", f);
    return p ? p->project_id : std::string("none");
  };
  EXPECT_EQ(find(Fields("甲公司改名", "91620100MA7123456X", "尾矿综合利用项目")), "p1");  // by credit code
  EXPECT_EQ(find(Fields("甲公司", nullptr, "尾矿综合利用项目")), "p1");                 // by name
  EXPECT_EQ(find(Fields("甲公司", "91620100MA7123456X", "别的项目")), "none");
  EXPECT_EQ(find(Fields("丙公司", "91620100MA7999999X", "尾矿综合利用项目")), "none");
  EXPECT_EQ(find(Fields("乙公司", nullptr, "旧名称项目")), "p2");                      // the library's former name
  EXPECT_EQ(find(Fields("乙公司", nullptr, "更新的名称", "新名称项目")), "p2");          // the package's former name
  EXPECT_EQ(FindPriorProject(library, "p1", Fields("甲公司", nullptr, "尾矿综合利用项目")), nullptr)
      << "a package is not a resubmission of itself";
}

TEST(LoadPriorProjects, PassedAndNotRemovedWithCurrentValues) {
  testing::ScratchDir dir;
  LibrarySettings settings;
  ASSERT_TRUE(LibrarySettings::Load(testing::RepoTemplates().dir(), &settings).ok());
  std::unique_ptr<EventLog> log;
  ASSERT_TRUE(EventLog::Open(dir.path() / "lib.sqlite", 1000, &log).ok());
  auto event = [](const char* id, const char* kind, Json data) {
    LibraryEvent e;
    e.project_id = id;
    e.kind = kind;
    e.effective = "2025-07-01";
    e.data = std::move(data);
    return e;
  };
  ASSERT_TRUE(log->Update([&](const std::vector<LibraryEvent>&, std::vector<LibraryEvent>* append) {
                   *append = {event("a", kEventCollected, {{"conclusion", "通过"}, {"scanned", {{"total_investment", 100}}}}),
                              event("a", kEventCorrected, {{"field", "total_investment"}, {"reviewed", 150}}),
                              event("b", kEventCollected, {{"conclusion", "不通过"}}),
                              event("c", kEventCollected, {{"conclusion", "通过"}}),
                              event("c", kEventRemoved, {{"reason", "x"}})};
                   return Status::OK();
                 }).ok());
  std::vector<PriorProject> projects;
  ASSERT_TRUE(LoadPriorProjects(dir.path() / "lib.sqlite", settings, "2025-08-01", &projects).ok());
  ASSERT_EQ(projects.size(), 1u);
  EXPECT_EQ(projects[0].project_id, "a");
  EXPECT_EQ(projects[0].status, "待公示");
  EXPECT_EQ(projects[0].values.at("total_investment"), 150);
}

}  // namespace
}  // namespace gm
