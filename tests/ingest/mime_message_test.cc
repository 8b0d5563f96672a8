#include "extractors/mime/mime_message.h"

#include <gtest/gtest.h>

#include <chrono>

#include "tests/ingest/fixtures.h"

namespace gm {
namespace {

using testing::Base64;
using testing::Encode;

std::string Ew(const std::string& bytes, const char* charset) {
  std::string b = Base64(bytes);
  std::string flat;
  for (char c : b)
    if (c != '\r' && c != '\n') flat += c;
  return std::string("=?") + charset + "?B?" + flat + "?=";
}

std::string Part(const std::string& headers, const std::string& body) { return headers + "\r\n\r\n" + body + "\r\n"; }

std::string Attachment(const std::string& type, const std::string& disposition_params, const std::string& data) {
  return Part("Content-Type: " + type + "\r\nContent-Transfer-Encoding: base64\r\nContent-Disposition: attachment;" +
                  disposition_params,
              Base64(data));
}

std::string Multipart(const std::string& boundary, const std::vector<std::string>& parts) {
  std::string out;
  for (const auto& p : parts) out += "--" + boundary + "\r\n" + p;
  return out + "--" + boundary + "--\r\n";
}

std::string Message(const std::string& headers, const std::string& boundary, const std::vector<std::string>& parts) {
  return headers + "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"" + boundary + "\"\r\n\r\n" +
         "This is a multi-part message in MIME format.\r\n\r\n" + Multipart(boundary, parts);
}

const MimeAttachment* Find(const MimeMessage& m, const std::string& name) {
  for (const auto& a : m.attachments)
    if (a.name == name) return &a;
  return nullptr;
}

TEST(ParseMimeMessage, NamesInEveryEncodingAndOrigin) {
  std::string body = Part("Content-Type: text/plain; charset=\"gb18030\"\r\nContent-Transfer-Encoding: base64",
                          Base64(Encode("您好：\r\n附件为入库申请材料，请查收。", "gb18030")));
  std::vector<std::string> parts = {
      body,
      Attachment("application/pdf", " filename=\"" + Ew(Encode("入库申请表.pdf", "gbk"), "GBK") + "\"", "%PDF-1 a"),
      Attachment("application/pdf", "\r\n filename*=gb2312''%C0%FB%C8%F3%B1%ED.pdf", "%PDF-1 b"),
      Attachment("image/jpeg", " filename=\"" + Encode("营业执照.jpg", "gbk") + "\"", "jpeg c"),
      Attachment("application/pdf", " filename=\"" + Ew(Encode("採礦許可證.pdf", "windows-950-2000"), "big5") + "\"",
                 "%PDF-1 d"),
      Attachment("application/pdf", " filename=\"" + Encode("採礦許可證2.pdf", "windows-950-2000") + "\"", "%PDF-1 e"),
      Attachment("application/pdf", " filename=\"" + Ew(Encode("刘䶮承诺书.pdf", "gb18030"), "GB18030") + "\"",
                 "%PDF-1 f"),
      Part("Content-Type: application/pdf; name=\"=?UTF-8?Q?=E7=8E=AF=E8=AF=84.pdf?=\"\r\n"
           "Content-Transfer-Encoding: quoted-printable\r\nContent-Disposition: attachment",
           "%PDF-1 =E4=B8=AD g=\r\nh"),
  };
  std::string eml = Message("From: " + Ew("张三", "UTF-8") + " <zs@163.com>\r\nTo: " + Ew(Encode("项目库", "gbk"), "gbk") +
                                " <gm@gansu.cn>\r\nSubject: " + Ew("甘肃某矿业入库申请", "UTF-8") +
                                "\r\nDate: Wed, 12 Mar 2025 10:15:22 +0800\r\n",
                            "----=_NextPart_001", parts);
  MimeMessage m;
  ASSERT_TRUE(ParseMimeMessage(eml, Limits(), &m).ok());
  EXPECT_EQ(m.origin.container, "eml");
  EXPECT_EQ(m.origin.subject, "甘肃某矿业入库申请");
  EXPECT_EQ(m.origin.from, "张三 <zs@163.com>");
  EXPECT_EQ(m.origin.to, "项目库 <gm@gansu.cn>");
  EXPECT_EQ(m.origin.date, "2025-03-12T10:15:22+08:00");
  EXPECT_EQ(m.origin.body, "您好：\r\n附件为入库申请材料，请查收。");
  ASSERT_EQ(m.attachments.size(), 7u);
  ASSERT_NE(Find(m, "入库申请表.pdf"), nullptr);
  EXPECT_EQ(Find(m, "入库申请表.pdf")->bytes, "%PDF-1 a");
  EXPECT_EQ(Find(m, "入库申请表.pdf")->content_type, "application/pdf");
  ASSERT_NE(Find(m, "利润表.pdf"), nullptr);
  ASSERT_NE(Find(m, "营业执照.jpg"), nullptr);
  EXPECT_EQ(Find(m, "营业执照.jpg")->content_type, "image/jpeg");
  ASSERT_NE(Find(m, "採礦許可證.pdf"), nullptr);
  ASSERT_NE(Find(m, "採礦許可證2.pdf"), nullptr);
  ASSERT_NE(Find(m, "刘䶮承诺书.pdf"), nullptr);
  ASSERT_NE(Find(m, "环评.pdf"), nullptr);
  EXPECT_EQ(Find(m, "环评.pdf")->bytes, "%PDF-1 中 gh");
  EXPECT_EQ(m.attachments[0].name, "入库申请表.pdf");  // message order kept
}

TEST(ParseMimeMessage, ForwardedMessageAttachmentsBelongToThePackage) {
  std::string inner = Message("From: a@b.cn\r\nSubject: " + Ew("原始邮件", "UTF-8") + "\r\n", "inner-b",
                              {Part("Content-Type: text/plain; charset=utf-8", "原始正文"),
                               Attachment("application/pdf", " filename=\"" + Ew("申请表.pdf", "UTF-8") + "\"", "%PDF-in")});
  std::string outer = Message("From: c@d.cn\r\nSubject: " + Ew("转发：原始邮件", "UTF-8") + "\r\n", "outer-b",
                              {Part("Content-Type: text/plain; charset=utf-8", "请审核"),
                               Attachment("application/zip", " filename=\"a.zip\"", "PK-zip"),
                               Part("Content-Type: message/rfc822\r\nContent-Disposition: inline", inner)});
  MimeMessage m;
  ASSERT_TRUE(ParseMimeMessage(outer, Limits(), &m).ok());
  EXPECT_EQ(m.origin.subject, "转发：原始邮件");
  ASSERT_EQ(m.attachments.size(), 2u);
  EXPECT_EQ(m.attachments[0].name, "a.zip");
  EXPECT_EQ(m.attachments[1].name, "申请表.pdf");
  EXPECT_EQ(m.attachments[1].bytes, "%PDF-in");
  EXPECT_EQ(m.origin.body, "请审核\n\n原始正文");
}

TEST(ParseMimeMessage, HtmlBodyWhenNoPlainText) {
  std::string eml = Message("Subject: x\r\n", "b",
                            {Part("Content-Type: text/html; charset=gbk\r\nContent-Transfer-Encoding: base64",
                                  Base64(Encode("<html><body><p>您好</p><p>请查收</p></body></html>", "gbk")))});
  MimeMessage m;
  ASSERT_TRUE(ParseMimeMessage(eml, Limits(), &m).ok());
  EXPECT_EQ(m.origin.body, "您好\n请查收");
  EXPECT_TRUE(m.attachments.empty());
}

TEST(ParseMimeMessage, PlainPreferredOverHtmlAlternative) {
  std::string alt = "Content-Type: multipart/alternative; boundary=\"alt\"\r\n\r\n" +
                    Multipart("alt", {Part("Content-Type: text/plain; charset=utf-8", "纯文本"),
                                      Part("Content-Type: text/html; charset=utf-8", "<p>网页</p>")});
  MimeMessage m;
  ASSERT_TRUE(ParseMimeMessage(Message("Subject: x\r\n", "b", {alt}), Limits(), &m).ok());
  EXPECT_EQ(m.origin.body, "纯文本");
}

TEST(ParseMimeMessage, InlineDocumentsWithoutNamesAreAttachments) {
  std::string eml = Message(
      "Subject: x\r\n", "b",
      {Part("Content-Type: text/plain", "see scan"),
       Part("Content-Type: application/pdf\r\nContent-Transfer-Encoding: base64\r\nContent-Disposition: inline",
            Base64("%PDF-scan")),
       Part("Content-Type: image/png\r\nContent-Transfer-Encoding: base64", Base64("\x89PNG-data")),
       Part("Content-Type: text/plain\r\nContent-Disposition: attachment", "an attached note")});
  MimeMessage m;
  ASSERT_TRUE(ParseMimeMessage(eml, Limits(), &m).ok());
  ASSERT_EQ(m.attachments.size(), 3u);
  EXPECT_EQ(m.attachments[0].name, "");
  EXPECT_EQ(m.attachments[0].content_type, "application/pdf");
  EXPECT_EQ(m.attachments[0].bytes, "%PDF-scan");
  EXPECT_EQ(m.attachments[1].content_type, "image/png");
  EXPECT_EQ(m.attachments[2].content_type, "text/plain");
  EXPECT_EQ(m.origin.body, "see scan");
}

TEST(ParseMimeMessage, SinglePartMessage) {
  MimeMessage m;
  ASSERT_TRUE(ParseMimeMessage("Subject: " + Encode("原始8位主题", "gbk") + "\r\n\r\nbody only\r\n", Limits(), &m).ok());
  EXPECT_EQ(m.origin.subject, "原始8位主题");
  EXPECT_EQ(m.origin.body, "body only");
  EXPECT_TRUE(m.attachments.empty());
}

TEST(ParseMimeMessage, ThousandsOfPartsStopAtTheLimit) {
  std::vector<std::string> parts;
  for (int i = 0; i < 3000; ++i)
    parts.push_back(Attachment("application/pdf", " filename=\"f" + std::to_string(i) + ".pdf\"", "x"));
  std::string eml = Message("Subject: many\r\n", "b", parts);
  Limits limits;
  limits.max_mime_parts = 2000;
  auto start = std::chrono::steady_clock::now();
  MimeMessage m;
  ASSERT_TRUE(ParseMimeMessage(eml, limits, &m).ok());
  EXPECT_TRUE(m.parts_limit_hit);
  EXPECT_EQ(m.parts_seen, 2000);
  EXPECT_EQ(m.attachments.size(), 1999u);  // the multipart itself is a part too
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(20));

  // Far beyond the limit: refused before parsing.
  limits.max_mime_parts = 500;
  Status s = ParseMimeMessage(eml, limits, &m);
  EXPECT_EQ(s.code(), Status::Code::kLimit);
  EXPECT_NE(s.message().find("上限500个"), std::string::npos) << s.message();
}

TEST(ParseMimeMessage, DeepNestingRefused) {
  std::string eml = "Subject: deep\r\n";
  std::string tail;
  for (int i = 0; i < 5000; ++i) {
    eml += "Content-Type: multipart/mixed; boundary=\"b" + std::to_string(i) + "\"\r\n\r\n--b" + std::to_string(i) + "\r\n";
    tail = "--b" + std::to_string(i) + "--\r\n" + tail;
  }
  eml += "Content-Type: text/plain\r\n\r\nx\r\n" + tail;
  MimeMessage m;
  Status s = ParseMimeMessage(eml, Limits(), &m);
  EXPECT_EQ(s.code(), Status::Code::kLimit);
  EXPECT_NE(s.message().find("嵌套"), std::string::npos);
}

TEST(ParseMimeMessage, ModerateNestingParses) {
  std::string eml = "Subject: nested\r\n";
  std::string tail;
  for (int i = 0; i < 150; ++i) {
    eml += "Content-Type: multipart/mixed; boundary=\"b" + std::to_string(i) + "\"\r\n\r\n--b" + std::to_string(i) + "\r\n";
    tail = "--b" + std::to_string(i) + "--\r\n" + tail;
  }
  eml += "Content-Type: application/pdf; name=deep.pdf\r\n\r\n%PDF-deep\r\n" + tail;
  MimeMessage m;
  ASSERT_TRUE(ParseMimeMessage(eml, Limits(), &m).ok());
  ASSERT_EQ(m.attachments.size(), 1u);
  EXPECT_EQ(m.attachments[0].name, "deep.pdf");
}

TEST(ParseMimeMessage, GarbageNeverCrashes) {
  const std::string inputs[] = {"", "\r\n\r\n", "not an e-mail at all", std::string(1000, '\0'),
                                "Content-Type: multipart/mixed; boundary=\r\n\r\n--\r\n--\r\n",
                                "Content-Type: multipart/mixed; boundary=\"x\"\r\n\r\n--x\r\nContent-Type: message/rfc822\r\n\r\n"};
  for (const auto& in : inputs) {
    MimeMessage m;
    Status s = ParseMimeMessage(in, Limits(), &m);
    EXPECT_TRUE(s.ok() || s.code() == Status::Code::kCorrupt) << s.ToString();
  }
}

TEST(ParseMimeMessage, BodyIsCapped) {
  std::string eml = "Subject: long\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n";
  for (int i = 0; i < 40000; ++i) eml += "申请";
  MimeMessage m;
  ASSERT_TRUE(ParseMimeMessage(eml, Limits(), &m).ok());
  EXPECT_LE(m.origin.body.size(), kMaxBodyBytes);
  EXPECT_GT(m.origin.body.size(), kMaxBodyBytes - 4);
  EXPECT_EQ(m.origin.body.size() % 3, 0u);  // cut between characters
}

}  // namespace
}  // namespace gm
