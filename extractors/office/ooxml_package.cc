#include "extractors/office/ooxml_package.h"

#include <algorithm>
#include <vector>

#include "extractors/office/xml.h"
#include "extractors/office/zip_reader.h"

namespace gm {

uint64_t OfficePartCap(const Limits& limits) { return std::min<uint64_t>(limits.max_file_bytes, limits.max_xml_bytes); }

Status ReadRelationships(std::string_view xml, const std::string& part, std::map<std::string, Relationship>* out) {
  out->clear();
  XmlDocPtr doc;
  Status s = ParseXml(xml, part, &doc);
  if (!s.ok()) return s;
  for (xmlNode* node = xmlDocGetRootElement(doc.get())->children; node; node = node->next) {
    if (IsElement(node, "Relationship")) (*out)[Attribute(node, "Id")] = {Attribute(node, "Target"), Attribute(node, "Type")};
  }
  return Status::OK();
}

std::string RelationshipsPath(const std::string& part_path) {
  const size_t slash = part_path.rfind('/');
  const std::string dir = slash == std::string::npos ? "" : part_path.substr(0, slash + 1);
  const std::string base = slash == std::string::npos ? part_path : part_path.substr(slash + 1);
  return dir + "_rels/" + base + ".rels";
}

std::string ResolvePartPath(const std::string& base_dir, const std::string& target) {
  std::string path = !target.empty() && target[0] == '/' ? target.substr(1) : base_dir + target;
  // Normalize "a/b/../c" and "./" segments.
  std::vector<std::string> segments;
  size_t start = 0;
  while (start <= path.size()) {
    size_t end = path.find('/', start);
    if (end == std::string::npos) end = path.size();
    const std::string segment = path.substr(start, end - start);
    if (segment == "..") {
      if (!segments.empty()) segments.pop_back();
    } else if (!segment.empty() && segment != ".") {
      segments.push_back(segment);
    }
    start = end + 1;
  }
  std::string out;
  for (const std::string& segment : segments) out += (out.empty() ? "" : "/") + segment;
  return out;
}

Status ReadOfficeMainPart(std::string_view zip, const std::string& default_path, uint64_t cap, std::string* out,
                          std::string* path_out) {
  out->clear();
  std::map<std::string, std::string> parts;
  Status s = ReadZipMembers(
      zip, [&](const std::string& name) { return name == default_path || name == "_rels/.rels"; }, cap, &parts);
  if (!s.ok()) return s;
  auto main = parts.find(default_path);
  if (main != parts.end()) {
    out->swap(main->second);
    if (path_out) *path_out = default_path;
    return Status::OK();
  }
  // Not where producers usually put it: follow the package relationship.
  auto rels = parts.find("_rels/.rels");
  if (rels != parts.end()) {
    XmlDocPtr doc;
    if (ParseXml(rels->second, "_rels/.rels", &doc).ok()) {
      for (xmlNode* node = xmlDocGetRootElement(doc.get())->children; node; node = node->next) {
        const std::string type = Attribute(node, "Type");
        if (!IsElement(node, "Relationship") || type.size() < 15 ||
            type.compare(type.size() - 15, 15, "/officeDocument") != 0) {
          continue;
        }
        const std::string path = ResolvePartPath("", Attribute(node, "Target"));
        std::map<std::string, std::string> target;
        s = ReadZipMembers(zip, [&](const std::string& name) { return name == path; }, cap, &target);
        if (!s.ok()) return s;
        if (target.count(path)) {
          out->swap(target[path]);
          if (path_out) *path_out = path;
          return Status::OK();
        }
      }
    }
  }
  return Status::Corrupt("Office文档已损坏（缺少正文部分），请申报单位重新发送");
}

}  // namespace gm
