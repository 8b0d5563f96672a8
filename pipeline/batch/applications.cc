#include "pipeline/batch/applications.h"

#include <algorithm>
#include <map>
#include <numeric>
#include <set>

#include "pipeline/core/hash.h"
#include "pipeline/ingest/ingest_tables.h"
#include "pipeline/ingest/package_identity.h"

namespace gm {
namespace {

// A name as compared: white space dropped, ASCII lower case (values are NFKC already).
std::string Folded(std::string_view s) {
  std::string out;
  for (char c : s)
    if (c != ' ' && c != '\t' && c != '\r' && c != '\n') out += c;
  // Full-width spaces (U+3000) too.
  for (size_t p; (p = out.find("\xE3\x80\x80")) != std::string::npos;) out.erase(p, 3);
  return AsciiLower(out);
}

std::string TextField(const Record& r, const char* key) {
  auto it = r.fields.find(key);
  if (it == r.fields.end() || !it->second.value.is_string()) return "";
  return Folded(it->second.value.get<std::string>());
}

std::string SenderAddress(const std::string& from) {
  size_t lt = from.rfind('<'), gt = from.rfind('>');
  std::string address = lt != std::string::npos && gt != std::string::npos && gt > lt ? from.substr(lt + 1, gt - lt - 1)
                                                                                      : from;
  return Folded(address);
}

std::string Shown(const Json& v) { return v.is_string() ? v.get<std::string>() : v.dump(); }

struct Facts {
  std::string credit_code, company, project, sender, text;  // text: subject, body and file paths, folded
  bool form = false;
};

Facts FactsOf(const Record& r) {
  Facts f;
  f.form = HasForm(r);
  f.credit_code = TextField(r, "credit_code");
  f.company = TextField(r, "company_name");
  f.project = TextField(r, "project_name");
  f.sender = SenderAddress(r.origin.from);
  f.text = Folded(r.origin.subject) + "\n" + Folded(r.origin.body);
  for (const FileEntry& file : r.files) f.text += "\n" + Folded(file.path);
  return f;
}

struct UnionFind {
  std::vector<size_t> parent;
  explicit UnionFind(size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), 0); }
  size_t Find(size_t i) { return parent[i] == i ? i : parent[i] = Find(parent[i]); }
  void Join(size_t a, size_t b) { parent[Find(a)] = Find(b); }
};

bool Contains(const std::string& haystack, const std::string& needle) {
  return !needle.empty() && haystack.find(needle) != std::string::npos;
}

}  // namespace

Status JoinRules::Load(const std::filesystem::path& dir, JoinRules* out) {
  TsvTable tsv;
  if (Status s = LoadTsv(dir / "application_join.tsv", &tsv); !s.ok()) return s;
  JoinRules rules;
  for (const auto& row : tsv.rows) {
    const std::string& kind = tsv.Get(row, "kind");
    if (kind != "supplement" && kind != "reply")
      return Status::Corrupt("application_join.tsv: unknown kind '" + kind + "'");
    std::string text = Folded(tsv.Get(row, "text"));
    if (text.empty()) return Status::Corrupt("application_join.tsv: empty text");
    rules.markers_.push_back(text);
  }
  *out = std::move(rules);
  return Status::OK();
}

bool JoinRules::MarksSupplement(const std::string& subject) const {
  std::string s = Folded(subject);
  // Chinese mail clients write "回复：" and "Re：" with a full-width colon.
  for (size_t p; (p = s.find("\xEF\xBC\x9A")) != std::string::npos;) s.replace(p, 3, ":");
  for (const std::string& m : markers_)
    if (s.find(m) != std::string::npos) return true;
  return false;
}

bool HasForm(const Record& record) {
  for (const FileEntry& f : record.files)
    if (f.kind == "application_form") return true;
  for (const char* key : {"company_name", "credit_code", "project_name"}) {
    auto it = record.fields.find(key);
    if (it != record.fields.end() && !it->second.value.is_null()) return true;
  }
  return false;
}

std::vector<Application> GroupApplications(const std::vector<const Record*>& records,
                                           const std::vector<std::string>& arrived, const JoinRules& rules) {
  const size_t n = records.size();
  std::vector<Facts> facts;
  for (const Record* r : records) facts.push_back(FactsOf(*r));
  auto earlier = [&](size_t a, size_t b) {
    return arrived[a] != arrived[b] ? arrived[a] < arrived[b] : records[a]->source < records[b]->source;
  };
  UnionFind groups(n);
  // Packages with a form: one applicant (credit code or company name) and one project.
  for (size_t i = 0; i < n; ++i) {
    if (!facts[i].form) continue;
    for (size_t j = i + 1; j < n; ++j) {
      if (!facts[j].form) continue;
      const Facts &a = facts[i], &b = facts[j];
      bool applicant = (!a.credit_code.empty() && a.credit_code == b.credit_code) ||
                       (!a.company.empty() && a.company == b.company);
      bool project = a.project.empty() || b.project.empty() || a.project == b.project;
      if (applicant && project) groups.Join(i, j);
    }
  }
  // Packages without a form join an application with one.
  for (size_t i = 0; i < n; ++i) {
    if (facts[i].form) continue;
    const Facts& f = facts[i];
    // Candidates: the form packages it names; else, for a supplement or a reply, those of its sender.
    std::vector<size_t> named, by_sender;
    for (size_t j = 0; j < n; ++j) {
      if (!facts[j].form) continue;
      if (Contains(f.text, facts[j].company)) named.push_back(j);
      if (!f.sender.empty() && f.sender == facts[j].sender) by_sender.push_back(j);
    }
    std::vector<size_t>& candidates = !named.empty() ? named : by_sender;
    if (candidates.empty() || (named.empty() && !rules.MarksSupplement(records[i]->origin.subject))) continue;
    // The one whose project it names, else the latest.
    std::sort(candidates.begin(), candidates.end(), [&](size_t a, size_t b) {
      bool pa = Contains(f.text, facts[a].project), pb = Contains(f.text, facts[b].project);
      if (pa != pb) return pa;
      return earlier(b, a);
    });
    groups.Join(i, candidates.front());
  }
  std::map<size_t, std::vector<size_t>> by_root;
  for (size_t i = 0; i < n; ++i) by_root[groups.Find(i)].push_back(i);
  std::vector<Application> apps;
  for (auto& [root, members] : by_root) {
    Application app;
    std::sort(members.begin(), members.end(), earlier);
    app.members = members;
    for (size_t m : members)
      if (facts[m].form) app.form_from = static_cast<int>(m);  // the latest form
    const size_t key_of = app.form_from >= 0 ? static_cast<size_t>(app.form_from) : members.back();
    const Facts& k = facts[key_of];
    std::string key = !k.credit_code.empty() ? "code:" + k.credit_code + "|" + k.project
                      : !k.company.empty()   ? "name:" + k.company + "|" + k.project
                                             : "package:" + records[members.front()]->package_id;
    auto field = [&](const char* name) {
      auto it = records[key_of]->fields.find(name);
      return it != records[key_of]->fields.end() && it->second.value.is_string() ? it->second.value.get<std::string>()
                                                                                : std::string();
    };
    std::string stem = field("project_name");
    if (stem.empty()) stem = field("company_name");
    if (stem.empty()) stem = records[members.front()]->package_id;
    app.id = SafeIdStem(stem, /*is_file=*/false) + "_" + Sha256Hex(key).substr(0, 8);
    apps.push_back(std::move(app));
  }
  // In the order of their latest packages, for a stable listing.
  std::sort(apps.begin(), apps.end(),
            [&](const Application& a, const Application& b) { return earlier(a.members.back(), b.members.back()); });
  return apps;
}

ApplicationRef DescribeApplication(const Application& app, const std::vector<const Record*>& records,
                                   const std::vector<std::string>& arrived) {
  ApplicationRef ref;
  ref.id = app.id;
  for (size_t m : app.members) ref.packages.push_back({records[m]->package_id, records[m]->source, arrived[m]});
  if (app.form_from >= 0) ref.form_from = records[app.form_from]->package_id;
  return ref;
}

Record JoinApplication(const Templates& templates, double sure, const std::vector<const Record*>& members,
                       int form_from_member, const ApplicationRef& ref) {
  const Record& latest = *members.back();
  const Record& authority = form_from_member >= 0 ? *members[form_from_member] : latest;
  const bool own_form = &authority == &latest;
  Record joined = latest;
  joined.fields = authority.fields;
  joined.findings.clear();
  auto prefix_of = [&](const Record& m) { return &m == &latest ? std::string() : m.source + "/"; };

  // Findings on the form and the figures come from the authority; findings on
  // files from every package, an other package's file named by its source.
  for (const Finding& f : authority.findings)
    if (f.code != "missing_attachment" && (own_form || f.code != "unreadable_input")) joined.findings.push_back(f);
  for (const Record* m : members) {
    if (m == &authority && own_form) continue;
    for (Finding f : m->findings) {
      if (f.code != "unreadable_input") continue;
      if (!f.field.empty()) f.field = prefix_of(*m) + f.field;
      if (m != &latest) f.message = "（申报包“" + m->source + "”）" + f.message;
      joined.findings.push_back(std::move(f));
    }
  }
  // Financials: the authority's, else the latest package's that has them.
  joined.financials = authority.financials;
  for (auto it = members.rbegin(); !joined.financials && it != members.rend(); ++it) {
    if (!(*it)->financials) continue;
    joined.financials = (*it)->financials;
    for (const Finding& f : (*it)->findings)
      if (f.code == "balance_sheet_unbalanced" || f.code == "statements_outdated") joined.findings.push_back(f);
  }

  // Each earlier form is compared with the authority, as the electronic copy is.
  for (auto it = members.rbegin(); it != members.rend(); ++it) {
    const Record& earlier = **it;
    if (&earlier == &authority || !HasForm(earlier)) continue;
    for (const FieldSpec& spec : templates.fields()) {
      auto e = earlier.fields.find(spec.key);
      if (e == earlier.fields.end() || e->second.value.is_null()) continue;
      FieldValue& now = joined.fields[spec.key];
      if (now.value == e->second.value) continue;
      if (now.value.is_null() || now.confidence < sure) {
        std::string was = now.value.is_null() ? std::string("未能识别") : "读作“" + Shown(now.value) + "”";
        now = e->second;
        std::erase_if(joined.findings, [&](const Finding& f) { return f.field == spec.key; });
        joined.findings.push_back(NewFinding(templates, "low_confidence", spec.key,
                                             spec.label + "：最新申报表" + was + "，取此前申报包“" + earlier.source +
                                                 "”中的“" + Shown(now.value) + "”，请核对"));
      } else {
        joined.findings.push_back(NewFinding(templates, "low_confidence", spec.key,
                                             spec.label + "：最新申报表为“" + Shown(now.value) + "”，此前申报包“" +
                                                 earlier.source + "”中为“" + Shown(e->second.value) +
                                                 "”；以最新申报表为准，请核对（更正或识别误差）"));
      }
    }
  }

  // The checklist: required as the authority's form says; present wherever any package sent it.
  joined.checklist = authority.checklist;
  for (auto& [kind, entry] : joined.checklist) {
    entry.files.clear();
    entry.pages.clear();
    entry.present = false;
    for (const Record* m : members) {
      auto it = m->checklist.find(kind);
      if (it == m->checklist.end()) continue;
      entry.present = entry.present || it->second.present;
      for (const std::string& file : it->second.files) entry.files.push_back(prefix_of(*m) + file);
      for (const auto& [file, pages] : it->second.pages) entry.pages[prefix_of(*m) + file] = pages;
    }
  }
  for (const Finding& f : authority.findings) {
    if (f.code != "missing_attachment") continue;
    auto it = joined.checklist.find(f.field);
    if (it == joined.checklist.end() || !it->second.present) joined.findings.push_back(f);
  }
  joined.application = ref;
  joined.application->covers_all = true;
  return joined;
}

}  // namespace gm
