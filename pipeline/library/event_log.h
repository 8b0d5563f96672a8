// EventLog: the project library's SQLite file. Every change is an appended
// event — what happened to which project, when it takes effect, when it was
// recorded, from which workbook or command, and by whom — and the projects'
// current state is derived from the events (project_state.h), so the history
// of a project can always be shown and nothing is overwritten (triggers
// refuse UPDATE and DELETE on the events table).
//
// Schema version is PRAGMA user_version; Open applies the missing migrations
// in one transaction, and refuses a file made by a newer greenmine.
// Every Update runs in one BEGIN IMMEDIATE transaction: a command killed at
// any moment leaves either all of its events or none, and a second command
// waits (busy timeout) instead of interleaving.
//
// Thread-safety: one EventLog per thread; several processes may share a file.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "pipeline/core/record.h"
#include "pipeline/core/status.h"
#include "pipeline/library/sqlite_db.h"

namespace gm {

// Event kinds.
inline constexpr const char* kEventCollected = "collected";  // experts' conclusion imported
inline constexpr const char* kEventCorrected = "corrected";  // an expert's 更正值 for one field
inline constexpr const char* kEventPublished = "published";  // publicity started (data: start, end)
inline constexpr const char* kEventObjected = "objected";    // an objection upheld (data: reason)
inline constexpr const char* kEventExtended = "extended";    // validity extended (data: valid_until)
inline constexpr const char* kEventRemoved = "removed";      // removed from the library (data: reason)

struct LibraryEvent {
  int64_t seq = 0;           // assigned on append, increasing
  std::string project_id;
  std::string kind;
  std::string effective;     // YYYY-MM-DD: the day the change takes effect
  std::string recorded_at;   // UTC, YYYY-MM-DDTHH:MM:SSZ; filled on append when empty
  std::string source;        // the workbook(s) or the command line it came from
  std::string actor;         // the expert or the command
  Json data;                 // kind-specific
};

class EventLog {
 public:
  static constexpr int kSchemaVersion = 1;

  // Opens or creates the library file and brings its schema up to date.
  static Status Open(const std::filesystem::path& path, int busy_timeout_ms, std::unique_ptr<EventLog>* out);

  // Every event in order.
  Status ReadAll(std::vector<LibraryEvent>* out);

  // Reads every event and appends what `decide` returns, in one write
  // transaction: `decide` sees the state no other command can change until
  // the append commits. Nothing is appended when `decide` fails.
  using Decide = std::function<Status(const std::vector<LibraryEvent>& existing, std::vector<LibraryEvent>* append)>;
  Status Update(const Decide& decide);

  int schema_version() const { return version_; }

 private:
  explicit EventLog(std::unique_ptr<SqliteDb> db) : db_(std::move(db)) {}
  Status Migrate();
  Status Append(const std::vector<LibraryEvent>& events);

  std::unique_ptr<SqliteDb> db_;
  int version_ = 0;
};

// The current UTC time as YYYY-MM-DDTHH:MM:SSZ.
std::string UtcTimestamp();

}  // namespace gm
