#include "extractors/form/domain_words.h"

#include <algorithm>
#include <fstream>

#include "extractors/form/cjk_text.h"

namespace gm::form {
namespace {

// Shorter words differ from too many others by one character.
constexpr size_t kMinWord = 3;
// A three-character place name is anchored by its suffix: 喊南市 is 陇南市.
constexpr std::u32string_view kPlaceSuffixes = U"市县区州镇乡";

// Whether a word of `n` characters may put right its character `k`: any in
// a longer word; in a three-character one the middle, or for a place name
// the name (a three-character term's ends make other words: 主要耗能 is not
// 主高耗能, 尾矿坝 not 尾矿库).
bool MayCorrect(const std::u32string& word, size_t k) {
  if (word.size() > kMinWord) return true;
  if (kPlaceSuffixes.find(word.back()) != std::u32string_view::npos) return k + 1 < word.size();
  return k == 1;
}

}  // namespace

DomainWords::DomainWords(std::vector<std::string> words) {
  for (const std::string& w : words) {
    std::u32string cps = ToCodepoints(Nfkc(w));
    if (cps.size() < 2 || !std::all_of(cps.begin(), cps.end(), IsIdeograph)) continue;
    if (cps.size() >= kMinWord) words_.push_back(cps);
    all_words_.push_back(std::move(cps));
  }
}

Status DomainWords::Load(const Templates& templates, DomainWords* out) {
  std::vector<std::string> words;
  std::ifstream in(templates.dir() / "ocr_words.txt");
  if (in) {
    std::string line;
    while (std::getline(in, line)) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (!line.empty()) words.push_back(line);
    }
  } else if (std::filesystem::exists(templates.dir() / "ocr_words.txt")) {
    return Status::IoError("templates/ocr_words.txt cannot be read");
  }
  *out = DomainWords(std::move(words));
  return Status::OK();
}

std::string DomainWords::Correct(std::string_view read) const {
  if (words_.empty()) return std::string(read);
  std::u32string all = ToCodepoints(read);
  const Spaceless spaceless = WithoutSpaces(all);
  const std::u32string& bare = spaceless.bare;
  // Characters inside a domain word read as it is are right as read
  // (资产负债结构 is no misread 资产负债率; 兰州分行 no misread 兰州银行).
  std::vector<bool> in_word(bare.size(), false);
  for (const std::u32string& w : all_words_)
    for (size_t i = bare.find(w); i != std::u32string::npos; i = bare.find(w, i + 1))
      std::fill(in_word.begin() + i, in_word.begin() + i + w.size(), true);
  CharacterProposals proposed;  // by position in `bare`
  for (const std::u32string& w : words_) {
    const size_t n = w.size();
    for (size_t i = 0; i + n <= bare.size(); ++i) {
      size_t miss = n, misses = 0;
      for (size_t k = 0; k < n && misses < 2; ++k) {
        if (bare[i + k] != w[k]) {
          miss = k;
          ++misses;
        }
      }
      if (misses != 1 || !IsIdeograph(bare[i + miss]) || in_word[i + miss] || !MayCorrect(w, miss)) continue;
      proposed.Add(i + miss, w[miss]);
    }
  }
  return proposed.Apply(spaceless, &all) ? ToUtf8(all) : std::string(read);
}

}  // namespace gm::form
