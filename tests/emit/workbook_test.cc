#include <thread>

#include <gtest/gtest.h>

#include "pipeline/emit/outputs.h"
#include "pipeline/emit/record_json.h"
#include "pipeline/emit/review_workbook.h"
#include "pipeline/emit/summary_workbook.h"
#include "tests/emit/sample_record.h"

namespace gm {
namespace {

namespace fs = std::filesystem;
using testing::MakeSampleRecord;
using testing::MakeSecondRecord;
using testing::ReadText;
using testing::RepoTemplates;
using testing::ScratchDir;

std::vector<std::string> Entries(const fs::path& dir) {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

bool IsZip(const fs::path& path) { return ReadText(path).substr(0, 4) == std::string("PK\x03\x04", 4); }

TEST(ReviewWorkbook, WritesAZipAndNothingElse) {
  ScratchDir dir;
  fs::path path = dir.path() / "陇原.xlsx";
  Status s = WriteReviewWorkbook(MakeSampleRecord(), RepoTemplates(), path);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_TRUE(IsZip(path));
  EXPECT_EQ(Entries(dir.path()), std::vector<std::string>{"陇原.xlsx"});
}

TEST(ReviewWorkbook, HostileRecordStillGivesAWorkbook) {
  Record r;
  r.package_id = std::string(300, '&') + "\xff";
  r.source = std::string(100000, 'x');
  r.origin.subject = "主题\x01\x02";
  r.origin.from = "a@b";
  r.origin.body = std::string(50000, 'b');
  r.fields["company_name"] = FieldValue{std::string(40000, 'y') + "\xc0", 0.1, Provenance()};
  r.fields["total_investment"] = FieldValue{Json::array({Json::object({{"deep", nullptr}})}), 2.0, Provenance()};
  r.fields["debt_ratio"] = FieldValue{"百分之五十", -1.0, Provenance()};
  FieldValue with_bad_png{"x", 0.9, Provenance()};
  with_bad_png.provenance.cell_png = std::string("\x89PNG\r\n\x1a\n", 8) + std::string(40, '\0');
  r.fields["project_name"] = with_bad_png;
  FieldValue with_huge_png{"x", 0.9, Provenance()};
  with_huge_png.provenance.cell_png = testing::MakeCellPng(4000, 3, 1);
  r.fields["project_location"] = with_huge_png;
  for (int i = 0; i < 300; ++i) r.findings.push_back({"odd", i % 2 ? "info" : "weird", "no_such_field", "消息"});
  r.files.push_back({std::string(5000, 'p'), "", "no_such_kind", 1 << 30, "strange", std::string(40000, 'e')});
  Financials fin;  // every figure missing
  r.financials = fin;
  ScratchDir dir;
  Status s = WriteReviewWorkbook(r, RepoTemplates(), dir.path() / "hostile.xlsx");
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_TRUE(IsZip(dir.path() / "hostile.xlsx"));
  EXPECT_TRUE(WriteReviewWorkbook(Record(), RepoTemplates(), dir.path() / "empty.xlsx").ok());
}

TEST(ReviewWorkbook, UnwritableFolderIsIoErrorAndLeavesNothing) {
  ScratchDir dir;
  fs::path path = dir.path() / "missing" / "x.xlsx";
  Status s = WriteReviewWorkbook(MakeSampleRecord(), RepoTemplates(), path);
  EXPECT_EQ(s.code(), Status::Code::kIoError);
  EXPECT_NE(s.message().find(path.string()), std::string::npos) << s.message();
  EXPECT_NE(s.message().find("No such file or directory"), std::string::npos) << s.message();
  EXPECT_TRUE(Entries(dir.path()).empty());
}

TEST(ReviewWorkbook, MissingLayoutTablesAreReportedBeforeWriting) {
  ScratchDir templates_dir, out;
  for (const char* name : {"fields.tsv", "catalog.tsv", "checklist.tsv", "findings.tsv"})
    fs::copy_file(RepoTemplates().dir() / name, templates_dir.path() / name);
  Templates t;
  ASSERT_TRUE(Templates::Load(templates_dir.path(), &t).ok());
  EXPECT_EQ(WriteReviewWorkbook(MakeSampleRecord(), t, out.path() / "x.xlsx").code(), Status::Code::kNotFound);
  EXPECT_EQ(WriteSummaryWorkbook({MakeSampleRecord()}, t, out.path() / "s.xlsx").code(), Status::Code::kNotFound);
  EXPECT_TRUE(Entries(out.path()).empty());
}

TEST(ReviewWorkbook, ReplacingAnExistingWorkbookIsAtomic) {
  ScratchDir dir;
  fs::path path = dir.path() / "r.xlsx";
  testing::WriteText(path, "previous");
  ASSERT_TRUE(WriteReviewWorkbook(MakeSampleRecord(), RepoTemplates(), path).ok());
  EXPECT_TRUE(IsZip(path));
  EXPECT_EQ(Entries(dir.path()), std::vector<std::string>{"r.xlsx"});
}

TEST(SummaryWorkbook, EmptyAndHostileBatchesGiveWorkbooks) {
  ScratchDir dir;
  ASSERT_TRUE(WriteSummaryWorkbook({}, RepoTemplates(), dir.path() / "empty.xlsx").ok());
  Record odd;
  odd.package_id = "a#b%c" + std::string(3000, 'z');  // longer than a link may be
  odd.fields["project_category"].value = Json{{"code", "9.9.9"}, {"title", "不在目录中"}};
  odd.fields["total_investment"].value = "not a number";
  Record plain = MakeSampleRecord();
  Status s = WriteSummaryWorkbook({odd, plain, Record()}, RepoTemplates(), dir.path() / "odd.xlsx");
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_TRUE(IsZip(dir.path() / "odd.xlsx"));
  EXPECT_EQ(WriteSummaryWorkbook({plain}, RepoTemplates(), dir.path() / "no" / "s.xlsx").code(),
            Status::Code::kIoError);
}

TEST(Outputs, PackageOutputsLandInRecordsAndReview) {
  ScratchDir out;
  Record r = MakeSampleRecord();
  ASSERT_TRUE(WritePackageOutputs(r, RepoTemplates(), out.path()).ok());
  EXPECT_EQ(Entries(out.path()), (std::vector<std::string>{"records", "review"}));
  EXPECT_EQ(Entries(out.path() / "records"), std::vector<std::string>{r.package_id + ".json"});
  EXPECT_EQ(Entries(out.path() / "review"), std::vector<std::string>{r.package_id + ".xlsx"});
  Json written = Json::parse(ReadText(out.path() / "records" / (r.package_id + ".json")));
  EXPECT_EQ(written, RecordToJson(r, RepoTemplates()));
  EXPECT_FALSE(written["fields"]["company_name"].contains("_provenance"));
}

TEST(Outputs, UnusablePackageIdsAreRefused) {
  ScratchDir out;
  for (const char* id : {"", ".", "..", "a/b", "../escape"}) {
    Record r = MakeSecondRecord();
    r.package_id = id;
    EXPECT_EQ(WritePackageOutputs(r, RepoTemplates(), out.path()).code(), Status::Code::kInvalidArgument) << id;
  }
  EXPECT_TRUE(Entries(out.path()).empty());
}

TEST(Outputs, OutputFolderThatIsAFileIsIoError) {
  ScratchDir dir;
  testing::WriteText(dir.path() / "out", "x");
  EXPECT_EQ(WritePackageOutputs(MakeSecondRecord(), RepoTemplates(), dir.path() / "out").code(),
            Status::Code::kIoError);
  EXPECT_EQ(WriteBatchOutputs({MakeSecondRecord()}, RepoTemplates(), dir.path() / "out").code(),
            Status::Code::kIoError);
}

TEST(Outputs, ConcurrentPackagesThenTheBatch) {
  ScratchDir out;
  std::vector<Record> records;
  for (int i = 0; i < 4; ++i) {
    Record r = i % 2 ? MakeSecondRecord() : MakeSampleRecord();
    r.package_id += "-" + std::to_string(i);
    records.push_back(std::move(r));
  }
  std::vector<std::thread> threads;
  std::vector<Status> results(records.size());
  for (size_t i = 0; i < records.size(); ++i)
    threads.emplace_back([&, i] { results[i] = WritePackageOutputs(records[i], RepoTemplates(), out.path()); });
  for (auto& t : threads) t.join();
  for (const auto& s : results) EXPECT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(Entries(out.path() / "review").size(), 4u);
  EXPECT_EQ(Entries(out.path() / "records").size(), 4u);

  testing::WriteText(out.path() / "someone-elses.txt", "keep");
  ASSERT_TRUE(WriteBatchOutputs(records, RepoTemplates(), out.path()).ok());
  EXPECT_EQ(Entries(out.path()),
            (std::vector<std::string>{"records", "records.jsonl", "review", "someone-elses.txt", "summary.xlsx"}));
  EXPECT_EQ(ReadText(out.path() / "someone-elses.txt"), "keep");
  std::string jsonl = ReadText(out.path() / "records.jsonl");
  std::vector<std::string> lines;
  for (size_t start = 0, nl; (nl = jsonl.find('\n', start)) != std::string::npos; start = nl + 1)
    lines.push_back(jsonl.substr(start, nl - start));
  ASSERT_EQ(lines.size(), records.size());
  for (size_t i = 0; i < records.size(); ++i) {
    Json line = Json::parse(lines[i]);
    EXPECT_EQ(line["package_id"], records[i].package_id);
    EXPECT_EQ(line, RecordToJson(records[i], RepoTemplates()));
  }
  EXPECT_TRUE(IsZip(out.path() / "summary.xlsx"));
}

TEST(Outputs, JsonTextIsPrettyOrOneLine) {
  Record r = MakeSecondRecord();
  std::string line = RecordJsonText(r, RepoTemplates(), false);
  EXPECT_EQ(line.find('\n'), std::string::npos);
  EXPECT_NE(RecordJsonText(r, RepoTemplates(), true).find("\n  \"schema\""), std::string::npos);
  EXPECT_NE(line.find("白银有色金属集团股份有限公司"), std::string::npos);  // not \u-escaped
}

}  // namespace
}  // namespace gm
