// CatalogMatcher: finds the item of the project catalog (附件1, the 78 rows
// of templates/catalog.tsv) that an answer to 项目所属类别 names.
//
// Applicants write all three levels ("四、绿色低碳 2.节能降耗 （8）绿色照明改造",
// "绿色低碳/节能降耗/绿色照明改造", "一级：…；二级：…；三级：…"), the level-3
// title alone, with or without the item numbers, with OCR damage, or with the
// catalog's description after a colon. The answer is cut into pieces at the
// numbering marks (四、 2. （8）) and separators; a piece that is a level-1
// or level-2 name is evidence, the others are compared with every title
// (and the aliases of templates/normalize_catalog_aliases.tsv, columns
// `code`, `alias`):
//   - a piece about as long as a title: edit distance up to a quarter of the
//     title's length;
//   - a longer piece: the title must occur in it with at most one edit.
// The fewest edits win; between titles equally near (the same title under
// two level-2s: 节能降碳改造和能效提升 is 3.1.1 and 4.2.5), the level-1/level-2
// words and the item numbers written decide. When they cannot, the result
// is ambiguous and lists the candidates. A level-2 name alone names its item
// when that level-2 has only one. A catalog code written as such ("4.2.8")
// counts as strong evidence.
//
// Thread-safety: immutable after Create; Match is const and safe from any thread.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/core/status.h"
#include "pipeline/core/templates.h"
#include "pipeline/normalize/match_folder.h"

namespace gm {

class CatalogMatcher {
 public:
  struct Result {
    const CatalogItem* item = nullptr;  // the item named; null when none or ambiguous
    bool exact = false;                 // a title or alias matched without edits and no guess was needed
    std::vector<const CatalogItem*> candidates;  // when ambiguous: the items that tie
  };

  // Copies the catalog of `templates` and loads the alias table. Corrupt when
  // an alias names a code not in the catalog; NotFound when the table is missing.
  static Status Create(const Templates& templates, const std::filesystem::path& aliases,
                       std::shared_ptr<const MatchFolder> folder, std::unique_ptr<CatalogMatcher>* out);

  // Pointers in the result stay valid as long as this matcher.
  Result Match(std::string_view answer) const;

 private:
  struct Entry {
    CatalogItem item;
    int l1 = 0, l2 = 0, l3 = 0;           // the numbers of the code
    std::u32string level1, level2;        // folded
    std::vector<std::u32string> titles;   // folded title, then aliases
  };
  CatalogMatcher() = default;

  std::vector<Entry> entries_;
  std::vector<std::u32string> level_names_;  // every distinct folded level-1 and level-2 name
  std::shared_ptr<const MatchFolder> folder_;
};

}  // namespace gm
