// MailScreen: tells the messages of a mailbox that carry no application —
// auto-replies, delivery reports, newsletters, letters without attachments —
// so that they are listed as such instead of read as empty applications.
// The rules are data: templates/ingest_mail_screen.tsv.
//
// Also the raw header lookup the mailbox needs (Message-ID, the screen's
// headers): the header block of an e-mail as it is, before any MIME parsing.
//
// Thread-safety: immutable after Load; Screen and MailHeader are thread-safe.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/core/status.h"

namespace gm {

// The first header `name` (case-insensitive) of the e-mail's header block,
// unfolded and trimmed; "" when absent. Stops at the first empty line.
std::string MailHeader(std::string_view eml, std::string_view name);

// What the screen says about a message.
struct ScreenResult {
  std::string kind;    // "" for an application; else auto_reply | delivery_report | bulk | newsletter | no_attachment
  std::string reason;  // Chinese, for the summary and the log
};

class MailScreen {
 public:
  // Loads ingest_mail_screen.tsv from dir; NotFound/Corrupt (English) when missing or malformed.
  static Status Load(const std::filesystem::path& dir, MailScreen* out);

  // The first rule that matches the message's headers (`eml` is the whole
  // message; only its header block is read) or its attachment count.
  ScreenResult Screen(std::string_view eml, int attachments) const;

 private:
  enum class Match { kPresent, kIs, kIsNot, kStarts, kContains, kNoAttachments };
  struct Rule {
    std::string header;               // lower case
    Match match = Match::kPresent;
    std::vector<std::string> values;  // lower case
    std::string kind, reason;
  };
  std::vector<Rule> rules_;
};

}  // namespace gm
