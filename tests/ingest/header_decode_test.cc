#include "extractors/mime/header_decode.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>

#include "tests/ingest/fixtures.h"

namespace gm {
namespace {

using testing::Encode;

std::string B(const std::string& bytes) {
  std::string b64 = testing::Base64(bytes);
  b64.erase(std::remove(b64.begin(), b64.end(), '\r'), b64.end());
  b64.erase(std::remove(b64.begin(), b64.end(), '\n'), b64.end());
  return b64;
}

std::string Q(const std::string& bytes) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : bytes) {
    if (c == ' ') {
      out += '_';
    } else if (c < 0x80 && std::isalnum(c)) {
      out += static_cast<char>(c);
    } else {
      out += '=';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

std::string Percent(const std::string& bytes) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : bytes) {
    if (c < 0x80 && (std::isalnum(c) || c == '.')) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

TEST(DecodeHeaderText, EncodedWordsInEveryChineseCharset) {
  EXPECT_EQ(DecodeHeaderText(" =?GBK?B?" + B(Encode("入库申请表", "gbk")) + "?="), "入库申请表");
  EXPECT_EQ(DecodeHeaderText("=?gb2312?Q?" + Q(Encode("财务 报表", "gbk")) + "?="), "财务 报表");
  EXPECT_EQ(DecodeHeaderText("=?GB18030?B?" + B(Encode("刘䶮申请", "gb18030")) + "?="), "刘䶮申请");
  EXPECT_EQ(DecodeHeaderText("=?big5?B?" + B(Encode("採礦許可證", "windows-950-2000")) + "?="), "採礦許可證");
  EXPECT_EQ(DecodeHeaderText("=?UTF-8?B?" + B("绿色矿山") + "?="), "绿色矿山");
  EXPECT_EQ(DecodeHeaderText("=?utf-8*zh-CN?Q?" + Q("绿色") + "?="), "绿色");
}

TEST(DecodeHeaderText, AdjacentWordsJoinAndSplitCharactersMend) {
  std::string gbk = Encode("环境影响评价批复", "gbk");
  // Split in the middle of a two-byte character, folded onto the next line.
  std::string raw = "=?GBK?B?" + B(gbk.substr(0, 5)) + "?=\r\n =?GBK?B?" + B(gbk.substr(5)) + "?=";
  EXPECT_EQ(DecodeHeaderText(raw), "环境影响评价批复");
}

// A B word ending in '=' padding, followed by another of its charset: GMime
// 3.2.13 decodes such a run as one base64 stream, which the padding ends
// ("环境" and the rest lost), also when the split falls between characters.
TEST(DecodeHeaderText, PaddedWordFollowedByAnotherKeepsTheRest) {
  std::string gbk = Encode("环境影响评价批复", "gbk");
  std::string first = B(gbk.substr(0, 4));
  ASSERT_EQ(first.back(), '=');
  EXPECT_EQ(DecodeHeaderText("=?GBK?B?" + first + "?= =?GBK?B?" + B(gbk.substr(4)) + "?="), "环境影响评价批复");
  std::string utf8 = "环境影响评价批复";
  EXPECT_EQ(DecodeHeaderText("=?UTF-8?B?" + B(utf8.substr(0, 4)) + "?= =?UTF-8?B?" + B(utf8.substr(4)) + "?="),
            utf8);
}

// Senders label GBK and GB18030 text "gb2312": it is read as GB18030, so a
// four-byte character (䶮) is kept (GMime's own conversion gives '?').
TEST(DecodeHeaderText, Gb2312LabelReadAsGb18030) {
  EXPECT_EQ(DecodeHeaderText("=?gb2312?B?" + B(Encode("刘䶮申请", "gb18030")) + "?="), "刘䶮申请");
}

TEST(DecodeHeaderText, LiteralTextAroundWordsKept) {
  EXPECT_EQ(DecodeHeaderText("转发: =?UTF-8?B?" + B("申请") + "?= 材料"), "转发: 申请 材料");
  EXPECT_EQ(DecodeHeaderText("Re: =?UTF-8?B?" + B("申请") + "?="), "Re: 申请");
  EXPECT_EQ(DecodeHeaderText("plain subject"), "plain subject");
  EXPECT_EQ(DecodeHeaderText(""), "");
}

TEST(DecodeHeaderText, Raw8BitGbkAndBig5) {
  EXPECT_EQ(DecodeHeaderText(" " + Encode("甘肃某矿业入库申请", "gbk") + " "), "甘肃某矿业入库申请");
  EXPECT_EQ(DecodeHeaderText(Encode("綠色礦山入庫申請", "windows-950-2000")), "綠色礦山入庫申請");
}

TEST(DecodeHeaderText, MalformedWordsStayLiteral) {
  EXPECT_EQ(DecodeHeaderText("=?GBK?X?abc?="), "=?GBK?X?abc?=");
  EXPECT_EQ(DecodeHeaderText("=?GBK?B?abc"), "=?GBK?B?abc");
  EXPECT_EQ(DecodeHeaderText("=??B?abc?="), "=??B?abc?=");
  EXPECT_EQ(DecodeHeaderText("=?"), "=?");
}

TEST(ParseHeaderValue, QuotedEncodedWordFilename) {
  HeaderValue v = ParseHeaderValue(" Attachment;\r\n filename=\"=?GBK?B?" + B(Encode("营业执照.pdf", "gbk")) + "?=\"");
  EXPECT_EQ(v.value, "attachment");
  EXPECT_EQ(v.params["filename"], "营业执照.pdf");
}

TEST(ParseHeaderValue, QuotedFilenameOfSplitEncodedWords) {
  std::string gbk = Encode("环境影响评价批复", "gbk");
  HeaderValue v = ParseHeaderValue("attachment; filename=\"=?GBK?B?" + B(gbk.substr(0, 5)) + "?= =?GBK?B?" +
                                   B(gbk.substr(5)) + "?=.pdf\"");
  EXPECT_EQ(v.params["filename"], "环境影响评价批复.pdf");
}

TEST(ParseHeaderValue, Rfc2231ExtendedValue) {
  HeaderValue v = ParseHeaderValue("attachment; filename*=gbk'zh-cn'" + Percent(Encode("资产负债表.xlsx", "gbk")));
  EXPECT_EQ(v.params["filename"], "资产负债表.xlsx");
  HeaderValue u = ParseHeaderValue("application/pdf; name*=UTF-8''" + Percent("利润表.pdf"));
  EXPECT_EQ(u.value, "application/pdf");
  EXPECT_EQ(u.params["name"], "利润表.pdf");
}

TEST(ParseHeaderValue, Rfc2231Continuations) {
  std::string pct = Percent("2024年度审计报告（含附注）.pdf");
  std::string raw = "attachment;\r\n filename*0*=UTF-8''" + pct.substr(0, 30) + ";\r\n filename*1*=" +
                    pct.substr(30, 30) + ";\r\n filename*2*=" + pct.substr(60);
  EXPECT_EQ(ParseHeaderValue(raw).params["filename"], "2024年度审计报告（含附注）.pdf");
  // Plain (unencoded) continuations, given out of order.
  HeaderValue p = ParseHeaderValue("attachment; filename*1=\"part.pdf\"; filename*0=\"long-\"");
  EXPECT_EQ(p.params["filename"], "long-part.pdf");
}

TEST(ParseHeaderValue, ExtendedFormWinsOverPlain) {
  HeaderValue v = ParseHeaderValue("attachment; filename=\"fallback.pdf\"; filename*=UTF-8''" + Percent("申请表.pdf"));
  EXPECT_EQ(v.params["filename"], "申请表.pdf");
}

TEST(ParseHeaderValue, Raw8BitNamesIncludingBackslashTrailBytes) {
  // 許 is B3 5C in Big5: the 0x5C trail byte must not be taken for a backslash escape.
  HeaderValue v = ParseHeaderValue("attachment; filename=\"" + Encode("採礦許可證.pdf", "windows-950-2000") + "\"");
  EXPECT_EQ(v.params["filename"], "採礦許可證.pdf");
  HeaderValue g = ParseHeaderValue("attachment; filename=" + Encode("安全生产许可证.pdf", "gbk"));
  EXPECT_EQ(g.params["filename"], "安全生产许可证.pdf");
}

TEST(ParseHeaderValue, TolerantOfSloppyHeaders) {
  HeaderValue v = ParseHeaderValue("TEXT/Plain ; CHARSET = \"GB2312\" ; ; novalue; format=flowed");
  EXPECT_EQ(v.value, "text/plain");
  EXPECT_EQ(v.params["charset"], "GB2312");
  EXPECT_EQ(v.params["format"], "flowed");
  EXPECT_EQ(v.params.count("novalue"), 0u);
  HeaderValue q = ParseHeaderValue("attachment; filename=\"unterminated.pdf");
  EXPECT_EQ(q.params["filename"], "unterminated.pdf");
  HeaderValue e = ParseHeaderValue("attachment; filename=\"a \\\"quoted\\\" name.pdf\"");
  EXPECT_EQ(e.params["filename"], "a \"quoted\" name.pdf");
  EXPECT_EQ(ParseHeaderValue("").value, "");
  EXPECT_TRUE(ParseHeaderValue(";;;===;").params.empty());
  // A bad continuation index is ignored, not a crash.
  EXPECT_EQ(ParseHeaderValue("a; filename*99999999999*=x").params.count("filename"), 0u);
}

}  // namespace
}  // namespace gm
