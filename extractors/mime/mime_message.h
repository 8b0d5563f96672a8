// MimeMessage: one e-mail (.eml) parsed into its attachments and its origin
// (subject, sender, recipients, date, body text), with GMime 3.2.
//
// Every leaf part that is a document is an attachment: parts with a file
// name, parts with Content-Disposition: attachment, and inline or
// disposition-less parts that are not text bodies (a PDF or scan marked
// inline). text/plain and text/html parts without a name are the body, not
// files. Forwarded messages (message/rfc822) are walked as part of the
// message: their attachments are attachments here, their text joins the body.
// Names are decoded to UTF-8 from RFC 2047 encoded-words, RFC 2231
// parameters or raw 8-bit GBK/GB18030/Big5 (see header_decode.h); they are
// returned as the sender wrote them (not yet made safe as paths).
//
// Thread-safety: ParseMimeMessage is thread-safe; the result is a plain value.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "pipeline/core/limits.h"
#include "pipeline/core/record.h"
#include "pipeline/core/status.h"

namespace gm {

struct MimeAttachment {
  std::string name;          // decoded UTF-8 file name; empty when the part has none
  std::string content_type;  // lower-case "type/subtype", e.g. "application/pdf"
  std::string bytes;         // the content, transfer encoding (base64, QP, uuencode) undone
};

struct MimeMessage {
  Origin origin;             // container "eml"; body: text/plain preferred, else HTML as text
  std::vector<MimeAttachment> attachments;  // in the order of the message
  int parts_seen = 0;        // MIME entities walked (multiparts, messages, leaves)
  bool parts_limit_hit = false;  // more than limits.max_mime_parts: the rest was not read
};

// The longest body kept in Origin::body, in bytes (cut at a character boundary).
inline constexpr size_t kMaxBodyBytes = 64 * 1024;

// Parses the bytes of an .eml. Returns Corrupt when GMime cannot make a
// message of the bytes at all, Limit when the structure is too deep or has far
// more parts than limits.max_mime_parts allows to even parse (a Chinese
// message naming the limit); otherwise OK with *out filled, even when the
// message is damaged (whatever parts could be read). When more than
// limits.max_mime_parts entities are present but parsing was affordable, the
// first ones are returned and parts_limit_hit is set.
Status ParseMimeMessage(std::string_view eml, const Limits& limits, MimeMessage* out);

}  // namespace gm
