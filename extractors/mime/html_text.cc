#include "extractors/mime/html_text.h"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>

#include <cstring>
#include <memory>
#include <mutex>

namespace gm {
namespace {

struct DocFree {
  void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};

bool IsBlock(const char* name) {
  static const char* kBlocks[] = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6",
                                  "table", "ul", "ol", "blockquote", "pre", "hr", "title"};
  for (const char* b : kBlocks)
    if (std::strcmp(name, b) == 0) return true;
  return false;
}

bool IsSkipped(const char* name) {
  return std::strcmp(name, "script") == 0 || std::strcmp(name, "style") == 0 || std::strcmp(name, "head") == 0;
}

// Iterative walk (hostile HTML can nest deeper than the stack allows).
void CollectText(xmlNode* root, std::string* out) {
  xmlNode* node = root;
  for (;;) {
    bool descend = false;
    if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
      if (node->content) *out += reinterpret_cast<const char*>(node->content);
    } else if (node->type == XML_ELEMENT_NODE) {
      const char* name = reinterpret_cast<const char*>(node->name);
      if (IsBlock(name)) *out += '\n';
      descend = !IsSkipped(name) && node->children;
    }
    if (descend) {
      node = node->children;
      continue;
    }
    while (node != root && !node->next) {
      node = node->parent;
      if (node->type == XML_ELEMENT_NODE && IsBlock(reinterpret_cast<const char*>(node->name))) *out += '\n';
    }
    if (node == root) return;
    node = node->next;
  }
}

// Collapses spaces within lines and drops empty lines (block boundaries
// would otherwise leave blank lines between every paragraph).
std::string Tidy(const std::string& text) {
  std::string out, line;
  auto end_line = [&] {
    while (!line.empty() && line.back() == ' ') line.pop_back();
    if (!line.empty()) {
      if (!out.empty()) out += '\n';
      out += line;
    }
    line.clear();
  };
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\n') {
      end_line();
    } else if (c == ' ' || c == '\t' || c == '\r') {
      if (!line.empty() && line.back() != ' ') line += ' ';
    } else if (static_cast<unsigned char>(c) == 0xC2 && i + 1 < text.size() &&
               static_cast<unsigned char>(text[i + 1]) == 0xA0) {  // &nbsp;
      if (!line.empty() && line.back() != ' ') line += ' ';
      ++i;
    } else {
      line += c;
    }
  }
  end_line();
  return out;
}

}  // namespace

std::string HtmlToText(std::string_view html) {
  static std::once_flag init;
  std::call_once(init, [] { xmlInitParser(); });
  if (html.empty()) return std::string();
  constexpr size_t kMaxHtml = 64u << 20;  // htmlReadMemory takes an int length
  if (html.size() > kMaxHtml) html = html.substr(0, kMaxHtml);
  int options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET;
  std::unique_ptr<xmlDoc, DocFree> doc(
      htmlReadMemory(html.data(), static_cast<int>(html.size()), nullptr, "UTF-8", options));
  if (!doc) return std::string();
  xmlNode* root = xmlDocGetRootElement(doc.get());
  if (!root) return std::string();
  std::string text;
  CollectText(root, &text);
  return Tidy(text);
}

}  // namespace gm
