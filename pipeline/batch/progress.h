// Progress: what the operator sees while a batch runs. On a terminal, one
// status line redrawn in place (packages and pages done, what each worker is
// doing, time left); otherwise — a log file, CI — plain timestamped lines,
// one per event, so the log reads well afterwards.
//
// Thread-safety: every method may be called from any worker thread.
#pragma once

#include <chrono>
#include <cstdio>
#include <map>
#include <mutex>
#include <string>

namespace gm {

class Progress {
 public:
  // `total` packages; `interactive` draws a status line on `out`.
  Progress(int total, bool interactive, bool quiet, std::FILE* out = stderr);

  void Stage(int worker, const std::string& package, const std::string& stage);
  // A package finished: `pages` read (0 when reused from the cache).
  void Done(int worker, const std::string& package, int pages, int errors, int warnings, bool reused);
  void Failed(int worker, const std::string& package, const std::string& why);
  // A mailbox message that carries no application: listed, not read.
  void Listed(int worker, const std::string& package, const std::string& why);
  // A plain message (warnings about the batch itself).
  void Note(const std::string& message);
  // A problem with the batch itself (a cache that cannot be written): shown
  // even when quiet.
  void Problem(const std::string& message);
  // Clears the status line before the closing summary.
  void Finish();

  // Wall time the workers have spent in each stage so far (summed over
  // workers; a stage lasts from its Stage call to the worker's next Stage,
  // Done, Failed or Listed).
  std::map<std::string, double> StageSeconds();

 private:
  // Failures and notes are printed even with `quiet`: quiet drops progress,
  // never a reason.
  void Log(const std::string& line, bool even_if_quiet = false);  // REQUIRES: mu_ held
  void Redraw();                       // REQUIRES: mu_ held
  void EndStage(int worker);           // REQUIRES: mu_ held
  std::string EtaText() const;         // REQUIRES: mu_ held

  std::mutex mu_;
  const int total_;
  const bool interactive_, quiet_;
  std::FILE* out_;
  int done_ = 0, pages_ = 0, processed_ = 0;
  std::map<int, std::string> doing_;   // worker → "package: stage"
  struct StageStart {
    std::string stage;
    std::chrono::steady_clock::time_point at;
  };
  std::map<int, StageStart> stage_of_;  // worker → its present stage
  std::map<std::string, double> stage_seconds_;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
};

}  // namespace gm
