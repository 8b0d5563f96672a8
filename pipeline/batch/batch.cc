#include "pipeline/batch/batch.h"

#include <atomic>
#include <chrono>
#include <exception>
#include <fstream>
#include <iterator>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <thread>
#include <vector>

#include "extractors/ocr/engine.h"
#include "pipeline/batch/output_folder.h"
#include "pipeline/batch/output_lock.h"
#include "pipeline/batch/package_processor.h"
#include "pipeline/batch/progress.h"
#include "pipeline/batch/record_cache.h"
#include "pipeline/core/hash.h"
#include "pipeline/emit/atomic_file.h"
#include "pipeline/emit/outputs.h"
#include "pipeline/ingest/ingest.h"
#include "pipeline/library/prior_lookup.h"

namespace gm {
namespace {

namespace fs = std::filesystem;

// A stamp under .cache/outputs/ says which record and settings a package's
// record file and workbook were last written from: a re-run whose record and
// settings are unchanged need not rewrite them. The stamps are also the
// manifest of what greenmine wrote (output_folder.h): an empty claim goes
// first, the stamp after both files, so a run killed in between rewrites
// them next time and a later run can still prune them.
std::string OutputStamp(const Record& record, const BatchContext& ctx) {
  return ctx.fingerprint + "\n" + Sha256Hex(RecordJsonText(record, ctx.templates, /*pretty=*/false)) + "\n";
}

bool OutputsUpToDate(const fs::path& out, const Record& record, const std::string& stamp) {
  std::error_code ec;
  if (!fs::exists(out / "records" / (record.package_id + ".json"), ec) ||
      !fs::exists(out / "review" / (record.package_id + ".xlsx"), ec))
    return false;
  std::ifstream in(OutputStampPath(out, record.package_id), std::ios::binary);
  std::string have((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return have == stamp;
}

Status WriteOutputsUnlessCurrent(const fs::path& out, const Record& record, const BatchContext& ctx) {
  std::string stamp = OutputStamp(record, ctx);
  if (OutputsUpToDate(out, record, stamp)) return Status::OK();
  if (Status s = WriteFileAtomically(OutputStampPath(out, record.package_id), ""); !s.ok()) return s;
  if (Status s = WritePackageOutputs(record, ctx.templates, out); !s.ok()) return s;
  return WriteFileAtomically(OutputStampPath(out, record.package_id), stamp);
}

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

int CountSeverity(const Record& r, const char* severity) {
  int n = 0;
  for (const Finding& f : r.findings) n += f.severity == severity;
  return n;
}

// The record of a package whose processing failed part way (a bug, or memory
// exhausted): its files, and a finding that says it must be looked at by hand.
Record FailedRecord(const BatchContext& ctx, const Package& package, const std::string& what) {
  Record record;
  record.package_id = package.id;
  record.source = package.source;
  record.origin = package.origin;
  record.findings = package.findings;
  for (const InputFile& file : package.files) {
    FileEntry entry;
    entry.path = file.path;
    entry.sha256 = file.sha256;
    entry.error = file.error.empty() ? "申报包处理中断，该文件未读取" : file.error;
    record.files.push_back(std::move(entry));
  }
  record.findings.push_back(NewFinding(ctx.templates, "unreadable_input", package.source,
                                       "申报包“" + package.source + "”处理中断（" + what +
                                           "），内容未能读取；请人工审阅该申报包并告知系统维护人员"));
  return record;
}

// What the workers share: the next package to take and the finished records.
struct WorkQueue {
  std::vector<std::string> entries;
  std::atomic<size_t> next{0};
  std::mutex mu;
  std::vector<std::optional<Record>> records;      // by entry index
  std::map<std::string, std::string> first_with;   // content hash → first entry with it
  std::map<std::string, std::string> id_owner;     // package id → the entry that has it
  int failed = 0, reused = 0, duplicates = 0;
};

void RunWorker(int worker, const BatchOptions& options, const BatchContext& ctx, const RecordCache& cache,
               OcrEngine* ocr, Progress* progress, WorkQueue* queue) {
  for (size_t i; (i = queue->next++) < queue->entries.size();) {
    const std::string& entry = queue->entries[i];
    Package package;
    try {
      progress->Stage(worker, entry, "ingest");
      Status s = IngestPackage(options.inbox, entry, ctx.settings.limits, ctx.templates, &package);
      if (!s.ok()) {
        progress->Failed(worker, entry, s.ToString());
        std::lock_guard<std::mutex> lock(queue->mu);
        ++queue->failed;
        continue;
      }
      {
        std::lock_guard<std::mutex> lock(queue->mu);
        // Ids carry the entry name in their hash; two equal ids in one inbox
        // are a hash collision, and the later package takes the longer id.
        if (auto [owner, mine] = queue->id_owner.emplace(package.id, entry); !mine && owner->second != entry) {
          package.id = package.id_if_taken;
          queue->id_owner.emplace(package.id, entry);
        }
        auto [it, first] = queue->first_with.emplace(package.content_hash, entry);
        if (!first) {
          ++queue->duplicates;
          progress->Note(entry + " has the same content as " + it->second + "; its reading is reused");
        }
      }
      Record record;
      bool reused = cache.Get(package.content_hash, &record);
      if (!reused) {
        ProcessPackage(ctx, package, ocr, [&](const std::string& stage, int) { progress->Stage(worker, entry, stage); },
                       &record);
        if (Status put = cache.Put(package.content_hash, record); !put.ok()) progress->Problem("cache: " + put.ToString());
      }
      // A reused reading may come from another package with the same files:
      // the identity and the origin are this package's own.
      record.package_id = package.id;
      record.source = package.source;
      record.origin = package.origin;
      // A cached record keeps its major_change findings (the library is part of
      // the cache key) but not the library project the comparison sheet shows.
      if (reused && !record.prior)
        if (const PriorProject* prior = FindPriorProject(ctx.library_projects, record.package_id, record.fields))
          record.prior = *prior;
      progress->Stage(worker, entry, "emit");
      if (Status w = WriteOutputsUnlessCurrent(options.out, record, ctx); !w.ok()) {
        progress->Failed(worker, entry, w.ToString());
        std::lock_guard<std::mutex> lock(queue->mu);
        ++queue->failed;
        continue;
      }
      // The summary needs no cell images; drop them so a large batch stays small in memory.
      for (auto& [key, value] : record.fields) value.provenance.cell_png.clear();
      progress->Done(worker, entry, reused ? 0 : record.pages_read, CountSeverity(record, "error"),
                     CountSeverity(record, "warning"), reused);
      std::lock_guard<std::mutex> lock(queue->mu);
      if (reused) ++queue->reused;
      queue->records[i] = std::move(record);
    } catch (const std::exception& e) {
      // A bug or a library failure on one package must not take down the
      // batch, nor leave the package without a record.
      progress->Failed(worker, entry, std::string("internal error: ") + e.what());
      std::optional<Record> record;
      if (!package.id.empty()) {
        try {
          record = FailedRecord(ctx, package, e.what());
          if (!WriteOutputsUnlessCurrent(options.out, *record, ctx).ok()) record.reset();
        } catch (const std::exception&) {
          record.reset();
        }
      }
      std::lock_guard<std::mutex> lock(queue->mu);
      ++queue->failed;
      if (record) queue->records[i] = std::move(record);
    }
  }
}

}  // namespace

Status RunBatch(const BatchOptions& options, BatchReport* report) {
  auto start = std::chrono::steady_clock::now();
  *report = BatchReport();
  std::error_code ec;
  if (!fs::is_directory(options.inbox, ec))
    return Status::InvalidArgument("the inbox folder " + options.inbox.string() + " does not exist or is not a folder");
  fs::create_directories(options.out, ec);
  if (ec) return Status::IoError("cannot create the output folder " + options.out.string() + ": " + ec.message());
  OutputLock lock;
  if (Status s = lock.Acquire(options.out); !s.ok()) return s;
  std::vector<std::string> replaced;
  if (Status s = PrepareOwnFolders(options.out, &replaced); !s.ok()) return s;
  RemoveTemporaryFiles(options.out);

  int jobs = options.jobs > 0 ? options.jobs : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  std::vector<std::unique_ptr<OcrEngine>> engines(jobs);
  // Words of the domain the OCR's dictionary lacks (place names of Gansu,
  // mining and finance terms): templates/ocr_words.txt, when there.
  const fs::path words = options.settings.templates_dir / "ocr_words.txt";
  const std::string user_words = fs::is_regular_file(words, ec) ? words.string() : std::string();
  for (auto& engine : engines) {
    Status s = OcrEngine::Create(options.settings.tessdata_dir, options.settings.ocr_language, user_words, &engine);
    if (!s.ok()) return s;
  }
  std::unique_ptr<BatchContext> ctx;
  if (Status s = BatchContext::Create(options.settings, engines[0]->Fingerprint(), &ctx); !s.ok()) return s;
  RecordCache cache(options.out / ".cache", ctx->fingerprint, &ctx->templates);

  WorkQueue queue;
  queue.entries = ListInbox(options.inbox);
  queue.records.resize(queue.entries.size());
  Progress progress(static_cast<int>(queue.entries.size()), options.interactive, options.quiet);
  for (const std::string& note : replaced) progress.Problem(note);
  jobs = std::min<int>(jobs, std::max<size_t>(1, queue.entries.size()));
  std::vector<std::thread> workers;
  for (int w = 0; w < jobs; ++w)
    workers.emplace_back(RunWorker, w, std::cref(options), std::cref(*ctx), std::cref(cache), engines[w].get(),
                         &progress, &queue);
  for (auto& t : workers) t.join();
  progress.Finish();

  std::vector<Record> records;
  std::set<std::string> ids;
  for (auto& r : queue.records) {
    if (!r) continue;
    ids.insert(r->package_id);
    Count(*r, report);
    records.push_back(std::move(*r));
  }
  if (Status s = WriteBatchOutputs(records, ctx->templates, options.out); !s.ok()) return s;
  PruneStaleOutputs(options.out, ids);

  report->packages = static_cast<int>(queue.entries.size());
  report->failed = queue.failed;
  report->reused = queue.reused;
  report->duplicates = queue.duplicates;
  report->seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return Status::OK();
}

}  // namespace gm
