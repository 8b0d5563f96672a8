// HtmlToText: the readable text of an HTML mail body (libxml2's forgiving
// HTML parser), for Origin::body when a message has no text/plain part.
//
// Script, style and head content is dropped; block elements (p, div, br,
// li, tr, headings) become line breaks; runs of blank lines collapse.
//
// Thread-safety: thread-safe (libxml2 is initialised once, each call has
// its own document).
#pragma once

#include <string>
#include <string_view>

namespace gm {

// REQUIRES: html is UTF-8 (decode the part's charset first). Malformed HTML
// yields whatever text could be recovered; never fails.
std::string HtmlToText(std::string_view html);

}  // namespace gm
