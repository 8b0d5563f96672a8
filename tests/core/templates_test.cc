#include "pipeline/core/templates.h"

#include <filesystem>

#include <gtest/gtest.h>

#include "pipeline/core/hash.h"
#include "pipeline/core/record.h"

namespace gm {
namespace {

TEST(Templates, LoadsTheContractTables) {
  Templates t;
  ASSERT_TRUE(Templates::Load(GREENMINE_SOURCE_DIR "/templates", &t).ok());
  EXPECT_EQ(t.fields().size(), 55u);
  EXPECT_EQ(t.catalog().size(), 78u);
  EXPECT_EQ(t.checklist().size(), 14u);
  EXPECT_EQ(t.findings().size(), 17u);
  const FieldSpec* f = t.Field("company_type");
  ASSERT_NE(f, nullptr);
  EXPECT_TRUE(f->required);
  EXPECT_EQ(f->type, FieldType::kEnum);
  ASSERT_EQ(f->values.size(), 3u);
  EXPECT_EQ(f->values[1], "国有控股公司");
  EXPECT_EQ(t.Field("no_such_key"), nullptr);
  EXPECT_EQ(t.Severity("invested_exceeds_in_place"), "warning");
  EXPECT_EQ(t.Severity("blacklisted"), "error");
}

TEST(Templates, FieldTypesAreParsedOnceByName) {
  for (const char* name : {"text", "wan", "pct", "number", "int", "bool", "enum", "enum_other", "multi", "date",
                           "credit_code", "phone", "category"}) {
    FieldType type;
    ASSERT_TRUE(ParseFieldType(name, &type)) << name;
    EXPECT_STREQ(FieldTypeName(type), name);
  }
  FieldType type;
  EXPECT_FALSE(ParseFieldType("money", &type));
  EXPECT_FALSE(ParseFieldType("", &type));
}

// templates/ ships its own copy of the contract; it must not drift from the spec.
TEST(Templates, MatchTheSharedSpecWhenPresent) {
  std::filesystem::path spec = GREENMINE_SOURCE_DIR "/../shared/spec";
  if (!std::filesystem::exists(spec / "fields.tsv")) GTEST_SKIP() << "no ../shared/spec beside the repo";
  for (const char* name : {"fields.tsv", "catalog.tsv", "checklist.tsv", "findings.tsv"}) {
    TsvTable ours, theirs;
    ASSERT_TRUE(LoadTsv(std::filesystem::path(GREENMINE_SOURCE_DIR "/templates") / name, &ours).ok());
    ASSERT_TRUE(LoadTsv(spec / name, &theirs).ok());
    EXPECT_EQ(ours.rows, theirs.rows) << name;
  }
}

TEST(Templates, MissingFolderIsNotFound) {
  Templates t;
  Status s = Templates::Load("/nonexistent/greenmine", &t);
  EXPECT_EQ(s.code(), Status::Code::kNotFound);
}

TEST(Hash, Sha256OfKnownStrings) {
  EXPECT_EQ(Sha256Hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(Findings, NewFindingTakesSeverityFromTheTable) {
  Templates t;
  ASSERT_TRUE(Templates::Load(GREENMINE_SOURCE_DIR "/templates", &t).ok());
  Finding f = NewFinding(t, "low_confidence", "company_name", "请核对");
  EXPECT_EQ(f.severity, "warning");
  EXPECT_EQ(f.field, "company_name");
}

}  // namespace
}  // namespace gm
