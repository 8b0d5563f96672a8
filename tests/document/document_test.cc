// Tests of OpenDocument: choosing the reader by content, the messages for
// what cannot be read, ownership of the bytes and concurrent use.
#include <gtest/gtest.h>

#include <string>
#include <thread>

#include "extractors/document/file_format.h"
#include "extractors/document/open_document.h"
#include "tests/document/testing/pdf_builder.h"
#include "tests/document/testing/pix_fixtures.h"
#include "tests/document/testing/zip_builder.h"

namespace gm {
namespace {

using testing::MarkedPage;

InputFile File(const std::string& path, std::string bytes) {
  InputFile file;
  file.path = path;
  file.bytes = std::make_shared<const std::string>(std::move(bytes));
  return file;
}

Status Open(const std::string& path, std::string bytes, Document* doc, const Limits& limits = Limits()) {
  return OpenDocument(File(path, std::move(bytes)), 7, limits, doc);
}

std::string Utf16(const std::string& ascii) {
  std::string out;
  for (char c : ascii) out += {c, '\0'};
  return out;
}

std::string Ole(const std::string& stream_name) {
  return std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(504, '\0') + Utf16("Root Entry") +
         Utf16(stream_name);
}

std::string SmallPdf() {
  testing::PdfBuilder pdf;
  pdf.AddPage("0 0 0 rg 10 10 50 50 re f", "<< >>", 100, 100);
  return pdf.Build();
}

TEST(OpenDocument, ReadsEachFormatByContent) {
  Document doc;
  ASSERT_TRUE(Open("申报材料/附件.jpg", SmallPdf(), &doc).ok());  // a PDF misnamed .jpg is still a PDF
  EXPECT_EQ(doc.format, DocumentFormat::kPdf);
  EXPECT_EQ(doc.file_index, 7u);
  EXPECT_EQ(doc.pages.size(), 1u);

  PixPtr page = MarkedPage(60, 40, 32);
  ASSERT_TRUE(Open("照片.PNG", testing::Encode(page.get(), IFF_PNG), &doc).ok());
  EXPECT_EQ(doc.format, DocumentFormat::kImage);

  ASSERT_TRUE(Open("申请表.zip", testing::Docx("<w:p><w:r><w:t>申请表</w:t></w:r></w:p>"), &doc).ok());
  EXPECT_EQ(doc.format, DocumentFormat::kDocx);
  EXPECT_NE(doc.PlainText().find("申请表"), std::string::npos);

  ASSERT_TRUE(Open("报表.xlsx", testing::Xlsx({{"Sheet1", "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>"}}, {}), &doc).ok());
  EXPECT_EQ(doc.format, DocumentFormat::kXlsx);
  EXPECT_EQ(doc.file_index, 7u);
}

TEST(OpenDocument, EmptyAndMissingBytes) {
  Document doc;
  Status s = Open("空文件.pdf", "", &doc);
  EXPECT_EQ(s.code(), Status::Code::kCorrupt);
  EXPECT_EQ(s.message().rfind("文件为空", 0), 0u) << s.message();
  InputFile none;
  none.path = "x.pdf";
  EXPECT_EQ(OpenDocument(none, 0, Limits(), &doc).code(), Status::Code::kCorrupt);
}

TEST(OpenDocument, UnsupportedFormatsSayWhatToSend) {
  Document doc;
  Status s = Open("附件/营业执照.doc", Ole("WordDocument"), &doc);
  EXPECT_EQ(s.code(), Status::Code::kUnsupported);
  EXPECT_EQ(s.message(), "旧版Word文档（.doc）无法自动读取，请申报单位提供PDF或.docx格式");
  EXPECT_EQ(doc.file_index, 7u);
  EXPECT_TRUE(doc.pages.empty());

  s = Open("财务报表.xls", Ole("Workbook"), &doc);
  EXPECT_EQ(s.message(), "旧版Excel表格（.xls）无法自动读取，请申报单位提供PDF或.xlsx格式");
  s = Open("说明.wps", Ole("WordDocument"), &doc);  // WPS shares Word's layout: the extension decides
  EXPECT_NE(s.message().find("WPS文字文档"), std::string::npos) << s.message();
  s = Open("说明.et", Ole("Something"), &doc);
  EXPECT_NE(s.message().find("WPS表格"), std::string::npos) << s.message();

  s = Open("说明.txt", "项目说明：纯文本", &doc);
  EXPECT_EQ(s.code(), Status::Code::kUnsupported);
  EXPECT_EQ(s.message(), "不支持的文件格式（.txt），无法读取");
  s = Open("README", "plain text", &doc);
  EXPECT_EQ(s.message(), "不支持的文件格式（未知格式），无法读取");
  s = Open("x.bin", std::string("\x01\x02\x03\x04\xFE\xFF random", 14), &doc);
  EXPECT_EQ(s.message(), "不支持的文件格式（.bin），无法读取");

  s = Open("page.htm", "\xEF\xBB\xBF  <!DOCTYPE html><html></html>", &doc);
  EXPECT_NE(s.message().find("网页文件"), std::string::npos) << s.message();
  s = Open("a.rar", "Rar!\x1A\x07\x01\x00", &doc);
  EXPECT_NE(s.message().find("RAR压缩包"), std::string::npos) << s.message();
  s = Open("a.zip", testing::Zip({{"photo.jpg", "x"}}), &doc);
  EXPECT_NE(s.message().find("压缩包"), std::string::npos) << s.message();
  s = Open("发票.ofd", testing::Zip({{"OFD.xml", "<ofd:OFD/>"}}), &doc);
  EXPECT_NE(s.message().find("OFD"), std::string::npos) << s.message();
  s = Open("setup.exe", "MZ\x90\x00", &doc);
  EXPECT_NE(s.message().find("可执行程序"), std::string::npos) << s.message();
}

TEST(OpenDocument, PasswordProtectedOfficeFileIsEncrypted) {
  Document doc;
  Status s = Open("申请表.docx", Ole("EncryptionInfo") + Utf16("EncryptedPackage"), &doc);
  EXPECT_EQ(s.code(), Status::Code::kEncrypted);
  EXPECT_NE(s.message().find("已加密"), std::string::npos);
}

TEST(OpenDocument, DamagedDocxIsCorruptNotUnsupported) {
  Document doc;
  EXPECT_EQ(Open("申请表.docx", "PK\x03\x04 truncated", &doc).code(), Status::Code::kCorrupt);
}

TEST(OpenDocument, FileSizeLimit) {
  Limits limits;
  limits.max_file_bytes = 100;
  Document doc;
  EXPECT_EQ(Open("big.pdf", SmallPdf(), &doc, limits).code(), Status::Code::kLimit);
}

TEST(OpenDocument, PagesOutliveTheInputFile) {
  Document doc;
  {
    PixPtr page = MarkedPage(80, 60, 8);
    InputFile file = File("scan.png", testing::Encode(page.get(), IFF_PNG));
    ASSERT_TRUE(OpenDocument(file, 0, Limits(), &doc).ok());
  }  // the InputFile and its bytes handle are gone
  PixPtr pix;
  ASSERT_TRUE(doc.pages[0].load_image(&pix).ok());
  EXPECT_EQ(pixGetWidth(pix.get()), 80);
}

TEST(OpenDocument, DistinctFilesOnDistinctThreads) {
  PixPtr page = MarkedPage(200, 150, 32);
  const std::string pdf = SmallPdf(), png = testing::Encode(page.get(), IFF_PNG),
                    docx = testing::Docx("<w:p><w:r><w:t>并发</w:t></w:r></w:p>");
  auto work = [&](int seed, bool* ok) {
    *ok = true;
    for (int i = 0; i < 6; ++i) {
      Document doc;
      const int which = (seed + i) % 3;
      Status s = which == 0 ? Open("a.pdf", pdf, &doc) : which == 1 ? Open("b.png", png, &doc) : Open("c.docx", docx, &doc);
      *ok = *ok && s.ok();
      for (const Page& p : doc.pages) {
        PixPtr pix;
        if (p.load_image) *ok = *ok && p.load_image(&pix).ok();
      }
    }
  };
  bool ok1 = false, ok2 = false;
  std::thread t1(work, 0, &ok1), t2(work, 1, &ok2);
  t1.join();
  t2.join();
  EXPECT_TRUE(ok1);
  EXPECT_TRUE(ok2);
}

TEST(FileFormat, Extensions) {
  EXPECT_EQ(FileExtension("a/b/c.PDF"), "pdf");
  EXPECT_EQ(FileExtension("申报材料.zip/附件/环评批复.Docx"), "docx");
  EXPECT_EQ(FileExtension("dir.v2/README"), "");
  EXPECT_EQ(FileExtension(".hidden"), "");
  EXPECT_EQ(FileExtension("trailing."), "");
  EXPECT_EQ(DetectFileFormat("", "x.pdf").format, FileFormat::kEmpty);
  EXPECT_EQ(DetectFileFormat("junk before header %PDF-1.7", "x").format, FileFormat::kPdf);
}

}  // namespace
}  // namespace gm

namespace gm {
namespace {

// Once a document's page loads have taken Limits::max_file_seconds, the rest
// are refused unread, and every refusal is noted for a finding.
TEST(OpenDocument, PageLoadsPastTheTimeBudgetAreRefusedAndNoted) {
  PIXA* pixa = pixaCreate(3);
  for (int i = 0; i < 3; ++i) {
    PixPtr page = MarkedPage(400, 400, 1);
    pixaAddPix(pixa, page.get(), L_COPY);
  }
  l_uint8* data = nullptr;
  size_t size = 0;
  ASSERT_EQ(pixaWriteMemMultipageTiff(&data, &size, pixa), 0);
  pixaDestroy(&pixa);
  const std::string tiff(reinterpret_cast<char*>(data), size);
  lept_free(data);
  Limits limits;
  limits.max_file_seconds = 0;
  Document doc;
  ASSERT_TRUE(Open("scan.tif", tiff, &doc, limits).ok());
  ASSERT_EQ(doc.pages.size(), 3u);
  ASSERT_TRUE(doc.refused);
  PixPtr pix;
  EXPECT_TRUE(doc.pages[0].load_image(&pix).ok());  // nothing spent yet
  Status s = doc.pages[1].load_image(&pix);
  EXPECT_EQ(s.code(), Status::Code::kLimit);
  EXPECT_NE(s.message().find("max_file_seconds"), std::string::npos) << s.message();
  EXPECT_EQ(doc.pages[2].load_image(&pix).code(), Status::Code::kLimit);
  ASSERT_EQ(doc.refused->messages.size(), 1u);  // one note for the file, not one a page
  EXPECT_NE(doc.refused->messages[0].find("max_file_seconds"), std::string::npos);
}

}  // namespace
}  // namespace gm
