// IntakeSession: what `run` and `watch` share — the output folder held
// (OutputLock), one OCR engine a worker, the batch context, the record cache
// — and the two steps of a batch: Process (inbox entries → records, on the
// worker pool) and Publish (records → applications → the outputs).
//
// `run` opens a session, processes every entry once and publishes; `watch`
// keeps one open and processes and publishes whatever changed. Records are
// kept in memory without their cell images; Publish writes a package's
// record and workbook only when they changed (a stamp under .cache/outputs),
// reading the whole record back from the cache when it does.
//
// Thread-safety: one thread calls the session's methods; Process runs its
// own workers.
#pragma once

#include <atomic>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "extractors/ocr/engine.h"
#include "pipeline/batch/applications.h"
#include "pipeline/batch/batch.h"
#include "pipeline/batch/output_lock.h"
#include "pipeline/batch/progress.h"
#include "pipeline/batch/record_cache.h"

namespace gm {

// What processing one inbox entry gave.
struct EntryResult {
  std::optional<Record> record;  // without cell images; absent when failed before a record, or not an application
  std::string content_hash;
  std::string arrived;           // "YYYY-MM-DDTHH:MM:SSZ" (applications.h)
  bool failed = false;           // could not be processed at all (counts for the exit status)
  bool unwritten = false;        // its outputs could not be written at the last Publish (counts too)
  std::string error;             // why, when failed
  bool reused = false;           // the record came from the cache
  bool duplicate = false;        // another entry has the same content
  std::string not_application_kind, not_application_reason;  // a mailbox message without an application
  Origin origin;                 // for the listing of messages without an application
};

class IntakeSession {
 public:
  // Creates the output folder, takes its lock, sweeps temporary files, loads
  // the OCR engines, the context and the join rules. Non-OK when the batch
  // cannot start (the reasons of RunBatch).
  static Status Open(const BatchOptions& options, std::unique_ptr<IntakeSession>* out);

  // Processes `entries` on the workers, adding each one's result to
  // *results (replacing an earlier one). When *stop becomes true, workers
  // finish the package in hand and take no other; the entries not taken get
  // no result. `progress` may be null (nothing shown). Returns how many of
  // `entries` were taken (the first ones, in order).
  size_t Process(const std::vector<std::string>& entries, const std::atomic<bool>* stop, Progress* progress,
               std::map<std::string, EntryResult>* results);

  // Groups the records into applications and writes every output of the
  // contract for `results` (records, review workbooks, records.jsonl,
  // summary.xlsx with one row an application), plus OUT/applications.jsonl
  // and OUT/not_applications.jsonl, and removes the outputs of packages no
  // longer there. Non-OK when an output cannot be written; a package whose
  // own outputs cannot be written is marked `unwritten`, said FAILED to
  // `progress`, and left out of records.jsonl and the summary (they name only
  // records that exist).
  // `watch` publishes before every package of the inbox has a result: then
  // without `batch_outputs` only packages' own outputs that do not exist yet
  // are written (what an earlier start wrote stays until its packages are
  // known again, as an application may join packages not yet seen), and without
  // `prune` nothing is removed.
  Status Publish(std::map<std::string, EntryResult>* results, Progress* progress, bool batch_outputs = true,
                 bool prune = true);

  const BatchOptions& options() const { return options_; }
  // The workers' OCR costs summed. REQUIRES: no Process running.
  OcrCosts OcrCostsSoFar() const;
  ~IntakeSession();

 private:
  IntakeSession() = default;
  void Work(int worker, const std::vector<std::string>& entries, std::atomic<size_t>* next,
            const std::atomic<bool>* stop, Progress* progress, std::map<std::string, EntryResult>* results);
  // The record of an entry with its cell images, read back from the cache.
  Record Whole(const EntryResult& result) const;

  BatchOptions options_;
  OutputLock lock_;
  std::vector<std::unique_ptr<OcrEngine>> engines_;
  std::unique_ptr<BatchContext> ctx_;
  std::unique_ptr<RecordCache> cache_;
  JoinRules join_rules_;
  std::vector<std::string> notes_;  // from preparing the output folder
  std::mutex mu_;                   // guards the maps below during Process
  std::map<std::string, std::string> id_owner_;  // package id → the entry that has it
};

}  // namespace gm
