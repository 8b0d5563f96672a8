#include "pipeline/cli/library_cli.h"

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <map>

#include "pipeline/cli/cli_common.h"
#include "pipeline/core/templates.h"
#include "pipeline/library/civil_date.h"
#include "pipeline/library/commands.h"
#include "pipeline/library/event_log.h"

namespace gm {

const char* const kLibraryUsage = R"(After the experts' meeting — the project library (one SQLite file, created when missing):
  greenmine collect --returned DIR --library FILE --out DIR [--as-of YYYY-MM-DD]
      Reads every .xlsx under DIR: review workbooks greenmine wrote, as the experts
      return them (any names, several copies of one package). Records each package's
      conclusion (专家意见: 通过 / 补充材料后再审 / 不通过) and corrections (申请信息:
      审核结论 修改 with 更正值) in the library, and writes
        OUT/collected.jsonl   one line a package: package_id, conclusion, corrections, problems
        OUT/入库名单.xlsx      the passed projects awaiting confirmation, by category, with totals
      A package with problems (missing or unknown conclusion, experts disagreeing, a
      更正值 that is not a valid value) is listed with them and not imported at all.
      Collecting the same workbooks again records nothing new.
  greenmine publish --library FILE --start YYYY-MM-DD --out DIR
      Starts publicity on --start for every passed project not yet published; it ends
      on the 5th working day (templates/library_calendar.tsv: holidays and make-up
      working days; a year the table lacks is refused). Writes OUT/公示名单.xlsx and
      OUT/公示公告.txt (the notice for the website).
  greenmine library --library FILE --out DIR [--as-of YYYY-MM-DD] [change]
      Writes OUT/项目库.xlsx (every project, status and dates; sheet 变更记录: every event
      of the library — what, when, by whom, from which workbook or command), OUT/推介项目.xlsx and
      OUT/推介项目.csv (the projects in the library, for the banks) and OUT/library.jsonl.
      Statuses as of --as-of: 待公示 公示中 已入库 即将到期 已延期 已过期 已移出 未通过 待补充材料.
      A change is recorded first, as an event taking effect on --as-of:
        --extend PROJECT                 an extension filed in the last 30 days of validity
                                         (validity + 2 years; refused outside that window)
        --object PROJECT --reason TEXT   an objection upheld during publicity (→ 未通过)
        --remove PROJECT --reason TEXT   removed from the library (→ 已移出), e.g. after a
                                         major change made it no longer qualify
      PROJECT is the project id (the package id it came from). Several changes may be
      given; either all are recorded or none.
  Common options: --templates DIR (the tables), --help.
  Every change to the library is an appended event (what, when, from which workbook or
  command); a command killed at any moment leaves all of its changes or none, and two
  commands on one library wait for each other.
  Exit status: 0 done (problems in returned workbooks are output, not failures); 1 the
  library or a file could not be read or written, or the library refused the change
  (an unknown project, an extension outside its window, a year the calendar lacks);
  2 bad usage.
)";

namespace {

std::string CommandLine(const std::vector<std::string>& args) {
  std::string line = "greenmine";
  for (const std::string& a : args) line += " " + a;
  return line;
}

int Fail(const Status& s) {
  std::fprintf(stderr, "greenmine: %s\n", s.message().c_str());
  return 1;
}

struct Parsed {
  std::map<std::string, std::string> single;
  std::vector<LibraryChange> changes;
};

// Options of `command`: every one takes a value.
bool Parse(const std::vector<std::string>& args, const std::vector<std::string>& allowed, Parsed* out,
           std::string* error) {
  for (size_t i = 1; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (std::find(allowed.begin(), allowed.end(), a) == allowed.end() || i + 1 >= args.size()) {
      *error = "unknown or incomplete option '" + a + "' for " + args[0];
      return false;
    }
    const std::string& v = args[++i];
    if (a == "--extend") out->changes.push_back({kEventExtended, v});
    else if (a == "--object") out->changes.push_back({kEventObjected, v});
    else if (a == "--remove") out->changes.push_back({kEventRemoved, v});
    else out->single[a] = v;
  }
  return true;
}

}  // namespace

int RunLibraryCli(const std::vector<std::string>& args) {
  for (const std::string& a : args)
    if (a == "--help" || a == "-h") return std::fputs(kLibraryUsage, stdout), 0;
  const std::string& command = args[0];
  std::vector<std::string> allowed = {"--library", "--out", "--templates"};
  if (command == "collect") allowed.insert(allowed.end(), {"--returned", "--as-of"});
  if (command == "publish") allowed.push_back("--start");
  if (command == "library") allowed.insert(allowed.end(), {"--as-of", "--extend", "--object", "--remove", "--reason"});
  Parsed p;
  std::string error;
  if (!Parse(args, allowed, &p, &error)) return Usage(error);
  auto& o = p.single;
  if (o["--library"].empty()) return Usage("--library FILE is required");
  if (o["--out"].empty()) return Usage("--out DIR is required");
  if (o.count("--as-of") && !CivilDate::Parse(o["--as-of"]))
    return Usage("--as-of needs a date as YYYY-MM-DD, not '" + o["--as-of"] + "'");
  std::string as_of = o.count("--as-of") ? o["--as-of"] : Today();
  LibraryPaths paths{o["--library"], o["--out"], o["--templates"].empty() ? Templates::DefaultDir() : std::filesystem::path(o["--templates"])};
  if (command == "collect") {
    if (o["--returned"].empty()) return Usage("--returned DIR is required");
    CollectReport r;
    if (Status s = RunCollect(paths, o["--returned"], as_of, &r); !s.ok()) return Fail(s);
    std::fprintf(stderr,
                 "greenmine: %d workbooks, %d packages: %d imported, %d with problems (not imported), %d passed\n"
                 "           %s/collected.jsonl   %s/入库名单.xlsx\n",
                 r.workbooks, r.packages, r.imported, r.with_problems, r.passed, paths.out.c_str(), paths.out.c_str());
    return 0;
  }
  if (command == "publish") {
    if (!CivilDate::Parse(o["--start"])) return Usage("--start needs a date as YYYY-MM-DD");
    int n = 0;
    if (Status s = RunPublish(paths, o["--start"], CommandLine(args), &n); !s.ok()) return Fail(s);
    std::fprintf(stderr, "greenmine: %d projects in publicity from %s   %s/公示名单.xlsx   %s/公示公告.txt\n", n,
                 o["--start"].c_str(), paths.out.c_str(), paths.out.c_str());
    return 0;
  }
  if (!p.changes.empty() && o["--reason"].empty() &&
      std::any_of(p.changes.begin(), p.changes.end(), [](const LibraryChange& c) { return c.kind != kEventExtended; }))
    return Usage("--object and --remove need --reason TEXT");
  int n = 0;
  if (Status s = RunLibrary(paths, as_of, p.changes, o["--reason"], CommandLine(args), &n); !s.ok()) return Fail(s);
  std::fprintf(stderr, "greenmine: %d projects as of %s   %s/项目库.xlsx   %s/推介项目.xlsx   %s/library.jsonl\n", n,
               as_of.c_str(), paths.out.c_str(), paths.out.c_str(), paths.out.c_str());
  return 0;
}

}  // namespace gm
