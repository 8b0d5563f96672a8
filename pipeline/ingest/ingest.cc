#include "pipeline/ingest/ingest.h"

#include <algorithm>
#include <memory>
#include <utility>

#include "extractors/archive/member_name.h"
#include "pipeline/ingest/disk_file.h"
#include "pipeline/ingest/ingest_tables.h"
#include "pipeline/ingest/mail_screen.h"
#include "pipeline/ingest/mailbox.h"
#include "pipeline/ingest/package_builder.h"
#include "pipeline/ingest/package_identity.h"

namespace gm {
namespace fs = std::filesystem;
namespace {

bool EndsWith(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

bool IsPartialFileName(const std::string& name) {
  // Hidden names cover LibreOffice's ".~lock.*#" and rsync's ".name.XXXXXX".
  if (name.empty() || name[0] == '.' || name.rfind("~$", 0) == 0) return true;
  std::string lower = AsciiLower(name);
  return EndsWith(lower, ".part") || EndsWith(lower, ".tmp") || EndsWith(lower, ".crdownload") ||
         EndsWith(lower, ".partial") || EndsWith(lower, ".download");
}

namespace {

// A disk file that is too large to hold: accounted for by its streamed hash.
void AddOversized(const fs::path& path, const std::string& rel, const Status& why, PackageBuilder* builder) {
  std::string sha256;
  // A file that cannot even be streamed is still accounted for, with no hash.
  (void)Sha256OfDiskFile(path, &sha256);
  builder->AddUnreadable(rel, nullptr, sha256, why.message());
  builder->AddFinding(rel, "“" + rel + "”" + why.message());
}

// Reads one file of a folder package into the builder; a file that cannot
// be read stays a file with its error.
void AddFolderFile(const fs::path& path, const std::string& rel, const Limits& limits, PackageBuilder* builder) {
  auto bytes = std::make_shared<std::string>();
  Status s = ReadDiskFile(path, limits.max_file_bytes, bytes.get());
  if (s.code() == Status::Code::kLimit) return AddOversized(path, rel, s, builder);
  if (!s.ok()) {
    return builder->AddUnreadable(rel, nullptr, "",
                                  "文件无法读取（权限不足、磁盘错误或已被移走）；请重新拷贝该文件或请申报单位重新提供");
  }
  builder->AddFile(rel, std::move(bytes), 0);
}

struct FolderEntry {
  std::string rel;  // UTF-8, '/'-separated, safe
  fs::path path;
  bool symlink = false;
};

void IngestFolder(const fs::path& root, const IngestTables& tables, const Limits& limits, PackageBuilder* builder) {
  std::vector<FolderEntry> entries;
  std::error_code ec;
  fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec);
  for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    std::string rel;
    for (const auto& part : it->path().lexically_relative(root)) {
      if (!rel.empty()) rel += '/';
      rel += DiskNameToUtf8(part.string());
    }
    rel = SafeRelativePath(rel);
    std::error_code sec;
    fs::file_status st = it->symlink_status(sec);
    if (rel.empty() || tables.IsJunk(rel)) {
      if (fs::is_directory(st)) it.disable_recursion_pending();
      continue;
    }
    if (fs::is_symlink(st)) {
      entries.push_back({rel, it->path(), true});
    } else if (fs::is_regular_file(st)) {
      entries.push_back({rel, it->path(), false});
    }
    // Directories are walked into; sockets, pipes and devices are not files.
  }
  if (ec)
    builder->AddFinding("", "文件夹中有部分内容无法读取（权限不足或磁盘错误），可能缺少文件；请重新拷贝申报材料");
  std::sort(entries.begin(), entries.end(), [](const FolderEntry& a, const FolderEntry& b) { return a.rel < b.rel; });
  for (const auto& e : entries) {
    if (e.symlink) {
      builder->AddUnreadable(e.rel, nullptr, "",
                             "这是一个快捷方式（符号链接），不是文件本身，未读取；请申报单位提供文件本身");
    } else {
      AddFolderFile(e.path, e.rel, limits, builder);
    }
  }
}

// One message of a Maildir or an mbox: an e-mail package whose identity is
// its Message-ID (or its place, when it has none), so that a message keeps
// its id when the mail client moves it from new/ to cur/ or flags it.
Status IngestMailboxMessage(const fs::path& inbox, const std::string& entry, const InboxEntryRef& ref,
                            const Limits& limits, const Templates& templates, const IngestTables& tables,
                            Package* out) {
  const bool maildir = ref.kind == InboxEntryRef::Kind::kMaildirMessage;
  const fs::path mailbox = inbox / ref.mailbox;
  auto bytes = std::make_shared<std::string>();
  std::string stem = SafeRelativePath(DiskNameToUtf8(ref.mailbox));
  if (maildir) {
    Status s = ReadDiskFile(mailbox / ref.place, limits.max_file_bytes, bytes.get());
    if (!s.ok() && s.code() != Status::Code::kLimit) return s;
    stem += "_" + MaildirUniqueName(DiskNameToUtf8(fs::path(ref.place).filename().string()));
  } else {
    std::vector<MboxSpan> spans;
    if (Status s = IndexMbox(mailbox, &spans); !s.ok()) return s;
    if (ref.index > static_cast<int>(spans.size()))
      return Status::NotFound("邮箱中已没有这封邮件（邮箱文件已改变）：" + entry);
    Status s = ReadMboxMessage(mailbox, spans[ref.index - 1], limits.max_file_bytes, bytes.get());
    if (!s.ok() && s.code() != Status::Code::kLimit) return s;
    stem = SafeIdStem(stem, /*is_file=*/true) + "_" + std::to_string(ref.index);
  }
  std::string message_id = MailHeader(*bytes, "message-id");
  if (message_id.size() >= 2 && message_id.front() == '<' && message_id.back() == '>')
    message_id = message_id.substr(1, message_id.size() - 2);
  PackageBuilder builder(limits, tables, templates, out);
  const std::string name = stem + ".eml";
  if (bytes->empty()) {
    out->origin.container = "eml";
    builder.AddUnreadable(name, nullptr, "", "邮件过大（超过处理预算 max_file_bytes）或为空，未读取；请申报单位分几封邮件重新发送");
    builder.AddFinding(name, "邮件“" + entry + "”过大或为空，未读取");
  } else {
    builder.AddRoot(name, bytes);
  }
  builder.Finish();
  out->origin.mailbox = ref.mailbox;
  out->origin.message_id = message_id;
  if (!bytes->empty()) {
    MailScreen screen;
    if (Status s = MailScreen::Load(templates.dir(), &screen); !s.ok()) return s;
    ScreenResult screened = screen.Screen(*bytes, static_cast<int>(out->files.size()));
    out->not_application_kind = screened.kind;
    out->not_application_reason = screened.reason;
  }
  if (out->files.empty() && out->not_application_kind.empty())
    builder.AddFinding(name, "邮件“" + entry + "”中没有任何文件；请申报单位重新提供申报材料");
  out->content_hash = ContentHash(out->files);
  // Identity: the mailbox and the Message-ID; the place only when there is none.
  const std::string identity = ref.mailbox + '\0' + (message_id.empty() ? "place:" + stem : message_id);
  out->id = MakePackageId(stem, /*is_file=*/false, out->content_hash, identity);
  out->id_if_taken = IdWithLongerHash(stem, /*is_file=*/false, out->content_hash, identity + '\0' + entry);
  return Status::OK();
}

}  // namespace

std::vector<std::string> ListInbox(const fs::path& inbox) {
  std::vector<std::string> names;
  std::error_code ec;
  fs::directory_iterator it(inbox, ec);
  for (; !ec && it != fs::directory_iterator(); it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (IsPartialFileName(name)) continue;
    std::error_code sec;
    fs::file_status st = it->status(sec);  // follows links: the operator's own links are trusted
    if (fs::is_directory(st) && IsMaildir(it->path())) {
      for (std::string& message : ListMaildir(inbox, name)) names.push_back(std::move(message));
    } else if (fs::is_regular_file(st) && IsMboxFile(it->path())) {
      std::vector<MboxSpan> spans;
      // An mbox that cannot be read, or holds no message, is still listed:
      // as a package, it gets a record saying what is wrong with it. An
      // empty one is a mailbox with no mail yet.
      std::error_code zec;
      if ((!IndexMbox(it->path(), &spans).ok() || spans.empty()) && fs::file_size(it->path(), zec) > 0)
        names.push_back(name);
      for (size_t i = 0; i < spans.size(); ++i) names.push_back(name + "#" + std::to_string(i + 1));
    } else if (fs::is_directory(st) || fs::is_regular_file(st)) {
      names.push_back(std::move(name));
    }
  }
  std::sort(names.begin(), names.end());
  return names;
}

Status IngestPackage(const fs::path& inbox, const std::string& entry, const Limits& limits,
                     const Templates& templates, Package* out) {
  *out = Package();
  out->source = entry;
  InboxEntryRef ref;
  if (Status s = ParseInboxEntry(inbox, entry, &ref); !s.ok()) return s;
  if (entry.find('/') != std::string::npos && ref.kind != InboxEntryRef::Kind::kMaildirMessage)
    return Status::InvalidArgument("not an inbox entry name: '" + entry + "'");
  IngestTables tables;
  if (Status s = IngestTables::Load(templates.dir(), &tables); !s.ok()) return s;
  if (ref.kind != InboxEntryRef::Kind::kPackage) return IngestMailboxMessage(inbox, entry, ref, limits, templates, tables, out);

  const fs::path path = inbox / entry;
  std::error_code ec;
  fs::file_status st = fs::status(path, ec);
  if (!fs::exists(st)) return Status::NotFound("申报包不存在（可能已被移走或删除）：" + entry);
  std::string name = SafeRelativePath(DiskNameToUtf8(entry));
  if (name.empty()) name = "package";

  PackageBuilder builder(limits, tables, templates, out);
  bool is_file = true;
  if (fs::is_directory(st)) {
    is_file = false;
    out->origin.container = "folder";
    IngestFolder(path, tables, limits, &builder);
  } else if (fs::is_regular_file(st)) {
    auto bytes = std::make_shared<std::string>();
    Status s = ReadDiskFile(path, limits.max_file_bytes, bytes.get());
    if (s.code() == Status::Code::kLimit) {
      ContainerKind kind = ContainerKind::kDocument;
      tables.KindByName(name, &kind);
      out->origin.container = kind == ContainerKind::kEml ? "eml" : kind == ContainerKind::kArchive ? "zip" : "file";
      AddOversized(path, name, s, &builder);
    } else if (!s.ok()) {
      return s;
    } else {
      builder.AddRoot(name, std::move(bytes));
    }
  } else {
    return Status::Unsupported("申报包既不是文件也不是文件夹：" + entry);
  }
  builder.Finish();
  if (out->files.empty())
    builder.AddFinding(name, "申报包“" + name + "”中没有任何文件；请申报单位重新提供申报材料");
  out->content_hash = ContentHash(out->files);
  out->id = MakePackageId(name, is_file, out->content_hash, entry);
  out->id_if_taken = IdWithLongerHash(name, is_file, out->content_hash, entry);
  return Status::OK();
}

std::map<size_t, size_t> FindDuplicates(const std::vector<Package>& packages) {
  std::map<size_t, size_t> duplicates;
  std::map<std::string, size_t> first;
  for (size_t i = 0; i < packages.size(); ++i) {
    if (packages[i].files.empty() || packages[i].content_hash.empty()) continue;
    auto [it, inserted] = first.emplace(packages[i].content_hash, i);
    if (!inserted) duplicates.emplace(i, it->second);
  }
  return duplicates;
}

}  // namespace gm
