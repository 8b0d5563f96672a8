#include "extractors/mime/charset.h"

#include <gtest/gtest.h>

#include "tests/ingest/fixtures.h"

namespace gm {
namespace {

using testing::Encode;

TEST(IsValidUtf8, AcceptsAsciiAndChinese) {
  EXPECT_TRUE(IsValidUtf8(""));
  EXPECT_TRUE(IsValidUtf8("report.pdf"));
  EXPECT_TRUE(IsValidUtf8("入库申请表.pdf"));
  EXPECT_TRUE(IsValidUtf8("\xF0\xA0\x80\x80"));  // U+20000, CJK extension B
}

TEST(IsValidUtf8, RejectsMalformed) {
  EXPECT_FALSE(IsValidUtf8("\xC0\x80"));           // overlong NUL
  EXPECT_FALSE(IsValidUtf8("\xE0\x80\xAF"));       // overlong '/'
  EXPECT_FALSE(IsValidUtf8("\xED\xA0\x80"));       // surrogate
  EXPECT_FALSE(IsValidUtf8("\xE4\xB8"));           // truncated
  EXPECT_FALSE(IsValidUtf8("\xF4\x90\x80\x80"));   // beyond U+10FFFF
  EXPECT_FALSE(IsValidUtf8(Encode("申报材料", "gbk")));
}

// Names as applicants write them: GBK from mainland Windows, Big5 from Taiwan and Hong Kong.
const char* kSimplified[] = {"申报材料.pdf", "环境影响评价报告书", "财务报表", "营业执照",
                             "入库申请表（盖章）", "采矿许可证", "安全生产许可证", "资产负债表",
                             "利润表", "现金流量表", "2024年审计报告", "绿色矿山建设方案"};
const char* kTraditional[] = {"申請表.pdf", "環境影響評價報告書", "財務報表", "營業執照", "採礦許可證",
                              "資產負債表", "綠色礦山", "入庫申請", "現金流量表", "利潤表"};

TEST(GuessChineseCharset, GbkNamesAreGb18030) {
  for (const char* name : kSimplified) {
    std::string bytes = Encode(name, "gbk");
    EXPECT_STREQ(GuessChineseCharset(bytes), "GB18030") << name;
    EXPECT_EQ(DecodeUnknownCharset(bytes), name);
  }
}

TEST(GuessChineseCharset, Big5NamesAreBig5) {
  for (const char* name : kTraditional) {
    std::string bytes = Encode(name, "windows-950-2000");
    EXPECT_STREQ(GuessChineseCharset(bytes), "Big5") << name;
    EXPECT_EQ(DecodeUnknownCharset(bytes), name);
  }
}

TEST(GuessChineseCharset, Utf8AndAscii) {
  EXPECT_STREQ(GuessChineseCharset("plain.pdf"), "UTF-8");
  EXPECT_STREQ(GuessChineseCharset("申报材料"), "UTF-8");
  EXPECT_EQ(DecodeUnknownCharset("申报材料"), "申报材料");
}

TEST(GuessChineseCharset, Gb18030FourByteCharacters) {
  // 䶮 (U+4DAE) and 𠀀 (U+20000) exist only in GB18030's four-byte area.
  std::string name = "刘䶮的申请表𠀀";
  std::string bytes = Encode(name, "gb18030");
  EXPECT_STREQ(GuessChineseCharset(bytes), "GB18030");
  EXPECT_EQ(DecodeUnknownCharset(bytes), name);
}

TEST(GuessChineseCharset, NothingDecodesCleanly) {
  EXPECT_EQ(GuessChineseCharset("\xFF\xFF\x80"), nullptr);
  std::string decoded = DecodeUnknownCharset("ab\xFF\xFF");
  EXPECT_TRUE(IsValidUtf8(decoded));
  EXPECT_EQ(decoded.substr(0, 2), "ab");
}

TEST(ConvertToUtf8, Gb2312LabelOverGbkText) {
  // 镕 is in GBK but not in GB2312; senders label such text gb2312 anyway.
  std::string bytes = Encode("朱镕基", "gbk");
  EXPECT_EQ(ConvertToUtf8(bytes, "gb2312"), "朱镕基");
  EXPECT_EQ(ConvertToUtf8(bytes, "GB2312"), "朱镕基");
  EXPECT_EQ(ConvertToUtf8(bytes, "\"gbk\""), "朱镕基");
}

TEST(ConvertToUtf8, NamedCharsets) {
  EXPECT_EQ(ConvertToUtf8(Encode("資產負債表", "windows-950-2000"), "big5"), "資產負債表");
  EXPECT_EQ(ConvertToUtf8(Encode("资产负债表", "gb18030"), "GB18030"), "资产负债表");
  EXPECT_EQ(ConvertToUtf8("caf\xE9", "iso-8859-1"), "café");
  EXPECT_EQ(ConvertToUtf8("资产", "utf-8"), "资产");
}

TEST(ConvertToUtf8, MislabelledOrUnknownFallsBackToGuessing) {
  std::string gbk = Encode("利润表", "gbk");
  EXPECT_EQ(ConvertToUtf8(gbk, "us-ascii"), "利润表");
  EXPECT_EQ(ConvertToUtf8(gbk, "utf-8"), "利润表");
  EXPECT_EQ(ConvertToUtf8(gbk, "x-no-such-charset"), "利润表");
  EXPECT_EQ(ConvertToUtf8(gbk, ""), "利润表");
  EXPECT_EQ(ConvertToUtf8(gbk, nullptr), "利润表");
}

TEST(TryConvertToUtf8, StrictAboutInvalidBytes) {
  std::string out = "untouched";
  EXPECT_FALSE(TryConvertToUtf8("\xFF\xFF", "gb18030", &out));
  EXPECT_FALSE(TryConvertToUtf8(Encode("利润表", "gbk"), "utf-8", &out));
  EXPECT_FALSE(TryConvertToUtf8("abc", "x-no-such-charset", &out));
  EXPECT_FALSE(TryConvertToUtf8("abc", nullptr, &out));
  EXPECT_EQ(out, "untouched");
  EXPECT_TRUE(TryConvertToUtf8(Encode("利润表", "gbk"), "gbk", &out));
  EXPECT_EQ(out, "利润表");
}

}  // namespace
}  // namespace gm
