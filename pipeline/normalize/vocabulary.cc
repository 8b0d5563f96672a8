#include "pipeline/normalize/vocabulary.h"

#include <algorithm>
#include <set>

#include "pipeline/core/edit_distance.h"
#include "pipeline/normalize/utf8.h"

namespace gm {
namespace {

bool IsLatin(std::u32string_view s) {
  return std::all_of(s.begin(), s.end(), [](char32_t c) { return normalize::IsAsciiAlpha(c) || normalize::IsDigit(c); });
}

// Edits tolerated between an answer and a value of `length` characters.
int AllowedEdits(size_t length) { return length >= 9 ? 2 : length >= 4 ? 1 : 0; }

// Variants are often short paraphrases one edit away from something else
// ("国有企业" / "国营企业"), so only the longer ones are matched tolerantly.
constexpr size_t kMinFuzzyVariant = 5;

// A value named right after one of these is negated, not named.
bool IsNegation(char32_t c) { return c == U'未' || c == U'不' || c == U'没' || c == U'无' || c == U'非' || c == U'否'; }

}  // namespace

Vocabulary::Vocabulary(std::vector<std::string> values, std::shared_ptr<const MatchFolder> folder)
    : values_(std::move(values)), folder_(std::move(folder)) {
  for (size_t i = 0; i < values_.size(); ++i) keys_.push_back({folder_->Fold(values_[i]), i, true});
}

Status Vocabulary::AddVariant(std::string_view canonical, std::string_view variant) {
  auto it = std::find(values_.begin(), values_.end(), canonical);
  if (it == values_.end()) return Status::InvalidArgument("“" + std::string(canonical) + "” is not a value of the list");
  size_t index = it - values_.begin();
  std::u32string folded = folder_->Fold(variant);
  if (folded.empty()) return Status::InvalidArgument("empty variant of " + std::string(canonical));
  for (const Key& k : keys_) {
    if (k.folded != folded) continue;
    if (k.value != index)
      return Status::InvalidArgument("variant “" + std::string(variant) + "” already stands for " + values_[k.value]);
    return Status::OK();  // a duplicate row
  }
  keys_.push_back({std::move(folded), index, false});
  return Status::OK();
}

Vocabulary::Match Vocabulary::Find(std::string_view answer) const {
  Match m;
  std::u32string q = folder_->Fold(answer);
  m.length = q.size();
  if (q.empty()) return m;

  // 1, 2. Exact value or variant.
  for (const Key& k : keys_) {
    if (k.folded == q) {
      m.kind = k.is_value ? Kind::kExact : Kind::kVariant;
      m.values = {k.value};
      return m;
    }
  }

  // 3. Values and variants named inside the answer.
  struct Hit {
    size_t begin, end, value;
  };
  std::vector<Hit> hits;
  for (const Key& k : keys_) {
    if (k.folded.empty() || k.folded.size() > q.size()) continue;
    bool latin = IsLatin(k.folded);
    for (size_t p = q.find(k.folded); p != std::u32string::npos; p = q.find(k.folded, p + 1)) {
      size_t e = p + k.folded.size();
      if (latin && ((p > 0 && normalize::IsAsciiAlpha(q[p - 1])) || (e < q.size() && normalize::IsAsciiAlpha(q[e]))))
        continue;
      if (p > 0 && IsNegation(q[p - 1])) continue;  // "未取得" does not name "取得"
      hits.push_back({p, e, k.value});
    }
  }
  std::set<size_t> named;
  std::vector<bool> covered(q.size(), false);
  for (const Hit& h : hits) {
    bool inside_longer = std::any_of(hits.begin(), hits.end(), [&](const Hit& o) {
      return o.value != h.value && o.begin <= h.begin && h.end <= o.end && o.end - o.begin > h.end - h.begin;
    });
    if (inside_longer) continue;
    named.insert(h.value);
    for (size_t i = h.begin; i < h.end; ++i) covered[i] = true;
  }
  if (!named.empty()) {
    m.kind = named.size() == 1 ? Kind::kContained : Kind::kAmbiguous;
    m.values.assign(named.begin(), named.end());
    m.covered = static_cast<size_t>(std::count(covered.begin(), covered.end(), true));
    return m;
  }

  // 4. Near a value.
  int best = 1 << 30;
  std::set<size_t> best_values;
  for (const Key& k : keys_) {
    if (!k.is_value && k.folded.size() < kMinFuzzyVariant) continue;
    int d = EditDistance(q, k.folded);
    if (d > AllowedEdits(k.folded.size())) continue;
    if (d < best) {
      best = d;
      best_values = {k.value};
    } else if (d == best) {
      best_values.insert(k.value);
    }
  }
  if (best_values.size() == 1) {
    m.kind = Kind::kFuzzy;
    m.values = {*best_values.begin()};
  } else if (best_values.size() > 1) {
    m.kind = Kind::kAmbiguous;
    m.values.assign(best_values.begin(), best_values.end());
  }
  return m;
}

Status LoadVocabularies(const Templates& templates, const std::filesystem::path& table,
                        std::shared_ptr<const MatchFolder> folder, std::map<std::string, Vocabulary>* out) {
  std::map<std::string, Vocabulary> vocabularies;
  for (const FieldSpec& f : templates.fields())
    if (!f.values.empty()) vocabularies.emplace(f.key, Vocabulary(f.values, folder));
  vocabularies.emplace(std::string(kBoolVocabulary), Vocabulary({"是", "否"}, folder));

  TsvTable tsv;
  Status s = LoadTsv(table, &tsv);
  if (!s.ok()) return s;
  if (tsv.Column("key") < 0 || tsv.Column("canonical") < 0 || tsv.Column("variant") < 0)
    return Status::Corrupt(tsv.Name() + ": needs columns key, canonical, variant");
  for (const auto& row : tsv.rows) {
    const std::string& key = tsv.Get(row, "key");
    auto it = vocabularies.find(key);
    if (it == vocabularies.end()) return Status::Corrupt(tsv.Where(row) + ": no closed list for key " + key);
    s = it->second.AddVariant(tsv.Get(row, "canonical"), tsv.Get(row, "variant"));
    if (!s.ok()) return Status::Corrupt(table.string() + " (" + key + "): " + s.message());
  }
  *out = std::move(vocabularies);
  return Status::OK();
}

}  // namespace gm
