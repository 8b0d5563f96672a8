#include "pipeline/normalize/phone.h"

#include <algorithm>
#include <vector>

#include "pipeline/normalize/ocr_digits.h"
#include "pipeline/normalize/text.h"

namespace gm {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

constexpr size_t kMaxGroups = 6;

// Classifies a digit string (no country code) as a phone number.
std::optional<std::string> Classify(const std::string& d) {
  if (d.size() == 11 && d[0] == '1' && d[1] >= '3' && d[1] <= '9') return d;
  if (d.size() < 10 || d[0] != '0') return std::nullopt;
  // 010 and 02x have three digits; otherwise 0 + [3-9] + two digits (no 01x but 010).
  size_t area = (d[1] == '1' && d[2] == '0') || d[1] == '2' ? 3 : 4;
  if (area == 4 && (d[1] < '3' || d[1] > '9')) return std::nullopt;
  std::string local = d.substr(area);
  if (local.empty() || local[0] == '0' || local[0] == '1') return std::nullopt;
  if (area == 3 && local.size() != 8) return std::nullopt;
  if (area == 4 && local.size() != 7 && local.size() != 8) return std::nullopt;
  return d.substr(0, area) + "-" + local;
}

// Runs of digit groups separated only by spaces, hyphens, dots or brackets;
// anything else (letters, Han, commas, slashes) ends a run. A leading "+"
// stays on the first group.
std::vector<std::vector<std::string>> Runs(const std::string& s) {
  std::vector<std::vector<std::string>> runs;
  std::vector<std::string> run;
  std::string group;
  auto end_group = [&] {
    if (!group.empty() && group != "+") run.push_back(group);
    group.clear();
  };
  auto end_run = [&] {
    end_group();
    if (!run.empty()) runs.push_back(run);
    run.clear();
  };
  for (char c : s) {
    if (IsDigit(c)) group.push_back(c);
    else if (c == '+' && group.empty() && run.empty()) group.push_back('+');
    else if (c == ' ' || c == '-' || c == '(' || c == ')' || c == '.') end_group();
    else end_run();
  }
  end_run();
  return runs;
}

std::string StripCountryCode(std::string d) {
  if (d.rfind("+86", 0) == 0) d = d.substr(3);
  else if (d.rfind("0086", 0) == 0) d = d.substr(4);
  else if (d[0] == '+') return "";
  else if (d.size() == 13 && d.rfind("86", 0) == 0 && d[2] == '1') d = d.substr(2);  // 86 13912345678
  else return d;
  // After a country code the area code loses its 0: "+86 931 8123456".
  bool mobile = d.size() == 11 && d[0] == '1';
  if (!d.empty() && d[0] != '0' && !mobile) d = "0" + d;
  return d;
}

}  // namespace

std::optional<ParsedPhone> ParsePhone(std::string_view text) {
  ParsedPhone out;
  std::string s = normalize::RepairDigits(NormalizeText(text), &out.repaired, /*join_groups=*/false);
  // An extension after 转 / ext / 分机 is dropped.
  for (std::string_view mark : {"转", "分机", "ext", "EXT", "Ext"}) {
    size_t p = s.find(mark);
    if (p != std::string::npos) {
      s.erase(p);
      out.repaired = true;
    }
  }
  // Within a run, the first number formed by consecutive groups (longest
  // first), so "0931-8123456 13912345678" gives the landline and
  // "0931-8123456-8001" drops the extension.
  for (const auto& run : Runs(s)) {
    for (size_t from = 0; from < run.size(); ++from) {
      // A number is written in at most five groups ("+86 139 1234 5678 转"):
      // wider windows are never tried, which keeps long digit runs linear.
      for (size_t to = std::min(run.size(), from + kMaxGroups); to > from; --to) {
        std::string joined;
        for (size_t k = from; k < to; ++k) joined += run[k];
        std::string digits = StripCountryCode(joined);
        if (digits.empty()) continue;
        if (auto n = Classify(digits)) {
          out.number = *n;
          if (to < run.size() && run[to].size() <= 5) out.repaired = true;  // an extension dropped
          return out;
        }
      }
    }
  }
  return std::nullopt;
}

std::optional<std::string> NormalizePhone(std::string_view text) {
  auto p = ParsePhone(text);
  if (!p) return std::nullopt;
  return p->number;
}

}  // namespace gm
