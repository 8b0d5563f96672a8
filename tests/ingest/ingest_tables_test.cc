#include "pipeline/ingest/ingest_tables.h"

#include <gtest/gtest.h>

#include "pipeline/core/templates.h"
#include "tests/ingest/fixtures.h"

namespace gm {
namespace {

IngestTables Load() {
  IngestTables t;
  Status s = IngestTables::Load(std::filesystem::path(GREENMINE_SOURCE_DIR) / "templates", &t);
  EXPECT_TRUE(s.ok()) << s.ToString();
  return t;
}

TEST(IngestTables, KindByLongestExtension) {
  IngestTables t = Load();
  ContainerKind k;
  ASSERT_TRUE(t.KindByName("材料.ZIP", &k));
  EXPECT_EQ(k, ContainerKind::kArchive);
  ASSERT_TRUE(t.KindByName("a.tar.gz", &k));
  EXPECT_EQ(k, ContainerKind::kArchive);
  ASSERT_TRUE(t.KindByName("表.xlsx", &k));
  EXPECT_EQ(k, ContainerKind::kDocument);
  ASSERT_TRUE(t.KindByName("信.eml", &k));
  EXPECT_EQ(k, ContainerKind::kEml);
  ASSERT_TRUE(t.KindByName("申请表.pdf", &k));
  EXPECT_EQ(k, ContainerKind::kPdf);
  EXPECT_FALSE(t.KindByName("photo.jpg", &k));
  EXPECT_FALSE(t.KindByName(".zip", &k));  // a name that is only an extension
  EXPECT_FALSE(t.KindByName("", &k));
}

TEST(IngestTables, JunkOfOtherSystems) {
  IngestTables t = Load();
  EXPECT_TRUE(t.IsJunk("__MACOSX/申报材料/._利润表.pdf"));
  EXPECT_TRUE(t.IsJunk("申报材料/.DS_Store"));
  EXPECT_TRUE(t.IsJunk("申报材料/thumbs.db"));
  EXPECT_TRUE(t.IsJunk("~$入库申请表.docx"));
  EXPECT_TRUE(t.IsJunk("a/._x.pdf"));
  EXPECT_FALSE(t.IsJunk("申报材料/利润表.pdf"));
  EXPECT_FALSE(t.IsJunk("__MACOSX"));  // a file of that name is not the folder
  EXPECT_FALSE(t.IsJunk(""));
}

TEST(IngestTables, MimeTypes) {
  IngestTables t = Load();
  EXPECT_EQ(t.ExtensionFor("application/pdf"), ".pdf");
  EXPECT_EQ(t.ExtensionFor("IMAGE/JPEG"), ".jpg");
  EXPECT_EQ(t.ExtensionFor("application/x-unknown"), ".bin");
  EXPECT_TRUE(t.SkipContentType("application/pkcs7-signature"));
  EXPECT_FALSE(t.SkipContentType("application/pdf"));
  EXPECT_FALSE(t.SkipContentType("application/x-unknown"));
  EXPECT_EQ(t.unnamed_attachment(), "附件");
  EXPECT_EQ(t.unnamed_member(), "未命名文件");
}

TEST(IngestTables, MissingOrBadTables) {
  testing::TempDir dir;
  IngestTables t;
  EXPECT_EQ(IngestTables::Load(dir.path(), &t).code(), Status::Code::kNotFound);
  const std::filesystem::path src = std::filesystem::path(GREENMINE_SOURCE_DIR) / "templates";
  for (const char* name : {"ingest_containers.tsv", "ingest_skip.tsv", "ingest_mime_types.tsv", "ingest_names.tsv"})
    std::filesystem::copy_file(src / name, dir.path() / name);
  EXPECT_TRUE(IngestTables::Load(dir.path(), &t).ok());
  dir.Write("ingest_containers.tsv", "extension\tkind\n.zip\tbogus\n");
  EXPECT_EQ(IngestTables::Load(dir.path(), &t).code(), Status::Code::kCorrupt);
  std::filesystem::copy_file(src / "ingest_containers.tsv", dir.path() / "ingest_containers.tsv",
                             std::filesystem::copy_options::overwrite_existing);
  dir.Write("ingest_skip.tsv", "match\tpattern\nglob\t*\n");
  EXPECT_EQ(IngestTables::Load(dir.path(), &t).code(), Status::Code::kCorrupt);
}

}  // namespace
}  // namespace gm
