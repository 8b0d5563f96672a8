#include "pipeline/ingest/package_identity.h"

#include <gtest/gtest.h>

#include <set>

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

TEST(SafeIdStem, AtMostSixtyCharactersAndOneHundredTwentyBytes) {
  std::string name;
  for (int i = 0; i < 80; ++i) name += "矿";
  std::string stem = SafeIdStem(name + ".zip", true);
  EXPECT_EQ(stem.size(), 40u * 3);
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

TEST(SafeIdStem, HiddenAndBidiCharactersReplaced) {
  // "bidi<RLO>fdp.exe" is shown as "bidiexe.pdf" where bidi controls are obeyed.
  EXPECT_EQ(SafeIdStem("bidi\u202Efdp.exe", true), "bidi_fdp");
  EXPECT_EQ(SafeIdStem("a\u200Bb\u2066c\uFEFFd\u00ADe", false), "a_b_c_d_e");
  EXPECT_EQ(SafeIdStem("esc\x1b[31mred", false), "esc_[31mred");
  EXPECT_EQ(SafeIdStem("bad\xff\xfe", false), "bad__");  // invalid UTF-8 bytes
}

TEST(SafeIdStem, LongNamesCutOnCharacterBoundaryWithinBytes) {
  std::string name;
  for (int i = 0; i < 55; ++i) name += "\U00020000";  // 4 bytes each, outside the BMP
  std::string stem = SafeIdStem(name, false);
  EXPECT_EQ(stem.size(), 120u);
  EXPECT_EQ(stem, name.substr(0, 120));
  std::string mixed = "a";
  for (int i = 0; i < 55; ++i) mixed += "\U00020000";
  EXPECT_EQ(SafeIdStem(mixed, false).size(), 117u);  // "a" + 29 whole characters, none split
  std::string id = MakePackageId(name, false, ContentHash({File("x.pdf", "1")}), name);
  EXPECT_LE(id.size(), 129u);
}

TEST(MakePackageId, NameAndHashOfContentAndSource) {
  std::string hash = ContentHash({File("x.pdf", "1")});
  std::string id = MakePackageId("甘肃矿业.zip", true, hash, "甘肃矿业.zip");
  EXPECT_EQ(id, "甘肃矿业_" + Sha256Hex(hash + '\0' + "甘肃矿业.zip").substr(0, 8));
  EXPECT_EQ(MakePackageId("甘肃矿业.zip", true, hash, "甘肃矿业.zip"), id);  // stable
  std::string longer = IdWithLongerHash("甘肃矿业.zip", true, hash, "甘肃矿业.zip");
  EXPECT_EQ(longer.substr(0, id.size()), id);
  EXPECT_EQ(longer.size(), id.size() + 8);
}

// Names SafeIdStem folds together, from issue 19: 13 entries, 13 ids, also
// when their content is the same.
TEST(MakePackageId, NamesThatFoldTogetherStayDistinct) {
  std::string same = ContentHash({File("x.pdf", "1")});
  std::string sixty(60, 'n');
  std::vector<std::pair<std::string, bool>> entries = {
      {"a:b.pdf", true},        {"a_b.pdf", true},        {"f one", false},  {"f_one", false},
      {"f*one", false},         {"pkg", false},           {"pkg.zip", true}, {sixty + "1", false},
      {sixty + "2", false},     {"g?h", false},           {"g*h", false},    {"bidi\u202Efdp.exe", true},
      {"bidi_fdp.exe", true}};
  std::set<std::string> ids;
  for (const auto& [name, is_file] : entries) ids.insert(MakePackageId(name, is_file, same, name));
  EXPECT_EQ(ids.size(), entries.size());
}

}  // namespace
}  // namespace gm
