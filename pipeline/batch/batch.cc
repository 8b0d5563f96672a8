#include "pipeline/batch/batch.h"

#include <chrono>
#include <map>

#include "pipeline/batch/intake_session.h"
#include "pipeline/batch/progress.h"
#include "pipeline/ingest/ingest.h"

namespace gm {
namespace {

void Count(const Record& r, BatchReport* report) {
  report->pages += r.pages_read;
  for (const Finding& f : r.findings) {
    if (f.severity == "error") ++report->errors;
    else if (f.severity == "warning") ++report->warnings;
    else ++report->infos;
  }
  for (const FileEntry& f : r.files)
    if (!f.error.empty()) ++report->unreadable_files;
}

}  // namespace

Status RunBatch(const BatchOptions& options, BatchReport* report) {
  auto start = std::chrono::steady_clock::now();
  *report = BatchReport();
  std::unique_ptr<IntakeSession> session;
  if (Status s = IntakeSession::Open(options, &session); !s.ok()) return s;

  std::vector<std::string> entries = ListInbox(options.inbox);
  Progress progress(static_cast<int>(entries.size()), options.interactive, options.quiet);
  std::map<std::string, EntryResult> results;
  session->Process(entries, nullptr, &progress, &results);
  progress.Finish();
  Status published = session->Publish(&results, &progress);

  for (const auto& [entry, result] : results) {
    if (result.record) Count(*result.record, report);
    report->failed += result.failed || result.unwritten;
    report->reused += result.reused;
    report->duplicates += result.duplicate;
    report->not_applications += !result.not_application_kind.empty();
  }
  report->packages = static_cast<int>(entries.size());
  report->stage_seconds = progress.StageSeconds();
  report->ocr_costs = session->OcrCostsSoFar();
  report->seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return published;
}

}  // namespace gm
