#include "extractors/classify/title_line.h"

#include "pipeline/core/text_fold.h"
#include "pipeline/core/utf8.h"
#include "pipeline/core/starts_with_at.h"

namespace gm {
namespace {

// Skips a leading year or date: digits and 年/度/月/日 ("2024年12月31日", "2024年度").
size_t SkipDate(const std::string& s) {
  static const char* kDateChars[] = {"年", "度", "月", "日"};
  size_t at = 0;
  bool moved = true;
  while (moved && at < s.size()) {
    moved = false;
    if (s[at] >= '0' && s[at] <= '9') {
      ++at;
      moved = true;
      continue;
    }
    for (const char* c : kDateChars) {
      if (StartsWithAt(s, at, c)) {
        at += std::string(c).size();
        moved = true;
        break;
      }
    }
  }
  return at;
}

}  // namespace

std::string TitleLineKind(const std::string& line, const std::vector<ContainedTitle>& titles, int max_extra) {
  size_t at = SkipDate(line);
  static const char* kScopes[] = {"合并及母公司", "合并及公司", "合并", "母公司", "公司"};
  for (const char* scope : kScopes) {
    if (StartsWithAt(line, at, scope)) {
      at += std::string(scope).size();
      break;
    }
  }
  for (const ContainedTitle& title : titles) {
    for (const std::string& word : title.words) {
      if (word.empty() || !StartsWithAt(line, at, word)) continue;
      const std::string rest = line.substr(at + word.size());
      if (Utf8Length(rest) > static_cast<size_t>(max_extra < 0 ? 0 : max_extra)) continue;
      bool prose = false;
      for (const char* mark : {"、", ",", ";", "。", "及", "和"}) prose = prose || rest.find(mark) != std::string::npos;
      for (const ContainedTitle& other : titles)
        for (const std::string& w : other.words) prose = prose || (!w.empty() && rest.find(w) != std::string::npos);
      if (!prose) return title.kind;
    }
  }
  return "";
}

}  // namespace gm
