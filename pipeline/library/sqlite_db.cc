#include "pipeline/library/sqlite_db.h"

#include <sqlite3.h>

#include <chrono>
#include <thread>

namespace gm {

Status SqliteDb::Open(const std::filesystem::path& path, int busy_timeout_ms, std::unique_ptr<SqliteDb>* out) {
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                           nullptr);
  if (rc != SQLITE_OK) {
    std::string why = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    sqlite3_close(db);
    return Status::IoError("项目库文件无法打开：" + path.string() + "（" + why + "）");
  }
  sqlite3_extended_result_codes(db, 1);
  sqlite3_busy_timeout(db, busy_timeout_ms);
  std::unique_ptr<SqliteDb> wrapper(new SqliteDb(db, path));
  // journal_mode answers with a row; Exec ignores it. A file that is not a
  // database fails here, on its first read. Turning a new file to WAL takes
  // a lock for which SQLite does not call the busy handler: two commands
  // creating the library at once got "database is locked" (e2e_library's
  // concurrent collects, now and then), so the pragma is tried again until
  // the busy timeout has passed.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(busy_timeout_ms);
  Status s;
  for (;;) {
    s = wrapper->Exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;");
    const int code = sqlite3_errcode(db) & 0xff;
    if (s.ok() || (code != SQLITE_BUSY && code != SQLITE_LOCKED) || std::chrono::steady_clock::now() >= deadline) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  if (!s.ok()) return Status::IoError("项目库文件无法使用：" + path.string() + "（" + s.message() + "）");
  *out = std::move(wrapper);
  return Status::OK();
}

SqliteDb::~SqliteDb() { sqlite3_close_v2(db_); }

Status SqliteDb::Error(const std::string& what) const {
  return Status::IoError(what + ": " + sqlite3_errmsg(db_) + " (" + path_.string() + ")");
}

Status SqliteDb::Exec(const std::string& sql) {
  char* message = nullptr;
  int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &message);
  if (rc == SQLITE_OK) return Status::OK();
  std::string why = message != nullptr ? message : sqlite3_errstr(rc);
  sqlite3_free(message);
  return Status::IoError(why + " (" + path_.string() + ")");
}

Status SqliteDb::Prepare(const std::string& sql, std::unique_ptr<SqliteStatement>* out) {
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK) return Error("prepare");
  out->reset(new SqliteStatement(db_, stmt));
  return Status::OK();
}

int64_t SqliteDb::LastInsertRowId() const { return sqlite3_last_insert_rowid(db_); }

SqliteStatement::~SqliteStatement() { sqlite3_finalize(stmt_); }

void SqliteStatement::Bind(int index, const std::string& text) {
  sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
}
void SqliteStatement::Bind(int index, int64_t value) { sqlite3_bind_int64(stmt_, index, value); }
void SqliteStatement::BindNull(int index) { sqlite3_bind_null(stmt_, index); }

Status SqliteStatement::Step(bool* row) {
  int rc = sqlite3_step(stmt_);
  *row = rc == SQLITE_ROW;
  if (rc == SQLITE_ROW || rc == SQLITE_DONE) return Status::OK();
  return Status::IoError(std::string("step: ") + sqlite3_errmsg(db_));
}

Status SqliteStatement::Run() {
  bool row = false;
  Status s = Step(&row);
  sqlite3_reset(stmt_);
  return s;
}

void SqliteStatement::Reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

std::string SqliteStatement::Text(int column) const {
  const unsigned char* text = sqlite3_column_text(stmt_, column);
  return text == nullptr ? std::string() : std::string(reinterpret_cast<const char*>(text),
                                                      sqlite3_column_bytes(stmt_, column));
}
int64_t SqliteStatement::Int(int column) const { return sqlite3_column_int64(stmt_, column); }
bool SqliteStatement::IsNull(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }

WriteTransaction::~WriteTransaction() {
  // A destructor cannot report; a failed rollback leaves SQLite to roll back on close.
  if (open_) (void)db_->Exec("ROLLBACK");
}

Status WriteTransaction::Begin() {
  Status s = db_->Exec("BEGIN IMMEDIATE");
  open_ = s.ok();
  return s;
}

Status WriteTransaction::Commit() {
  Status s = db_->Exec("COMMIT");
  if (s.ok()) open_ = false;
  return s;
}

}  // namespace gm
