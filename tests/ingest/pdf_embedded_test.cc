#include "extractors/archive/pdf_embedded.h"

#include <gtest/gtest.h>

#include <chrono>
#include <map>
#include <set>

#include "tests/ingest/fixtures.h"

namespace gm {
namespace {

TEST(ExtractPdfEmbeddedFiles, NameTreeAndAnnotations) {
  std::string inner = testing::PlainPdf();
  std::string pdf = testing::PdfWithAttachments({{"2024年资产负债表.pdf", inner}, {"说明.txt", "说明文字"}},
                                                {{"营业执照.jpg", "\xFF\xD8jpeg"}});
  std::vector<ArchiveMember> files;
  Status s = ExtractPdfEmbeddedFiles(pdf, ArchiveLimits(), &files);
  ASSERT_TRUE(s.ok()) << s.ToString();
  ASSERT_EQ(files.size(), 3u);
  std::map<std::string, std::string> by_path;
  for (const auto& f : files) {
    EXPECT_TRUE(f.error.empty());
    by_path[f.path] = f.bytes;
  }
  EXPECT_EQ(by_path["2024年资产负债表.pdf"], inner);
  EXPECT_EQ(by_path["说明.txt"], "说明文字");
  EXPECT_EQ(by_path["营业执照.jpg"], "\xFF\xD8jpeg");
  EXPECT_EQ(files[2].path, "营业执照.jpg");  // the name tree first, then the pages' annotations
}

TEST(ExtractPdfEmbeddedFiles, GbkByteNamesAndPathsInNames) {
  std::string pdf = testing::PdfWithAttachments({{testing::Encode("利润表.pdf", "gbk"), "a"},
                                                 {"C:\\Users\\me\\现金流量表.pdf", "b"}}, {});
  std::vector<ArchiveMember> files;
  ASSERT_TRUE(ExtractPdfEmbeddedFiles(pdf, ArchiveLimits(), &files).ok());
  ASSERT_EQ(files.size(), 2u);
  std::set<std::string> paths = {files[0].path, files[1].path};
  EXPECT_EQ(paths, (std::set<std::string>{"利润表.pdf", "现金流量表.pdf"}));
}

TEST(ExtractPdfEmbeddedFiles, PlainPdfHasNone) {
  std::vector<ArchiveMember> files;
  EXPECT_TRUE(ExtractPdfEmbeddedFiles(testing::PlainPdf(), ArchiveLimits(), &files).ok());
  EXPECT_TRUE(files.empty());
}

TEST(ExtractPdfEmbeddedFiles, BrokenInputIsAStatus) {
  std::string pdf = testing::PdfWithAttachments({{"a.pdf", "x"}}, {});
  const std::string inputs[] = {"", "%PDF-1.4\n garbage", std::string(3000, '\0'), pdf.substr(0, pdf.size() / 2),
                                "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 1 0 R /Names << /EmbeddedFiles 1 0 R >> >>"};
  for (const auto& in : inputs) {
    std::vector<ArchiveMember> files;
    Status s = ExtractPdfEmbeddedFiles(in, ArchiveLimits(), &files);
    EXPECT_TRUE(s.ok() || s.code() == Status::Code::kCorrupt) << s.ToString();
  }
}

TEST(ExtractPdfEmbeddedFiles, BombStops) {
  std::string pdf = testing::PdfWithAttachments({{"zeros.bin", std::string(8u << 20, '\0')}}, {});
  ASSERT_LT(pdf.size(), 1u << 20);  // flate-compressed by PoDoFo
  std::vector<ArchiveMember> files;
  auto start = std::chrono::steady_clock::now();
  Status s = ExtractPdfEmbeddedFiles(pdf, ArchiveLimits(), &files);
  EXPECT_EQ(s.code(), Status::Code::kLimit);
  EXPECT_NE(s.message().find("疑似压缩炸弹"), std::string::npos) << s.message();
  EXPECT_TRUE(files.empty());
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
}

TEST(ExtractPdfEmbeddedFiles, MemberAndCountLimits) {
  std::string pdf = testing::PdfWithAttachments({{"big.bin", std::string(5000, 'x')}, {"small.bin", "s"}}, {});
  {
    ArchiveLimits limits;
    limits.max_member_bytes = 4000;
    std::vector<ArchiveMember> files;
    ASSERT_TRUE(ExtractPdfEmbeddedFiles(pdf, limits, &files).ok());
    ASSERT_EQ(files.size(), 2u);
    for (const auto& f : files) {
      if (f.path == "big.bin") {
        EXPECT_NE(f.error.find("单个文件上限"), std::string::npos);
        EXPECT_TRUE(f.bytes.empty());
      } else {
        EXPECT_EQ(f.bytes, "s");
      }
    }
  }
  {
    ArchiveLimits limits;
    limits.max_members = 1;
    std::vector<ArchiveMember> files;
    EXPECT_EQ(ExtractPdfEmbeddedFiles(pdf, limits, &files).code(), Status::Code::kLimit);
    EXPECT_EQ(files.size(), 1u);
  }
}

}  // namespace
}  // namespace gm
