#include "pipeline/core/document.h"

namespace gm {

std::string Document::PlainText() const {
  std::string out;
  for (const Page& page : pages) {
    for (const TextSpan& span : page.text) {
      out += span.text;
      out += '\n';
    }
  }
  for (const TextTable& table : tables) {
    for (const auto& row : table.rows) {
      for (const auto& cell : row) {
        out += cell;
        out += '\t';
      }
      out += '\n';
    }
  }
  return out;
}

}  // namespace gm
