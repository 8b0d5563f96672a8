#include "pipeline/core/status.h"

#include <gtest/gtest.h>

namespace gm {
namespace {

TEST(Status, DefaultIsOk) {
  Status s;
  EXPECT_TRUE(s.ok());
  EXPECT_EQ(s.ToString(), "OK");
}

TEST(Status, CarriesCodeAndMessage) {
  Status s = Status::Encrypted("文件已加密");
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.code(), Status::Code::kEncrypted);
  EXPECT_EQ(s.message(), "文件已加密");
  EXPECT_EQ(s.ToString(), "Encrypted: 文件已加密");
}

}  // namespace
}  // namespace gm
