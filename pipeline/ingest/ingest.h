// Ingest: the first stage. Turns each entry of the inbox — an e-mail, an
// archive, a folder or a loose file — into a Package of leaf files with
// decoded UTF-8 names, bytes and sha256, and the e-mail's origin.
//
// Ingest never modifies the inbox and never writes anything: every byte is
// held in memory, bounded by Limits. Anything wrong inside a package becomes
// an InputFile error or an unreadable_input finding (Chinese, telling the
// reviewer what to ask the applicant for); see package_builder.h.
//
// Thread-safety: all functions are thread-safe; distinct packages may be
// ingested on distinct threads.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "pipeline/core/limits.h"
#include "pipeline/core/package.h"
#include "pipeline/core/status.h"
#include "pipeline/core/templates.h"

namespace gm {

// The package entries of an inbox: every file and folder directly inside it,
// sorted by name (byte order); hidden entries (starting with '.') and the
// partial files of other tools (IsPartialFileName) skipped. A mailbox is not
// one entry but one a message (mailbox.h): "<maildir>/new/<file>",
// "<maildir>/cur/<file>", "<mbox>#<n>", listed in the mailbox's place. Empty
// when the inbox does not exist or cannot be listed.
std::vector<std::string> ListInbox(const std::filesystem::path& inbox);

// True for a name other tools give a file while they still write it, or
// keep beside an open document: hidden names (".~lock.x#", rsync's
// ".x.Ab12Cd"), "~$x", "*.part", "*.partial", "*.crdownload", "*.download",
// "*.tmp". Such files are not packages, and a folder holding one is still
// being filled.
bool IsPartialFileName(const std::string& name);

// Unpacks one inbox entry into a Package. Returns non-OK only when the
// package cannot be processed at all (the entry vanished or cannot be read
// from disk, or ingest's tables are missing from templates.dir()); anything
// wrong inside becomes an InputFile error or a Package finding, and the rest
// goes on. Never modifies the inbox.
// Package: source = entry; origin.container = "eml" | "zip" (any archive) |
// "folder" | "file"; files sorted by path; content_hash, id and id_if_taken
// per package_identity.h (a folder keeps its whole name, a file drops its
// extension; the entry name is part of the id's hash).
// A mailbox message (entry "<maildir>/new/<file>" or "<mbox>#<n>") is an
// e-mail package with origin.mailbox and origin.message_id set; its id's
// name is "<maildir>_<file without :2,FLAGS>" or "<mbox stem>_<n>", and its
// hash takes the mailbox and Message-ID instead of the entry, so moving the
// message from new/ to cur/ keeps its id. A message the screen
// (mail_screen.h) finds no application in has not_application_* set and no
// finding for its missing files.
Status IngestPackage(const std::filesystem::path& inbox, const std::string& entry, const Limits& limits,
                     const Templates& templates, Package* out);

// Indices of packages whose content_hash equals an earlier one's:
// {duplicate index → first index}. Packages without files are never duplicates.
std::map<size_t, size_t> FindDuplicates(const std::vector<Package>& packages);

}  // namespace gm
