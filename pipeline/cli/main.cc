// greenmine: the command line. Parses options, runs the batch, prints the
// closing summary. Exit status (the contract): 0 when every package was
// processed (findings do not fail a run), 1 when at least one package could
// not be processed at all or the batch could not run, 2 for bad usage.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <regex>
#include <string>
#include <vector>

#include <leptonica/allheaders.h>
#include <tesseract/baseapi.h>
#ifdef GM_HAVE_OPENMP
#include <omp.h>
#endif

#include "extractors/ocr/engine.h"
#include "pipeline/batch/batch.h"
#include "pipeline/batch/watch.h"
#include "pipeline/cli/cli_common.h"
#include "pipeline/cli/library_cli.h"
#include "pipeline/core/templates.h"

namespace {

using gm::Today;
using gm::Usage;

constexpr const char* kUsage = R"(greenmine — reads green-mining project applications (甘肃省绿色矿山建设投融资项目入库申请)

Usage:
  greenmine run --inbox DIR --out DIR [options]
  greenmine watch --inbox DIR --out DIR [options] [--settle S] [--rescan S]
  greenmine collect | publish | library ...   (the project library, below)
  greenmine --help | --version

Reads every package in the inbox — an e-mail (.eml), a .zip archive, a folder,
or a single PDF / JPEG / PNG / TIFF — reads the scanned application form and
the attachments, checks them, and writes:
  OUT/records/<package_id>.json   one record a package
  OUT/records.jsonl               every record, one a line
  OUT/review/<package_id>.xlsx    the package's review workbook
  OUT/summary.xlsx                the batch summary for the expert meeting
A second run over the same inbox and output reuses earlier work (OUT/.cache).
The inbox is only read, never changed.

A mailbox in the inbox — a Maildir (a folder with cur/ and new/, as mbsync,
getmail, fetchmail and offlineimap deliver) or an mbox file (.mbox, or a file
starting "From ") — is one package a message (source "mail/new/<file>",
"archive.mbox#17"). Auto-replies, delivery reports, newsletters and letters
without attachments are listed in OUT/not_applications.jsonl, not read.
Packages of one applicant and project (a 补充材料 e-mail after the first) are
one application: OUT/applications.jsonl, the record's "application", the
latest package's checklist covering all of them, one summary row.

watch stays running and keeps the same outputs up to date as packages arrive:
a package is read once complete (a Maildir message at once; a file, folder or
mbox after --settle seconds without change, and a folder only when no file in
it has a temporary name such as *.part, *.crdownload, ~$*, .~lock.*);
unchanged packages are not read again. SIGTERM/SIGINT end it after the package
in hand. It logs one line a package and keeps OUT/watch_status.json.

Options:
  --inbox DIR          folder of packages to read (required)
  --out DIR            output folder, created if needed (required); one run at a time
  --jobs N             worker threads, each with its own OCR engine (default: the machine's cores)
  --blacklist FILE     credit codes on the credit blacklist, one a line, '#' starts a comment
  --library FILE       the project library: a package resubmitting a library project (same
                       company and project name or former name) gets a 与入库项目比较 sheet and
                       a major_change finding for each changed 建设主体/内容/规模 field
  --as-of YYYY-MM-DD   the date the checks treat as today (default: today)
  --templates DIR      the tables of labels, vocabularies and rules (default: the installed templates/)
  --tessdata DIR       where Tesseract's chi_sim model is (default: Tesseract's own)
  --careful-tessdata DIR  the larger chi_sim model for a second look at doubtful names and
                       amounts (default: /usr/local/share/greenmine/tessdata-careful, used when
                       there, as scripts/setup-deps.sh installs it); 'none': Debian's model alone
  --quiet              no progress output, only errors and the closing summary
  --timings            run: after the summary, where the time went — the workers' time in each
                       stage and the OCR's CPU time by purpose and kind of call
  --settle S           watch: seconds a file, folder or mbox must be quiet before it is read (default 5)
  --rescan S           watch: seconds between rescans besides change notification (default 30)
  --help               this text
  --version            the program's version

Exit status: 0 every package processed (findings do not fail a run); 1 at least one
package could not be processed, or the batch could not run; 2 bad usage.
)";

bool ValidDate(const std::string& s) {
  static const std::regex kDate(R"((\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01]))");
  return std::regex_match(s, kDate);
}

void PrintSummary(const gm::BatchReport& r, const std::filesystem::path& out) {
  std::fprintf(stderr,
               "\ngreenmine: %d packages (%d failed, %d reused from an earlier run, %d duplicates, %d listed as no application),\n"
               "           %d pages read,"
               " %d errors, %d warnings, %d unreadable files, %.1f s\n"
               "           records: %s/records/   review workbooks: %s/review/   summary: %s/summary.xlsx\n",
               r.packages, r.failed, r.reused, r.duplicates, r.not_applications, r.pages, r.errors, r.warnings, r.unreadable_files,
               r.seconds, out.string().c_str(), out.string().c_str(), out.string().c_str());
}

void PrintTimings(const gm::BatchReport& r) {
  std::fprintf(stderr, "\nstage                     worker s\n");
  for (const auto& [stage, seconds] : r.stage_seconds) std::fprintf(stderr, "  %-22s %9.1f\n", stage.c_str(), seconds);
  std::fprintf(stderr, "\nOCR (purpose: call)                       calls     CPU s        Mpx\n");
  double total = 0;
  for (const auto& [what, cost] : r.ocr_costs) {
    std::fprintf(stderr, "  %-38s %7ld %9.1f %10.1f\n", what.c_str(), cost.calls, cost.cpu_seconds, cost.megapixels);
    total += cost.cpu_seconds;
  }
  std::fprintf(stderr, "  %-38s %7s %9.1f\n", "all", "", total);
}

// Tesseract runs parts of its LSTM with OpenMP teams of up to four threads.
// Under our own worker pool those teams oversubscribe the cores and spin
// (four times slower; docs/HISTORY-notes.md). libgomp reads OMP_THREAD_LIMIT once, when it is loaded — before
// main — so setting it here has no effect on this process; we set it and
// start the program again. An operator's own OMP_THREAD_LIMIT is kept.
// (Tesseract's regions now run inline, extractors/ocr/inline_openmp.h, and
// start no threads at all; the limit stays for any region that does not.)
void LimitOpenMpThreads(char** argv) {
  if (std::getenv("OMP_THREAD_LIMIT") != nullptr) return;
  setenv("OMP_THREAD_LIMIT", "1", 1);
  execv("/proc/self/exe", argv);
  // Only reached when exec failed (no /proc): run on, slower but correct.
}

}  // namespace

int main(int argc, char** argv) {
  LimitOpenMpThreads(argv);
  // Leptonica's messages mean nothing to an operator: its "errors" are
  // returned to our code too (pixBackgroundNorm on a page without enough
  // background says "pixFillMapHoles: index not valid", and the caller falls
  // back to the unflattened page), and what cannot be read becomes a finding.
  setMsgSeverity(L_SEVERITY_NONE);
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) return Usage("no command given");
  if (args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    std::fputs(kUsage, stdout);
    std::fputs("\n", stdout);
    std::fputs(gm::kLibraryUsage, stdout);
    return 0;
  }
  if (args[0] == "collect" || args[0] == "publish" || args[0] == "library") return gm::RunLibraryCli(args);
  if (args[0] == "--version") {
    std::puts("greenmine 0.1");
    char* leptonica = getLeptonicaVersion();  // allocated by Leptonica
    std::printf("tesseract %s, %s\n", tesseract::TessBaseAPI::Version(), leptonica ? leptonica : "leptonica ?");
    lept_free(leptonica);
#ifdef GM_HAVE_OPENMP
    // What the OCR engines run with: 1 unless the operator chose otherwise.
    std::printf("OpenMP thread limit: %d\n", omp_get_thread_limit());
#endif
    std::printf("Tesseract's OpenMP regions: %s\n", gm::OcrEngine::RegionsRunInline() ? "inline" : "libgomp");
    return 0;
  }
  if (args[0] != "run" && args[0] != "watch") return Usage("unknown command '" + args[0] + "'");
  const bool watch = args[0] == "watch";

  gm::WatchOptions watch_options;
  bool timings = false;
  gm::BatchOptions& options = watch_options.batch;
  options.settings.templates_dir = gm::Templates::DefaultDir();
  options.settings.as_of = Today();
  for (size_t i = 1; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&](std::string* out) {
      if (i + 1 >= args.size()) return false;
      *out = args[++i];
      return true;
    };
    std::string v;
    if (a == "--help" || a == "-h") {
      std::fputs(kUsage, stdout);
      return 0;
    } else if (a == "--quiet") {
      options.quiet = true;
    } else if (a == "--timings" && !watch) {
      timings = true;
    } else if (a == "--inbox" && value(&v)) {
      options.inbox = v;
    } else if (a == "--out" && value(&v)) {
      options.out = v;
    } else if (a == "--jobs" && value(&v)) {
      char* end = nullptr;
      long n = std::strtol(v.c_str(), &end, 10);
      if (!end || *end || n < 1 || n > 256) return Usage("--jobs needs a number from 1 to 256, not '" + v + "'");
      options.jobs = static_cast<int>(n);
    } else if (a == "--blacklist" && value(&v)) {
      options.settings.blacklist = v;
    } else if (a == "--library" && value(&v)) {
      options.settings.library = v;
    } else if (a == "--as-of" && value(&v)) {
      if (!ValidDate(v)) return Usage("--as-of needs a date as YYYY-MM-DD, not '" + v + "'");
      options.settings.as_of = v;
    } else if (a == "--templates" && value(&v)) {
      options.settings.templates_dir = v;
    } else if (a == "--tessdata" && value(&v)) {
      options.settings.tessdata_dir = v;
    } else if (a == "--careful-tessdata" && value(&v)) {
      options.settings.careful_tessdata_dir = v == "none" ? "" : v;
      options.settings.careful_model_required = v != "none";
    } else if (watch && (a == "--settle" || a == "--rescan") && value(&v)) {
      char* end = nullptr;
      double seconds = std::strtod(v.c_str(), &end);
      if (!end || *end || !(seconds >= 0 && seconds <= 86400) || (a == "--rescan" && seconds < 0.1))
        return Usage(a + " needs a number of seconds (up to 86400), not '" + v + "'");
      (a == "--settle" ? watch_options.settle : watch_options.rescan) = seconds;
    } else {
      return Usage("unknown or incomplete option '" + a + "'");
    }
  }
  if (options.inbox.empty()) return Usage("--inbox DIR is required");
  if (options.out.empty()) return Usage("--out DIR is required");
  options.interactive = isatty(STDERR_FILENO) && !options.quiet;
  if (watch) {
    // One line a package, never a redrawn status line: watch's stderr is a log.
    options.interactive = false;
    if (options.jobs == 0) options.jobs = 1;  // a service beside other work; --jobs to use more cores
    gm::Status s = gm::RunWatch(watch_options);
    if (!s.ok()) {
      std::fprintf(stderr, "greenmine: %s\n", s.message().c_str());
      return 1;
    }
    return 0;
  }

  gm::BatchReport report;
  gm::Status s = gm::RunBatch(options, &report);
  if (!s.ok()) {
    std::fprintf(stderr, "greenmine: %s\n", s.message().c_str());
    return 1;
  }
  PrintSummary(report, options.out);
  if (timings) PrintTimings(report);
  return report.failed > 0 ? 1 : 0;
}
