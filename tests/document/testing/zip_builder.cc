#include "tests/document/testing/zip_builder.h"

#include <archive.h>
#include <archive_entry.h>

namespace gm::testing {
namespace {

la_ssize_t Append(archive*, void* client, const void* buffer, size_t length) {
  static_cast<std::string*>(client)->append(static_cast<const char*>(buffer), length);
  return static_cast<la_ssize_t>(length);
}

const char kWordNs[] = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const char kSheetNs[] = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const char kRelNs[] = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const char kPackageRelNs[] = "http://schemas.openxmlformats.org/package/2006/relationships";

std::string PackageRels(const std::string& main_part) {
  return std::string("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"") + kPackageRelNs +
         "\"><Relationship Id=\"rId1\" Type=\"" + kRelNs + "/officeDocument\" Target=\"" + main_part +
         "\"/></Relationships>";
}

std::string XmlEscape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '<') out += "&lt;";
    else if (c == '&') out += "&amp;";
    else if (c == '>') out += "&gt;";
    else out += c;
  }
  return out;
}

}  // namespace

std::string Zip(const std::vector<std::pair<std::string, std::string>>& members) {
  std::string out;
  archive* a = archive_write_new();
  archive_write_set_format_zip(a);
  archive_write_open(a, &out, nullptr, Append, nullptr);
  for (const auto& [name, data] : members) {
    archive_entry* entry = archive_entry_new();
    archive_entry_set_pathname(entry, name.c_str());
    archive_entry_set_size(entry, static_cast<la_int64_t>(data.size()));
    archive_entry_set_filetype(entry, AE_IFREG);
    archive_entry_set_perm(entry, 0644);
    archive_write_header(a, entry);
    archive_write_data(a, data.data(), data.size());
    archive_entry_free(entry);
  }
  archive_write_close(a);
  archive_write_free(a);
  return out;
}

std::string Docx(const std::string& body_xml) {
  const std::string document = std::string("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>") +
                               "<w:document xmlns:w=\"" + kWordNs +
                               "\" xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\">"
                               "<w:body>" + body_xml + "</w:body></w:document>";
  return Zip({{"[Content_Types].xml",
               "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
               "<Override PartName=\"/word/document.xml\" ContentType=\"application/"
               "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>"},
              {"_rels/.rels", PackageRels("word/document.xml")},
              {"word/document.xml", document}});
}

std::string Xlsx(const std::vector<std::pair<std::string, std::string>>& sheets,
                 const std::vector<std::string>& shared_strings) {
  std::string workbook = std::string("<?xml version=\"1.0\"?><workbook xmlns=\"") + kSheetNs + "\" xmlns:r=\"" +
                         kRelNs + "\"><sheets>";
  std::string rels = std::string("<?xml version=\"1.0\"?><Relationships xmlns=\"") + kPackageRelNs + "\">";
  std::vector<std::pair<std::string, std::string>> members = {{"_rels/.rels", PackageRels("xl/workbook.xml")}};
  for (size_t i = 0; i < sheets.size(); ++i) {
    const std::string id = "rId" + std::to_string(i + 1), file = "sheet" + std::to_string(i + 1) + ".xml";
    workbook += "<sheet name=\"" + XmlEscape(sheets[i].first) + "\" sheetId=\"" + std::to_string(i + 1) +
                "\" r:id=\"" + id + "\"/>";
    rels += "<Relationship Id=\"" + id + "\" Type=\"" + kRelNs + "/worksheet\" Target=\"worksheets/" + file + "\"/>";
    members.push_back({"xl/worksheets/" + file, std::string("<?xml version=\"1.0\"?><worksheet xmlns=\"") + kSheetNs +
                                                    "\"><sheetData>" + sheets[i].second +
                                                    "</sheetData></worksheet>"});
  }
  workbook += "</sheets></workbook>";
  rels += "<Relationship Id=\"rIdS\" Type=\"" + std::string(kRelNs) +
          "/sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>";
  std::string shared = std::string("<?xml version=\"1.0\"?><sst xmlns=\"") + kSheetNs + "\">";
  for (const std::string& s : shared_strings) shared += "<si><t>" + XmlEscape(s) + "</t></si>";
  shared += "</sst>";
  members.push_back({"xl/workbook.xml", workbook});
  members.push_back({"xl/_rels/workbook.xml.rels", rels});
  members.push_back({"xl/sharedStrings.xml", shared});
  return Zip(members);
}

}  // namespace gm::testing
