// Tests of the .docx and .xlsx readers and the office format sniffing.
#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "extractors/office/docx_reader.h"
#include "extractors/office/office_format.h"
#include "extractors/office/ooxml_package.h"
#include "extractors/office/xlsx_reader.h"
#include "extractors/office/zip_reader.h"
#include "tests/document/testing/zip_builder.h"

namespace gm {
namespace {

using testing::Docx;
using testing::Xlsx;
using testing::Zip;
using Rows = std::vector<std::vector<std::string>>;

std::shared_ptr<const std::string> Share(std::string bytes) {
  return std::make_shared<const std::string>(std::move(bytes));
}

std::string P(const std::string& text) { return "<w:p><w:r><w:t>" + text + "</w:t></w:r></w:p>"; }

std::string Cell(const std::string& text, const std::string& props = "") {
  return "<w:tc><w:tcPr>" + props + "</w:tcPr>" + P(text) + "</w:tc>";
}

Document MustOpenDocx(const std::string& body) {
  Document doc;
  Status s = OpenDocx(Share(Docx(body)), Limits(), &doc);
  EXPECT_TRUE(s.ok()) << s.ToString();
  return doc;
}

std::vector<std::string> SpanTexts(const Document& doc) {
  std::vector<std::string> texts;
  for (const Page& page : doc.pages)
    for (const TextSpan& span : page.text) texts.push_back(span.text);
  return texts;
}

// ---- docx ----

TEST(Docx, ParagraphsInReadingOrder) {
  Document doc = MustOpenDocx(P("甘肃省绿色矿山项目申请表") + "<w:p/>" +
                              "<w:p><w:r><w:t>项目名称：</w:t></w:r><w:r><w:tab/><w:t xml:space=\"preserve\">某某 </w:t>"
                              "<w:br/><w:t>矿业</w:t></w:r></w:p>");
  EXPECT_EQ(doc.format, DocumentFormat::kDocx);
  ASSERT_EQ(doc.pages.size(), 1u);
  EXPECT_FALSE(doc.pages[0].load_image);
  EXPECT_EQ(SpanTexts(doc), (std::vector<std::string>{"甘肃省绿色矿山项目申请表", "项目名称：\t某某 \n矿业"}));
  EXPECT_EQ(doc.pages[0].text[0].box.w, 0);
  EXPECT_TRUE(doc.tables.empty());
}

TEST(Docx, LeavesOutDeletedTextFieldCodesAndDuplicateTextBoxes) {
  Document doc = MustOpenDocx(
      "<w:p><w:pPr><w:tabs><w:tab w:val=\"left\" w:pos=\"720\"/></w:tabs></w:pPr>"
      "<w:r><w:t>保留</w:t></w:r><w:del><w:r><w:delText>删除</w:delText></w:r></w:del>"
      "<w:r><w:instrText> PAGE </w:instrText></w:r><w:ins><w:r><w:t>插入</w:t></w:r></w:ins></w:p>"
      "<w:p><w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:txbxContent>" + P("文本框") +
      "</w:txbxContent></mc:Choice><mc:Fallback><w:txbxContent>" + P("文本框") +
      "</w:txbxContent></mc:Fallback></mc:AlternateContent></w:r></w:p>"
      "<w:sdt><w:sdtContent>" + P("内容控件") + "</w:sdtContent></w:sdt>");
  EXPECT_EQ(SpanTexts(doc), (std::vector<std::string>{"保留插入", "文本框", "内容控件"}));
}

TEST(Docx, SymbolCheckBoxes) {
  Document doc = MustOpenDocx(
      "<w:p><w:r><w:sym w:font=\"Wingdings 2\" w:char=\"F052\"/><w:t>已取得</w:t>"
      "<w:sym w:font=\"Wingdings\" w:char=\"f0a8\"/><w:t>未取得</w:t><w:sym w:font=\"Nothing\" w:char=\"1234\"/></w:r></w:p>");
  EXPECT_EQ(SpanTexts(doc), (std::vector<std::string>{"☑已取得□未取得"}));
}

TEST(Docx, MergedCellsKeepTextTopLeftAndRowsAlign) {
  const std::string table =
      "<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>"
      "<w:tr>" + Cell("项目名称", "<w:gridSpan w:val=\"2\"/>") + Cell("B") + Cell("C") + "</w:tr>"
      "<w:tr>" + Cell("资金来源", "<w:vMerge w:val=\"restart\"/>") + Cell("E") + Cell("F", "<w:gridSpan w:val=\"2\"/>") +
      "</w:tr>"
      "<w:tr>" + Cell("", "<w:vMerge/>") + Cell("G") + Cell("H") + Cell("I") + "</w:tr>"
      "<w:tr><w:trPr><w:gridBefore w:val=\"1\"/></w:trPr>" + Cell("X") + Cell("Y") + Cell("Z") + "</w:tr>"
      "</w:tbl>";
  Document doc = MustOpenDocx(P("前言") + table + P("后记"));
  ASSERT_EQ(doc.tables.size(), 1u);
  EXPECT_EQ(doc.tables[0].name, "table 1");
  EXPECT_EQ(doc.tables[0].rows, (Rows{{"项目名称", "", "B", "C"},
                                      {"资金来源", "E", "F", ""},
                                      {"", "G", "H", "I"},
                                      {"", "X", "Y", "Z"}}));
  EXPECT_EQ(SpanTexts(doc), (std::vector<std::string>{"前言", "后记"}));
  const std::string plain = doc.PlainText();
  EXPECT_NE(plain.find("项目名称\t\tB\tC"), std::string::npos) << plain;
}

TEST(Docx, CellParagraphsAndNestedTables) {
  const std::string inner = "<w:tbl><w:tr>" + Cell("内1") + Cell("内2") + "</w:tr></w:tbl>";
  const std::string outer = "<w:tbl><w:tr><w:tc>" + P("第一段") + P("第二段") + "</w:tc><w:tc>" + inner +
                            "</w:tc></w:tr></w:tbl>";
  Document doc = MustOpenDocx(outer + "<w:tbl><w:tr>" + Cell("后表") + "</w:tr></w:tbl>");
  ASSERT_EQ(doc.tables.size(), 3u);
  EXPECT_EQ(doc.tables[0].rows, (Rows{{"第一段\n第二段", "内1\t内2"}}));
  EXPECT_EQ(doc.tables[1].rows, (Rows{{"内1", "内2"}}));  // the nested table follows its parent
  EXPECT_EQ(doc.tables[2].name, "table 3");
  EXPECT_EQ(doc.tables[2].rows, (Rows{{"后表"}}));
}

TEST(Docx, MainPartFoundThroughRelationships) {
  const std::string document =
      "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>" + P("正文") +
      "</w:body></w:document>";
  const std::string rels =
      "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"r\" "
      "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
      "Target=\"/word/document2.xml\"/></Relationships>";
  Document doc;
  ASSERT_TRUE(OpenDocx(Share(Zip({{"_rels/.rels", rels}, {"word/document2.xml", document}})), Limits(), &doc).ok());
  EXPECT_EQ(SpanTexts(doc), (std::vector<std::string>{"正文"}));
}

TEST(Docx, BadInputs) {
  Document doc;
  EXPECT_EQ(OpenDocx(Share("not a zip"), Limits(), &doc).code(), Status::Code::kCorrupt);
  EXPECT_EQ(OpenDocx(Share(Zip({{"other.xml", "<a/>"}})), Limits(), &doc).code(), Status::Code::kCorrupt);
  EXPECT_EQ(OpenDocx(Share(Zip({{"word/document.xml", "<w:document><w:body>"}})), Limits(), &doc).code(),
            Status::Code::kCorrupt);
  EXPECT_EQ(OpenDocx(Share(Zip({{"word/document.xml", "<root/>"}})), Limits(), &doc).code(), Status::Code::kCorrupt);
  // A "billion laughs" document: refused for its DTD, never expanded.
  const std::string laughs =
      "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY a \"hahahahahahahahahaha\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">"
      "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;\">]><w:document xmlns:w=\"x\"><w:body><w:p><w:r><w:t>&c;</w:t></w:r>"
      "</w:p></w:body></w:document>";
  EXPECT_EQ(OpenDocx(Share(Zip({{"word/document.xml", laughs}})), Limits(), &doc).code(), Status::Code::kCorrupt);
  // An external entity (XXE) is refused the same way.
  const std::string xxe =
      "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><w:document xmlns:w=\"x\">"
      "<w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>";
  EXPECT_EQ(OpenDocx(Share(Zip({{"word/document.xml", xxe}})), Limits(), &doc).code(), Status::Code::kCorrupt);
}

TEST(Docx, ZipBombPartIsLimit) {
  Limits limits;
  limits.max_file_bytes = 1 << 20;
  const std::string huge = "<w:document><w:body>" + std::string(4 << 20, ' ') + "</w:body></w:document>";
  Document doc;
  EXPECT_EQ(OpenDocx(Share(Zip({{"word/document.xml", huge}})), limits, &doc).code(), Status::Code::kLimit);
}

std::string NestedTables(int levels) {
  std::string inner = P("最里层");
  for (int i = 0; i < levels; ++i) inner = "<w:tbl><w:tr><w:tc>" + inner + "<w:p/></w:tc></w:tr></w:tbl>";
  return inner;
}

// Each level once: reading each nested table twice made 2^depth (26 levels took 15 s).
TEST(Docx, NestedTablesAreReadInLinearTime) {
  const auto start = std::chrono::steady_clock::now();
  Document doc = MustOpenDocx(NestedTables(40));
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_LT(seconds, 2.0);
  ASSERT_EQ(doc.tables.size(), 40u);
  EXPECT_EQ(doc.tables[0].rows, (Rows{{"最里层"}}));  // the outer table holds the text of what it nests
  EXPECT_EQ(doc.tables[39].rows, (Rows{{"最里层"}}));
}

TEST(Docx, OverABudgetIsLimitNamingIt) {
  Document doc;
  Status s = OpenDocx(Share(Docx(NestedTables(80))), Limits(), &doc);  // 240 levels of XML
  EXPECT_EQ(s.code(), Status::Code::kLimit);
  EXPECT_NE(s.message().find("max_xml_depth"), std::string::npos) << s.message();

  Limits limits;
  limits.max_xml_nodes = 1000;
  std::string many;
  for (int i = 0; i < 300; ++i) many += P("段落");
  s = OpenDocx(Share(Docx(many)), limits, &doc);
  EXPECT_EQ(s.code(), Status::Code::kLimit);
  EXPECT_NE(s.message().find("max_xml_nodes"), std::string::npos) << s.message();

  limits = Limits();
  limits.max_text_bytes = 1000;
  s = OpenDocx(Share(Docx(P(std::string(2000, 'x')))), limits, &doc);
  EXPECT_NE(s.message().find("max_text_bytes"), std::string::npos) << s.message();

  // One cell spanning the whole grid in each of many rows pads to rows x 1024 cells.
  limits = Limits();
  limits.max_table_cells = 100000;
  std::string rows;
  for (int i = 0; i < 200; ++i) rows += "<w:tr>" + Cell("", "<w:gridSpan w:val=\"1024\"/>") + "</w:tr>";
  s = OpenDocx(Share(Docx("<w:tbl>" + rows + "</w:tbl>")), limits, &doc);
  EXPECT_NE(s.message().find("max_table_cells"), std::string::npos) << s.message();
  EXPECT_TRUE(doc.tables.empty());
}

// Nested tables count with the table around them: two of 600 cells in one
// cell are 1200, over a budget of 1000 that each alone is within.
TEST(Docx, NestedTablesCountTowardsOneCellBudget) {
  std::string grid;
  for (int r = 0; r < 30; ++r) {
    grid += "<w:tr>";
    for (int c = 0; c < 20; ++c) grid += Cell("x");
    grid += "</w:tr>";
  }
  const std::string nested = "<w:tbl>" + grid + "</w:tbl>";
  Limits limits;
  limits.max_table_cells = 1000;
  Document doc;
  Status s = OpenDocx(Share(Docx("<w:tbl><w:tr><w:tc>" + nested + P("") + nested + P("") + "</w:tc></w:tr></w:tbl>")),
                      limits, &doc);
  EXPECT_EQ(s.code(), Status::Code::kLimit);
  EXPECT_NE(s.message().find("max_table_cells"), std::string::npos) << s.message();
  limits.max_table_cells = 2000;
  EXPECT_TRUE(OpenDocx(Share(Docx("<w:tbl><w:tr><w:tc>" + nested + P("") + nested + P("") + "</w:tc></w:tr></w:tbl>")),
                       limits, &doc).ok());
}

// ---- xlsx ----

TEST(Xlsx, SharedStringsAndTwoSheets) {
  const std::string first =
      "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c></row>"
      "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>2</v></c><c r=\"B2\"><v>12500.5</v></c>"
      "<c r=\"D2\"><f>B2*2</f><v>25001</v></c></row>"
      "<row r=\"4\"><c r=\"A4\" t=\"b\"><v>1</v></c><c r=\"B4\" t=\"e\"><v>#DIV/0!</v></c>"
      "<c r=\"C4\" t=\"inlineStr\"><is><t>行内</t></is></c><c r=\"D4\" t=\"str\"><f>A1</f><v>公式文本</v></c></row>";
  const std::string second = "<row r=\"1\"><c r=\"A1\"><v>4.5E-3</v></c><c r=\"B1\" s=\"3\"/></row>";
  const std::vector<std::string> shared = {"资产总计", "本年数", "负债合计"};
  Document doc;
  ASSERT_TRUE(OpenXlsx(Share(Xlsx({{"资产负债表", first}, {"利润表", second}}, shared)), Limits(), &doc).ok());
  EXPECT_EQ(doc.format, DocumentFormat::kXlsx);
  EXPECT_TRUE(doc.pages.empty());
  ASSERT_EQ(doc.tables.size(), 2u);
  EXPECT_EQ(doc.tables[0].name, "资产负债表");
  EXPECT_EQ(doc.tables[0].rows, (Rows{{"资产总计", "本年数", "", ""},
                                      {"负债合计", "12500.5", "", "25001"},
                                      {"", "", "", ""},
                                      {"TRUE", "#DIV/0!", "行内", "公式文本"}}));
  EXPECT_EQ(doc.tables[1].name, "利润表");
  EXPECT_EQ(doc.tables[1].rows, (Rows{{"4.5E-3"}}));
  EXPECT_NE(doc.PlainText().find("资产总计\t本年数"), std::string::npos);
}

TEST(Xlsx, RichTextAndPhoneticGuides) {
  std::vector<std::string> shared;
  ASSERT_TRUE(ReadSharedStringsXml("<sst><si><r><t>绿色</t></r><r><t>矿山</t></r><rPh><t>lvse</t></rPh></si><si/>"
                                   "<si><t>第三</t></si></sst>",
                                   &shared)
                  .ok());
  EXPECT_EQ(shared, (std::vector<std::string>{"绿色矿山", "", "第三"}));
}

TEST(Xlsx, CellsWithoutReferencesAndBadIndexes) {
  TextTable table;
  std::vector<std::string> warnings;
  ASSERT_TRUE(ReadWorksheetXml("<worksheet><sheetData><row><c><v>1</v></c><c><v>2</v></c></row>"
                               "<row><c t=\"s\"><v>99</v></c><c t=\"s\"><v>x</v></c><c><v>3</v></c></row>"
                               "</sheetData></worksheet>",
                               {"only"}, &table, &warnings)
                  .ok());
  EXPECT_EQ(table.rows, (Rows{{"1", "2", ""}, {"", "", "3"}}));
  EXPECT_TRUE(warnings.empty());
}

TEST(Xlsx, HugeSheetIsCutWithAWarning) {
  TextTable table;
  table.name = "大表";
  std::vector<std::string> warnings;
  ASSERT_TRUE(ReadWorksheetXml("<worksheet><sheetData><row r=\"1\"><c r=\"A1\"><v>1</v></c><c r=\"ZZZ1\"><v>2</v></c>"
                               "</row><row r=\"5000000\"><c r=\"A5000000\"><v>3</v></c></row></sheetData></worksheet>",
                               {}, &table, &warnings)
                  .ok());
  EXPECT_EQ(table.rows, (Rows{{"1"}}));
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_NE(warnings[0].find("大表"), std::string::npos);
}

// A lone cell at AMJ1 and another at A99999 padded every row to 1024 cells: 3.3 GB.
TEST(Xlsx, SparseSheetOverTheCellBudget) {
  TextTable table;
  table.name = "稀疏";
  std::vector<std::string> warnings;
  Status s = ReadWorksheetXml("<worksheet><sheetData><row r=\"1\"><c r=\"AMJ1\"><v>1</v></c></row>"
                              "<row r=\"99999\"><c r=\"A99999\"><v>2</v></c></row></sheetData></worksheet>",
                              {}, &table, &warnings);
  EXPECT_EQ(s.code(), Status::Code::kLimit);
  EXPECT_NE(s.message().find("max_table_cells"), std::string::npos) << s.message();
  EXPECT_TRUE(table.rows.empty());
}

// One large shared string in many cells is counted each time it is copied.
TEST(Xlsx, RepeatedSharedStringOverTheTextBudget) {
  Limits limits;
  limits.max_text_bytes = 1 << 20;
  std::string rows;
  for (int i = 1; i <= 100; ++i)
    rows += "<row r=\"" + std::to_string(i) + "\"><c r=\"A" + std::to_string(i) + "\" t=\"s\"><v>0</v></c></row>";
  Document doc;
  Status s = OpenXlsx(Share(Xlsx({{"表", rows}}, {std::string(64 << 10, 'x')})), limits, &doc);
  EXPECT_EQ(s.code(), Status::Code::kLimit);
  EXPECT_NE(s.message().find("max_text_bytes"), std::string::npos) << s.message();
  limits.max_text_bytes = 8 << 20;
  EXPECT_TRUE(OpenXlsx(Share(Xlsx({{"表", rows}}, {std::string(64 << 10, 'x')})), limits, &doc).ok());
}

TEST(Xlsx, BadInputs) {
  Document doc;
  EXPECT_EQ(OpenXlsx(Share("PK\x03\x04 broken"), Limits(), &doc).code(), Status::Code::kCorrupt);
  EXPECT_EQ(OpenXlsx(Share(Zip({{"xl/workbook.xml", "<workbook"}})), Limits(), &doc).code(), Status::Code::kCorrupt);
  TextTable table;
  std::vector<std::string> warnings;
  EXPECT_EQ(ReadWorksheetXml("<worksheet><sheetData><row>", {}, &table, &warnings).code(), Status::Code::kCorrupt);
  EXPECT_EQ(ReadWorksheetXml("<!DOCTYPE w [<!ENTITY a \"b\">]><worksheet/>", {}, &table, &warnings).code(),
            Status::Code::kCorrupt);
  std::vector<std::string> shared;
  EXPECT_EQ(ReadSharedStringsXml("<sst><si><t>x</t>", &shared).code(), Status::Code::kCorrupt);
}

TEST(Xlsx, CellReferences) {
  int column = -1, row = -1;
  ASSERT_TRUE(ParseCellReference("A1", &column, &row));
  EXPECT_EQ(column, 0);
  EXPECT_EQ(row, 0);
  ASSERT_TRUE(ParseCellReference("AB12", &column, &row));
  EXPECT_EQ(column, 27);
  EXPECT_EQ(row, 11);
  EXPECT_FALSE(ParseCellReference("12", &column, &row));
  EXPECT_FALSE(ParseCellReference("A", &column, &row));
  EXPECT_FALSE(ParseCellReference("A0", &column, &row));
  EXPECT_FALSE(ParseCellReference("a1", &column, &row));
  EXPECT_FALSE(ParseCellReference("ABCD1", &column, &row));
}

// ---- packages and sniffing ----

TEST(OoxmlPackage, PartPaths) {
  EXPECT_EQ(ResolvePartPath("xl/", "worksheets/sheet1.xml"), "xl/worksheets/sheet1.xml");
  EXPECT_EQ(ResolvePartPath("xl/", "/xl/worksheets/sheet2.xml"), "xl/worksheets/sheet2.xml");
  EXPECT_EQ(ResolvePartPath("xl/worksheets/", "../sharedStrings.xml"), "xl/sharedStrings.xml");
  EXPECT_EQ(ResolvePartPath("", "./word/document.xml"), "word/document.xml");
  EXPECT_EQ(RelationshipsPath("xl/workbook.xml"), "xl/_rels/workbook.xml.rels");
  EXPECT_EQ(RelationshipsPath("workbook.xml"), "_rels/workbook.xml.rels");
}

TEST(ZipReader, ListsAndReads) {
  const std::string zip = Zip({{"a.txt", "alpha"}, {"dir/b.txt", "beta"}});
  std::vector<std::string> names;
  ASSERT_TRUE(ListZipMembers(zip, &names).ok());
  EXPECT_EQ(names, (std::vector<std::string>{"a.txt", "dir/b.txt"}));
  std::map<std::string, std::string> parts;
  ASSERT_TRUE(ReadZipMembers(zip, [](const std::string& n) { return n == "dir/b.txt"; }, 100, &parts).ok());
  EXPECT_EQ(parts, (std::map<std::string, std::string>{{"dir/b.txt", "beta"}}));
  EXPECT_EQ(ReadZipMembers(zip, [](const std::string&) { return true; }, 4, &parts).code(), Status::Code::kLimit);
  EXPECT_EQ(ListZipMembers("garbage", &names).code(), Status::Code::kCorrupt);
  EXPECT_EQ(ListZipMembers("", &names).code(), Status::Code::kCorrupt);
}

std::string Utf16(const std::string& ascii) {
  std::string out;
  for (char c : ascii) out += {c, '\0'};
  return out;
}

TEST(OfficeFormat, Sniffing) {
  EXPECT_EQ(SniffZipKind(Docx(P("x"))), OfficeKind::kDocx);
  EXPECT_EQ(SniffZipKind(Xlsx({{"s", ""}}, {})), OfficeKind::kXlsx);
  EXPECT_EQ(SniffZipKind(Zip({{"ppt/presentation.xml", "<p/>"}})), OfficeKind::kPptx);
  EXPECT_EQ(SniffZipKind(Zip({{"OFD.xml", "<ofd/>"}})), OfficeKind::kOfd);
  EXPECT_EQ(SniffZipKind(Zip({{"mimetype", "application/vnd.oasis.opendocument.text"}})), OfficeKind::kOpenDocument);
  EXPECT_EQ(SniffZipKind(Zip({{"photo.jpg", "x"}})), OfficeKind::kZip);
  EXPECT_EQ(SniffZipKind("PK\x03\x04 junk"), OfficeKind::kUnknown);
  const std::string ole = std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(504, '\0');
  EXPECT_TRUE(IsOleCompoundFile(ole));
  EXPECT_FALSE(IsOleCompoundFile("PK\x03\x04"));
  EXPECT_TRUE(IsZip("PK\x03\x04..."));
  EXPECT_EQ(SniffOleKind(ole + Utf16("Root Entry") + Utf16("WordDocument")), OfficeKind::kOleWord);
  EXPECT_EQ(SniffOleKind(ole + Utf16("Workbook")), OfficeKind::kOleExcel);
  EXPECT_EQ(SniffOleKind(ole + Utf16("PowerPoint Document")), OfficeKind::kOlePowerPoint);
  EXPECT_EQ(SniffOleKind(ole + Utf16("EncryptionInfo") + Utf16("EncryptedPackage")), OfficeKind::kOleEncrypted);
  EXPECT_EQ(SniffOleKind(ole), OfficeKind::kOleOther);
  EXPECT_EQ(SniffOleKind("not ole"), OfficeKind::kUnknown);
}

}  // namespace
}  // namespace gm
