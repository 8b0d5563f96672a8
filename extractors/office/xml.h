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

// Parses a whole part. Corrupt when it is not well-formed XML or declares a
// DTD; `part` names it in the message.
Status ParseXml(std::string_view xml, const std::string& part, XmlDocPtr* out);

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
