// Statement title lines: telling "资产负债表" standing as a page's title from
// the same word inside the prose of an audit opinion ("我们审计了……2024年12月
// 31日的资产负债表、2024年度的利润表……").
//
// A title line, once folded (FoldText), is: an optional year or date
// ("2024年度", "2024年12月31日"), an optional 合并 / 母公司 / 合并及母公司,
// the title word, then at most `max_extra` characters that hold no other
// title and no list punctuation (、 , ; 。) — "资产负债表(续)", "利润表会企02表".
//
// Thread-safe (pure functions).
#pragma once

#include <string>
#include <vector>

namespace gm {

// A statement kind and the words its title is written with.
struct ContainedTitle {
  std::string kind;
  std::vector<std::string> words;  // folded
};

// The kind whose title `folded_line` is, or "" when it is no title line.
std::string TitleLineKind(const std::string& folded_line, const std::vector<ContainedTitle>& titles, int max_extra);

}  // namespace gm
