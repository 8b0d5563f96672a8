#include "extractors/statements/statement_vocabulary.h"

#include <algorithm>
#include <cstring>
#include <cstdlib>
#include <mutex>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "pipeline/core/text_fold.h"
#include "pipeline/core/starts_with_at.h"
#include "pipeline/core/table_cells.h"
#include "pipeline/core/templates.h"

namespace gm {
namespace {

// Length of a run of Chinese numerals at `at` (bytes).
size_t ChineseNumeralRun(const std::string& s, size_t at) {
  static const char* kNumerals[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
  size_t end = at;
  for (bool moved = true; moved;) {
    moved = false;
    for (const char* n : kNumerals) {
      if (StartsWithAt(s, end, n)) {
        end += 3;
        moved = true;
        break;
      }
    }
  }
  return end - at;
}

size_t DigitRun(const std::string& s, size_t at) {
  size_t end = at;
  while (end < s.size() && s[end] >= '0' && s[end] <= '9') ++end;
  return end - at;
}

// One leading enumerator or qualifier at `at`; 0 when there is none.
size_t EnumeratorLength(const std::string& s, size_t at) {
  for (const char* q : {"*", "△", "#"})
    if (StartsWithAt(s, at, q)) return std::char_traits<char>::length(q);
  // 加: 减: 其中: — OCR reads the colon as ; , or . as often as :, and loses it after 其中.
  for (const char* q : {"加", "减", "其中"}) {
    if (!StartsWithAt(s, at, q)) continue;
    const size_t n = std::char_traits<char>::length(q);
    if (at + n < s.size() && std::strchr(":;,.", s[at + n])) return n + 1;
    if (n == 6) return n;  // 其中
  }
  if (size_t n = ChineseNumeralRun(s, at); n > 0 && StartsWithAt(s, at + n, "、")) return n + 3;
  // One character before 、 is a numeral OCR misread (四、 → 由、).
  if (at + 3 <= s.size() && (static_cast<unsigned char>(s[at]) >> 4) == 0xE && StartsWithAt(s, at + 3, "、"))
    return 6;
  if (size_t d = DigitRun(s, at); d > 0 && (StartsWithAt(s, at + d, "、") || StartsWithAt(s, at + d, ".")) &&
                                  DigitRun(s, at + d + 1) == 0)
    return d + (s[at + d] == '.' ? 1 : 3);
  if (StartsWithAt(s, at, "(")) {
    size_t n = ChineseNumeralRun(s, at + 1);
    if (n == 0) n = DigitRun(s, at + 1);
    if (n > 0 && StartsWithAt(s, at + 1 + n, ")")) return n + 2;
  }
  return 0;
}

}  // namespace

std::string CleanLabel(const std::string& folded) {
  size_t at = 0;
  while (size_t n = EnumeratorLength(folded, at)) at += n;
  // Drop "(…填列)" notes; keep other parentheticals ("所有者权益(或股东权益)合计").
  // OCR reads the brackets as 〈 《 < [ 【 as often as ( ), and may lose the closing one.
  static const char* kOpen[] = {"(", "〈", "《", "<", "[", "【"};
  static const char* kClose[] = {")", "〉", "》", ">", "]", "】"};
  auto bracket_at = [&](size_t i, const char* const* set) -> size_t {
    for (size_t k = 0; k < 6; ++k)
      if (StartsWithAt(folded, i, set[k])) return std::char_traits<char>::length(set[k]);
    return 0;
  };
  std::string s;
  for (size_t i = at; i < folded.size();) {
    if (bracket_at(i, kOpen)) {
      size_t close = i + 1;
      while (close < folded.size() && !bracket_at(close, kClose)) ++close;
      if (folded.substr(i, close - i).find("填列") != std::string::npos) {
        i = close < folded.size() ? close + bracket_at(close, kClose) : close;
        continue;
      }
    }
    s += folded[i++];
  }
  while (!s.empty() && (s.back() == ':' || s.back() == '*')) s.pop_back();
  return s;
}

std::u32string BareLabel(const std::string& utf8) {
  std::u32string out;
  const auto* bytes = reinterpret_cast<const uint8_t*>(utf8.data());
  const int32_t length = static_cast<int32_t>(std::min<size_t>(utf8.size(), 1 << 20));
  for (int32_t i = 0; i < length;) {
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    if (c >= 0 && u_isalnum(c)) out += static_cast<char32_t>(c);
  }
  return out;
}

Status StatementVocabulary::Load(const std::filesystem::path& dir, StatementVocabulary* out) {
  StatementVocabulary v;
  TsvTable tsv;
  Status s = LoadTsv(dir / "statements_titles.tsv", &tsv);
  if (!s.ok()) return s;
  for (const auto& row : tsv.rows) {
    ContainedTitle t;
    t.kind = tsv.Get(row, "kind");
    for (const std::string& w : SplitBars(tsv.Get(row, "titles"))) t.words.push_back(FoldText(w));
    if (t.kind.empty() || t.words.empty()) return Status::Corrupt(tsv.Where(row) + ": row without kind or titles");
    v.titles.push_back(std::move(t));
  }

  if (!(s = LoadTsv(dir / "statements_items.tsv", &tsv)).ok()) return s;
  for (const auto& row : tsv.rows) {
    double priority = 1;
    const std::string& kind = tsv.Get(row, "kind");
    const std::string& key = tsv.Get(row, "key");
    if (kind.empty() || key.empty() || !ParseCellNumber(tsv.Get(row, "priority"), &priority))
      return Status::Corrupt(tsv.Where(row) + ": row without kind, key or priority");
    for (const std::string& label : SplitBars(tsv.Get(row, "labels")))
    {
      std::string cleaned = CleanLabel(FoldText(label));
      v.items.push_back({kind, key, static_cast<int>(priority), cleaned, BareLabel(cleaned)});
    }
  }

  if (!(s = LoadTsv(dir / "statements_columns.tsv", &tsv)).ok()) return s;
  for (const auto& row : tsv.rows) {
    const std::string& role_name = tsv.Get(row, "role");
    ColumnRole role;
    if (role_name == "end") role = ColumnRole::kEnd;
    else if (role_name == "opening") role = ColumnRole::kOpening;
    else if (role_name == "index") role = ColumnRole::kIndex;
    else if (role_name == "note") role = ColumnRole::kNote;
    else return Status::Corrupt(tsv.Where(row) + ": unknown role " + role_name);
    for (const std::string& label : SplitBars(tsv.Get(row, "labels"))) v.columns.push_back({FoldText(label), role});
  }
  // Longest label first, so "期末余额" is not taken for a shorter label's prefix match.
  std::stable_sort(v.columns.begin(), v.columns.end(),
                   [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });

  if (!(s = LoadTsv(dir / "statements_markers.tsv", &tsv)).ok()) return s;
  for (const auto& row : tsv.rows) {
    const std::string marker = FoldText(tsv.Get(row, "marker"));
    if (marker.empty()) return Status::Corrupt(tsv.Where(row) + ": row without a marker");
    v.markers.push_back({marker, tsv.Get(row, "kind")});
  }

  if (!(s = LoadTsv(dir / "statements_sections.tsv", &tsv)).ok()) return s;
  for (const auto& row : tsv.rows) {
    StatementSection section;
    section.kind = tsv.Get(row, "kind");
    section.keys = SplitBars(tsv.Get(row, "keys"));
    for (const std::string& h : SplitBars(tsv.Get(row, "headings"))) section.headings.push_back(BareLabel(FoldText(h)));
    if (section.kind.empty() || section.keys.empty() || section.headings.empty())
      return Status::Corrupt(tsv.Where(row) + ": row without kind, keys or headings");
    for (const std::string& key : section.keys) {
      const bool labelled = std::any_of(v.items.begin(), v.items.end(), [&](const StatementItemLabel& item) {
        return item.kind == section.kind && item.key == key;
      });
      if (!labelled) return Status::Corrupt(tsv.Where(row) + ": key " + key + " has no labels in statements_items.tsv");
      // A key is read inside one section (SectionOf names it).
      if (v.SectionOf(section.kind, key))
        return Status::Corrupt(tsv.Where(row) + ": key " + key + " is in another section of " + section.kind);
    }
    v.sections.push_back(std::move(section));
  }

  if (!(s = LoadTsv(dir / "statements_units.tsv", &tsv)).ok()) return s;
  for (const auto& row : tsv.rows) {
    double wan = 0;
    if (!ParseCellNumber(tsv.Get(row, "wan"), &wan) || wan <= 0 || tsv.Get(row, "unit").empty())
      return Status::Corrupt(tsv.Where(row) + ": bad row");
    v.units.push_back({FoldText(tsv.Get(row, "unit")), wan});
  }
  std::stable_sort(v.units.begin(), v.units.end(),
                   [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });

  if (!(s = LoadTsv(dir / "statements_params.tsv", &tsv)).ok()) return s;
  for (const auto& row : tsv.rows) {
    const std::string& name = tsv.Get(row, "name");
    double x = 0;
    if (!ParseCellNumber(tsv.Get(row, "value"), &x)) return Status::Corrupt(tsv.Where(row) + ": bad value for " + name);
    StatementParams& p = v.params;
    if (name == "title_max_extra") p.title_max_extra = static_cast<int>(x);
    else if (name == "index_max") p.index_max = x;
    else if (name == "ocr_whole_pages") p.ocr_whole_pages = static_cast<int>(x);
    else if (name == "title_top_fraction") p.title_top_fraction = x;
    else if (name == "max_pages") p.max_pages = static_cast<int>(x);
    else if (name == "no_header_factor") p.no_header_factor = x;
    else if (name == "no_unit_factor") p.no_unit_factor = x;
    else if (name == "doubtful_figure_confidence") p.doubtful_figure_confidence = x;
    else if (name == "half_turn_below") p.half_turn_below = x;
    else return Status::Corrupt(tsv.Where(row) + ": unknown parameter " + name);
  }
  if (!(v.params.title_top_fraction > 0 && v.params.title_top_fraction <= 1) || v.params.max_pages < 1)
    return Status::Corrupt(tsv.Name() + ": parameter out of range");
  *out = std::move(v);
  return Status::OK();
}

const StatementVocabulary* StatementVocabulary::Default(Status* status) {
  static std::once_flag once;
  static StatementVocabulary vocab;
  static Status loaded;
  std::call_once(once, [] { loaded = Load(Templates::DefaultDir(), &vocab); });
  *status = loaded;
  return loaded.ok() ? &vocab : nullptr;
}

double StatementVocabulary::WanPerUnit(const std::string& unit) const {
  for (const auto& [name, wan] : units)
    if (name == unit) return wan;
  return 0;
}

std::string StatementVocabulary::MarkedKind(const std::string& folded_text) const {
  for (const auto& [marker, kind] : markers)
    if (!kind.empty() && folded_text.find(marker) != std::string::npos) return kind;
  return "";
}

std::string StatementVocabulary::ItemName(const std::string& kind, const std::string& key) const {
  const StatementItemLabel* first = nullptr;
  for (const StatementItemLabel& item : items)
    if (item.kind == kind && item.key == key && (!first || item.priority < first->priority)) first = &item;
  return first ? first->label : key;
}

std::vector<std::string> StatementVocabulary::KeysOf(const std::string& kind) const {
  std::vector<std::string> keys;
  for (const StatementItemLabel& item : items)
    if (item.kind == kind && item.key != kNoFigureKey && !IsCrossCheckKey(kind, item.key) &&
        std::find(keys.begin(), keys.end(), item.key) == keys.end())
      keys.push_back(item.key);
  return keys;
}

bool StatementVocabulary::IsCrossCheckKey(const std::string& kind, const std::string& key) const {
  return key == kGrandTotalKey || SectionOf(kind, key) != nullptr;
}

const StatementSection* StatementVocabulary::SectionOf(const std::string& kind, const std::string& key) const {
  for (const StatementSection& section : sections)
    if (section.kind == kind && std::find(section.keys.begin(), section.keys.end(), key) != section.keys.end())
      return &section;
  return nullptr;
}

namespace {

// Whether `text` holds `part` with at most one character misread. A
// heading is long: one misread character cannot make another one of it.
bool HoldsNearly(const std::u32string& text, const std::u32string& part) {
  if (part.empty() || text.size() < part.size()) return false;
  for (size_t at = 0; at + part.size() <= text.size(); ++at) {
    size_t differ = 0;
    for (size_t i = 0; i < part.size() && differ < 2; ++i) differ += text[at + i] != part[i];
    if (differ < 2) return true;
  }
  return false;
}

}  // namespace

const StatementSection* StatementVocabulary::SectionOpenedBy(const std::string& folded_label) const {
  const std::u32string bare = BareLabel(folded_label);
  for (const StatementSection& section : sections)
    for (const std::u32string& heading : section.headings)
      if (HoldsNearly(bare, heading)) return &section;
  return nullptr;
}

std::string StatementVocabulary::UnitName(double wan_per_unit) const {
  const std::string* best = nullptr;
  for (const auto& [unit, wan] : units)
    if (wan == wan_per_unit && (!best || unit.size() < best->size())) best = &unit;
  return best ? *best : "";
}

}  // namespace gm
