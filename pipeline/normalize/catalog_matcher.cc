#include "pipeline/normalize/catalog_matcher.h"

#include <algorithm>
#include <cstdio>
#include <limits>
#include <map>

#include "pipeline/core/edit_distance.h"
#include "pipeline/normalize/numeral.h"
#include "pipeline/normalize/text.h"
#include "pipeline/normalize/utf8.h"

namespace gm {
namespace {

using normalize::IsDigit;
using normalize::ToU32;
using normalize::ToUtf8;

constexpr int kNoMatch = std::numeric_limits<int>::max() / 4;

// Words applicants put before the levels; they separate pieces.
constexpr std::u32string_view kLevelWords[] = {
    U"项目所属类别", U"项目范围类别", U"一级分类", U"二级分类", U"三级分类", U"一级类别", U"二级类别",
    U"三级类别", U"一级", U"二级", U"三级", U"类别", U"分类",
};
constexpr std::u32string_view kSeparators = U"/|>;,:~-→ 《》“”\"'[]";

int AllowedEdits(size_t length) { return static_cast<int>(length / 4); }

bool IsChineseNumeral(char32_t c) { return std::u32string_view(U"一二三四五六七八九十").find(c) != std::u32string_view::npos; }

// What the answer says, cut at its numbering marks and separators.
struct Pieces {
  std::vector<std::u32string> texts;  // unfolded
  std::vector<int> l1, l2, l3;        // numbers written as 四、 / 2. / (8)
  std::vector<std::string> codes;     // "4.2.8"
};

Pieces Cut(const std::u32string& s) {
  Pieces p;
  std::u32string current;
  auto flush = [&] {
    if (!current.empty()) p.texts.push_back(current);
    current.clear();
  };
  size_t i = 0;
  while (i < s.size()) {
    bool word = false;
    for (auto w : kLevelWords) {
      if (s.compare(i, w.size(), w) == 0) {
        flush();
        i += w.size();
        word = true;
        break;
      }
    }
    if (word) continue;
    char32_t c = s[i];
    if (IsChineseNumeral(c)) {  // 四、
      size_t j = i;
      while (j < s.size() && IsChineseNumeral(s[j])) ++j;
      if (j < s.size() && s[j] == U'、' && j - i <= 2) {
        if (auto n = normalize::ParseNumeral(ToUtf8(s.substr(i, j - i)))) p.l1.push_back(static_cast<int>(n->value));
        flush();
        i = j + 1;
        continue;
      }
    }
    if (c == U'(' && i + 1 < s.size() && IsDigit(s[i + 1])) {  // (8)
      size_t j = i + 1;
      while (j < s.size() && IsDigit(s[j])) ++j;
      if (j < s.size() && s[j] == U')' && j - i <= 3) {
        p.l3.push_back(std::stoi(ToUtf8(s.substr(i + 1, j - i - 1))));
        flush();
        i = j + 1;
        continue;
      }
    }
    if (IsDigit(c)) {  // 2. or 2、 or a code 4.2.8
      size_t j = i;
      while (j < s.size() && (IsDigit(s[j]) || s[j] == U'.')) ++j;
      std::string run = ToUtf8(s.substr(i, j - i));
      size_t dots = std::count(run.begin(), run.end(), '.');
      if (dots == 2 && run.back() != '.') {
        p.codes.push_back(run);
      } else if (run.size() <= 3 && (run.back() == '.' || (j < s.size() && s[j] == U'、'))) {
        p.l2.push_back(std::stoi(run));
        if (j < s.size() && s[j] == U'、') ++j;
      }
      flush();
      i = j;
      continue;
    }
    if (kSeparators.find(c) != std::u32string_view::npos) {
      flush();
      ++i;
      continue;
    }
    current.push_back(c);
    ++i;
  }
  flush();
  return p;
}

// Edits needed for `title` to be `piece` (or to stand inside a longer piece).
int TitleCost(const std::u32string& title, const std::u32string& piece) {
  int allowed = AllowedEdits(title.size());
  if (piece.size() <= title.size() + static_cast<size_t>(allowed)) {
    int d = std::min(EditDistance(title, piece), SubstringDistance(title, piece));
    return d <= allowed ? d : kNoMatch;
  }
  int d = SubstringDistance(title, piece);
  return d <= (title.size() >= 6 ? 1 : 0) ? d : kNoMatch;
}

bool Contains(const std::vector<int>& v, int x) { return std::find(v.begin(), v.end(), x) != v.end(); }

}  // namespace

Status CatalogMatcher::Create(const Templates& templates, const std::filesystem::path& aliases,
                              std::shared_ptr<const MatchFolder> folder, std::unique_ptr<CatalogMatcher>* out) {
  std::unique_ptr<CatalogMatcher> m(new CatalogMatcher());
  m->folder_ = folder;
  std::map<std::string, size_t> by_code;
  for (const CatalogItem& item : templates.catalog()) {
    Entry e;
    e.item = item;
    if (std::sscanf(item.code.c_str(), "%d.%d.%d", &e.l1, &e.l2, &e.l3) != 3)
      return Status::Corrupt("catalog.tsv: bad code " + item.code);
    e.level1 = folder->Fold(item.level1);
    e.level2 = folder->Fold(item.level2);
    e.titles.push_back(folder->Fold(item.title));
    by_code[item.code] = m->entries_.size();
    for (const auto* name : {&e.level1, &e.level2})
      if (std::find(m->level_names_.begin(), m->level_names_.end(), *name) == m->level_names_.end())
        m->level_names_.push_back(*name);
    m->entries_.push_back(std::move(e));
  }
  TsvTable tsv;
  Status s = LoadTsv(aliases, &tsv);
  if (!s.ok()) return s;
  if (tsv.Column("code") < 0 || tsv.Column("alias") < 0)
    return Status::Corrupt(tsv.Name() + ": needs columns code, alias");
  for (const auto& row : tsv.rows) {
    auto it = by_code.find(tsv.Get(row, "code"));
    if (it == by_code.end()) return Status::Corrupt(tsv.Where(row) + ": no catalog item " + tsv.Get(row, "code"));
    std::u32string alias = folder->Fold(tsv.Get(row, "alias"));
    if (alias.empty()) return Status::Corrupt(tsv.Where(row) + ": empty alias for " + tsv.Get(row, "code"));
    m->entries_[it->second].titles.push_back(alias);
  }
  *out = std::move(m);
  return Status::OK();
}

CatalogMatcher::Result CatalogMatcher::Match(std::string_view answer) const {
  Result result;
  std::u32string text = ToU32(NormalizeText(answer));
  if (text.size() > kMaxEditText) text.resize(kMaxEditText);
  Pieces pieces = Cut(text);
  std::u32string whole = folder_->Fold(ToUtf8(text));
  if (whole.empty() && pieces.codes.empty()) return result;

  std::vector<std::u32string> folded;
  for (const auto& t : pieces.texts)
    if (auto f = folder_->Fold(ToUtf8(t)); !f.empty()) folded.push_back(std::move(f));

  // cost[p][e]: edits for entry e's nearest title in piece p.
  std::vector<std::vector<int>> cost(folded.size(), std::vector<int>(entries_.size(), kNoMatch));
  std::vector<bool> is_level(folded.size(), false);
  std::vector<std::u32string> level_of(folded.size());
  for (size_t p = 0; p < folded.size(); ++p) {
    int best_title = kNoMatch;
    for (size_t e = 0; e < entries_.size(); ++e) {
      for (const auto& title : entries_[e].titles) cost[p][e] = std::min(cost[p][e], TitleCost(title, folded[p]));
      best_title = std::min(best_title, cost[p][e]);
    }
    // A piece nearer to a level name than to any title — or exactly one — is
    // that level ("资源综合利用" is level 1, not a damaged "矿产资源综合利用").
    for (const auto& name : level_names_) {
      int d = EditDistance(name, folded[p]);
      if (d <= AllowedEdits(name.size()) && (d < best_title || d == 0)) {
        is_level[p] = true;
        level_of[p] = name;
        break;
      }
    }
  }

  // A level is named when it is written out exactly, or a piece of its own
  // is near it (OCR damage). Near-substrings of the whole answer are no
  // evidence: "节能降耗" is one edit from the title "节能降碳…".
  auto named_level = [&](const std::u32string& name) {
    if (whole.find(name) != std::u32string::npos) return true;
    for (size_t p = 0; p < folded.size(); ++p)
      if (is_level[p] && level_of[p] == name) return true;
    return false;
  };

  struct Candidate {
    size_t entry;
    int cost;
    int evidence;
  };
  std::vector<Candidate> candidates;
  for (size_t e = 0; e < entries_.size(); ++e) {
    const Entry& entry = entries_[e];
    int best = kNoMatch;
    for (size_t p = 0; p < folded.size(); ++p)
      if (!is_level[p]) best = std::min(best, cost[p][e]);
    bool code_written = false;
    for (const auto& c : pieces.codes) code_written |= c == entry.item.code;
    if (best == kNoMatch && !code_written) continue;
    int evidence = 0;
    if (named_level(entry.level1)) evidence += 2;
    if (named_level(entry.level2)) evidence += 2;
    if (Contains(pieces.l1, entry.l1)) evidence += 1;
    if (Contains(pieces.l2, entry.l2)) evidence += 1;
    if (Contains(pieces.l3, entry.l3)) evidence += 1;
    if (code_written) evidence += 10;
    candidates.push_back({e, best == kNoMatch ? AllowedEdits(entry.titles[0].size()) + 1 : best, evidence});
  }

  if (candidates.empty()) {
    // A level-2 name alone, when its level-2 has a single item: the one
    // level-2 named, if exactly one such is.
    std::vector<size_t> single;
    for (size_t e = 0; e < entries_.size(); ++e) {
      size_t items = std::count_if(entries_.begin(), entries_.end(),
                                   [&](const Entry& o) { return o.level2 == entries_[e].level2; });
      if (items == 1 && named_level(entries_[e].level2)) single.push_back(e);
    }
    if (single.size() == 1) result.item = &entries_[single[0]].item;
    return result;
  }

  std::sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
    return a.cost != b.cost ? a.cost < b.cost : a.evidence > b.evidence;
  });
  const Candidate& best = candidates[0];
  std::vector<const CatalogItem*> tied;
  for (const Candidate& c : candidates)
    if (c.cost == best.cost && c.evidence == best.evidence) tied.push_back(&entries_[c.entry].item);
  if (tied.size() > 1) {
    result.candidates = std::move(tied);
    return result;
  }
  result.item = &entries_[best.entry].item;
  result.exact = best.cost == 0;
  return result;
}

}  // namespace gm
