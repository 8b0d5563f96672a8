#include "pipeline/library/event_log.h"

#include <gtest/gtest.h>

#include "pipeline/library/sqlite_db.h"
#include "tests/emit/sample_record.h"

namespace gm {
namespace {
namespace fs = std::filesystem;

LibraryEvent Event(const std::string& project, const char* kind) {
  LibraryEvent e;
  e.project_id = project;
  e.kind = kind;
  e.effective = "2025-07-01";
  e.source = "test";
  e.data = {{"n", 1}};
  return e;
}

Status AppendAll(EventLog* log, std::vector<LibraryEvent> events) {
  return log->Update([&](const std::vector<LibraryEvent>&, std::vector<LibraryEvent>* append) {
    *append = events;
    return Status::OK();
  });
}

TEST(EventLog, CreatesTheSchemaAndKeepsEventsAcrossOpens) {
  testing::ScratchDir dir;
  fs::path path = dir.path() / "lib.sqlite";
  {
    std::unique_ptr<EventLog> log;
    ASSERT_TRUE(EventLog::Open(path, 1000, &log).ok());
    EXPECT_EQ(log->schema_version(), EventLog::kSchemaVersion);
    ASSERT_TRUE(AppendAll(log.get(), {Event("a", kEventCollected), Event("a", kEventPublished)}).ok());
  }
  std::unique_ptr<EventLog> log;
  ASSERT_TRUE(EventLog::Open(path, 1000, &log).ok());
  std::vector<LibraryEvent> events;
  ASSERT_TRUE(log->ReadAll(&events).ok());
  ASSERT_EQ(events.size(), 2u);
  EXPECT_LT(events[0].seq, events[1].seq);
  EXPECT_EQ(events[1].kind, kEventPublished);
  EXPECT_EQ(events[0].data["n"], 1);
  EXPECT_EQ(events[0].recorded_at.size(), 20u);
}

TEST(EventLog, EventsCannotBeChangedOrDeleted) {
  testing::ScratchDir dir;
  fs::path path = dir.path() / "lib.sqlite";
  std::unique_ptr<EventLog> log;
  ASSERT_TRUE(EventLog::Open(path, 1000, &log).ok());
  ASSERT_TRUE(AppendAll(log.get(), {Event("a", kEventCollected)}).ok());
  std::unique_ptr<SqliteDb> db;
  ASSERT_TRUE(SqliteDb::Open(path, 1000, &db).ok());
  EXPECT_FALSE(db->Exec("UPDATE events SET kind='removed'").ok());
  EXPECT_FALSE(db->Exec("DELETE FROM events").ok());
  EXPECT_FALSE(db->Exec("INSERT INTO events(project_id,kind,effective,recorded_at,source) "
                        "VALUES('a','renamed','2025-01-01','x','y')").ok());
}

TEST(EventLog, RefusesANewerSchemaAndAFileThatIsNoDatabase) {
  testing::ScratchDir dir;
  fs::path path = dir.path() / "lib.sqlite";
  {
    std::unique_ptr<SqliteDb> db;
    ASSERT_TRUE(SqliteDb::Open(path, 1000, &db).ok());
    ASSERT_TRUE(db->Exec("PRAGMA user_version=99").ok());
  }
  std::unique_ptr<EventLog> log;
  Status s = EventLog::Open(path, 1000, &log);
  EXPECT_EQ(s.code(), Status::Code::kUnsupported);
  EXPECT_NE(s.message().find("99"), std::string::npos);
  testing::WriteText(dir.path() / "junk.sqlite", std::string(4096, 'x'));
  EXPECT_FALSE(EventLog::Open(dir.path() / "junk.sqlite", 1000, &log).ok());
}

TEST(EventLog, AFailedDecisionAppendsNothing) {
  testing::ScratchDir dir;
  std::unique_ptr<EventLog> log;
  ASSERT_TRUE(EventLog::Open(dir.path() / "lib.sqlite", 1000, &log).ok());
  Status s = log->Update([](const std::vector<LibraryEvent>&, std::vector<LibraryEvent>* append) {
    append->push_back(Event("a", kEventCollected));
    return Status::InvalidArgument("no");
  });
  EXPECT_FALSE(s.ok());
  std::vector<LibraryEvent> events;
  ASSERT_TRUE(log->ReadAll(&events).ok());
  EXPECT_TRUE(events.empty());
}

TEST(EventLog, ASecondWriterWaitsForTheFirst) {
  testing::ScratchDir dir;
  fs::path path = dir.path() / "lib.sqlite";
  std::unique_ptr<EventLog> first, second;
  ASSERT_TRUE(EventLog::Open(path, 50, &first).ok());
  ASSERT_TRUE(EventLog::Open(path, 50, &second).ok());
  // While the first holds the write lock, the second gives up after its timeout
  // without writing anything; afterwards it sees the first's events.
  Status inner;
  Status outer = first->Update([&](const std::vector<LibraryEvent>&, std::vector<LibraryEvent>* append) {
    inner = AppendAll(second.get(), {Event("b", kEventCollected)});
    append->push_back(Event("a", kEventCollected));
    return Status::OK();
  });
  ASSERT_TRUE(outer.ok()) << outer.ToString();
  EXPECT_FALSE(inner.ok());
  ASSERT_TRUE(AppendAll(second.get(), {Event("b", kEventCollected)}).ok());
  std::vector<LibraryEvent> events;
  ASSERT_TRUE(second->ReadAll(&events).ok());
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].project_id, "a");
}

}  // namespace
}  // namespace gm
