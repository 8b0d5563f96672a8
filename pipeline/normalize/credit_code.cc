#include "pipeline/normalize/credit_code.h"

#include <algorithm>
#include <vector>

#include "pipeline/normalize/text.h"

namespace gm {
namespace {

constexpr std::string_view kAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
constexpr int kWeights[17] = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
constexpr size_t kLength = 18;

int Value(char c) {
  size_t p = kAlphabet.find(c);
  return p == std::string_view::npos ? -1 : static_cast<int>(p);
}

char CheckChar(std::string_view first17) {
  int sum = 0;
  for (size_t i = 0; i < 17; ++i) sum += Value(first17[i]) * kWeights[i];
  int check = 31 - sum % 31;
  return kAlphabet[check == 31 ? 0 : check];
}

// Shape facts of Latin letters and digits, not project data.
//
// Replacements for a character that cannot stand where it is (outside the
// alphabet, or a letter in the all-digit division code): OCR certainly
// erred, so the candidates may be generous.
std::string_view ForcedLookalikes(char c) {
  switch (c) {
    case 'O': return "0DQ";
    case 'I': return "1L";
    case 'Z': return "2";
    case 'S': return "5";
    case 'V': return "UY";
    case 'D': case 'Q': case 'U': return "0";
    case 'L': case 'T': return "17";
    case 'B': return "8";
    case 'G': return "6";
    case 'A': return "4";
    default: return "";
  }
}

// Replacements tried for a character that is valid where it stands. Each
// candidate passes the check by chance with probability 1/31, so only the
// closest confusions are tried (B/8, D/0, Q/0), and the result must keep
// the organization code consistent too; every such repair is reported to
// the reviewer with what was read (typed_field.cc).
//
// The check character itself (position 18) may also take the wider
// confusions 7/Y, 1/L, 6/G (a Y read as 7): the organization code says
// nothing about it, and a change there makes no other valid code out of a
// code read wrongly elsewhere. Elsewhere those swaps were measured to turn a
// wrong check character into a "repair" of some other character about 1
// time in 35 — too often.
std::string_view OptionalLookalikes(char c, size_t pos) {
  switch (c) {
    case '8': return "B";
    case 'B': return "8";
    case '0': return "D";
    case 'D': case 'Q': return "0";
    default: break;
  }
  if (pos + 1 != kLength) return "";
  switch (c) {
    case '7': return "Y";
    case 'Y': return "7";
    case '1': return "L";
    case 'L': return "1";
    case '6': return "G";
    case 'G': return "6";
    default: return "";
  }
}

// Positions 9–17 are the organization code of GB 11714: eight characters
// and their own check character (weights 3,7,9,10,5,8,4,2; letters count
// A=10 … Z=35; check = 11 − Σ mod 11, 10 → X, 11 → 0). Not part of the
// contract's validity, but real codes carry it, so it tells a true repair
// from a lucky one.
bool OrgCodeConsistent(std::string_view code) {
  static constexpr int kOrgWeights[8] = {3, 7, 9, 10, 5, 8, 4, 2};
  int sum = 0;
  for (size_t i = 0; i < 8; ++i) {
    char c = code[8 + i];
    int v = c >= '0' && c <= '9' ? c - '0' : c >= 'A' && c <= 'Z' ? c - 'A' + 10 : -1;
    if (v < 0) return false;
    sum += v * kOrgWeights[i];
  }
  int check = 11 - sum % 11;
  char expected = check == 10 ? 'X' : check == 11 ? '0' : static_cast<char>('0' + check);
  return code[16] == expected;
}

bool AllowedAt(size_t pos, char c) {
  if (Value(c) < 0) return false;
  if (pos >= 2 && pos <= 7) return c >= '0' && c <= '9';  // administrative division code
  return true;
}

}  // namespace

bool IsValidCreditCode(std::string_view code) {
  if (code.size() != kLength) return false;
  for (char c : code)
    if (Value(c) < 0) return false;
  return CheckChar(code.substr(0, 17)) == code[17];
}

bool CreditCodeWellFormed(std::string_view code) {
  if (code.size() != kLength) return false;
  for (size_t i = 0; i < kLength; ++i)
    if (!AllowedAt(i, code[i])) return false;
  return true;
}

namespace {

bool AsciiAlphanumeric(char c) { return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }

}  // namespace

std::string CleanCreditCode(std::string_view text) {
  std::string out;
  for (char c : NormalizeText(text)) {
    if (c == ' ' || c == '-') continue;
    out.push_back(c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c);
  }
  // What stands before the first or after the last letter or digit (a Han
  // character read from a seal or the next cell, "…7N公品") is no part of
  // any code; inside the code it stays, and makes the code invalid.
  size_t first = 0;
  while (first < out.size() && !AsciiAlphanumeric(out[first])) ++first;
  size_t last = out.size();
  while (last > first && !AsciiAlphanumeric(out[last - 1])) --last;
  return out.substr(first, last - first);
}

namespace {

// A code read with one character too many — a speck read as S, a glyph
// read twice ("MKS5X" for "MK5X"), or any other character read where there
// is none ("…3521 17G" for "…351 17G"): the code without it, when exactly
// one removal leaves a code that is valid, well formed and whose
// organization code is consistent. When several do, the one removing a
// character outside the alphabet is taken, if there is exactly one: such a
// character cannot be the applicant's. A repeat is no such evidence: a
// code's own "00" or "88" gives repeats to remove by chance.
std::optional<std::string> WithoutExtraCharacter(const std::string& code) {
  std::vector<std::string> valid, foreign_removed;
  for (size_t i = 0; i < code.size(); ++i) {
    std::string candidate = code.substr(0, i) + code.substr(i + 1);
    if (!IsValidCreditCode(candidate) || !CreditCodeWellFormed(candidate) || !OrgCodeConsistent(candidate)) continue;
    if (std::find(valid.begin(), valid.end(), candidate) == valid.end()) valid.push_back(candidate);
    const bool foreign = std::string_view(kAlphabet).find(code[i]) == std::string_view::npos;
    if (foreign && std::find(foreign_removed.begin(), foreign_removed.end(), candidate) == foreign_removed.end())
      foreign_removed.push_back(candidate);
  }
  if (valid.size() == 1) return valid[0];
  if (foreign_removed.size() == 1) return foreign_removed[0];
  return std::nullopt;
}

// A code read with its check character lost: the 17 characters read are
// well formed and their organization code is consistent (so they are very
// likely the code's first 17), and no character inserted anywhere else
// gives another valid code with a consistent organization code.
std::optional<std::string> WithLostCheckCharacter(const std::string& code) {
  if (code.size() != kLength - 1 || !OrgCodeConsistent(code)) return std::nullopt;
  for (size_t i = 0; i < code.size(); ++i)
    if (!AllowedAt(i, code[i])) return std::nullopt;
  std::vector<std::string> valid;
  for (size_t at = 0; at <= code.size(); ++at) {
    for (char c : kAlphabet) {
      std::string candidate = code.substr(0, at) + c + code.substr(at);
      if (IsValidCreditCode(candidate) && CreditCodeWellFormed(candidate) && OrgCodeConsistent(candidate) &&
          std::find(valid.begin(), valid.end(), candidate) == valid.end())
        valid.push_back(candidate);
    }
  }
  if (valid.size() != 1 || valid[0].compare(0, code.size(), code) != 0) return std::nullopt;
  return valid[0];
}

}  // namespace

std::optional<std::string> RepairCreditCode(std::string_view text) {
  // A lower-case l is OCR's 1 or L, never itself: make it the forced I.
  std::string lowered_l(text);
  for (char& c : lowered_l)
    if (c == 'l') c = 'I';
  std::string code = CleanCreditCode(lowered_l);
  if (code.size() == kLength + 1) return WithoutExtraCharacter(code);
  if (code.size() == kLength - 1) return WithLostCheckCharacter(code);
  if (code.size() != kLength) return std::nullopt;
  if (IsValidCreditCode(code)) return code;
  // Positions that must change (character not allowed there) and the
  // replacements each may take; any other position may change once.
  std::vector<std::vector<char>> forced;  // per position: candidates if forced, else empty
  std::vector<size_t> forced_at;
  for (size_t i = 0; i < kLength; ++i) {
    if (AllowedAt(i, code[i])) continue;
    std::vector<char> options;
    for (char r : ForcedLookalikes(code[i]))
      if (AllowedAt(i, r)) options.push_back(r);
    if (options.empty()) return std::nullopt;  // e.g. a Han character in the code
    forced.push_back(options);
    forced_at.push_back(i);
  }
  if (forced.size() > 4) return std::nullopt;  // too damaged to repair with confidence

  std::vector<std::string> valid;
  // Enumerates every combination of the forced replacements; with none
  // forced, one optional look-alike change is tried at each position.
  std::vector<size_t> pick(forced.size(), 0);
  for (;;) {
    std::string base = code;
    for (size_t k = 0; k < forced.size(); ++k) base[forced_at[k]] = forced[k][pick[k]];
    if (IsValidCreditCode(base)) {
      valid.push_back(base);
    } else if (forced.empty()) {
      // Nothing says which character is wrong: a change must also keep the
      // organization code consistent, or it is taken for luck.
      for (size_t i = 0; i < kLength; ++i) {
        for (char r : OptionalLookalikes(base[i], i)) {
          if (!AllowedAt(i, r)) continue;
          std::string candidate = base;
          candidate[i] = r;
          if (IsValidCreditCode(candidate) && OrgCodeConsistent(candidate)) valid.push_back(candidate);
        }
      }
    }
    size_t k = 0;
    while (k < pick.size() && ++pick[k] == forced[k].size()) pick[k++] = 0;
    if (k == pick.size()) break;
  }
  if (valid.size() > 1) {
    // Several forced replacements pass the check: the organization code may
    // still single one out.
    std::vector<std::string> consistent;
    for (const std::string& v : valid)
      if (OrgCodeConsistent(v)) consistent.push_back(v);
    valid = consistent;
  }
  if (valid.size() != 1) return std::nullopt;
  return valid[0];
}

}  // namespace gm
