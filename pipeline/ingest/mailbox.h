// Mailboxes in the inbox: a Maildir (a folder holding cur/ and new/, as
// mbsync, getmail, fetchmail and offlineimap deliver) or an mbox file (named
// *.mbox, or starting "From ") is not one package but one package a message
// (the contract's "mailbox in the inbox"). Its entries are named
//   "<maildir>/new/<file>", "<maildir>/cur/<file>"   (tmp/ is never read:
//                                                     delivery in progress)
//   "<mbox>#<n>"                                      (n counts from 1)
// and read here as the bytes of one e-mail.
//
// mbox is split on "From " lines that start the file or follow an empty
// line (the mboxo/mboxrd separator; a body line "From ..." in the middle of
// a paragraph stays text), and mboxrd's quoting (">From ") is undone one
// level. GMime's mbox parser would do the same, but splitting here lets an
// entry be read without parsing the messages before it.
//
// Thread-safety: every function is thread-safe. IndexMbox keeps a small
// process-wide cache of the last indices, keyed by path, size and mtime.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/core/status.h"

namespace gm {

// True for a folder holding both cur/ and new/ folders.
bool IsMaildir(const std::filesystem::path& path);

// True for a regular file named *.mbox (any case) or whose first bytes are "From ".
bool IsMboxFile(const std::filesystem::path& path);

// The message files of the Maildir `inbox/name`, as entries
// "name/new/<file>" and "name/cur/<file>", sorted; hidden files skipped.
std::vector<std::string> ListMaildir(const std::filesystem::path& inbox, const std::string& name);

// A Maildir file name without its ":2,FLAGS" info, which the mail client
// changes when the message is read or flagged: the message's stable name.
std::string MaildirUniqueName(std::string_view file_name);

// One message of an mbox: where its bytes lie, after its "From " line.
struct MboxSpan {
  uint64_t offset = 0, length = 0;
};

// Splits mbox text into its messages (see above). Text before the first
// "From " line is not a message.
std::vector<MboxSpan> SplitMbox(std::string_view text);

// The messages of the mbox file at `path`. Returns NotFound / IoError (Chinese).
Status IndexMbox(const std::filesystem::path& path, std::vector<MboxSpan>* out);

// The e-mail at `span` of the mbox file: its bytes with mboxrd quoting
// undone. Limit when the message is larger than max_bytes; Corrupt when the
// file changed and the span no longer starts after a "From " line.
Status ReadMboxMessage(const std::filesystem::path& path, const MboxSpan& span, uint64_t max_bytes,
                       std::string* out);

// Where an inbox entry points. kPackage: an ordinary entry (file or folder
// directly in the inbox); kMaildirMessage: `mailbox` is the Maildir's name,
// `place` "new/<file>" or "cur/<file>"; kMboxMessage: `mailbox` the mbox's
// name, `index` the message's number (from 1).
struct InboxEntryRef {
  enum class Kind { kPackage, kMaildirMessage, kMboxMessage } kind = Kind::kPackage;
  std::string mailbox, place;
  int index = 0;
};

// Parses an entry name as ListInbox makes them. InvalidArgument for a name
// that is no entry of the inbox ("..", absolute, a path into an ordinary
// folder, a Maildir's tmp/).
Status ParseInboxEntry(const std::filesystem::path& inbox, const std::string& entry, InboxEntryRef* out);

}  // namespace gm
