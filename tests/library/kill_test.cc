// kill -9 during collect: a process appending a collect's events is killed at
// random moments; the library afterwards holds every event of a collect or
// none of it, and opens and passes SQLite's integrity check.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "pipeline/library/collect.h"
#include "pipeline/library/sqlite_db.h"
#include "tests/emit/sample_record.h"

namespace gm {
namespace {

constexpr int kPackages = 400;  // each: one collected event and two corrections

std::vector<LibraryEvent> CollectBatch(int round) {
  std::vector<LibraryEvent> events;
  for (int i = 0; i < kPackages; ++i) {
    std::string id = "round" + std::to_string(round) + "-pkg" + std::to_string(i);
    for (const char* kind : {kEventCollected, kEventCorrected, kEventCorrected}) {
      LibraryEvent e;
      e.project_id = id;
      e.kind = kind;
      e.effective = "2025-07-01";
      e.source = "returned/" + id + ".xlsx";
      e.data = {{"conclusion", "通过"}, {"scanned", {{"company_name", std::string(200, 'x')}}}};
      events.push_back(e);
    }
  }
  return events;
}

// The child: collects rounds until killed.
[[noreturn]] void CollectForever(const std::filesystem::path& path, int pipe_fd) {
  std::unique_ptr<EventLog> log;
  if (!EventLog::Open(path, 10000, &log).ok()) _exit(3);
  for (int round = 0;; ++round) {
    (void)log->Update([&](const std::vector<LibraryEvent>&, std::vector<LibraryEvent>* append) {
      *append = CollectBatch(round);
      if (round == 0 && write(pipe_fd, "x", 1) != 1) _exit(4);  // started: the parent may kill now
      return Status::OK();
    });
  }
}

TEST(KillDuringCollect, TheLibraryHoldsWholeCollectsOnly) {
  testing::ScratchDir dir;
  std::filesystem::path path = dir.path() / "lib.sqlite";
  for (int attempt = 0; attempt < 6; ++attempt) {
    int fds[2];
    ASSERT_EQ(pipe(fds), 0);
    pid_t child = fork();
    ASSERT_GE(child, 0);
    if (child == 0) CollectForever(path, fds[1]);
    char byte;
    ASSERT_EQ(read(fds[0], &byte, 1), 1);
    std::this_thread::sleep_for(std::chrono::milliseconds(7 * attempt + 1));
    kill(child, SIGKILL);
    int status = 0;
    waitpid(child, &status, 0);
    close(fds[0]);
    close(fds[1]);
    ASSERT_TRUE(WIFSIGNALED(status)) << "the child ended on its own: " << status;

    std::unique_ptr<EventLog> log;
    Status s = EventLog::Open(path, 1000, &log);
    ASSERT_TRUE(s.ok()) << s.ToString();
    std::vector<LibraryEvent> events;
    ASSERT_TRUE(log->ReadAll(&events).ok());
    EXPECT_EQ(events.size() % (3 * kPackages), 0u) << "a half-recorded collect: " << events.size() << " events";
    std::unique_ptr<SqliteDb> db;
    ASSERT_TRUE(SqliteDb::Open(path, 1000, &db).ok());
    std::unique_ptr<SqliteStatement> check;
    ASSERT_TRUE(db->Prepare("PRAGMA integrity_check", &check).ok());
    bool row = false;
    ASSERT_TRUE(check->Step(&row).ok());
    ASSERT_TRUE(row);
    EXPECT_EQ(check->Text(0), "ok");
  }
}

}  // namespace
}  // namespace gm
