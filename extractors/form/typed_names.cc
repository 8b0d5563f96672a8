#include "extractors/form/typed_names.h"

#include <algorithm>

#include "extractors/form/cjk_text.h"

namespace gm::form {
namespace {

// Agreeing characters of `a` before `i` and of `b` before `j`, going left.
int AgreeLeft(const std::u32string& a, size_t i, const std::u32string& b, size_t j) {
  int n = 0;
  while (i > 0 && j > 0 && a[i - 1] == b[j - 1]) --i, --j, ++n;
  return n;
}

int AgreeRight(const std::u32string& a, size_t i, const std::u32string& b, size_t j) {
  int n = 0;
  while (i + 1 < a.size() && j + 1 < b.size() && a[i + 1] == b[j + 1]) ++i, ++j, ++n;
  return n;
}

}  // namespace

TypedNames::TypedNames(const std::vector<std::string>& texts) {
  for (const std::string& t : texts) {
    std::u32string cps = ToCodepoints(Nfkc(t.substr(0, 4 * kMaxTextChars)));  // UTF-8: at most 4 bytes a character
    if (cps.size() > kMaxTextChars) cps.resize(kMaxTextChars);
    if (cps.size() > static_cast<size_t>(kMinContext)) texts_.push_back(std::move(cps));
  }
}

std::string TypedNames::Correct(std::string_view read) const {
  if (texts_.empty()) return std::string(read);
  std::u32string all = ToCodepoints(read);
  const Spaceless spaceless = WithoutSpaces(all);
  const std::u32string& bare = spaceless.bare;
  CharacterProposals proposed;  // by position in `bare`
  for (const std::u32string& typed : texts_) {
    for (size_t i = 0; i < bare.size(); ++i) {
      if (!IsIdeograph(bare[i])) continue;
      for (size_t j = 0; j < typed.size(); ++j) {
        if (typed[j] == bare[i] || !IsIdeograph(typed[j])) continue;
        const int left = AgreeLeft(bare, i, typed, j), right = AgreeRight(bare, i, typed, j);
        if (left + right < kMinContext) continue;
        const bool left_ok = left >= 2 || (static_cast<size_t>(left) == i && static_cast<size_t>(left) == j);
        const bool right_ok =
            right >= 2 || (i + right + 1 == bare.size() && j + right + 1 == typed.size());
        if (!left_ok || !right_ok) continue;
        proposed.Add(i, typed[j]);
      }
    }
  }
  return proposed.Apply(spaceless, &all) ? ToUtf8(all) : std::string(read);
}

bool TypedNames::Spelled(std::string_view name) const {
  std::u32string bare;
  for (char32_t c : ToCodepoints(Nfkc(name)))
    if (c != U' ') bare.push_back(c);
  if (bare.size() < kMinSpelled) return false;
  return std::any_of(texts_.begin(), texts_.end(),
                     [&](const std::u32string& text) { return text.find(bare) != std::u32string::npos; });
}

std::string TypedNames::WholeName(std::string_view read) const {
  const std::u32string bare = WithoutSpaces(ToCodepoints(read)).bare;
  const size_t n = bare.size();
  if (n <= kMinWholeSuffix || !std::all_of(bare.begin(), bare.end(), IsIdeograph)) return "";
  std::u32string found;
  for (const std::u32string& typed : texts_) {
    for (size_t end = n; end <= typed.size(); ++end) {
      const std::u32string_view window(typed.data() + end - n, n);
      size_t suffix = 0;
      while (suffix < n && window[n - 1 - suffix] == bare[n - 1 - suffix]) ++suffix;
      if (suffix == n) return "";  // typed as read
      if (suffix < kMinWholeSuffix) continue;
      if (!std::all_of(window.begin(), window.end(), IsIdeograph)) continue;
      // The name starts where the typed text does or after a non-ideograph.
      if (end > n && IsIdeograph(typed[end - n - 1])) continue;
      size_t differ = 0;
      for (size_t k = 0; k < n; ++k) differ += window[k] != bare[k];
      if (differ > kMaxWholeDiffer * n) continue;
      if (!found.empty() && found != window) return "";
      found = std::u32string(window);
    }
  }
  return found.empty() ? "" : ToUtf8(found);
}

}  // namespace gm::form
