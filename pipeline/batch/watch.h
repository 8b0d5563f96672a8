// RunWatch: `greenmine watch` — keeps the outputs of an inbox up to date as
// packages arrive, with the same outputs as `run` (intake_session.h).
//
// When is a package read? When it is complete, which is decided, not
// assumed: a Maildir message is delivered whole (tmp/ → new/ by rename);
// anything else — a file, a folder, an mbox — when it has been quiet for
// `settle` seconds (no size or mtime changed) and, for a folder, no file in it
// has a temporary name (ingest.h IsPartialFileName; after `partial_grace`
// seconds of quiet a leftover lock file no longer holds the folder back).
// Temporary names at the top of the inbox are never entries.
//
// What wakes it: the kernel's change notification (inotify on the inbox and
// every folder under it), and a rescan every `rescan` seconds as a safety net
// (inotify can overflow, network file systems do not notify). A package
// whose signature (inbox_snapshot.h) is unchanged is not read again; one that
// changed is read again (unchanged content is still served by the cache).
// A package that vanished loses its outputs at the next publish.
//
// Ending: SIGTERM or SIGINT finish the packages in hand, publish, and
// return OK. kill -9 loses nothing: every record is in the cache and every
// output is written atomically, so the next start carries on.
//
// Operator's view: one line a package on stderr (Progress) and
// OUT/watch_status.json, rewritten atomically after every scan:
//   {"state": "starting|watching|processing|stopped", "pid", "started",
//    "last_scan", "queue" (entries seen but not yet read), "packages",
//    "processed" (packages read since start), "last_error", "last_error_at"}
#pragma once

#include "pipeline/batch/batch.h"
#include "pipeline/core/status.h"

namespace gm {

struct WatchOptions {
  BatchOptions batch;
  double settle = 5;          // seconds of quiet before a file, folder or mbox is read
  double rescan = 30;         // seconds between safety rescans
  double partial_grace = 600; // seconds of quiet after which a temporary name no longer holds a folder back
};

// Runs until SIGTERM or SIGINT (handlers installed for the call's duration).
// Non-OK when it cannot start (RunBatch's reasons) or the outputs cannot be
// written at all.
Status RunWatch(const WatchOptions& options);

}  // namespace gm
