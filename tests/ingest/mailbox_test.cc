// Mailboxes in the inbox (issue 21): Maildir and mbox entries, the screen for
// messages without an application, ids that survive new/ → cur/.
#include "pipeline/ingest/mailbox.h"

#include <gtest/gtest.h>

#include "pipeline/ingest/ingest.h"
#include "pipeline/ingest/mail_screen.h"
#include "tests/ingest/fixtures.h"

namespace gm {
namespace {

using testing::Base64;
using testing::TempDir;

const std::filesystem::path kTemplates = std::filesystem::path(GREENMINE_SOURCE_DIR) / "templates";

const Templates& Tpl() {
  static Templates* t = [] {
    auto* tpl = new Templates;
    EXPECT_TRUE(Templates::Load(kTemplates, tpl).ok());
    return tpl;
  }();
  return *t;
}

std::string Mail(const std::string& id, const std::string& extra_headers, bool attachment) {
  std::string m = "From: a@b.cn\r\nTo: ku@c.cn\r\nSubject: test\r\nMessage-ID: <" + id + ">\r\n" + extra_headers +
                  "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n"
                  "--b\r\nContent-Type: text/plain\r\n\r\nhello\r\n";
  if (attachment)
    m += "--b\r\nContent-Type: application/pdf\r\nContent-Transfer-Encoding: base64\r\n"
         "Content-Disposition: attachment; filename=\"a.pdf\"\r\n\r\n" + Base64("%PDF-1.4 " + id) + "\r\n";
  return m + "--b--\r\n";
}

std::vector<std::string> Texts(std::string_view mbox) {
  std::vector<std::string> out;
  for (const MboxSpan& s : SplitMbox(mbox)) out.emplace_back(mbox.substr(s.offset, s.length));
  return out;
}

TEST(SplitMbox, SeparatorsStartTheFileOrFollowAnEmptyLine) {
  EXPECT_EQ(Texts("From a Mon\nSubject: 1\n\nbody\nFrom here on, text\n\nFrom b Tue\nSubject: 2\n\nx\n"),
            (std::vector<std::string>{"Subject: 1\n\nbody\nFrom here on, text\n", "Subject: 2\n\nx\n"}));
  EXPECT_EQ(Texts("From a\r\nS: 1\r\n\r\nFrom b\r\nS: 2\r\n"), (std::vector<std::string>{"S: 1\r\n", "S: 2\r\n"}));
  EXPECT_TRUE(Texts("").empty());
  EXPECT_TRUE(Texts("no separator at all\n").empty());
}

TEST(Mbox, ReadsAMessageAndUndoesQuoting) {
  TempDir dir;
  dir.Write("a.mbox", "From x\nSubject: 1\n\n>From the start\n>>From deeper\n\nFrom y\nSubject: 2\n\nz\n");
  std::vector<MboxSpan> spans;
  ASSERT_TRUE(IndexMbox(dir.path() / "a.mbox", &spans).ok());
  ASSERT_EQ(spans.size(), 2u);
  std::string text;
  ASSERT_TRUE(ReadMboxMessage(dir.path() / "a.mbox", spans[0], 1 << 20, &text).ok());
  EXPECT_EQ(text, "Subject: 1\n\nFrom the start\n>From deeper\n");
  EXPECT_EQ(ReadMboxMessage(dir.path() / "a.mbox", spans[1], 3, &text).code(), Status::Code::kLimit);
  // The file changed under the index: the span no longer follows a From line.
  MboxSpan wrong{spans[1].offset + 2, 3};
  EXPECT_EQ(ReadMboxMessage(dir.path() / "a.mbox", wrong, 1 << 20, &text).code(), Status::Code::kCorrupt);
}

TEST(Maildir, UniqueNameDropsTheFlags) {
  EXPECT_EQ(MaildirUniqueName("1733.M1P2.host,U=17:2,S"), "1733.M1P2.host,U=17");
  EXPECT_EQ(MaildirUniqueName("1733.M1P2.host!2,S"), "1733.M1P2.host");
  EXPECT_EQ(MaildirUniqueName("1733.M1P2.host"), "1733.M1P2.host");
}

TEST(ListInbox, MailboxesAreOneEntryAMessage) {
  TempDir inbox;
  inbox.Write("mail/new/2", Mail("two@b", "", true));
  inbox.Write("mail/cur/1:2,S", Mail("one@b", "", true));
  inbox.Write("mail/tmp/3", "half delivered");
  inbox.Write("mail/new/.hidden", "x");
  std::filesystem::create_directories(inbox.path() / "mail/cur");
  inbox.Write("box.mbox", "From a\n" + Mail("m1@b", "", true) + "\nFrom b\n" + Mail("m2@b", "", true));
  inbox.Write("noext", "From a\n" + Mail("m3@b", "", true));
  inbox.Write("empty.mbox", "");
  inbox.Write("folder/x.pdf", "%PDF");
  inbox.Write("a.crdownload", "x");
  EXPECT_EQ(ListInbox(inbox.path()),
            (std::vector<std::string>{"box.mbox#1", "box.mbox#2", "folder", "mail/cur/1:2,S",
                                      "mail/new/2", "noext#1"}));
}

TEST(ParseInboxEntry, RefusesPathsOutsideMailboxes) {
  TempDir inbox;
  inbox.Write("mail/new/1", "x");
  std::filesystem::create_directories(inbox.path() / "mail/cur");
  inbox.Write("folder/new/1", "x");
  inbox.Write("b.mbox", "From a\nS: 1\n");
  InboxEntryRef ref;
  EXPECT_TRUE(ParseInboxEntry(inbox.path(), "mail/new/1", &ref).ok());
  EXPECT_EQ(ref.kind, InboxEntryRef::Kind::kMaildirMessage);
  EXPECT_TRUE(ParseInboxEntry(inbox.path(), "b.mbox#1", &ref).ok());
  EXPECT_EQ(ref.kind, InboxEntryRef::Kind::kMboxMessage);
  EXPECT_EQ(ref.index, 1);
  for (const char* bad : {"mail/tmp/1", "mail/new/../../x", "folder/new/1", "../x", "mail/new/.x", "/etc/passwd"})
    EXPECT_FALSE(ParseInboxEntry(inbox.path(), bad, &ref).ok()) << bad;
  EXPECT_FALSE(ParseInboxEntry(inbox.path(), "b.mbox#0", &ref).ok());
}

TEST(IngestPackage, MailboxMessagesKeepTheirIdFromNewToCur) {
  TempDir inbox;
  inbox.Write("mail/new/17.M1.host", Mail("id-1@b", "", true));
  std::filesystem::create_directories(inbox.path() / "mail/cur");
  Package before, after;
  ASSERT_TRUE(IngestPackage(inbox.path(), "mail/new/17.M1.host", Limits(), Tpl(), &before).ok());
  EXPECT_EQ(before.source, "mail/new/17.M1.host");
  EXPECT_EQ(before.origin.mailbox, "mail");
  EXPECT_EQ(before.origin.message_id, "id-1@b");
  EXPECT_EQ(before.id.rfind("mail_17.M1.host_", 0), 0u) << before.id;
  ASSERT_EQ(before.files.size(), 1u);
  EXPECT_EQ(before.files[0].path, "a.pdf");
  EXPECT_TRUE(before.not_application_kind.empty());
  std::filesystem::rename(inbox.path() / "mail/new/17.M1.host", inbox.path() / "mail/cur/17.M1.host:2,S");
  ASSERT_TRUE(IngestPackage(inbox.path(), "mail/cur/17.M1.host:2,S", Limits(), Tpl(), &after).ok());
  EXPECT_EQ(after.id, before.id);
  EXPECT_EQ(after.source, "mail/cur/17.M1.host:2,S");
}

TEST(IngestPackage, MboxMessagesAndTheScreen) {
  TempDir inbox;
  inbox.Write("box.mbox", "From a\n" + Mail("m1@b", "", true) + "\nFrom b\n" +
                              Mail("m2@b", "Auto-Submitted: auto-replied\r\n", true) + "\nFrom c\n" +
                              Mail("m3@b", "", false));
  Package p;
  ASSERT_TRUE(IngestPackage(inbox.path(), "box.mbox#1", Limits(), Tpl(), &p).ok());
  EXPECT_EQ(p.id.rfind("box_1_", 0), 0u) << p.id;
  EXPECT_EQ(p.source, "box.mbox#1");
  EXPECT_TRUE(p.not_application_kind.empty());
  ASSERT_TRUE(IngestPackage(inbox.path(), "box.mbox#2", Limits(), Tpl(), &p).ok());
  EXPECT_EQ(p.not_application_kind, "auto_reply");
  ASSERT_TRUE(IngestPackage(inbox.path(), "box.mbox#3", Limits(), Tpl(), &p).ok());
  EXPECT_EQ(p.not_application_kind, "no_attachment");
  EXPECT_TRUE(p.findings.empty());
  EXPECT_EQ(IngestPackage(inbox.path(), "box.mbox#4", Limits(), Tpl(), &p).code(), Status::Code::kNotFound);
}

TEST(MailScreen, RulesInOrder) {
  MailScreen screen;
  ASSERT_TRUE(MailScreen::Load(kTemplates, &screen).ok());
  EXPECT_EQ(screen.Screen(Mail("a", "", true), 1).kind, "");
  EXPECT_EQ(screen.Screen(Mail("a", "Auto-Submitted: no\r\n", true), 1).kind, "");
  EXPECT_EQ(screen.Screen(Mail("a", "Auto-Submitted: auto-replied\r\n", true), 1).kind, "auto_reply");
  EXPECT_EQ(screen.Screen(Mail("a", "X-Autoreply: yes\r\n", true), 1).kind, "auto_reply");
  EXPECT_EQ(screen.Screen(Mail("a", "Precedence: Bulk\r\n", true), 1).kind, "bulk");
  EXPECT_EQ(screen.Screen(Mail("a", "List-Unsubscribe:\r\n <mailto:x@y>\r\n", true), 1).kind, "newsletter");
  EXPECT_EQ(screen.Screen("From: MAILER-DAEMON@126.com\r\nSubject: x\r\n\r\n", 1).kind, "delivery_report");
  EXPECT_EQ(screen.Screen("Content-Type: multipart/report; report-type=delivery-status\r\n\r\n", 1).kind,
            "delivery_report");
  EXPECT_EQ(screen.Screen(Mail("a", "", false), 0).kind, "no_attachment");
  // Headers of the body are not the message's.
  EXPECT_EQ(screen.Screen("Subject: x\r\n\r\nAuto-Submitted: auto-replied\r\n", 1).kind, "");
}

TEST(MailHeader, UnfoldsAndIgnoresCase) {
  EXPECT_EQ(MailHeader("Subject: a\r\nmessage-id:\r\n  <x@y>\r\n\r\nMessage-ID: <no>\r\n", "Message-ID"), "<x@y>");
  EXPECT_EQ(MailHeader("Subject: a\r\n", "Message-ID"), "");
}

}  // namespace
}  // namespace gm
