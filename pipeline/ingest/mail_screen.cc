#include "pipeline/ingest/mail_screen.h"

#include "pipeline/core/templates.h"
#include "pipeline/ingest/ingest_tables.h"

namespace gm {
namespace {

std::string Trim(std::string_view s) {
  size_t b = s.find_first_not_of(" \t\r\n"), e = s.find_last_not_of(" \t\r\n");
  return b == std::string_view::npos ? std::string() : std::string(s.substr(b, e - b + 1));
}

std::vector<std::string> SplitValues(const std::string& values) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= values.size()) {
    size_t comma = values.find(',', start);
    if (comma == std::string::npos) comma = values.size();
    std::string v = AsciiLower(Trim(std::string_view(values).substr(start, comma - start)));
    if (!v.empty()) out.push_back(v);
    start = comma + 1;
  }
  return out;
}

}  // namespace

std::string MailHeader(std::string_view eml, std::string_view name) {
  const std::string wanted = AsciiLower(name);
  for (size_t i = 0; i < eml.size();) {
    size_t eol = eml.find('\n', i);
    size_t next = eol == std::string_view::npos ? eml.size() : eol + 1;
    std::string_view line = eml.substr(i, next - i);
    if (Trim(line).empty()) break;  // end of the header block
    size_t colon = line.find(':');
    if (colon != std::string_view::npos && AsciiLower(Trim(line.substr(0, colon))) == wanted &&
        line[0] != ' ' && line[0] != '\t') {
      std::string value(line.substr(colon + 1));
      // Continuation lines start with white space.
      while (next < eml.size() && (eml[next] == ' ' || eml[next] == '\t')) {
        size_t e = eml.find('\n', next);
        size_t n = e == std::string_view::npos ? eml.size() : e + 1;
        value += ' ';
        value += Trim(eml.substr(next, n - next));
        next = n;
      }
      return Trim(value);
    }
    i = next;
  }
  return "";
}

Status MailScreen::Load(const std::filesystem::path& dir, MailScreen* out) {
  TsvTable tsv;
  if (Status s = LoadTsv(dir / "ingest_mail_screen.tsv", &tsv); !s.ok()) return s;
  MailScreen screen;
  for (const auto& row : tsv.rows) {
    Rule rule;
    rule.header = AsciiLower(Trim(tsv.Get(row, "header")));
    const std::string& match = tsv.Get(row, "match");
    if (match == "present") rule.match = Match::kPresent;
    else if (match == "is") rule.match = Match::kIs;
    else if (match == "is_not") rule.match = Match::kIsNot;
    else if (match == "starts") rule.match = Match::kStarts;
    else if (match == "contains") rule.match = Match::kContains;
    else if (match == "no_attachments") rule.match = Match::kNoAttachments;
    else return Status::Corrupt("ingest_mail_screen.tsv: unknown match '" + match + "'");
    rule.values = SplitValues(tsv.Get(row, "values"));
    rule.kind = tsv.Get(row, "kind");
    rule.reason = tsv.Get(row, "reason");
    if (rule.kind.empty() || rule.reason.empty() || (rule.header.empty() && rule.match != Match::kNoAttachments))
      return Status::Corrupt("ingest_mail_screen.tsv: a rule without header, kind or reason");
    screen.rules_.push_back(std::move(rule));
  }
  *out = std::move(screen);
  return Status::OK();
}

ScreenResult MailScreen::Screen(std::string_view eml, int attachments) const {
  for (const Rule& rule : rules_) {
    bool hit = false;
    if (rule.match == Match::kNoAttachments) {
      hit = attachments == 0;
    } else {
      std::string value = AsciiLower(MailHeader(eml, rule.header));
      bool present = !value.empty();
      auto any = [&](auto pred) {
        for (const std::string& v : rule.values)
          if (pred(v)) return true;
        return false;
      };
      switch (rule.match) {
        case Match::kPresent: hit = present; break;
        case Match::kIs: hit = present && any([&](const std::string& v) { return value == v; }); break;
        case Match::kIsNot: hit = present && !any([&](const std::string& v) { return value == v; }); break;
        case Match::kStarts: hit = any([&](const std::string& v) { return value.rfind(v, 0) == 0; }); break;
        case Match::kContains: hit = any([&](const std::string& v) { return value.find(v) != std::string::npos; }); break;
        case Match::kNoAttachments: break;
      }
    }
    if (hit) return {rule.kind, rule.reason};
  }
  return {};
}

}  // namespace gm
