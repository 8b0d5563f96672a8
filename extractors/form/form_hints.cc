#include "extractors/form/form_hints.h"

#include <algorithm>

#include "extractors/form/cjk_text.h"

namespace gm::form {
namespace {

constexpr char kEllipsis[] = "…";

bool IsOpener(char32_t c) {
  return c == U'(' || c == U'（' || c == U'[' || c == U'【' || c == U'“' || c == U'"' || c == U'<' || c == U'〈';
}

// What stands between a hint and the answer: punctuation and closing brackets.
bool IsSeparator(char32_t c) {
  static constexpr std::u32string_view kSeparators = U":：,，;；。.、)）]】”\"-—>〉";
  return kSeparators.find(c) != std::u32string_view::npos;
}

bool HasContent(std::u32string_view text) {
  return std::any_of(text.begin(), text.end(), [](char32_t c) {
    return IsIdeograph(c) || (c >= U'0' && c <= U'9') || (c >= U'A' && c <= U'Z') || (c >= U'a' && c <= U'z');
  });
}

// About one misread character in six: "描述近两年情况" forgives one, so an
// answer that merely begins like it ("近两年情况良好") is not taken for it.
int Forgiven(size_t length) { return static_cast<int>((length - 1) / 6); }

// Which end of a stretch of the value a fixed hint is looked for at.
enum class HintEnd { kStart, kEnd };

// Length of the stretch of `bare` within [lo, hi) that reads as `hint`,
// beginning at `lo` (kStart) or ending at `hi` (kEnd); 0 when none.
size_t FixedHintLength(std::u32string_view bare, size_t lo, size_t hi, std::u32string_view hint, HintEnd at) {
  const int allowed = Forgiven(hint.size());
  size_t best_length = 0;
  int best = allowed + 1;
  // Lengths nearest the hint's first: of two equally close readings, the
  // one that leaves no stray character.
  for (int step = 0; step <= 2 * allowed; ++step) {
    const int d = step % 2 ? -(step + 1) / 2 : step / 2;
    const long length = static_cast<long>(hint.size()) + d;
    if (length <= 0 || lo + length > hi) continue;
    const size_t start = at == HintEnd::kStart ? lo : hi - length;
    const int e = EditDistance(bare.substr(start, length), hint);
    if (e < best) best = e, best_length = static_cast<size_t>(length);
  }
  return best <= allowed ? best_length : 0;
}

// Length of a head…tail pattern's match at `from`, or 0: the head exactly,
// the tail within the gap after it.
size_t PatternAt(std::u32string_view bare, size_t from, size_t limit, std::u32string_view head,
                 std::u32string_view tail) {
  if (from + head.size() > limit || bare.substr(from, head.size()) != head) return 0;
  const size_t after = from + head.size();
  const size_t window = std::min(limit, after + FormHints::kMaxPatternGap + tail.size()) - after;
  const size_t at = bare.substr(after, window).find(tail);
  return at == std::u32string_view::npos ? 0 : head.size() + at + tail.size();
}

std::u32string Bare(std::string_view text) { return WithoutSpaces(ToCodepoints(Nfkc(text))).bare; }

}  // namespace

Status FormHints::Load(const Templates& templates, FormHints* out) {
  FormHints hints;
  TsvTable tsv;
  if (Status s = LoadTsv(templates.dir() / "form_hints.tsv", &tsv); !s.ok()) return s;
  for (size_t i = 0; i < tsv.rows.size(); ++i) {
    const auto& row = tsv.rows[i];
    const std::string where = "form_hints.tsv: row " + std::to_string(i + 1);
    Hint hint;
    hint.key = tsv.Get(row, "key");
    if (hint.key != "*" && templates.Field(hint.key) == nullptr)
      return Status::Corrupt(where + ": " + hint.key + " is not a field of fields.tsv");
    const std::string wording = tsv.Get(row, "hint");
    const size_t ellipsis = wording.find(kEllipsis);
    if (ellipsis != std::string::npos && wording.find(kEllipsis, ellipsis + 1) != std::string::npos)
      return Status::Corrupt(where + ": more than one … in " + wording);
    hint.pattern = ellipsis != std::string::npos;
    hint.head = Bare(wording.substr(0, ellipsis));
    if (hint.pattern) hint.tail = Bare(wording.substr(ellipsis + sizeof kEllipsis - 1));
    if (hint.head.empty() || (hint.pattern && hint.tail.empty()))
      return Status::Corrupt(where + ": empty hint or pattern part");
    hints.hints_.push_back(std::move(hint));
  }
  *out = std::move(hints);
  return Status::OK();
}

std::string FormHints::Strip(std::string_view key, std::string_view value) const {
  const std::u32string text = ToCodepoints(value);
  const Spaceless spaceless = WithoutSpaces(text);
  const std::u32string_view bare = spaceless.bare;
  size_t begin = 0, end = bare.size();  // the kept stretch of `bare`
  for (const Hint& hint : hints_) {
    if (hint.key != "*" && hint.key != key) continue;
    size_t from = begin;
    while (from < end && IsOpener(bare[from])) ++from;
    const size_t length = hint.pattern ? PatternAt(bare, from, end, hint.head, hint.tail)
                                       : FixedHintLength(bare, from, end, hint.head, HintEnd::kStart);
    if (length > 0) {
      begin = from + length;
      while (begin < end && IsSeparator(bare[begin])) ++begin;
      continue;
    }
    if (hint.pattern) continue;
    size_t to = end;
    while (to > begin && IsSeparator(bare[to - 1])) --to;
    const size_t hint_length = FixedHintLength(bare, begin, to, hint.head, HintEnd::kEnd);
    if (hint_length == 0) continue;
    end = to - hint_length;
    while (end > begin && IsOpener(bare[end - 1])) --end;
  }
  if (begin == 0 && end == bare.size()) return std::string(value);
  if (begin >= end) return "";
  const size_t first = spaceless.at[begin];
  const size_t last = spaceless.at[end - 1] + 1;
  const std::u32string kept = text.substr(first, last - first);
  return HasContent(kept) ? ToUtf8(kept) : "";
}

}  // namespace gm::form
