// OUT is greenmine's own (issue 19): links at its names are removed, never
// followed; pruning and sweeping touch only what greenmine wrote.
#include "pipeline/batch/output_folder.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>
#include <random>

#include "pipeline/batch/output_lock.h"

namespace gm {
namespace {

namespace fs = std::filesystem;

class OutputFolderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / ("gm_output_folder_" + std::to_string(getpid()) + "_" +
                                         std::to_string(std::random_device()()));
    fs::create_directories(root_ / "out");
    fs::create_directories(root_ / "outside");
  }
  void TearDown() override { fs::remove_all(root_); }

  static void Write(const fs::path& path, const std::string& text) { std::ofstream(path) << text; }
  static std::string Read(const fs::path& path) {
    std::ifstream in(path);
    return std::string(std::istreambuf_iterator<char>(in), {});
  }

  fs::path root_;
};

TEST_F(OutputFolderTest, LinksAtOwnNamesAreReplacedTargetsUntouched) {
  const fs::path out = root_ / "out", outside = root_ / "outside";
  Write(outside / "user.xlsx", "user");
  Write(outside / "a.tmp-1-2", "user");
  fs::create_directory_symlink(outside, out / "review");
  fs::create_directory_symlink(outside, out / ".cache");
  Write(out / "records", "a file where a folder belongs");
  std::vector<std::string> notes;
  ASSERT_TRUE(PrepareOwnFolders(out, &notes).ok());
  EXPECT_EQ(notes.size(), 3u);
  for (const char* sub : {"records", "review", ".cache", ".cache/outputs"}) {
    EXPECT_TRUE(fs::is_directory(fs::symlink_status(out / sub))) << sub;
  }
  RemoveTemporaryFiles(out);
  PruneStaleOutputs(out, {});
  EXPECT_EQ(Read(outside / "user.xlsx"), "user");
  EXPECT_EQ(Read(outside / "a.tmp-1-2"), "user");
}

TEST_F(OutputFolderTest, PruningDeletesOnlyWhatTheManifestNames) {
  const fs::path out = root_ / "out";
  std::vector<std::string> notes;
  ASSERT_TRUE(PrepareOwnFolders(out, &notes).ok());
  EXPECT_TRUE(notes.empty());
  for (const std::string id : {"gone_12345678", "kept_87654321"}) {
    Write(out / "records" / (id + ".json"), "{}");
    Write(out / "review" / (id + ".xlsx"), "x");
    Write(OutputStampPath(out, id), "stamp");
  }
  Write(out / "records" / "mine.json", "{}");  // a user's own files, never written by greenmine
  Write(out / "review" / "mine.xlsx", "x");
  PruneStaleOutputs(out, {"kept_87654321"});
  EXPECT_FALSE(fs::exists(out / "records" / "gone_12345678.json"));
  EXPECT_FALSE(fs::exists(out / "review" / "gone_12345678.xlsx"));
  EXPECT_FALSE(fs::exists(OutputStampPath(out, "gone_12345678")));
  EXPECT_TRUE(fs::exists(out / "records" / "kept_87654321.json"));
  EXPECT_TRUE(fs::exists(out / "records" / "mine.json"));
  EXPECT_TRUE(fs::exists(out / "review" / "mine.xlsx"));
}

TEST_F(OutputFolderTest, OnlyExactTemporariesAreSwept) {
  const fs::path out = root_ / "out";
  std::vector<std::string> notes;
  ASSERT_TRUE(PrepareOwnFolders(out, &notes).ok());
  Write(out / "records" / "p_1.tmp-123-4.json", "");
  Write(out / "review" / "p_1.tmp-123-4.xlsx", "");
  Write(out / "records" / "notes.tmp", "user");
  Write(out / "review" / "my.tmp-draft.xlsx", "user");
  RemoveTemporaryFiles(out);
  EXPECT_FALSE(fs::exists(out / "records" / "p_1.tmp-123-4.json"));
  EXPECT_FALSE(fs::exists(out / "review" / "p_1.tmp-123-4.xlsx"));
  EXPECT_TRUE(fs::exists(out / "records" / "notes.tmp"));
  EXPECT_TRUE(fs::exists(out / "review" / "my.tmp-draft.xlsx"));
}

TEST_F(OutputFolderTest, LockNeverFollowsALink) {
  const fs::path out = root_ / "out", victim = root_ / "outside" / "victim.txt";
  Write(victim, "keep me\n");
  fs::create_symlink(victim, out / ".lock");
  OutputLock lock;
  ASSERT_TRUE(lock.Acquire(out).ok());
  EXPECT_EQ(Read(victim), "keep me\n");
  EXPECT_FALSE(fs::is_symlink(out / ".lock"));
}

}  // namespace
}  // namespace gm
