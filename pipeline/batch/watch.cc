#include "pipeline/batch/watch.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <ctime>
#include <fstream>
#include <iterator>
#include <map>
#include <set>

#include "pipeline/batch/intake_session.h"
#include "pipeline/core/record.h"
#include "pipeline/emit/atomic_file.h"
#include "pipeline/ingest/inbox_snapshot.h"

namespace gm {
namespace {

namespace fs = std::filesystem;

// SIGTERM and SIGINT set the flag and wake the loop through a pipe (the only
// things a handler may do). Installed for the life of the object.
std::atomic<bool> g_stop{false};
int g_wake_write = -1;

void OnStopSignal(int) {
  g_stop = true;
  if (g_wake_write >= 0) {
    char c = 1;
    ssize_t ignored = write(g_wake_write, &c, 1);
    (void)ignored;
  }
}

class StopSignals {
 public:
  StopSignals() {
    g_stop = false;
    if (pipe2(fds_, O_CLOEXEC) == 0) {
      for (int fd : fds_) fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
      g_wake_write = fds_[1];
    }
    struct sigaction sa = {};
    sa.sa_handler = OnStopSignal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGTERM, &sa, &old_term_);
    sigaction(SIGINT, &sa, &old_int_);
  }
  ~StopSignals() {
    sigaction(SIGTERM, &old_term_, nullptr);
    sigaction(SIGINT, &old_int_, nullptr);
    g_wake_write = -1;
    for (int fd : fds_)
      if (fd >= 0) close(fd);
  }
  StopSignals(const StopSignals&) = delete;
  StopSignals& operator=(const StopSignals&) = delete;
  int wake_fd() const { return fds_[0]; }

 private:
  int fds_[2] = {-1, -1};
  struct sigaction old_term_ = {}, old_int_ = {};
};

// inotify on the inbox and the folders under it. Watching a folder twice
// is harmless (the kernel returns the same watch), so every scan re-adds
// what it found; a folder that vanished drops its watch by itself.
class ChangeNotifier {
 public:
  ChangeNotifier() : fd_(inotify_init1(IN_NONBLOCK | IN_CLOEXEC)) {}
  ~ChangeNotifier() {
    if (fd_ >= 0) close(fd_);
  }
  ChangeNotifier(const ChangeNotifier&) = delete;
  ChangeNotifier& operator=(const ChangeNotifier&) = delete;
  bool ok() const { return fd_ >= 0; }
  int fd() const { return fd_; }
  void Watch(const fs::path& folder) {
    if (fd_ < 0) return;
    inotify_add_watch(fd_, folder.c_str(),
                      IN_CREATE | IN_DELETE | IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_FROM | IN_MOVED_TO | IN_ATTRIB |
                          IN_DELETE_SELF | IN_MOVE_SELF);
  }
  // Reads away pending events; true when there were any.
  bool Drain() {
    if (fd_ < 0) return false;
    bool any = false;
    alignas(inotify_event) char buf[8192];
    while (read(fd_, buf, sizeof buf) > 0) any = true;
    return any;
  }

 private:
  int fd_;
};

int64_t NowNs() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::file_clock::now().time_since_epoch())
      .count();
}

std::string WallText() {
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  localtime_r(&now, &tm);
  char buf[40];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S%z", &tm);
  return buf;
}

struct TopState {
  std::string signature;
  int64_t quiet_since_ns = 0;
};

struct WatchState {
  std::map<std::string, TopState> tops;
  std::map<std::string, std::string> read_signature;  // entry → the signature it was read with
  std::map<std::string, EntryResult> results;
  std::string started, last_scan, last_error, last_error_at, state = "starting";
  int queue = 0, processed = 0;
  // The entries an earlier start wrote outputs for (their records' and
  // not_applications.jsonl's sources): read first after a start.
  std::set<std::string> earlier;
  // Every one of them still in the inbox has had a result since the start:
  // until then records.jsonl, the summary and the lists keep what the earlier
  // start wrote (written from fewer results, they would drop its packages).
  bool earlier_read = false;
};

void WriteStatus(const fs::path& out, const WatchState& w) {
  Json j = {{"state", w.state},
            {"pid", static_cast<int>(getpid())},
            {"started", w.started},
            {"last_scan", w.last_scan.empty() ? Json(nullptr) : Json(w.last_scan)},
            {"queue", w.queue},
            {"packages", static_cast<int>(w.results.size())},
            {"processed", w.processed},
            {"last_error", w.last_error.empty() ? Json(nullptr) : Json(w.last_error)},
            {"last_error_at", w.last_error_at.empty() ? Json(nullptr) : Json(w.last_error_at)}};
  // The status file is advisory: one that cannot be written now is written at the next change.
  (void)WriteFileAtomically(out / "watch_status.json", j.dump(2, ' ', false, Json::error_handler_t::replace) + "\n");
}

// Outputs of packages no longer in the inbox are pruned only when every
// entry has a result: at a start, the records of an earlier start stay while
// their packages wait to be looked at again.
bool EveryEntryRead(const InboxSnapshot& snap, const WatchState& w) {
  for (const auto& [entry, s] : snap.entries)
    if (!w.results.count(entry)) return false;
  return true;
}

bool EarlierEntriesRead(const InboxSnapshot& snap, const WatchState& w) {
  for (const std::string& entry : w.earlier)
    if (snap.entries.count(entry) && !w.results.count(entry)) return false;
  return true;
}

std::string SourceOf(const std::string& json_text) {
  Json j = Json::parse(json_text, nullptr, /*allow_exceptions=*/false);
  return j.is_object() && j.contains("source") && j["source"].is_string() ? j["source"].get<std::string>() : "";
}

// The sources of what an earlier start wrote: every record file (one killed
// before records.jsonl still left its record) and not_applications.jsonl.
std::set<std::string> EarlierSources(const fs::path& out) {
  std::set<std::string> sources;
  std::error_code ec;
  for (fs::directory_iterator it(out / "records", ec); !ec && it != fs::directory_iterator(); it.increment(ec)) {
    if (it->path().extension() != ".json") continue;
    std::ifstream in(it->path(), std::ios::binary);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (std::string source = SourceOf(text); !source.empty()) sources.insert(source);
  }
  std::ifstream listed(out / "not_applications.jsonl", std::ios::binary);
  for (std::string line; std::getline(listed, line);)
    if (std::string source = SourceOf(line); !source.empty()) sources.insert(source);
  return sources;
}

void NoteError(WatchState* w, const std::string& what) {
  w->last_error = what;
  w->last_error_at = WallText();
}

}  // namespace

Status RunWatch(const WatchOptions& options) {
  StopSignals signals;
  std::unique_ptr<IntakeSession> session;
  if (Status s = IntakeSession::Open(options.batch, &session); !s.ok()) return s;
  const fs::path& out = options.batch.out;
  const int64_t settle_ns = static_cast<int64_t>(options.settle * 1e9);
  const int64_t grace_ns = static_cast<int64_t>(std::max(options.partial_grace, options.settle) * 1e9);
  const size_t chunk = static_cast<size_t>(std::max(1, options.batch.jobs));
  ChangeNotifier notifier;
  WatchState w;
  w.started = WallText();
  w.earlier = EarlierSources(out);
  if (!notifier.ok()) NoteError(&w, "inotify unavailable; rescanning every " + std::to_string(options.rescan) + " s");
  WriteStatus(out, w);
  // An empty inbox, or one emptied while an earlier start was away, needs a publish of its own.
  bool publish_needed = true;

  while (!g_stop) {
    notifier.Drain();
    InboxSnapshot snap = SnapshotInbox(options.batch.inbox);
    for (const fs::path& folder : snap.folders) notifier.Watch(folder);
    const int64_t now = NowNs();
    w.last_scan = WallText();

    // Settle: each top name is quiet since its last change.
    std::map<std::string, TopState> tops;
    for (const auto& [entry, s] : snap.entries) {
      if (tops.count(s.top)) continue;
      auto old = w.tops.find(s.top);
      TopState t{s.top_signature, std::min(now, s.newest_mtime_ns)};
      if (old != w.tops.end()) t.quiet_since_ns = old->second.signature == s.top_signature ? old->second.quiet_since_ns : now;
      tops[s.top] = t;
    }
    w.tops = std::move(tops);
    // Entries gone from the inbox lose their outputs.
    for (auto it = w.results.begin(); it != w.results.end();) {
      if (snap.entries.count(it->first)) { ++it; continue; }
      w.read_signature.erase(it->first);
      it = w.results.erase(it);
      publish_needed = true;
    }
    std::vector<std::string> ready;
    int64_t next_wake_ns = static_cast<int64_t>(options.rescan * 1e9);
    w.queue = 0;
    for (const auto& [entry, s] : snap.entries) {
      auto read = w.read_signature.find(entry);
      if (read != w.read_signature.end() && read->second == s.signature) continue;
      const int64_t quiet = now - w.tops[s.top].quiet_since_ns;
      const bool complete = s.delivered_whole || (quiet >= settle_ns && (!s.partial || quiet >= grace_ns));
      if (complete) {
        ready.push_back(entry);
      } else {
        ++w.queue;
        next_wake_ns = std::min(next_wake_ns, (s.partial && quiet >= settle_ns ? grace_ns : settle_ns) - quiet);
      }
    }
    w.queue += static_cast<int>(ready.size());
    // After a start, what an earlier start wrote is read first (from the cache,
    // quickly): the batch outputs wait for it.
    if (!w.earlier_read)
      std::stable_partition(ready.begin(), ready.end(), [&](const std::string& e) { return w.earlier.count(e) > 0; });
    w.state = ready.empty() ? "watching" : "processing";
    WriteStatus(out, w);

    // Read what is complete, a few at a time, publishing after each few so
    // records appear as their packages are read.
    for (size_t start = 0; start < ready.size() && !g_stop; start += chunk) {
      std::vector<std::string> batch(ready.begin() + start, ready.begin() + std::min(ready.size(), start + chunk));
      Progress progress(static_cast<int>(batch.size()), false, options.batch.quiet);
      size_t taken = session->Process(batch, &g_stop, &progress, &w.results);
      for (size_t i = 0; i < taken; ++i) {
        w.read_signature[batch[i]] = snap.entries[batch[i]].signature;
        ++w.processed;
        auto r = w.results.find(batch[i]);
        if (r != w.results.end() && r->second.failed) NoteError(&w, batch[i] + ": " + r->second.error);
      }
      const bool whole = EveryEntryRead(snap, w);
      w.earlier_read = w.earlier_read || EarlierEntriesRead(snap, w);
      if (Status s = session->Publish(&w.results, &progress, w.earlier_read, whole); !s.ok()) {
        NoteError(&w, s.ToString());
        progress.Problem("publish: " + s.ToString());
      }
      for (const auto& [entry, r] : w.results)
        if (r.unwritten) NoteError(&w, entry + ": " + r.error);
      publish_needed = false;
      w.queue -= static_cast<int>(taken);
      WriteStatus(out, w);
    }
    if (publish_needed && !g_stop) {
      const bool whole = EveryEntryRead(snap, w);
      w.earlier_read = w.earlier_read || EarlierEntriesRead(snap, w);
      if (w.earlier_read)
        if (Status s = session->Publish(&w.results, nullptr, true, whole); !s.ok()) NoteError(&w, s.ToString());
      publish_needed = false;
    }
    if (g_stop) break;
    if (!ready.empty()) continue;  // look again at once: more may have come while reading

    // Sleep until a change, a package may have settled, or the rescan is due.
    w.state = "watching";
    WriteStatus(out, w);
    struct pollfd fds[2] = {{signals.wake_fd(), POLLIN, 0}, {notifier.fd(), POLLIN, 0}};
    int timeout_ms = static_cast<int>(std::clamp<int64_t>(next_wake_ns / 1000000 + 1, 1, 3600 * 1000));
    int n = poll(fds, notifier.ok() ? 2 : 1, timeout_ms);
    if (n > 0 && (fds[1].revents & POLLIN)) {
      // A burst of writes comes as many events: let it pass before scanning.
      usleep(100 * 1000);
    }
  }
  // Stopped: the packages in hand are finished; publish them.
  Status published = session->Publish(&w.results, nullptr, w.earlier_read, /*prune=*/false);
  if (!published.ok()) NoteError(&w, published.ToString());
  w.state = "stopped";
  WriteStatus(out, w);
  return published;
}

}  // namespace gm
