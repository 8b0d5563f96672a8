#include "extractors/office/xml.h"

#include <libxml/parser.h>

#include <climits>
#include <cstring>
#include <mutex>

namespace gm {
namespace {

// No NOENT (entity substitution), no DTDLOAD, no network; quiet on errors,
// which become a Status instead.
constexpr int kParseOptions = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA;

void InitXml() {
  static std::once_flag once;
  std::call_once(once, [] { xmlInitParser(); });
}

Status Malformed(const std::string& part) {
  return Status::Corrupt("Office文档已损坏（“" + part + "”不是有效的XML），请申报单位重新发送");
}

}  // namespace

Status XmlBudget::Count(xmlTextReader* reader) {
  // End tags make no node of the tree.
  if (for_tree_ && xmlTextReaderNodeType(reader) != XML_READER_TYPE_END_ELEMENT && ++nodes_ > limits_.max_xml_nodes)
    return Status::Limit("Office文档中的“" + part_ + "”结构过于庞大，超出" +
                         BudgetText("max_xml_nodes", "XML节点数", limits_.max_xml_nodes) +
                         "；请申报单位精简文档或另存为PDF后重新发送");
  if (xmlTextReaderDepth(reader) > limits_.max_xml_depth)
    return Status::Limit("Office文档中的“" + part_ + "”嵌套层数过多，超出" +
                         BudgetText("max_xml_depth", "XML嵌套层数", static_cast<uint64_t>(limits_.max_xml_depth)) +
                         "；请申报单位另存为PDF后重新发送");
  return Status::OK();
}

Status ParseXml(std::string_view xml, const std::string& part, XmlDocPtr* out, const Limits& limits) {
  InitXml();
  out->reset();
  if (xml.size() > static_cast<size_t>(INT_MAX)) return Status::Limit("Office文档中的“" + part + "”过大");
  {
    XmlReaderPtr reader;
    if (Status s = OpenXmlReader(xml, part, &reader); !s.ok()) return s;
    XmlBudget budget(limits, part, /*for_tree=*/true);
    int rc;
    while ((rc = xmlTextReaderRead(reader.get())) == 1)
      if (Status s = budget.Count(reader.get()); !s.ok()) return s;
    if (rc < 0) return Malformed(part);
  }
  XmlDocPtr doc(xmlReadMemory(xml.data(), static_cast<int>(xml.size()), part.c_str(), nullptr, kParseOptions));
  if (!doc || !xmlDocGetRootElement(doc.get())) return Malformed(part);
  if (doc->intSubset || doc->extSubset) return Malformed(part);  // a DTD: never in OOXML
  *out = std::move(doc);
  return Status::OK();
}

Status OpenXmlReader(std::string_view xml, const std::string& part, XmlReaderPtr* out) {
  InitXml();
  out->reset();
  if (xml.size() > static_cast<size_t>(INT_MAX)) return Status::Limit("Office文档中的“" + part + "”过大");
  XmlReaderPtr reader(xmlReaderForMemory(xml.data(), static_cast<int>(xml.size()), part.c_str(), nullptr, kParseOptions));
  if (!reader) return Malformed(part);
  *out = std::move(reader);
  return Status::OK();
}

bool IsElement(const xmlNode* node, const char* name) {
  return node && node->type == XML_ELEMENT_NODE && node->name &&
         std::strcmp(reinterpret_cast<const char*>(node->name), name) == 0;
}

xmlNode* Child(const xmlNode* node, const char* name) {
  if (!node) return nullptr;
  for (xmlNode* child = node->children; child; child = child->next) {
    if (IsElement(child, name)) return child;
  }
  return nullptr;
}

std::string Attribute(const xmlNode* node, const char* name) {
  if (!node || node->type != XML_ELEMENT_NODE) return {};
  for (const xmlAttr* attr = node->properties; attr; attr = attr->next) {
    if (!attr->name || std::strcmp(reinterpret_cast<const char*>(attr->name), name) != 0) continue;
    std::string value;
    for (const xmlNode* text = attr->children; text; text = text->next) {
      if (text->type == XML_TEXT_NODE && text->content) value += reinterpret_cast<const char*>(text->content);
    }
    return value;
  }
  return {};
}

std::string DirectText(const xmlNode* node) {
  std::string text;
  if (!node) return text;
  for (const xmlNode* child = node->children; child; child = child->next) {
    if ((child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE) && child->content) {
      text += reinterpret_cast<const char*>(child->content);
    }
  }
  return text;
}

std::string ReaderName(xmlTextReader* reader) {
  const xmlChar* name = xmlTextReaderConstLocalName(reader);
  return name ? reinterpret_cast<const char*>(name) : "";
}

std::string ReaderAttribute(xmlTextReader* reader, const char* name) {
  // Attributes are matched by local name, so "r:id" is found as "id".
  if (xmlTextReaderMoveToFirstAttribute(reader) != 1) return {};
  std::string value;
  do {
    const xmlChar* local = xmlTextReaderConstLocalName(reader);
    if (local && std::strcmp(reinterpret_cast<const char*>(local), name) == 0) {
      const xmlChar* v = xmlTextReaderConstValue(reader);
      value = v ? reinterpret_cast<const char*>(v) : "";
      break;
    }
  } while (xmlTextReaderMoveToNextAttribute(reader) == 1);
  xmlTextReaderMoveToElement(reader);
  return value;
}

}  // namespace gm
