// InboxSnapshot: what `watch` sees of the inbox at one moment — each entry
// (as ListInbox names them) with a signature that changes when its content
// may have changed, and what is needed to decide whether it is complete.
// Only metadata is read (stat), never a package's bytes, except an mbox's
// index (mailbox.h, cached by size and mtime).
//
// Thread-safety: a pure function of the disk; thread-safe.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace gm {

struct EntrySnapshot {
  // Changes when the entry's bytes may have: size and mtime of every file of
  // the entry (an mbox message: its place in the mbox).
  std::string signature;
  // The inbox name the entry is part of ("mail" for "mail/new/x",
  // "box.mbox" for "box.mbox#3", the entry itself otherwise) and that name's
  // own signature: a folder or an mbox is complete when it has been quiet.
  std::string top, top_signature;
  int64_t newest_mtime_ns = 0;  // the latest mtime under the top name
  // A file of the folder still has a temporary name (IsPartialFileName).
  bool partial = false;
  // Delivered whole by rename (a Maildir message): complete when seen.
  bool delivered_whole = false;
};

struct InboxSnapshot {
  std::map<std::string, EntrySnapshot> entries;
  // For change notification: the inbox first, every folder of a folder
  // package, and every Maildir's new/ and cur/ (an empty Maildir's too).
  std::vector<std::filesystem::path> folders;
};

InboxSnapshot SnapshotInbox(const std::filesystem::path& inbox);

}  // namespace gm
