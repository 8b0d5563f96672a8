#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "pipeline/check/checks.h"

namespace gm {
namespace {

namespace fs = std::filesystem;

TEST(LoadBlacklistTest, CommentsBlanksSpacesAndCase) {
  fs::path file = fs::temp_directory_path() / ("gm_blacklist_" + std::to_string(::getpid()) + ".txt");
  std::ofstream(file) << "\xEF\xBB\xBF# 信用黑名单\n"
                         "91620100MA52CT9779\n"
                         "\n"
                         "   91620200ma1ql12p7g  \r\n"
                         "91620300609694751H   # 2024 年列入\n"
                         "\t\n"
                         "# 91620400MA2JXLD08A\n";
  std::set<std::string> codes = {"stale"};
  ASSERT_TRUE(LoadBlacklist(file, &codes).ok());
  EXPECT_EQ(codes, (std::set<std::string>{"91620100MA52CT9779", "91620200MA1QL12P7G", "91620300609694751H"}));
  fs::remove(file);
}

TEST(LoadBlacklistTest, MissingFileOrFolderFails) {
  std::set<std::string> codes = {"kept"};
  Status s = LoadBlacklist("/nonexistent/blacklist.txt", &codes);
  EXPECT_EQ(s.code(), Status::Code::kNotFound);
  EXPECT_NE(s.message().find("信用黑名单"), std::string::npos);
  EXPECT_EQ(s.message().find("/nonexistent/blacklist.txt") == std::string::npos, false);
  EXPECT_EQ(LoadBlacklist(fs::temp_directory_path(), &codes).code(), Status::Code::kNotFound);
  EXPECT_EQ(codes, std::set<std::string>{"kept"});
}

TEST(LoadBlacklistTest, EmptyFileIsAnEmptyList) {
  fs::path file = fs::temp_directory_path() / ("gm_blacklist_empty_" + std::to_string(::getpid()) + ".txt");
  std::ofstream(file) << "";
  std::set<std::string> codes = {"stale"};
  ASSERT_TRUE(LoadBlacklist(file, &codes).ok());
  EXPECT_TRUE(codes.empty());
  fs::remove(file);
}

}  // namespace
}  // namespace gm
