#include "pipeline/ingest/package_identity.h"

#include <gtest/gtest.h>

#include "pipeline/core/hash.h"

namespace gm {
namespace {

InputFile File(const std::string& path, const std::string& bytes) {
  InputFile f;
  f.path = path;
  f.sha256 = Sha256Hex(bytes);
  f.bytes = std::make_shared<const std::string>(bytes);
  return f;
}

TEST(SafeIdStem, KeepsChineseReplacesUnsafe) {
  EXPECT_EQ(SafeIdStem("甘肃某某矿业有限公司入库申请.eml", true), "甘肃某某矿业有限公司入库申请");
  EXPECT_EQ(SafeIdStem("a/b\\c:d*e?f\"g<h>i|j k.zip", true), "a_b_c_d_e_f_g_h_i_j_k");
  EXPECT_EQ(SafeIdStem("申报　材料\t2024.pdf", true), "申报_材料_2024");  // U+3000 ideographic space
  EXPECT_EQ(SafeIdStem(std::string("ctl\x01\x7f.pdf"), true), "ctl__");
}

TEST(SafeIdStem, ExtensionOnlyDroppedForFiles) {
  EXPECT_EQ(SafeIdStem("甘肃某某矿业.v2", false), "甘肃某某矿业.v2");
  EXPECT_EQ(SafeIdStem("甘肃某某矿业.v2.zip", true), "甘肃某某矿业.v2");
  EXPECT_EQ(SafeIdStem("noext", true), "noext");
  EXPECT_EQ(SafeIdStem(".zip", true), ".zip");
}

TEST(SafeIdStem, AtMostSixtyCharacters) {
  std::string name;
  for (int i = 0; i < 80; ++i) name += "矿";
  std::string stem = SafeIdStem(name + ".zip", true);
  EXPECT_EQ(stem.size(), 60u * 3);
  EXPECT_EQ(SafeIdStem(std::string(100, 'a'), false), std::string(60, 'a'));
}

TEST(SafeIdStem, EmptyBecomesPackage) {
  EXPECT_EQ(SafeIdStem("", false), "package");
  EXPECT_EQ(SafeIdStem("", true), "package");
}

TEST(ContentHash, IndependentOfOrderSensitiveToNamesAndBytes) {
  std::vector<InputFile> a = {File("x.pdf", "1"), File("y.pdf", "2")};
  std::vector<InputFile> b = {File("y.pdf", "2"), File("x.pdf", "1")};
  EXPECT_EQ(ContentHash(a), ContentHash(b));
  EXPECT_NE(ContentHash(a), ContentHash({File("x.pdf", "1"), File("z.pdf", "2")}));
  EXPECT_NE(ContentHash(a), ContentHash({File("x.pdf", "1"), File("y.pdf", "3")}));
  // Path and hash are delimited: moving bytes between names changes the hash.
  EXPECT_NE(ContentHash({File("ab", "")}), ContentHash({File("a", "b")}));
  EXPECT_EQ(ContentHash({}).size(), 64u);
}

TEST(MakePackageId, NameAndHashPrefix) {
  std::string hash = ContentHash({File("x.pdf", "1")});
  EXPECT_EQ(MakePackageId("甘肃矿业.zip", true, hash), "甘肃矿业_" + hash.substr(0, 8));
  EXPECT_EQ(MakePackageId("甘肃矿业", false, hash), "甘肃矿业_" + hash.substr(0, 8));
}

}  // namespace
}  // namespace gm
