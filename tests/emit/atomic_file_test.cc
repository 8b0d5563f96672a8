#include "pipeline/emit/atomic_file.h"

#include <sys/resource.h>
#include <unistd.h>

#include <csignal>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "tests/emit/sample_record.h"

namespace gm {
namespace {

namespace fs = std::filesystem;
using testing::ReadText;
using testing::ScratchDir;

size_t CountEntries(const fs::path& dir) {
  size_t n = 0;
  for (const auto& e : fs::directory_iterator(dir)) {
    (void)e;
    ++n;
  }
  return n;
}

TEST(AtomicFile, WritesAndReplacesLeavingNoTemporaryFile) {
  ScratchDir dir;
  fs::path path = dir.path() / "records.jsonl";
  ASSERT_TRUE(WriteFileAtomically(path, "first\n").ok());
  EXPECT_EQ(ReadText(path), "first\n");
  ASSERT_TRUE(WriteFileAtomically(path, std::string("二\0进制", 9)).ok());
  EXPECT_EQ(ReadText(path), std::string("二\0进制", 9));
  ASSERT_TRUE(WriteFileAtomically(path, "").ok());
  EXPECT_EQ(ReadText(path), "");
  EXPECT_EQ(CountEntries(dir.path()), 1u);
}

TEST(AtomicFile, MissingFolderIsIoErrorNamingPathAndReason) {
  ScratchDir dir;
  fs::path path = dir.path() / "no-such-folder" / "x.json";
  Status s = WriteFileAtomically(path, "x");
  EXPECT_EQ(s.code(), Status::Code::kIoError);
  EXPECT_NE(s.message().find(path.string()), std::string::npos) << s.message();
  EXPECT_NE(s.message().find("No such file or directory"), std::string::npos) << s.message();
}

TEST(AtomicFile, FolderThatIsAFileIsIoError) {
  ScratchDir dir;
  testing::WriteText(dir.path() / "plain", "x");
  Status s = WriteFileAtomically(dir.path() / "plain" / "x.json", "x");
  EXPECT_EQ(s.code(), Status::Code::kIoError);
  EXPECT_NE(s.message().find("Not a directory"), std::string::npos) << s.message();
}

TEST(AtomicFile, UnwritableFolderIsIoError) {
  if (::geteuid() == 0) GTEST_SKIP() << "root writes into read-only folders";
  ScratchDir dir;
  fs::permissions(dir.path(), fs::perms::owner_read | fs::perms::owner_exec);
  Status s = WriteFileAtomically(dir.path() / "x.json", "x");
  fs::permissions(dir.path(), fs::perms::owner_all);
  EXPECT_EQ(s.code(), Status::Code::kIoError);
  EXPECT_NE(s.message().find("Permission denied"), std::string::npos) << s.message();
}

TEST(AtomicFile, EmptyPathIsInvalidArgument) {
  EXPECT_EQ(WriteFileAtomically("", "x").code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(WriteFileAtomically("/tmp/", "x").code(), Status::Code::kInvalidArgument);
}

// In a child process: limits file sizes to 4 KB and writes 1 MB; exits 0
// when the failure is reported as an IoError naming the path and EFBIG.
[[noreturn]] void WriteUnderFileSizeLimit(const fs::path& path) {
  std::signal(SIGXFSZ, SIG_IGN);
  rlimit limit{4096, 4096};
  setrlimit(RLIMIT_FSIZE, &limit);
  Status s = WriteFileAtomically(path, std::string(1 << 20, 'x'));
  bool reported = s.code() == Status::Code::kIoError && s.message().find(path.string()) != std::string::npos &&
                  s.message().find("File too large") != std::string::npos;
  std::_Exit(reported ? 0 : 1);
}

// A full disk, simulated with a file-size limit in a child process: the
// write fails with EFBIG, the old file survives whole, no temporary remains.
TEST(AtomicFileDeathTest, FullDiskKeepsTheOldFileAndCleansUp) {
  ScratchDir dir;
  fs::path path = dir.path() / "summary.json";
  ASSERT_TRUE(WriteFileAtomically(path, "old complete contents").ok());
  EXPECT_EXIT(WriteUnderFileSizeLimit(path), ::testing::ExitedWithCode(0), "");
  EXPECT_EQ(ReadText(path), "old complete contents");
  EXPECT_EQ(CountEntries(dir.path()), 1u);
}

TEST(AtomicFile, TemporarySiblingsAreUniqueAndBesideTheTarget) {
  fs::path a = TemporarySiblingPath("/out/review/包.xlsx");
  fs::path b = TemporarySiblingPath("/out/review/包.xlsx");
  EXPECT_NE(a, b);
  EXPECT_EQ(a.parent_path(), fs::path("/out/review"));
  EXPECT_EQ(a.extension(), ".xlsx");
  EXPECT_NE(a.filename().string().find("包.tmp-" + std::to_string(::getpid())), std::string::npos);
}

TEST(AtomicFile, CommitMovesATemporaryIntoPlaceAndReportsAMissingOne) {
  ScratchDir dir;
  fs::path target = dir.path() / "book.xlsx";
  fs::path temporary = TemporarySiblingPath(target);
  testing::WriteText(temporary, "PK");
  ASSERT_TRUE(CommitTemporaryFile(temporary, target).ok());
  EXPECT_EQ(ReadText(target), "PK");
  EXPECT_FALSE(fs::exists(temporary));
  Status s = CommitTemporaryFile(dir.path() / "gone.tmp", target);
  EXPECT_EQ(s.code(), Status::Code::kIoError);
  EXPECT_EQ(ReadText(target), "PK");
}

TEST(AtomicFile, ConcurrentWritersOfDistinctFiles) {
  ScratchDir dir;
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < 20; ++i)
        EXPECT_TRUE(WriteFileAtomically(dir.path() / ("f" + std::to_string(t) + ".txt"), std::to_string(i)).ok());
    });
  for (auto& th : threads) th.join();
  EXPECT_EQ(CountEntries(dir.path()), 4u);
  for (int t = 0; t < 4; ++t) EXPECT_EQ(ReadText(dir.path() / ("f" + std::to_string(t) + ".txt")), "19");
}

}  // namespace
}  // namespace gm
