// Output folder: OUT is greenmine's own. Inside it greenmine follows no
// symbolic link and deletes nothing it did not write.
//
//   OUT/records/, OUT/review/, OUT/.cache/, OUT/.cache/outputs/
//       must be real folders: a symbolic link (or a file) at one of these
//       names is removed — the link itself, never what it points to — and a
//       real folder made in its place, with a note for the operator.
//   OUT/.cache/outputs/<package_id>.stamp
//       the manifest: one stamp for each package whose record and workbook
//       greenmine wrote. Written before them (an empty claim) and after them
//       (what they were written from, see batch.cc). Stale-output pruning
//       deletes records/<id>.json and review/<id>.xlsx only for ids with a
//       stamp; a user's own *.json or *.xlsx is never touched.
//   "<stem>.tmp-<pid>-<n><ext>"
//       the temporaries of atomic_file.h; only regular files with exactly
//       this form are swept up after a killed run.
//
// Files are written by atomic_file.h, whose temporaries are created with
// O_EXCL (a link at the name fails the write instead of being followed) and
// renamed over the final name (rename replaces a link, never its target).
//
// Thread-safety: call from one thread, with the output lock held.
#pragma once

#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "pipeline/core/status.h"

namespace gm {

// Makes OUT's own folders real folders (see above). `notes` receives one
// line for each link or stray file that was replaced.
// REQUIRES: OUT exists and the output lock is held.
Status PrepareOwnFolders(const std::filesystem::path& out, std::vector<std::string>* notes);

// Removes the temporaries a killed run left in OUT's own folders.
void RemoveTemporaryFiles(const std::filesystem::path& out);

// The manifest stamp of a package's outputs.
std::filesystem::path OutputStampPath(const std::filesystem::path& out, const std::string& package_id);

// Removes the record, workbook and stamp of every package in the manifest
// whose id is not in `ids` (gone from the inbox, or renamed, or changed).
void PruneStaleOutputs(const std::filesystem::path& out, const std::set<std::string>& ids);

}  // namespace gm
