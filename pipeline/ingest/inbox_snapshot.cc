#include "pipeline/ingest/inbox_snapshot.h"

#include <chrono>

#include "pipeline/ingest/ingest.h"
#include "pipeline/ingest/mailbox.h"

namespace gm {
namespace fs = std::filesystem;
namespace {

int64_t MtimeNs(const fs::path& p) {
  std::error_code ec;
  auto t = fs::last_write_time(p, ec);
  if (ec) return 0;
  return std::chrono::duration_cast<std::chrono::nanoseconds>(t.time_since_epoch()).count();
}

std::string FileSignature(const fs::path& p, int64_t* mtime) {
  std::error_code ec;
  uintmax_t size = fs::file_size(p, ec);
  *mtime = MtimeNs(p);
  return std::to_string(ec ? 0 : size) + "@" + std::to_string(*mtime);
}

// Every file of a folder (recursively) with its size and mtime; folders found
// are added to `folders`.
void FolderSignature(const fs::path& root, EntrySnapshot* s, std::vector<fs::path>* folders) {
  folders->push_back(root);
  s->newest_mtime_ns = MtimeNs(root);
  std::error_code ec;
  fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec);
  for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    std::error_code sec;
    fs::file_status st = it->symlink_status(sec);
    const std::string name = it->path().filename().string();
    int64_t mtime = MtimeNs(it->path());
    s->newest_mtime_ns = std::max(s->newest_mtime_ns, mtime);
    if (fs::is_directory(st)) {
      folders->push_back(it->path());
      s->signature += "d " + it->path().lexically_relative(root).string() + "\n";
      continue;
    }
    if (IsPartialFileName(name) && name.rfind("._", 0) != 0 && name != ".DS_Store") s->partial = true;
    s->signature += it->path().lexically_relative(root).string() + " " + FileSignature(it->path(), &mtime) + "\n";
  }
}

}  // namespace

InboxSnapshot SnapshotInbox(const fs::path& inbox) {
  InboxSnapshot snap;
  snap.folders.push_back(inbox);
  // Every Maildir's new/ and cur/, an empty one too: its first message is
  // delivered there (tmp/ → new/ by rename), and is seen at once.
  std::error_code ec;
  for (fs::directory_iterator it(inbox, ec); !ec && it != fs::directory_iterator(); it.increment(ec)) {
    std::error_code sec;
    if (!fs::is_directory(it->status(sec)) || !IsMaildir(it->path())) continue;
    snap.folders.push_back(it->path() / "new");
    snap.folders.push_back(it->path() / "cur");
  }
  std::map<std::string, EntrySnapshot> tops;  // signature of each top name
  for (const std::string& entry : ListInbox(inbox)) {
    InboxEntryRef ref;
    if (!ParseInboxEntry(inbox, entry, &ref).ok()) continue;
    EntrySnapshot s;
    if (ref.kind == InboxEntryRef::Kind::kMaildirMessage) {
      s.top = ref.mailbox;
      s.delivered_whole = true;
      s.signature = FileSignature(inbox / entry, &s.newest_mtime_ns);
      if (!tops.count(s.top)) tops[s.top].signature = "maildir";
    } else if (ref.kind == InboxEntryRef::Kind::kMboxMessage) {
      s.top = ref.mailbox;
      if (!tops.count(s.top)) tops[s.top].signature = FileSignature(inbox / s.top, &tops[s.top].newest_mtime_ns);
      std::vector<MboxSpan> spans;
      // An mbox that cannot be indexed gets the signature "mbox ?" below.
      (void)IndexMbox(inbox / s.top, &spans);
      s.signature = ref.index <= static_cast<int>(spans.size())
                        ? "mbox " + std::to_string(spans[ref.index - 1].offset) + "+" +
                              std::to_string(spans[ref.index - 1].length)
                        : "mbox ?";
      s.newest_mtime_ns = tops[s.top].newest_mtime_ns;
    } else {
      s.top = entry;
      std::error_code ec;
      if (fs::is_directory(inbox / entry, ec)) {
        FolderSignature(inbox / entry, &s, &snap.folders);
      } else {
        s.signature = FileSignature(inbox / entry, &s.newest_mtime_ns);
      }
      tops[s.top].signature = s.signature;
    }
    s.top_signature = tops[s.top].signature;
    snap.entries[entry] = std::move(s);
  }
  return snap;
}

}  // namespace gm
