#include "extractors/archive/archive_reader.h"

#include <gtest/gtest.h>

#include <chrono>
#include <random>

#include "extractors/archive/member_name.h"
#include "tests/ingest/fixtures.h"

namespace gm {
namespace {

using testing::Encode;
using testing::RawZip;
using testing::RawZipEntry;

const ArchiveMember* Find(const ArchiveListing& l, const std::string& path) {
  for (const auto& m : l.members)
    if (m.path == path) return &m;
  return nullptr;
}

TEST(SafeRelativePath, TraversalAndOddNamesMadeSafe) {
  EXPECT_EQ(SafeRelativePath("../../etc/passwd"), "etc/passwd");
  EXPECT_EQ(SafeRelativePath("/abs/path/x.pdf"), "abs/path/x.pdf");
  EXPECT_EQ(SafeRelativePath("C:\\Users\\张三\\申请表.pdf"), "Users/张三/申请表.pdf");
  EXPECT_EQ(SafeRelativePath("..\\..\\x.pdf"), "x.pdf");
  EXPECT_EQ(SafeRelativePath("a/./b//c.pdf"), "a/b/c.pdf");
  EXPECT_EQ(SafeRelativePath(" 申报材料 / 利润表.pdf "), "申报材料/利润表.pdf");
  EXPECT_EQ(SafeRelativePath(std::string("a\x01\x7f:b.pdf")), "a___b.pdf");
  EXPECT_EQ(SafeRelativePath("dir/"), "dir");
  EXPECT_EQ(SafeRelativePath("../.."), "");
  EXPECT_EQ(SafeRelativePath(""), "");
}

TEST(DecodeArchiveName, Utf8Gbk8Big5AndCp437) {
  EXPECT_EQ(DecodeArchiveName("申报材料/利润表.pdf"), "申报材料/利润表.pdf");
  EXPECT_EQ(DecodeArchiveName(Encode("申报材料/利润表.pdf", "gbk")), "申报材料/利润表.pdf");
  EXPECT_EQ(DecodeArchiveName(Encode("財務報表/資產負債表.pdf", "windows-950-2000")), "財務報表/資產負債表.pdf");
  EXPECT_EQ(DecodeArchiveName("\x80\x81.txt"), "Çü.txt");  // no Chinese reading: an old DOS name
}

TEST(ReadArchive, GbkNamesWithoutUtf8FlagAndFolders) {
  std::string zip = RawZip({{Encode("申报材料/", "gbk"), ""},
                            {Encode("申报材料/财务报表/利润表.pdf", "gbk"), "%PDF-profit"},
                            {Encode("入库申请表（盖章）.pdf", "gbk"), "%PDF-form"},
                            {"01绿色矿山方案.pdf", "%PDF-plan", true}});
  ArchiveListing listing;
  ASSERT_TRUE(ReadArchive(zip, ArchiveLimits(), &listing).ok());
  ASSERT_EQ(listing.members.size(), 3u);  // the folder entry is not a member
  ASSERT_NE(Find(listing, "申报材料/财务报表/利润表.pdf"), nullptr);
  EXPECT_EQ(Find(listing, "申报材料/财务报表/利润表.pdf")->bytes, "%PDF-profit");
  ASSERT_NE(Find(listing, "入库申请表（盖章）.pdf"), nullptr);
  ASSERT_NE(Find(listing, "01绿色矿山方案.pdf"), nullptr);
  EXPECT_NE(listing.format.find("ZIP"), std::string::npos);
}

TEST(ReadArchive, Big5AndGb18030Names) {
  // 許 is B3 5C in Big5: its trail byte is a backslash that must not split the name.
  std::string zip = RawZip({{Encode("採礦許可證.pdf", "windows-950-2000"), "a"},
                            {Encode("刘䶮承诺书.pdf", "gb18030"), "b"}});
  ArchiveListing listing;
  ASSERT_TRUE(ReadArchive(zip, ArchiveLimits(), &listing).ok());
  ASSERT_EQ(listing.members.size(), 2u);
  EXPECT_EQ(listing.members[0].path, "採礦許可證.pdf");
  EXPECT_EQ(listing.members[1].path, "刘䶮承诺书.pdf");
}

TEST(ReadArchive, PathTraversalNamesSanitized) {
  std::string zip = RawZip({{"../../etc/passwd", "root"}, {"/abs/x.pdf", "x"}, {"C:\\evil\\y.pdf", "y"}, {"..", "z"}});
  ArchiveListing listing;
  ASSERT_TRUE(ReadArchive(zip, ArchiveLimits(), &listing).ok());
  ASSERT_EQ(listing.members.size(), 4u);
  EXPECT_EQ(listing.members[0].path, "etc/passwd");
  EXPECT_EQ(listing.members[1].path, "abs/x.pdf");
  EXPECT_EQ(listing.members[2].path, "evil/y.pdf");
  EXPECT_EQ(listing.members[3].path, "");  // nothing left: the caller names it
  for (const auto& m : listing.members) EXPECT_EQ(m.path.find(".."), std::string::npos);
}

TEST(ReadArchive, DeflateSevenZipAndTarGz) {
  std::vector<testing::Member> members = {{Encode("财务报表/利润表.pdf", "gbk"), std::string(5000, 'p')},
                                          {"readme.txt", "hello"}};
  ArchiveListing zip;
  ASSERT_TRUE(ReadArchive(testing::DeflateZip(members), ArchiveLimits(), &zip).ok());
  ASSERT_NE(Find(zip, "财务报表/利润表.pdf"), nullptr);
  EXPECT_EQ(Find(zip, "财务报表/利润表.pdf")->bytes, std::string(5000, 'p'));

  ArchiveListing tgz;
  ASSERT_TRUE(ReadArchive(testing::TarGz(members), ArchiveLimits(), &tgz).ok());
  ASSERT_NE(Find(tgz, "财务报表/利润表.pdf"), nullptr);
  EXPECT_EQ(Find(tgz, "readme.txt")->bytes, "hello");

  ArchiveListing seven;
  Status s = ReadArchive(testing::SevenZip({{"資產負債表.pdf", "bs"}, {"审计报告/附注.pdf", "notes"}}), ArchiveLimits(), &seven);
  ASSERT_TRUE(s.ok()) << s.ToString();
  ASSERT_NE(Find(seven, "資產負債表.pdf"), nullptr);
  EXPECT_EQ(Find(seven, "审计报告/附注.pdf")->bytes, "notes");
}

TEST(ReadArchive, TarHardLinksShareTheirTargetsBytes) {
  ArchiveListing listing;
  ASSERT_TRUE(ReadArchive(testing::TarGz({{"a.pdf", "%PDF-a"}, {"copy/a.pdf", "", "a.pdf"}, {"dangling.pdf", "", "nowhere"}}),
                          ArchiveLimits(), &listing)
                  .ok());
  ASSERT_NE(Find(listing, "copy/a.pdf"), nullptr);
  EXPECT_EQ(Find(listing, "copy/a.pdf")->bytes, "%PDF-a");
  EXPECT_EQ(Find(listing, "dangling.pdf"), nullptr);
}

TEST(ReadArchive, TruncatedZipKeepsWhatWasRead) {
  std::mt19937 random(42);  // incompressible, so that half the zip ends inside this member
  std::string big(200000, '\0');
  for (char& c : big) c = static_cast<char>(random());
  std::string zip = testing::DeflateZip({{"first.pdf", "%PDF-first"}, {"second.pdf", big}, {"third.pdf", "x"}});
  ArchiveListing listing;
  Status s = ReadArchive(std::string_view(zip).substr(0, zip.size() / 2), ArchiveLimits(), &listing);
  EXPECT_EQ(s.code(), Status::Code::kCorrupt) << s.ToString();
  EXPECT_NE(s.message().find("不完整"), std::string::npos) << s.message();
  EXPECT_NE(s.message().find("请申报单位"), std::string::npos);
  ASSERT_GE(listing.members.size(), 1u);
  EXPECT_EQ(listing.members[0].path, "first.pdf");
  EXPECT_EQ(listing.members[0].bytes, "%PDF-first");
}

TEST(ReadArchive, EncryptedMemberListedWithError) {
  std::string zip = testing::EncryptedZip({{"secret.pdf", "%PDF-secret"}}, "pw");
  ArchiveListing listing;
  (void)ReadArchive(zip, ArchiveLimits(), &listing);  // the member's error is what matters
  ASSERT_EQ(listing.members.size(), 1u);
  EXPECT_EQ(listing.members[0].path, "secret.pdf");
  EXPECT_TRUE(listing.members[0].bytes.empty());
  EXPECT_EQ(listing.members[0].error, "文件已加密（需要密码），无法读取，请申报单位提供未加密的文件");

  // A member flagged encrypted in a stored zip, next to a readable one.
  ArchiveListing mixed;
  ASSERT_TRUE(ReadArchive(RawZip({{"locked.pdf", "xxxxxxxxxxxxyyyy", false, true}, {"open.pdf", "ok"}}),
                          ArchiveLimits(), &mixed)
                  .ok());
  ASSERT_EQ(mixed.members.size(), 2u);
  EXPECT_FALSE(mixed.members[0].error.empty());
  EXPECT_EQ(mixed.members[1].bytes, "ok");
}

TEST(ReadArchive, ZipBombStopsQuickly) {
  // 24 MB of zeros deflate to ~24 KB (ratio ~1000); reading stops after a few MB.
  std::string zip = testing::DeflateZip({{"bomb.bin", std::string(24u << 20, '\0')}});
  ASSERT_LT(zip.size(), 100u << 10);
  ArchiveLimits limits;  // ratio 200
  auto start = std::chrono::steady_clock::now();
  ArchiveListing listing;
  Status s = ReadArchive(zip, limits, &listing);
  auto elapsed = std::chrono::steady_clock::now() - start;
  EXPECT_EQ(s.code(), Status::Code::kLimit);
  EXPECT_NE(s.message().find("疑似压缩炸弹"), std::string::npos) << s.message();
  EXPECT_NE(s.message().find("bomb.bin"), std::string::npos);
  EXPECT_TRUE(listing.members.empty());
  EXPECT_LT(elapsed, std::chrono::seconds(2));
}

TEST(ReadArchive, MemberTotalAndCountLimits) {
  std::vector<testing::Member> members;
  for (int i = 0; i < 10; ++i) members.push_back({"f" + std::to_string(i) + ".pdf", std::string(1000, 'a' + i)});
  {
    ArchiveLimits limits;
    limits.max_members = 4;
    ArchiveListing listing;
    Status s = ReadArchive(testing::DeflateZip(members), limits, &listing);
    EXPECT_EQ(s.code(), Status::Code::kLimit);
    EXPECT_NE(s.message().find("4个"), std::string::npos);
    EXPECT_EQ(listing.members.size(), 4u);
  }
  {
    ArchiveLimits limits;
    limits.max_total_bytes = 3500;
    ArchiveListing listing;
    Status s = ReadArchive(testing::DeflateZip(members), limits, &listing);
    EXPECT_EQ(s.code(), Status::Code::kLimit);
    EXPECT_NE(s.message().find("总大小"), std::string::npos);
    EXPECT_EQ(listing.members.size(), 3u);
  }
  {
    ArchiveLimits limits;
    limits.max_member_bytes = 999;
    ArchiveListing listing;
    ASSERT_TRUE(ReadArchive(RawZip({{"big.pdf", std::string(1000, 'b')}, {"small.pdf", "tiny"}}), limits, &listing).ok());
    ASSERT_EQ(listing.members.size(), 2u);
    EXPECT_NE(listing.members[0].error.find("单个文件上限"), std::string::npos);
    EXPECT_TRUE(listing.members[0].bytes.empty());
    EXPECT_EQ(listing.members[1].bytes, "tiny");
  }
}

TEST(ReadArchive, NotAnArchive) {
  const std::string inputs[] = {"", "just some text", std::string(4096, '\xFF'), "Rar!\x1a\x07\x01\x00garbage-garbage",
                                "PK\x03\x04 broken header", std::string("7z\xBC\xAF\x27\x1C\x00\x04", 8) + "junk"};
  for (const auto& in : inputs) {
    ArchiveListing listing;
    Status s = ReadArchive(in, ArchiveLimits(), &listing);
    EXPECT_FALSE(s.ok());
    EXPECT_TRUE(listing.members.empty());
    EXPECT_NE(s.message().find("请申报单位"), std::string::npos) << s.message();
  }
}

TEST(ReadArchive, EmptyZip) {
  ArchiveListing listing;
  EXPECT_TRUE(ReadArchive(RawZip({}), ArchiveLimits(), &listing).ok());
  EXPECT_TRUE(listing.members.empty());
}

}  // namespace
}  // namespace gm
