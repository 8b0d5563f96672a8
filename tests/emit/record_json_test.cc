#include "pipeline/emit/record_json.h"

#include <cmath>
#include <limits>

#include <gtest/gtest.h>

#include "pipeline/core/base64.h"
#include "tests/emit/sample_record.h"

namespace gm {
namespace {

using testing::ExpectSameRecord;
using testing::MakeSampleRecord;
using testing::RepoTemplates;

std::vector<std::string> Keys(const Json& object) {
  std::vector<std::string> keys;
  for (const auto& [k, v] : object.items()) keys.push_back(k);
  return keys;
}

// A three-field, two-kind template set, so a whole record can be compared
// with a literal.
class TinyTemplates : public ::testing::Test {
 protected:
  void SetUp() override {
    testing::WriteText(dir_.path() / "fields.tsv",
                       "key\tsection\tlabel\trequired\ttype\tvalues\n"
                       "company_name\t一\t企业名称\tyes\ttext\t\n"
                       "total_investment\t三\t项目总投资（万元）\tyes\twan\t\n"
                       "guarantee_method\t五\t担保方式\tyes\tmulti\t保证|抵押|质押|信用\n");
    testing::WriteText(dir_.path() / "catalog.tsv", "code\tlevel1\tlevel2\ttitle\n4.2.8\t四\t二\t绿色照明改造\n");
    testing::WriteText(dir_.path() / "checklist.tsv",
                       "kind\tlabel\trequired_when\napplication_form\t入库申请表\talways\neia_doc\t环评批复\tx\n");
    testing::WriteText(dir_.path() / "findings.tsv", "code\tseverity\tmeaning\nmissing_attachment\terror\tx\n");
    Status s = Templates::Load(dir_.path(), &templates_);
    ASSERT_TRUE(s.ok()) << s.ToString();
  }
  testing::ScratchDir dir_;
  Templates templates_;
};

TEST_F(TinyTemplates, WholeRecordMatchesTheContractExactly) {
  Record r;
  r.package_id = "pkg-1";
  r.source = "inbox/pkg-1.zip";
  r.origin.container = "zip";
  r.files.push_back({"表.pdf", "ab12", "application_form", 3, "ocr", ""});
  r.files.push_back({"坏.rar", "cd34", "", -1, "none", "压缩包已损坏"});
  r.fields["company_name"] = FieldValue{"甘肃某某矿业有限公司", 0.98765, Provenance{"表.pdf", 0, 1, 2, 3, 4, "甘肃某某矿业有限公司", "PNG"}};
  r.fields["total_investment"] = FieldValue{12500.5, 0.5, Provenance()};
  r.fields["not_in_templates"] = FieldValue{"dropped", 1.0, Provenance()};
  // guarantee_method absent from the record: null, confidence 0.
  r.checklist["eia_doc"] = ChecklistEntry{true, false, {}, "环评批复为“已取得”", {}};
  r.checklist["application_form"] = ChecklistEntry{true, true, {"表.pdf"}, "", {}};
  r.findings.push_back({"missing_attachment", "error", "eia_doc", "未提供环评批复"});
  r.findings.push_back({"note", "info", "", "说明"});
  r.pages_read = 3;

  std::string expected =
      R"({"schema":"greenmine.record/1","package_id":"pkg-1","source":"inbox/pkg-1.zip",)"
      R"("origin":{"container":"zip","subject":null,"from":null,"to":null,"date":null,"body":null},)"
      R"("files":[{"path":"表.pdf","sha256":"ab12","kind":"application_form","pages":3,"text_source":"ocr","error":null},)"
      R"({"path":"坏.rar","sha256":"cd34","kind":null,"pages":null,"text_source":"none","error":"压缩包已损坏"}],)"
      R"("fields":{"company_name":{"value":"甘肃某某矿业有限公司","confidence":0.988},)"
      R"("total_investment":{"value":12500.5,"confidence":0.5},)"
      R"("guarantee_method":{"value":null,"confidence":0.0}},)"
      R"("financials":null,)"
      R"("checklist":{"application_form":{"required":true,"present":true,"files":["表.pdf"],"reason":null},)"
      R"("eia_doc":{"required":true,"present":false,"files":[],"reason":"环评批复为“已取得”"}},)"
      R"("findings":[{"code":"missing_attachment","severity":"error","field":"eia_doc","message":"未提供环评批复"},)"
      R"({"code":"note","severity":"info","field":null,"message":"说明"}]})";
  EXPECT_EQ(RecordToJson(r, templates_).dump(), expected);

  Json with = RecordToJson(r, templates_, /*with_provenance=*/true);
  EXPECT_EQ(with["fields"]["company_name"]["_provenance"].dump(),
            R"({"file":"表.pdf","page":0,"box":[1,2,3,4],"raw":"甘肃某某矿业有限公司","cell_png":"UE5H"})");
  EXPECT_EQ(with["fields"]["total_investment"]["_provenance"].dump(),
            R"({"file":null,"page":null,"box":null,"raw":null,"cell_png":null})");
  EXPECT_EQ(with["_pages_read"], 3);
}

TEST(RecordJson, EveryFieldAndKindInTemplateOrderWithContractTypes) {
  const Templates& t = RepoTemplates();
  Record r = MakeSampleRecord();
  ASSERT_EQ(r.fields.size(), t.fields().size()) << "the sample must fill every field";
  Json j = RecordToJson(r, t);
  EXPECT_EQ(Keys(j), (std::vector<std::string>{"schema", "package_id", "source", "origin", "files", "fields",
                                               "financials", "checklist", "findings"}));
  EXPECT_EQ(j["schema"], "greenmine.record/1");
  std::vector<std::string> field_keys;
  for (const auto& f : t.fields()) field_keys.push_back(f.key);
  EXPECT_EQ(Keys(j["fields"]), field_keys);
  std::vector<std::string> kinds;
  for (const auto& c : t.checklist()) kinds.push_back(c.kind);
  EXPECT_EQ(Keys(j["checklist"]), kinds);

  for (const auto& spec : t.fields()) {
    SCOPED_TRACE(spec.key);
    const Json& f = j["fields"][spec.key];
    EXPECT_EQ(Keys(f), (std::vector<std::string>{"value", "confidence"}));
    ASSERT_TRUE(f["confidence"].is_number());
    const Json& v = f["value"];
    if (v.is_null()) continue;
    if (spec.type == FieldType::kWan || spec.type == FieldType::kPct || spec.type == FieldType::kNumber) EXPECT_TRUE(v.is_number());
    else if (spec.type == FieldType::kInt) EXPECT_TRUE(v.is_number_integer());
    else if (spec.type == FieldType::kBool) EXPECT_TRUE(v.is_boolean());
    else if (spec.type == FieldType::kMulti) EXPECT_TRUE(v.is_array());
    else if (spec.type == FieldType::kCategory) EXPECT_EQ(Keys(v), (std::vector<std::string>{"code", "title"}));
    else EXPECT_TRUE(v.is_string());
  }
  EXPECT_EQ(j["fields"]["financing_methods"]["value"], Json::array({"贷款", "其他"}));
  EXPECT_EQ(j["fields"]["loan_term_months"]["value"].dump(), "36");
  EXPECT_EQ(j["fields"]["renamed"]["value"], false);
  EXPECT_TRUE(j["fields"]["expected_annual_revenue"]["value"].is_null());

  EXPECT_EQ(j["financials"].dump(),
            R"({"year":2023,"total_assets":86000.25,"total_liabilities":51000.0,"owners_equity":35000.25,)"
            R"("revenue":42000.0,"net_profit":3150.5,"operating_cash_flow":null,)"
            R"("source_file":"附件/2023年度资产负债表.xlsx","unit":"元"})");
  EXPECT_EQ(j["files"][4].dump(),
            R"({"path":"附件/环评批复.rar","sha256":")" + std::string(64, 'e') +
                R"(","kind":null,"pages":null,"text_source":"none","error":"压缩包已损坏，无法解开：环评批复.rar"})");
  EXPECT_EQ(j["origin"]["container"], "eml");
  EXPECT_EQ(j["findings"].size(), 8u);
  EXPECT_TRUE(j["findings"][3]["field"].is_null());
  EXPECT_EQ(j["findings"][3]["severity"], "info");
}

TEST(RecordJson, ConfidenceIsClampedAndRoundedToThreeDecimals) {
  const Templates& t = RepoTemplates();
  Record r;
  r.package_id = "p";
  const std::pair<double, std::string> cases[] = {
      {0.12345, "0.123"}, {0.9996, "1.0"}, {-0.5, "0.0"}, {1.7, "1.0"}, {0.0005, "0.001"},
      {std::numeric_limits<double>::quiet_NaN(), "0.0"}, {std::numeric_limits<double>::infinity(), "0.0"}};
  for (const auto& [in, out] : cases) {
    r.fields["company_name"] = FieldValue{"x", in, Provenance()};
    EXPECT_EQ(RecordToJson(r, t)["fields"]["company_name"]["confidence"].dump(), out) << in;
  }
}

TEST(RecordJson, NonFiniteNumbersBecomeNullAndInvalidTextIsRepaired) {
  const Templates& t = RepoTemplates();
  Record r;
  r.package_id = "p\xff";
  r.fields["total_investment"] = FieldValue{std::numeric_limits<double>::quiet_NaN(), 0.9, Provenance()};
  r.fields["company_name"] = FieldValue{"甘肃\xe7\x9f", 0.9, Provenance()};
  r.files.push_back({"bad\xc0\xafname.pdf", "00", "", -1, "none", "损坏"});
  Financials fin;
  fin.total_assets = std::numeric_limits<double>::infinity();
  r.financials = fin;
  Json j = RecordToJson(r, t);
  std::string text;
  ASSERT_NO_THROW(text = j.dump());
  EXPECT_TRUE(j["fields"]["total_investment"]["value"].is_null());
  EXPECT_TRUE(j["financials"]["total_assets"].is_null());
  EXPECT_TRUE(j["financials"]["year"].is_null());
  EXPECT_EQ(j["package_id"], "p\xEF\xBF\xBD");
  EXPECT_EQ(j["fields"]["company_name"]["value"], "甘肃\xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_EQ(j["files"][0]["path"], "bad\xEF\xBF\xBD\xEF\xBF\xBDname.pdf");
}

TEST(RecordJson, RoundTripWithProvenanceRestoresTheWholeRecord) {
  const Templates& t = RepoTemplates();
  Record r = MakeSampleRecord();
  // Confidences are stored rounded; use rounded ones so the round trip is exact.
  for (auto& [key, f] : r.fields) f.confidence = std::round(f.confidence * 1000) / 1000;
  ASSERT_FALSE(r.fields["company_name"].provenance.cell_png.empty());
  Json j = RecordToJson(r, t, /*with_provenance=*/true);
  // Through text, as the cache stores it.
  Json parsed = Json::parse(j.dump());
  parsed["_fingerprint"] = "cache keys are ignored";
  Record back;
  Status s = RecordFromJson(parsed, &back);
  ASSERT_TRUE(s.ok()) << s.ToString();
  ExpectSameRecord(r, back);
  // And again: the JSON of the restored record is the same text.
  EXPECT_EQ(RecordToJson(back, t, true).dump(), j.dump());
}

TEST(RecordJson, RoundTripWithoutProvenanceKeepsValuesAndDropsProvenance) {
  const Templates& t = RepoTemplates();
  Record r = MakeSampleRecord();
  Record back;
  ASSERT_TRUE(RecordFromJson(RecordToJson(r, t), &back).ok());
  EXPECT_EQ(back.fields.size(), t.fields().size());
  EXPECT_EQ(back.fields["total_investment"].value, 12500.5);
  EXPECT_EQ(back.fields["project_category"].value["code"], "4.2.8");
  EXPECT_TRUE(back.fields["company_name"].provenance.cell_png.empty());
  EXPECT_EQ(back.pages_read, 0);
  EXPECT_EQ(back.findings.size(), r.findings.size());
  EXPECT_EQ(back.checklist["eia_doc"].reason, "环评批复为“已取得”");
  EXPECT_EQ(back.files[4].pages, -1);
  EXPECT_EQ(back.files[4].kind, "");
  ASSERT_TRUE(back.financials.has_value());
  EXPECT_FALSE(back.financials->operating_cash_flow.has_value());
  EXPECT_EQ(back.financials->year, 2023);
}

TEST(RecordJson, MissingFinancialsStayNullThroughTheRoundTrip) {
  const Templates& t = RepoTemplates();
  Record r = testing::MakeSecondRecord();
  ASSERT_FALSE(r.financials.has_value());
  Json j = RecordToJson(r, t);
  EXPECT_TRUE(j["financials"].is_null());
  Record back;
  ASSERT_TRUE(RecordFromJson(j, &back).ok());
  EXPECT_FALSE(back.financials.has_value());
}

TEST(RecordJson, BadInputIsCorruptWithThePathAndLeavesOutputAlone) {
  const Templates& t = RepoTemplates();
  const Json good = RecordToJson(MakeSampleRecord(), t, true);
  struct Case {
    const char* name;
    std::function<void(Json&)> damage;
    const char* mentions;
  };
  const Case cases[] = {
      {"wrong schema", [](Json& j) { j["schema"] = "greenmine.record/0"; }, "schema"},
      {"no package id", [](Json& j) { j.erase("package_id"); }, "package_id"},
      {"files not array", [](Json& j) { j["files"] = "x"; }, "files"},
      {"pages text", [](Json& j) { j["files"][0]["pages"] = "4"; }, "files[0].pages"},
      {"pages huge", [](Json& j) { j["files"][0]["pages"] = 1e12; }, "files[0].pages"},
      {"field not object", [](Json& j) { j["fields"]["company_name"] = 3; }, "fields.company_name"},
      {"confidence text", [](Json& j) { j["fields"]["company_name"]["confidence"] = "高"; }, "confidence"},
      {"bad base64", [](Json& j) { j["fields"]["company_name"]["_provenance"]["cell_png"] = "!!!"; }, "cell_png"},
      {"short box", [](Json& j) { j["fields"]["company_name"]["_provenance"]["box"] = Json::array({1, 2}); }, "box"},
      {"financials text", [](Json& j) { j["financials"] = "none"; }, "financials"},
      {"amount text", [](Json& j) { j["financials"]["revenue"] = "42000"; }, "financials.revenue"},
      {"checklist file number", [](Json& j) { j["checklist"]["eia_doc"]["files"] = Json::array({1}); }, "eia_doc"},
      {"present missing", [](Json& j) { j["checklist"]["eia_doc"].erase("present"); }, "present"},
      {"finding without message", [](Json& j) { j["findings"][0].erase("message"); }, "findings[0].message"},
      {"origin array", [](Json& j) { j["origin"] = Json::array(); }, "origin"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    Json bad = good;
    c.damage(bad);
    Record out;
    out.package_id = "untouched";
    Status s = RecordFromJson(bad, &out);
    EXPECT_EQ(s.code(), Status::Code::kCorrupt) << s.ToString();
    EXPECT_NE(s.message().find(c.mentions), std::string::npos) << s.message();
    EXPECT_EQ(out.package_id, "untouched");
  }
  Record out;
  EXPECT_EQ(RecordFromJson(Json::array(), &out).code(), Status::Code::kCorrupt);
  EXPECT_EQ(RecordFromJson(Json(), &out).code(), Status::Code::kCorrupt);
}

}  // namespace
}  // namespace gm
