#include "pipeline/library/project_state.h"
#include "pipeline/library/library_outputs.h"

#include <gtest/gtest.h>

#include "tests/emit/sample_record.h"

namespace gm {
namespace {

const LibrarySettings& Settings() {
  static LibrarySettings* s = [] {
    auto* settings = new LibrarySettings;
    EXPECT_TRUE(LibrarySettings::Load(testing::RepoTemplates().dir(), settings).ok());
    return settings;
  }();
  return *s;
}

LibraryEvent Event(const char* kind, const char* effective, Json data, const char* actor = "") {
  LibraryEvent e;
  e.project_id = "p1";
  e.kind = kind;
  e.effective = effective;
  e.actor = actor;
  e.data = std::move(data);
  return e;
}

std::vector<LibraryEvent> Passed() {
  return {Event(kEventCollected, "2025-07-01",
                {{"conclusion", "通过"}, {"scanned", {{"company_name", "甲公司"}, {"total_investment", 100}}}}),
          Event(kEventCorrected, "2025-07-02", {{"field", "total_investment"}, {"reviewed", 120}, {"scanned", 100}},
                "张三"),
          Event(kEventPublished, "2025-09-26", {{"start", "2025-09-26"}, {"end", "2025-10-09"}})};
}

std::string StatusOn(const std::vector<LibraryEvent>& events, const char* day) {
  std::vector<ProjectState> projects = BuildProjects(events);
  EXPECT_EQ(projects.size(), 1u);
  return StatusAsOf(projects[0], *CivilDate::Parse(day), Settings());
}

TEST(ProjectState, Lifecycle) {
  std::vector<LibraryEvent> events = Passed();
  EXPECT_EQ(StatusOn(events, "2025-09-25"), "待公示");
  EXPECT_EQ(StatusOn(events, "2025-09-26"), "公示中");
  EXPECT_EQ(StatusOn(events, "2025-10-09"), "公示中");
  EXPECT_EQ(StatusOn(events, "2025-10-10"), "已入库");
  EXPECT_EQ(StatusOn(events, "2027-09-08"), "已入库");
  EXPECT_EQ(StatusOn(events, "2027-09-09"), "即将到期");
  EXPECT_EQ(StatusOn(events, "2027-10-09"), "即将到期");
  EXPECT_EQ(StatusOn(events, "2027-10-10"), "已过期");
  ProjectState p = BuildProjects(events)[0];
  EXPECT_EQ(p.ValidUntil(Settings())->ToString(), "2027-10-09");
  EXPECT_EQ(p.ExtensionFrom(Settings())->ToString(), "2027-09-09");
}

TEST(ProjectState, ExtensionRemovalObjection) {
  std::vector<LibraryEvent> events = Passed();
  events.push_back(Event(kEventExtended, "2027-09-20", {{"valid_until", "2029-10-09"}}));
  EXPECT_EQ(StatusOn(events, "2027-09-19"), "即将到期");
  EXPECT_EQ(StatusOn(events, "2027-09-20"), "已延期");
  EXPECT_EQ(StatusOn(events, "2029-10-09"), "已延期");
  EXPECT_EQ(StatusOn(events, "2029-10-10"), "已过期");
  events.push_back(Event(kEventRemoved, "2028-01-05", {{"reason", "重大变更后不再符合入库要求"}}));
  EXPECT_EQ(StatusOn(events, "2028-01-04"), "已延期");
  EXPECT_EQ(StatusOn(events, "2028-01-05"), "已移出");
  EXPECT_EQ(BuildProjects(events)[0].removal_reason, "重大变更后不再符合入库要求");

  std::vector<LibraryEvent> objected = Passed();
  objected.push_back(Event(kEventObjected, "2025-09-30", {{"reason", "举报属实"}}));
  EXPECT_EQ(StatusOn(objected, "2025-09-29"), "公示中");
  EXPECT_EQ(StatusOn(objected, "2025-09-30"), "未通过");
  EXPECT_EQ(StatusOn(objected, "2026-01-01"), "未通过");
}

TEST(ProjectState, ConclusionsOtherThanPassed) {
  std::vector<LibraryEvent> events = {Event(kEventCollected, "2025-07-01", {{"conclusion", "不通过"}})};
  EXPECT_EQ(StatusOn(events, "2025-07-01"), "未通过");
  events[0].data["conclusion"] = "补充材料后再审";
  EXPECT_EQ(StatusOn(events, "2025-07-01"), "待补充材料");
  // A later review replaces the earlier conclusion.
  events.push_back(Event(kEventCollected, "2025-08-01", {{"conclusion", "通过"}}));
  EXPECT_EQ(StatusOn(events, "2025-08-01"), "待公示");
}

TEST(ProjectState, CorrectionReplacesTheValueAndKeepsTheScannedOne) {
  ProjectState p = BuildProjects(Passed())[0];
  EXPECT_EQ(p.Value("total_investment"), 120);
  EXPECT_EQ(p.corrections.at("total_investment").scanned, 100);
  EXPECT_EQ(p.corrections.at("total_investment").expert, "张三");
  EXPECT_EQ(p.Text("company_name"), "甲公司");
  EXPECT_TRUE(p.Value("credit_code").is_null());
  EXPECT_EQ(p.history.size(), 3u);
}

TEST(ProjectState, LeapDayPublicityEnd) {
  std::vector<LibraryEvent> events = Passed();
  events[2].data = {{"start", "2024-02-23"}, {"end", "2024-02-29"}};
  ProjectState p = BuildProjects(events)[0];
  EXPECT_EQ(p.ValidUntil(Settings())->ToString(), "2026-02-28");
  EXPECT_EQ(p.ExtensionFrom(Settings())->ToString(), "2026-01-29");
}

}  // namespace
}  // namespace gm

namespace gm {
namespace {

TEST(LibraryOutputs, ContractLineBeforeAndAfterPublication) {
  std::vector<LibraryEvent> events = Passed();
  std::vector<ProjectState> projects = BuildProjects(events);
  Json line = LibraryLine({&projects[0], "已入库"}, Settings());
  EXPECT_EQ(line.dump(), R"({"project_id":"p1","company_name":"甲公司","credit_code":null,"project_name":null,)"
                         R"("status":"已入库","publicity_start":"2025-09-26","publicity_end":"2025-10-09",)"
                         R"("valid_until":"2027-10-09","extension_from":"2027-09-09"})");
  events.pop_back();  // not published
  projects = BuildProjects(events);
  line = LibraryLine({&projects[0], "待公示"}, Settings());
  EXPECT_TRUE(line["publicity_start"].is_null() && line["valid_until"].is_null() && line["extension_from"].is_null());
}

TEST(LibraryOutputs, CsvQuotesWhatNeedsIt) {
  EXPECT_EQ(CsvText({{"a", "b"}, {"1", "2"}}), "\xEF\xBB\xBF" "a,b\r\n1,2\r\n");
  EXPECT_EQ(CsvText({{"按LPR, 下浮", "说\"明\"", "两\n行"}}), "\xEF\xBB\xBF" "\"按LPR, 下浮\",\"说\"\"明\"\"\",\"两\n行\"\r\n");
}

}  // namespace
}  // namespace gm
