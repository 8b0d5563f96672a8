#include "pipeline/ingest/ingest.h"

#include <gtest/gtest.h>

#include <map>
#include <thread>

#include "pipeline/core/hash.h"
#include "pipeline/ingest/package_identity.h"
#include "tests/ingest/fixtures.h"

namespace gm {
namespace {

using testing::Base64;
using testing::Encode;
using testing::RawZip;
using testing::TempDir;

const Templates& Tpl() {
  static Templates* t = [] {
    auto* tpl = new Templates;
    Status s = Templates::Load(std::filesystem::path(GREENMINE_SOURCE_DIR) / "templates", tpl);
    EXPECT_TRUE(s.ok()) << s.ToString();
    return tpl;
  }();
  return *t;
}

std::map<std::string, const InputFile*> ByPath(const Package& p) {
  std::map<std::string, const InputFile*> m;
  for (const auto& f : p.files) m[f.path] = &f;
  return m;
}

std::vector<std::string> Paths(const Package& p) {
  std::vector<std::string> out;
  for (const auto& f : p.files) out.push_back(f.path);
  return out;
}

bool HasFinding(const Package& p, const std::string& field, const std::string& fragment) {
  for (const auto& f : p.findings)
    if (f.code == "unreadable_input" && f.severity == "error" && f.field == field &&
        f.message.find(fragment) != std::string::npos)
      return true;
  return false;
}

std::string Ew(const std::string& bytes, const char* charset) {
  std::string b = Base64(bytes), flat;
  for (char c : b)
    if (c != '\r' && c != '\n') flat += c;
  return std::string("=?") + charset + "?B?" + flat + "?=";
}

std::string AttachmentPart(const std::string& type, const std::string& name_params, const std::string& data) {
  return "Content-Type: " + type + "\r\nContent-Transfer-Encoding: base64\r\nContent-Disposition: attachment;" +
         name_params + "\r\n\r\n" + Base64(data) + "\r\n";
}

std::string Eml(const std::string& subject_utf8, const std::vector<std::string>& parts, const std::string& boundary) {
  std::string out = "From: a@b.cn\r\nTo: c@d.cn\r\nSubject: " + Ew(subject_utf8, "UTF-8") +
                    "\r\nDate: Wed, 12 Mar 2025 10:15:22 +0800\r\nMIME-Version: 1.0\r\n"
                    "Content-Type: multipart/mixed; boundary=\"" + boundary + "\"\r\n\r\n";
  for (const auto& p : parts) out += "--" + boundary + "\r\n" + p;
  return out + "--" + boundary + "--\r\n";
}

Package Ingest(const TempDir& inbox, const std::string& entry, const Limits& limits = Limits()) {
  Package p;
  Status s = IngestPackage(inbox.path(), entry, limits, Tpl(), &p);
  EXPECT_TRUE(s.ok()) << s.ToString();
  return p;
}

TEST(IngestPackage, EmailWithEverything) {
  std::string pdf = testing::PlainPdf();
  std::string zip = RawZip({{Encode("财务报表/利润表.pdf", "gbk"), "%PDF-profit"},
                            {Encode("财务报表/资产负债表.pdf", "gbk"), "%PDF-balance"}});
  std::string inner = Eml("原始邮件", {"Content-Type: text/plain; charset=utf-8\r\n\r\n原文\r\n",
                                       AttachmentPart("application/pdf", " filename*=UTF-8''%E7%8E%AF%E8%AF%84%E6%89%B9%E5%A4%8D.pdf",
                                                      "%PDF-eia")},
                          "inner");
  std::string eml = Eml("甘肃某矿业入库申请",
                        {"Content-Type: text/plain; charset=gb18030\r\nContent-Transfer-Encoding: base64\r\n\r\n" +
                             Base64(Encode("附件为申请材料，请查收。", "gb18030")) + "\r\n",
                         AttachmentPart("application/pdf", " filename=\"" + Ew(Encode("入库申请表.pdf", "gbk"), "GBK") + "\"", pdf),
                         AttachmentPart("application/zip", " filename=\"" + Ew(Encode("2024年财务报表.zip", "gbk"), "gbk") + "\"", zip),
                         AttachmentPart("image/jpeg", " filename=\"" + Encode("营业执照.jpg", "gbk") + "\"", "\xFF\xD8\xFF jpeg"),
                         "Content-Type: application/pdf\r\nContent-Transfer-Encoding: base64\r\n\r\n" + Base64("%PDF-inline") + "\r\n",
                         AttachmentPart("application/pkcs7-signature", " filename=\"smime.p7s\"", "sig"),
                         AttachmentPart("application/pdf", " filename=\"空文件.pdf\"", ""),
                         "Content-Type: message/rfc822\r\n\r\n" + inner + "\r\n"},
                        "outer");
  TempDir inbox;
  inbox.Write("甘肃某矿业入库申请.eml", eml);
  Package p = Ingest(inbox, "甘肃某矿业入库申请.eml");
  EXPECT_EQ(p.source, "甘肃某矿业入库申请.eml");
  EXPECT_EQ(p.origin.container, "eml");
  EXPECT_EQ(p.origin.subject, "甘肃某矿业入库申请");
  EXPECT_EQ(p.origin.body, "附件为申请材料，请查收。\n\n原文");
  EXPECT_EQ(p.origin.date, "2025-03-12T10:15:22+08:00");
  EXPECT_EQ(Paths(p), (std::vector<std::string>{"2024年财务报表.zip/财务报表/利润表.pdf",
                                                "2024年财务报表.zip/财务报表/资产负债表.pdf", "入库申请表.pdf",
                                                "环评批复.pdf", "空文件.pdf", "营业执照.jpg", "附件1.pdf"}));
  auto files = ByPath(p);
  ASSERT_EQ(files.size(), 7u);
  EXPECT_EQ(*files["入库申请表.pdf"]->bytes, pdf);
  EXPECT_EQ(files["入库申请表.pdf"]->sha256, Sha256Hex(pdf));
  EXPECT_EQ(*files["2024年财务报表.zip/财务报表/利润表.pdf"]->bytes, "%PDF-profit");
  EXPECT_EQ(*files["附件1.pdf"]->bytes, "%PDF-inline");
  EXPECT_EQ(files["空文件.pdf"]->error, "文件为空（0字节）");
  for (const auto& f : p.files) {
    if (f.path != "空文件.pdf") {
      EXPECT_TRUE(f.error.empty()) << f.path << ": " << f.error;
    }
  }
  EXPECT_TRUE(p.findings.empty());
  EXPECT_EQ(p.id.substr(0, p.id.size() - 9), "甘肃某矿业入库申请");
  EXPECT_EQ(p.id, MakePackageId("甘肃某矿业入库申请.eml", true, p.content_hash, p.source));
}

TEST(IngestPackage, ZipInZipAndZipInEmail) {
  std::string inner = testing::DeflateZip({{"a.pdf", "%PDF-a"}});
  std::string outer = RawZip({{"inner.zip", inner}, {Encode("说明/b.pdf", "gbk"), "%PDF-b"}});
  TempDir inbox;
  inbox.Write("outer.zip", outer);
  inbox.Write("mail.eml", Eml("x", {AttachmentPart("application/zip", " filename=outer.zip", outer)}, "b"));
  Package z = Ingest(inbox, "outer.zip");
  EXPECT_EQ(z.origin.container, "zip");
  EXPECT_EQ(Paths(z), (std::vector<std::string>{"inner.zip/a.pdf", "说明/b.pdf"}));
  Package m = Ingest(inbox, "mail.eml");
  EXPECT_EQ(Paths(m), (std::vector<std::string>{"outer.zip/inner.zip/a.pdf", "outer.zip/说明/b.pdf"}));
  EXPECT_EQ(*ByPath(m)["outer.zip/inner.zip/a.pdf"]->bytes, "%PDF-a");
}

TEST(IngestPackage, Big5AndGb18030NamesInZips) {
  TempDir inbox;
  inbox.Write("台灣.zip", RawZip({{Encode("採礦許可證.pdf", "windows-950-2000"), "a"},
                                  {Encode("刘䶮承诺书.pdf", "gb18030"), "b"}, {"申请表.pdf", "c", true}}));
  Package p = Ingest(inbox, "台灣.zip");
  EXPECT_EQ(Paths(p), (std::vector<std::string>{"刘䶮承诺书.pdf", "採礦許可證.pdf", "申请表.pdf"}));
}

TEST(IngestPackage, PdfWithEmbeddedPdf) {
  std::string embedded = testing::PlainPdf();
  std::string pdf = testing::PdfWithAttachments({{"附表.pdf", embedded}}, {});
  TempDir inbox;
  inbox.Write("申请表.pdf", pdf);
  Package p = Ingest(inbox, "申请表.pdf");
  EXPECT_EQ(p.origin.container, "file");
  EXPECT_EQ(Paths(p), (std::vector<std::string>{"申请表.pdf", "申请表.pdf/附表.pdf"}));
  EXPECT_EQ(*ByPath(p)["申请表.pdf/附表.pdf"]->bytes, embedded);
  EXPECT_EQ(*ByPath(p)["申请表.pdf"]->bytes, pdf);
}

TEST(IngestPackage, FolderWithSubfoldersJunkAndEmptyFiles) {
  TempDir inbox;
  const std::string root = "甘肃某矿业入库资料";
  inbox.Write(root + "/申请表.pdf", "%PDF-form");
  inbox.Write(root + "/附件/营业执照.jpg", "\xFF\xD8");
  inbox.Write(root + "/附件/财务/利润表.xlsx", RawZip({{"[Content_Types].xml", "<Types/>"}}));
  inbox.Write(root + "/附件/资料.zip", RawZip({{"c.pdf", "%PDF-c"}, {"__MACOSX/._c.pdf", "junk"}}));
  inbox.Write(root + "/.DS_Store", "junk");
  inbox.Write(root + "/__MACOSX/._申请表.pdf", "junk");
  inbox.Write(root + "/附件/Thumbs.db", "junk");
  inbox.Write(root + "/空.pdf", "");
  inbox.Write(root + "/" + Encode("环评批复.pdf", "gbk"), "%PDF-gbk-name-on-disk");
  std::filesystem::create_directory(inbox.path() / root / "空文件夹");
  std::filesystem::create_symlink("/etc/passwd", inbox.path() / root / "link.pdf");
  Package p = Ingest(inbox, root);
  EXPECT_EQ(p.origin.container, "folder");
  EXPECT_EQ(Paths(p), (std::vector<std::string>{"link.pdf", "环评批复.pdf", "申请表.pdf", "空.pdf",
                                                "附件/营业执照.jpg", "附件/财务/利润表.xlsx", "附件/资料.zip/c.pdf"}));
  auto files = ByPath(p);
  EXPECT_EQ(files["空.pdf"]->error, "文件为空（0字节）");
  EXPECT_NE(files["link.pdf"]->error.find("符号链接"), std::string::npos);
  EXPECT_TRUE(files["link.pdf"]->bytes->empty());
  EXPECT_TRUE(files["附件/财务/利润表.xlsx"]->error.empty());
  EXPECT_EQ(p.id, MakePackageId(root, false, p.content_hash, root));  // folders keep their whole name
  EXPECT_EQ(p.id.substr(0, root.size() + 1), root + "_");
}

TEST(IngestPackage, EncryptedTruncatedAndEmptyArchives) {
  TempDir inbox;
  inbox.Write("enc.zip", testing::EncryptedZip({{"secret.pdf", "%PDF-s"}}, "pw"));
  std::string zip = testing::DeflateZip({{"first.pdf", "%PDF-first"}, {"second.pdf", std::string(100000, 'x') + "y"}});
  std::string truncated = zip.substr(0, 200);
  inbox.Write("cut.zip", truncated);
  inbox.Write("empty.zip", RawZip({}));
  inbox.Write("nothing.zip", "");

  Package enc = Ingest(inbox, "enc.zip");
  ASSERT_EQ(enc.files.size(), 1u);
  EXPECT_EQ(enc.files[0].path, "secret.pdf");
  EXPECT_EQ(enc.files[0].error, "文件已加密（需要密码），无法读取，请申报单位提供未加密的文件");

  Package cut = Ingest(inbox, "cut.zip");
  auto files = ByPath(cut);
  ASSERT_TRUE(files.count("cut.zip"));
  EXPECT_EQ(*files["cut.zip"]->bytes, truncated);
  EXPECT_NE(files["cut.zip"]->error.find("请申报单位"), std::string::npos);

  Package empty = Ingest(inbox, "empty.zip");
  ASSERT_EQ(empty.files.size(), 1u);
  EXPECT_NE(empty.files[0].error.find("没有任何文件"), std::string::npos);

  Package nothing = Ingest(inbox, "nothing.zip");
  ASSERT_EQ(nothing.files.size(), 1u);
  EXPECT_EQ(nothing.files[0].error, "文件为空（0字节）");
  EXPECT_EQ(nothing.origin.container, "zip");
}

TEST(IngestPackage, NestingDepthLimit) {
  std::string zip = RawZip({{"deep.pdf", "%PDF-deep"}});
  for (int i = 5; i >= 1; --i) zip = RawZip({{"level" + std::to_string(i) + ".zip", zip}});
  TempDir inbox;
  inbox.Write("top.zip", zip);
  Limits limits;
  limits.max_nesting_depth = 3;
  Package p = Ingest(inbox, "top.zip", limits);
  ASSERT_EQ(p.files.size(), 1u);
  EXPECT_EQ(p.files[0].path, "level1.zip/level2.zip/level3.zip");
  EXPECT_NE(p.files[0].error.find("嵌套层数超过上限（3层，处理预算 max_nesting_depth）"), std::string::npos);
  EXPECT_TRUE(HasFinding(p, "level1.zip/level2.zip/level3.zip", "嵌套层数"));
}

TEST(IngestPackage, FileCountAndSizeLimits) {
  std::vector<testing::RawZipEntry> entries;
  for (int i = 0; i < 10; ++i) entries.push_back({"f" + std::to_string(i) + ".pdf", std::string(1000, 'a')});
  TempDir inbox;
  inbox.Write("many.zip", RawZip(entries));
  Limits few;
  few.max_files = 4;
  Package p = Ingest(inbox, "many.zip", few);
  EXPECT_EQ(p.files.size(), 4u);
  bool noted = false;
  for (const auto& f : p.findings) noted = noted || f.message.find("4个") != std::string::npos;
  EXPECT_TRUE(noted);

  Limits small;
  small.max_package_bytes = 3500;
  Package q = Ingest(inbox, "many.zip", small);
  EXPECT_TRUE(HasFinding(q, "many.zip", "总大小"));
  uint64_t held = 0;
  for (const auto& f : q.files) held += f.bytes->size();
  EXPECT_LE(held, 3500u);

  Limits tiny_file;
  tiny_file.max_file_bytes = 100;
  Package r = Ingest(inbox, "many.zip", tiny_file);
  ASSERT_EQ(r.files.size(), 1u);  // the zip itself is too large to read
  EXPECT_EQ(r.files[0].sha256, Sha256Hex(RawZip(entries)));
  EXPECT_NE(r.files[0].error.find("单个文件上限"), std::string::npos);
  EXPECT_TRUE(HasFinding(r, "many.zip", "单个文件上限"));
}

TEST(IngestPackage, ZipBombBecomesAFinding) {
  TempDir inbox;
  inbox.Write("bomb.zip", testing::DeflateZip({{"ok.pdf", "%PDF-ok"}, {"zeros.bin", std::string(16u << 20, '\0')}}));
  Package p = Ingest(inbox, "bomb.zip");
  EXPECT_TRUE(HasFinding(p, "bomb.zip", "疑似压缩炸弹"));
  auto files = ByPath(p);
  ASSERT_TRUE(files.count("ok.pdf"));
  ASSERT_TRUE(files.count("bomb.zip"));
  EXPECT_NE(files["bomb.zip"]->error.find("疑似压缩炸弹"), std::string::npos);
}

TEST(IngestPackage, PathTraversalStaysInside) {
  TempDir inbox;
  inbox.Write("evil.zip", RawZip({{"../../etc/passwd", "x"}, {"/tmp/abs.pdf", "y"}, {"a/../../b.pdf", "z"},
                                  {"..", "w"}, {"dup.pdf", "1"}, {"./dup.pdf", "2"}}));
  Package p = Ingest(inbox, "evil.zip");
  EXPECT_EQ(Paths(p), (std::vector<std::string>{"a/b.pdf", "dup (2).pdf", "dup.pdf", "etc/passwd", "tmp/abs.pdf",
                                                "未命名文件1"}));
  EXPECT_FALSE(std::filesystem::exists(inbox.path() / "etc"));
}

TEST(IngestPackage, IdsStableAndDuplicatesFound) {
  TempDir inbox;
  std::string zip = RawZip({{"a.pdf", "%PDF-a"}});
  inbox.Write("甘肃矿业.zip", zip);
  inbox.Write("甘肃矿业(副本).zip", zip);
  inbox.Write("other.zip", RawZip({{"a.pdf", "%PDF-other"}}));
  inbox.Write("empty1", "");
  std::filesystem::create_directory(inbox.path() / "emptydir1");
  std::filesystem::create_directory(inbox.path() / "emptydir2");
  std::vector<Package> packages;
  for (const auto& entry : ListInbox(inbox.path())) packages.push_back(Ingest(inbox, entry));
  ASSERT_EQ(packages.size(), 6u);
  // Byte order: ASCII names first.
  EXPECT_EQ(packages[0].source, "empty1");
  EXPECT_EQ(packages[1].source, "emptydir1");
  EXPECT_EQ(packages[3].source, "other.zip");
  EXPECT_EQ(packages[4].source, "甘肃矿业(副本).zip");
  EXPECT_EQ(packages[5].source, "甘肃矿业.zip");
  EXPECT_EQ(FindDuplicates(packages), (std::map<size_t, size_t>{{5, 4}}));
  EXPECT_EQ(packages[5].id, MakePackageId("甘肃矿业.zip", true, packages[5].content_hash, "甘肃矿业.zip"));
  EXPECT_EQ(packages[4].id, MakePackageId("甘肃矿业(副本).zip", true, packages[5].content_hash, "甘肃矿业(副本).zip"));
  EXPECT_TRUE(HasFinding(packages[1], "emptydir1", "没有任何文件"));
  Package again = Ingest(inbox, "甘肃矿业.zip");
  EXPECT_EQ(again.id, packages[5].id);
  EXPECT_NE(packages[3].content_hash, packages[5].content_hash);
}

TEST(ListInbox, SortedAndSkipsPartialAndHidden) {
  TempDir inbox;
  for (const char* name : {"b.zip", "a.eml", ".hidden", "x.part", "y.TMP", "~$z.docx", "申请.pdf"}) inbox.Write(name, "x");
  std::filesystem::create_directory(inbox.path() / "文件夹");
  std::filesystem::create_directory(inbox.path() / ".git");
  EXPECT_EQ(ListInbox(inbox.path()), (std::vector<std::string>{"a.eml", "b.zip", "文件夹", "申请.pdf"}));
  EXPECT_TRUE(ListInbox(inbox.path() / "missing").empty());
}

TEST(IngestPackage, NeverModifiesTheInbox) {
  TempDir inbox;
  inbox.Write("p.zip", RawZip({{"inner.zip", RawZip({{"a.pdf", "%PDF"}})}}));
  inbox.Write("d/x.pdf", testing::PdfWithAttachments({{"e.pdf", "%PDF-e"}}, {}));
  auto snapshot = [&] {
    std::map<std::string, std::string> m;
    for (const auto& e : std::filesystem::recursive_directory_iterator(inbox.path()))
      m[e.path().string()] = e.is_regular_file() ? Sha256Hex(std::to_string(e.file_size())) : "dir";
    return m;
  };
  auto before = snapshot();
  Ingest(inbox, "p.zip");
  Ingest(inbox, "d");
  EXPECT_EQ(snapshot(), before);
}

TEST(IngestPackage, BadEntries) {
  TempDir inbox;
  Package p;
  EXPECT_EQ(IngestPackage(inbox.path(), "gone.zip", Limits(), Tpl(), &p).code(), Status::Code::kNotFound);
  EXPECT_EQ(IngestPackage(inbox.path(), "../etc", Limits(), Tpl(), &p).code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(IngestPackage(inbox.path(), "", Limits(), Tpl(), &p).code(), Status::Code::kInvalidArgument);
  // Templates without ingest's own tables: the operator's problem, reported as such.
  TempDir tdir;
  for (const char* name : {"fields.tsv", "catalog.tsv", "checklist.tsv", "findings.tsv"})
    std::filesystem::copy_file(std::filesystem::path(GREENMINE_SOURCE_DIR) / "templates" / name, tdir.path() / name);
  Templates bare;
  ASSERT_TRUE(Templates::Load(tdir.path(), &bare).ok());
  inbox.Write("a.pdf", "%PDF");
  EXPECT_FALSE(IngestPackage(inbox.path(), "a.pdf", Limits(), bare, &p).ok());
}

TEST(IngestPackage, ConcurrentPackagesAgree) {
  TempDir inbox;
  inbox.Write("a.eml", Eml("并发", {AttachmentPart("application/zip", " filename=\"" + Ew(Encode("材料.zip", "gbk"), "GBK") + "\"",
                                                   testing::SevenZip({{"資產.pdf", "%PDF-x"}}))},
                           "b"));
  inbox.Write("b.pdf", testing::PdfWithAttachments({{"附表.pdf", "%PDF-y"}}, {}));
  std::vector<Package> results(4);
  std::vector<std::thread> threads;
  for (size_t i = 0; i < results.size(); ++i)
    threads.emplace_back([&, i] {
      (void)IngestPackage(inbox.path(), i % 2 ? "b.pdf" : "a.eml", Limits(), Tpl(), &results[i]);  // compared below
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(Paths(results[0]), (std::vector<std::string>{"材料.zip/資產.pdf"}));
  EXPECT_EQ(Paths(results[1]), (std::vector<std::string>{"b.pdf", "b.pdf/附表.pdf"}));
  EXPECT_EQ(results[0].id, results[2].id);
  EXPECT_EQ(results[1].id, results[3].id);
}

TEST(FindDuplicates, EmptyPackagesAreNeverDuplicates) {
  std::vector<Package> packages(3);
  packages[0].content_hash = packages[1].content_hash = packages[2].content_hash = "h";
  packages[1].files.resize(1);
  packages[2].files.resize(1);
  EXPECT_EQ(FindDuplicates(packages), (std::map<size_t, size_t>{{2, 1}}));
  EXPECT_TRUE(FindDuplicates({}).empty());
}

}  // namespace
}  // namespace gm
