// OoxmlPackage: finding the parts of an Office Open XML package (.docx,
// .xlsx) — the main part named by the package relationships, and the parts
// a part's own relationships point to.
//
// Thread-safety: pure functions.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>

#include "pipeline/core/limits.h"
#include "pipeline/core/status.h"

namespace gm {

// The most bytes the XML parts read at once from a package may unpack to
// (Limits::max_xml_bytes, or the file limit when lower).
uint64_t OfficePartCap(const Limits& limits);

// Reads the package's main part into `out` and its path into `path` (may be
// null): `default_path` when present, else the target of the officeDocument
// relationship of _rels/.rels. Corrupt when neither exists.
Status ReadOfficeMainPart(std::string_view zip, const std::string& default_path, uint64_t cap, std::string* out,
                          std::string* path = nullptr);

struct Relationship {
  std::string target;
  std::string type;  // the relationship type URI
};
// Reads a relationships part (".rels"): Id -> relationship.
Status ReadRelationships(std::string_view xml, const std::string& part, std::map<std::string, Relationship>* out);

// The relationships part of `part_path` ("xl/workbook.xml" -> "xl/_rels/workbook.xml.rels").
std::string RelationshipsPath(const std::string& part_path);

// The package path of relationship `target` of a part in folder `base_dir`
// ("xl/" + "worksheets/sheet1.xml"; an absolute "/xl/..." loses its slash;
// ".." steps up).
std::string ResolvePartPath(const std::string& base_dir, const std::string& target);

}  // namespace gm
