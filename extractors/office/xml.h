// Xml: the parts of an OOXML package parsed with libxml2, safely — no
// network access, no DTD loading, no entity expansion, and any document that
// declares a DTD refused outright (OOXML never has one; a "billion laughs"
// document always does). The one place libxml2 is used; its handles live in
// RAII wrappers here.
//
// Elements are matched by local name ("p" for <w:p>): OOXML producers vary
// their namespace prefixes but not their local names.
// Thread-safety: libxml2 is initialized once (thread-safely) on first use;
// distinct documents and readers may then be used on distinct threads.
#pragma once

#include <libxml/tree.h>
#include <libxml/xmlreader.h>

#include <memory>
#include <string>
#include <string_view>

#include "pipeline/core/limits.h"
#include "pipeline/core/status.h"

namespace gm {

struct XmlDocDeleter {
  void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};
using XmlDocPtr = std::unique_ptr<xmlDoc, XmlDocDeleter>;

struct XmlReaderDeleter {
  void operator()(xmlTextReader* reader) const { xmlFreeTextReader(reader); }
};
using XmlReaderPtr = std::unique_ptr<xmlTextReader, XmlReaderDeleter>;

// Counts the nesting of a part read node by node against
// Limits::max_xml_depth, and, for a part about to be read into a tree, its
// nodes against max_xml_nodes: a tree is only built, or a sheet only read
// on, while it stays within them. (A sheet read as a stream holds only what
// its cells and text budgets allow, however many nodes it has.)
class XmlBudget {
 public:
  // REQUIRES: limits outlives the budget.
  XmlBudget(const Limits& limits, std::string part, bool for_tree)
      : limits_(limits), part_(std::move(part)), for_tree_(for_tree) {}
  // Call on each node the reader stops at. Limit (naming the budget) once
  // the part has too many nodes or nests too deep.
  Status Count(xmlTextReader* reader);

 private:
  const Limits& limits_;
  std::string part_;
  bool for_tree_;
  uint64_t nodes_ = 0;
};

// Parses a whole part. Corrupt when it is not well-formed XML or declares a
// DTD; Limit when it is over the XML budgets of `limits` (checked by a
// streaming pass first, so an oversized tree is never built); `part` names
// it in the message.
Status ParseXml(std::string_view xml, const std::string& part, XmlDocPtr* out, const Limits& limits = Limits());

// A streaming reader over a part (for worksheets, which can be large). The
// reader refers to `xml`, which must outlive it. Corrupt when it cannot be set up.
Status OpenXmlReader(std::string_view xml, const std::string& part, XmlReaderPtr* out);

// True when `node` is an element with local name `name`.
bool IsElement(const xmlNode* node, const char* name);
// The first child element of `node` named `name`, or null.
xmlNode* Child(const xmlNode* node, const char* name);
// The value of the attribute with local name `name` (any namespace), or "".
std::string Attribute(const xmlNode* node, const char* name);
// The concatenated text of `node`'s direct text and CDATA children.
std::string DirectText(const xmlNode* node);

// For a streaming reader positioned on an element: its local name, the value
// of its attribute `name` ("" when absent).
std::string ReaderName(xmlTextReader* reader);
std::string ReaderAttribute(xmlTextReader* reader, const char* name);

}  // namespace gm
