#include "pipeline/ingest/mailbox.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <mutex>

#include "pipeline/ingest/ingest_tables.h"

namespace gm {
namespace fs = std::filesystem;
namespace {


// True when position i of text starts a line that separates mbox messages.
bool SeparatorAt(std::string_view text, size_t i) {
  if (!text.substr(i).starts_with("From ")) return false;
  if (i == 0) return true;
  if (text[i - 1] != '\n') return false;
  // The line before is empty ("\n" or "\r\n"), or the file's first line.
  if (i == 1) return true;
  if (text[i - 2] == '\n') return true;
  return text[i - 2] == '\r' && (i == 2 || text[i - 3] == '\n');
}

struct CachedIndex {
  uintmax_t size = 0;
  fs::file_time_type mtime;
  std::vector<MboxSpan> spans;
};

std::mutex g_index_mu;
std::map<std::string, CachedIndex>* g_indices = new std::map<std::string, CachedIndex>;  // never freed: used at exit

}  // namespace

bool IsMaildir(const fs::path& path) {
  std::error_code ec;
  return fs::is_directory(path / "cur", ec) && fs::is_directory(path / "new", ec);
}

bool IsMboxFile(const fs::path& path) {
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) return false;
  if (AsciiLower(path.extension().string()) == ".mbox") return true;
  std::ifstream in(path, std::ios::binary);
  char head[5] = {};
  in.read(head, sizeof head);
  return in.gcount() == 5 && std::string_view(head, 5) == "From ";
}

std::vector<std::string> ListMaildir(const fs::path& inbox, const std::string& name) {
  std::vector<std::string> entries;
  for (const char* sub : {"cur", "new"}) {
    std::error_code ec;
    fs::directory_iterator it(inbox / name / sub, ec);
    for (; !ec && it != fs::directory_iterator(); it.increment(ec)) {
      std::string file = it->path().filename().string();
      std::error_code sec;
      if (file.empty() || file[0] == '.' || !it->is_regular_file(sec)) continue;
      entries.push_back(name + "/" + sub + "/" + file);
    }
  }
  std::sort(entries.begin(), entries.end());
  return entries;
}

std::string MaildirUniqueName(std::string_view file_name) {
  size_t colon = file_name.find(':');
  // Maildir on file systems that forbid ':' (mbsync's "!" flag separator).
  if (colon == std::string_view::npos) colon = file_name.find("!2,");
  return std::string(file_name.substr(0, colon));
}

std::vector<MboxSpan> SplitMbox(std::string_view text) {
  std::vector<MboxSpan> spans;
  size_t start = std::string_view::npos;  // of the current message's bytes
  auto close = [&](size_t end, bool before_separator) {
    if (start == std::string_view::npos) return;
    // The empty line before the next "From " belongs to the separator.
    if (before_separator && end > start && text[end - 1] == '\n') --end;
    if (before_separator && end > start && text[end - 1] == '\r') --end;
    spans.push_back({start, end - start});
  };
  for (size_t i = 0; i < text.size();) {
    size_t eol = text.find('\n', i);
    size_t next = eol == std::string_view::npos ? text.size() : eol + 1;
    if (SeparatorAt(text, i)) {
      close(i, true);
      start = next;
    }
    i = next;
  }
  close(text.size(), false);
  return spans;
}

Status IndexMbox(const fs::path& path, std::vector<MboxSpan>* out) {
  std::error_code ec;
  uintmax_t size = fs::file_size(path, ec);
  if (ec) return Status::NotFound("邮箱文件不存在或无法读取：" + path.filename().string());
  fs::file_time_type mtime = fs::last_write_time(path, ec);
  {
    std::lock_guard<std::mutex> lock(g_index_mu);
    auto it = g_indices->find(path.string());
    if (it != g_indices->end() && it->second.size == size && it->second.mtime == mtime) {
      *out = it->second.spans;
      return Status::OK();
    }
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IoError("邮箱文件无法读取：" + path.filename().string());
  // Read whole: split needs the text; an mbox of the applications of one
  // season is tens of MB at most, and the index is cached.
  std::string text(size, '\0');
  in.read(text.data(), static_cast<std::streamsize>(size));
  text.resize(static_cast<size_t>(in.gcount()));
  std::vector<MboxSpan> spans = SplitMbox(text);
  std::lock_guard<std::mutex> lock(g_index_mu);
  if (g_indices->size() >= 8) g_indices->clear();
  (*g_indices)[path.string()] = CachedIndex{text.size(), mtime, spans};
  *out = std::move(spans);
  return Status::OK();
}

Status ReadMboxMessage(const fs::path& path, const MboxSpan& span, uint64_t max_bytes, std::string* out) {
  out->clear();
  if (span.length > max_bytes)
    return Status::Limit("邮件大小超过单个文件上限（处理预算 max_file_bytes），未读取");
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound("邮箱文件不存在或无法读取：" + path.filename().string());
  // The line before the message must be its "From " line.
  const uint64_t back = std::min<uint64_t>(span.offset, 4096);
  std::string before(back, '\0');
  in.seekg(static_cast<std::streamoff>(span.offset - back));
  in.read(before.data(), static_cast<std::streamsize>(back));
  if (static_cast<uint64_t>(in.gcount()) != back || (back > 0 && before.back() != '\n'))
    return Status::Corrupt("邮箱文件已改变，该邮件的位置不再有效");
  size_t line = before.empty() ? 0 : before.rfind('\n', before.size() - 2);
  line = line == std::string::npos ? 0 : line + 1;
  if (back > 0 && !std::string_view(before).substr(line).starts_with("From "))
    return Status::Corrupt("邮箱文件已改变，该邮件的位置不再有效");
  std::string raw(span.length, '\0');
  in.read(raw.data(), static_cast<std::streamsize>(span.length));
  if (static_cast<uint64_t>(in.gcount()) != span.length) return Status::Corrupt("邮箱文件已改变，该邮件不完整");
  // mboxrd: ">From ", ">>From " ... lose one '>'.
  out->reserve(raw.size());
  for (size_t i = 0; i < raw.size();) {
    size_t eol = raw.find('\n', i);
    size_t next = eol == std::string::npos ? raw.size() : eol + 1;
    std::string_view l(raw.data() + i, next - i);
    size_t quotes = l.find_first_not_of('>');
    if (quotes != std::string_view::npos && quotes > 0 && l.substr(quotes).starts_with("From ")) l.remove_prefix(1);
    out->append(l);
    i = next;
  }
  return Status::OK();
}

Status ParseInboxEntry(const fs::path& inbox, const std::string& entry, InboxEntryRef* out) {
  *out = InboxEntryRef();
  auto bad = [&] { return Status::InvalidArgument("not an inbox entry name: '" + entry + "'"); };
  if (entry.empty() || entry == "." || entry == ".." || entry.find('\0') != std::string::npos || entry[0] == '/')
    return bad();
  size_t slash = entry.find('/');
  if (slash != std::string::npos) {
    size_t second = entry.find('/', slash + 1);
    if (second == std::string::npos || entry.find('/', second + 1) != std::string::npos) return bad();
    std::string mailbox = entry.substr(0, slash), sub = entry.substr(slash + 1, second - slash - 1),
                file = entry.substr(second + 1);
    if (mailbox.empty() || mailbox[0] == '.' || (sub != "new" && sub != "cur") || file.empty() || file[0] == '.')
      return bad();
    if (!IsMaildir(inbox / mailbox)) return bad();
    out->kind = InboxEntryRef::Kind::kMaildirMessage;
    out->mailbox = mailbox;
    out->place = sub + "/" + file;
    return Status::OK();
  }
  size_t hash = entry.rfind('#');
  std::error_code ec;
  if (hash != std::string::npos && hash > 0 && !fs::exists(inbox / entry, ec)) {
    std::string number = entry.substr(hash + 1);
    if (!number.empty() && number.size() <= 9 &&
        std::all_of(number.begin(), number.end(), [](char c) { return c >= '0' && c <= '9'; }) &&
        IsMboxFile(inbox / entry.substr(0, hash))) {
      out->kind = InboxEntryRef::Kind::kMboxMessage;
      out->mailbox = entry.substr(0, hash);
      out->index = std::stoi(number);
      if (out->index < 1) return bad();
      return Status::OK();
    }
  }
  return Status::OK();
}

}  // namespace gm
