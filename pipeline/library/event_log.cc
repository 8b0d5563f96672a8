#include "pipeline/library/event_log.h"

#include <ctime>

namespace gm {
namespace {

// Migration i (1-based) brings the schema from version i-1 to i. Append
// only: a released migration is never edited.
const char* const kMigrations[] = {
    R"sql(
CREATE TABLE events(
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  project_id TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('collected','corrected','published','objected','extended','removed')),
  effective TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  source TEXT NOT NULL,
  actor TEXT NOT NULL DEFAULT '',
  data TEXT NOT NULL DEFAULT '{}');
CREATE INDEX events_by_project ON events(project_id, seq);
CREATE TRIGGER events_no_update BEFORE UPDATE ON events
  BEGIN SELECT RAISE(ABORT, 'library events are append-only'); END;
CREATE TRIGGER events_no_delete BEFORE DELETE ON events
  BEGIN SELECT RAISE(ABORT, 'library events are append-only'); END;
)sql",
};
constexpr int kMigrationCount = sizeof kMigrations / sizeof kMigrations[0];
static_assert(kMigrationCount == EventLog::kSchemaVersion);

Status ReadVersion(SqliteDb* db, int* version) {
  std::unique_ptr<SqliteStatement> st;
  if (Status s = db->Prepare("PRAGMA user_version", &st); !s.ok()) return s;
  bool row = false;
  if (Status s = st->Step(&row); !s.ok()) return s;
  *version = row ? static_cast<int>(st->Int(0)) : 0;
  return Status::OK();
}

}  // namespace

std::string UtcTimestamp() {
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

Status EventLog::Open(const std::filesystem::path& path, int busy_timeout_ms, std::unique_ptr<EventLog>* out) {
  std::unique_ptr<SqliteDb> db;
  if (Status s = SqliteDb::Open(path, busy_timeout_ms, &db); !s.ok()) return s;
  std::unique_ptr<EventLog> log(new EventLog(std::move(db)));
  if (Status s = log->Migrate(); !s.ok()) return s;
  *out = std::move(log);
  return Status::OK();
}

Status EventLog::Migrate() {
  WriteTransaction tx(db_.get());
  if (Status s = tx.Begin(); !s.ok()) return s;
  if (Status s = ReadVersion(db_.get(), &version_); !s.ok()) return s;
  if (version_ > kSchemaVersion)
    return Status::Unsupported("项目库 " + db_->path().string() + " 的结构版本为 " + std::to_string(version_) +
                               "，高于本程序支持的 " + std::to_string(kSchemaVersion) + "：请使用更新版本的 greenmine");
  for (int v = version_; v < kSchemaVersion; ++v) {
    if (Status s = db_->Exec(kMigrations[v]); !s.ok()) return s;
  }
  if (version_ < kSchemaVersion) {
    if (Status s = db_->Exec("PRAGMA user_version=" + std::to_string(kSchemaVersion)); !s.ok()) return s;
  }
  if (Status s = tx.Commit(); !s.ok()) return s;
  version_ = kSchemaVersion;
  return Status::OK();
}

Status EventLog::ReadAll(std::vector<LibraryEvent>* out) {
  std::unique_ptr<SqliteStatement> st;
  Status s = db_->Prepare(
      "SELECT seq, project_id, kind, effective, recorded_at, source, actor, data FROM events ORDER BY seq", &st);
  if (!s.ok()) return s;
  out->clear();
  for (bool row = true;;) {
    if (!(s = st->Step(&row)).ok()) return s;
    if (!row) break;
    LibraryEvent e;
    e.seq = st->Int(0);
    e.project_id = st->Text(1);
    e.kind = st->Text(2);
    e.effective = st->Text(3);
    e.recorded_at = st->Text(4);
    e.source = st->Text(5);
    e.actor = st->Text(6);
    e.data = Json::parse(st->Text(7), nullptr, /*allow_exceptions=*/false);
    if (e.data.is_discarded()) return Status::Corrupt("项目库事件 " + std::to_string(e.seq) + " 的数据已损坏");
    out->push_back(std::move(e));
  }
  return Status::OK();
}

Status EventLog::Append(const std::vector<LibraryEvent>& events) {
  std::unique_ptr<SqliteStatement> st;
  Status s = db_->Prepare(
      "INSERT INTO events(project_id, kind, effective, recorded_at, source, actor, data) VALUES (?,?,?,?,?,?,?)", &st);
  if (!s.ok()) return s;
  std::string now = UtcTimestamp();
  for (const LibraryEvent& e : events) {
    st->Reset();
    st->Bind(1, e.project_id);
    st->Bind(2, e.kind);
    st->Bind(3, e.effective);
    st->Bind(4, e.recorded_at.empty() ? now : e.recorded_at);
    st->Bind(5, e.source);
    st->Bind(6, e.actor);
    st->Bind(7, e.data.dump(-1, ' ', false, Json::error_handler_t::replace));
    if (!(s = st->Run()).ok()) return s;
  }
  return Status::OK();
}

Status EventLog::Update(const Decide& decide) {
  WriteTransaction tx(db_.get());
  if (Status s = tx.Begin(); !s.ok()) return s;
  std::vector<LibraryEvent> existing, append;
  if (Status s = ReadAll(&existing); !s.ok()) return s;
  if (Status s = decide(existing, &append); !s.ok()) return s;
  if (append.empty()) return Status::OK();
  if (Status s = Append(append); !s.ok()) return s;
  return tx.Commit();
}

}  // namespace gm
