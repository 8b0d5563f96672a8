// SqliteDb and SqliteStatement: the one place that owns SQLite handles. The
// rest of the library module talks to these wrappers, never to sqlite3_*.
//
// A connection is opened in WAL mode with synchronous=FULL (a committed
// transaction survives a power cut or kill -9) and a busy timeout, so a
// second greenmine command on the same file waits for the first instead of
// failing. Writers take the write lock up front (BEGIN IMMEDIATE), so two
// commands never both read, then both try to write.
//
// Thread-safety: a connection and its statements belong to one thread.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "pipeline/core/status.h"

struct sqlite3;
struct sqlite3_stmt;

namespace gm {

class SqliteStatement;

class SqliteDb {
 public:
  // Opens (creating when missing) the database at `path`. IoError naming
  // the path when it cannot be opened or is not a SQLite database.
  static Status Open(const std::filesystem::path& path, int busy_timeout_ms, std::unique_ptr<SqliteDb>* out);
  ~SqliteDb();
  SqliteDb(const SqliteDb&) = delete;
  SqliteDb& operator=(const SqliteDb&) = delete;

  // Runs one or more statements without results.
  Status Exec(const std::string& sql);
  // Compiles one statement. REQUIRES: the statement does not outlive this.
  Status Prepare(const std::string& sql, std::unique_ptr<SqliteStatement>* out);

  int64_t LastInsertRowId() const;
  const std::filesystem::path& path() const { return path_; }

 private:
  SqliteDb(sqlite3* db, std::filesystem::path path) : db_(db), path_(std::move(path)) {}
  Status Error(const std::string& what) const;

  sqlite3* db_;
  std::filesystem::path path_;
};

// A compiled statement. Bind parameters are 1-based, columns 0-based.
class SqliteStatement {
 public:
  ~SqliteStatement();
  SqliteStatement(const SqliteStatement&) = delete;
  SqliteStatement& operator=(const SqliteStatement&) = delete;

  void Bind(int index, const std::string& text);
  void Bind(int index, int64_t value);
  void BindNull(int index);
  // Advances: *row is true while a result row is available; false when done.
  Status Step(bool* row);
  // Runs a statement that returns no rows.
  Status Run();
  void Reset();

  std::string Text(int column) const;
  int64_t Int(int column) const;
  bool IsNull(int column) const;

 private:
  friend class SqliteDb;
  SqliteStatement(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  sqlite3* db_;
  sqlite3_stmt* stmt_;
};

// A write transaction taken with BEGIN IMMEDIATE, rolled back unless
// committed. REQUIRES: `db` outlives the transaction.
class WriteTransaction {
 public:
  explicit WriteTransaction(SqliteDb* db) : db_(db) {}
  ~WriteTransaction();
  Status Begin();
  Status Commit();

 private:
  SqliteDb* db_;
  bool open_ = false;
};

}  // namespace gm
