#include "extractors/mime/mime_message.h"

#include <cctype>
#include <string>

#include "extractors/mime/charset.h"
#include "extractors/mime/gmime_handle.h"
#include "extractors/mime/header_decode.h"
#include "extractors/mime/html_text.h"

namespace gm {
namespace {

// GMime parses nested multiparts recursively and checks every line against
// every open boundary: a message nested deeper than this is refused before
// parsing, so that hostile input can neither overflow the stack nor take
// quadratic time.
constexpr int kMaxContainerHeaders = 200;

struct ParserOptionsFree {
  void operator()(GMimeParserOptions* o) const { g_mime_parser_options_free(o); }
};

struct Prescan {
  int boundary_lines = 0;     // lines starting with "--": an upper bound on the parts
  int container_headers = 0;  // Content-Type: multipart/... or message/...
};

bool StartsWithNoCase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(s[i])) != prefix[i]) return false;
  return true;
}

Prescan ScanStructure(std::string_view eml) {
  Prescan p;
  size_t pos = 0;
  while (pos < eml.size()) {
    size_t nl = eml.find('\n', pos);
    size_t end = nl == std::string_view::npos ? eml.size() : nl;
    std::string_view line = eml.substr(pos, end - pos);
    if (line.size() >= 2 && line[0] == '-' && line[1] == '-') ++p.boundary_lines;
    if (StartsWithNoCase(line, "content-type:")) {
      std::string_view value = line.substr(13);
      size_t next = end + 1;
      // The value may start on a folded continuation line.
      while (!value.empty() && (value.front() == ' ' || value.front() == '\t' || value.front() == '\r'))
        value.remove_prefix(1);
      if (value.empty() && next < eml.size()) {
        size_t nl2 = eml.find('\n', next);
        value = eml.substr(next, (nl2 == std::string_view::npos ? eml.size() : nl2) - next);
        while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
      }
      if (StartsWithNoCase(value, "multipart/") || StartsWithNoCase(value, "message/")) ++p.container_headers;
    }
    pos = end + 1;
  }
  return p;
}

const char* RawHeader(GMimeObject* object, const char* name) {
  GMimeHeaderList* list = g_mime_object_get_header_list(object);
  if (!list) return nullptr;
  GMimeHeader* header = g_mime_header_list_get_header(list, name);
  return header ? g_mime_header_get_raw_value(header) : nullptr;
}

std::string DecodedHeader(GMimeObject* object, const char* name) {
  const char* raw = RawHeader(object, name);
  return raw ? DecodeHeaderText(raw) : std::string();
}

std::string PartBytes(GMimePart* part) {
  GMimeDataWrapper* content = g_mime_part_get_content(part);  // owned by the part
  if (!content) return std::string();
  GObjectPtr<GMimeStream> sink(g_mime_stream_mem_new());
  g_mime_data_wrapper_write_to_stream(content, sink.get());
  GByteArray* array = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(sink.get()));
  if (!array || !array->data) return std::string();
  return std::string(reinterpret_cast<const char*>(array->data), array->len);
}

std::string MediaType(GMimeObject* object) {
  GMimeContentType* type = g_mime_object_get_content_type(object);
  if (!type) return "text/plain";
  const char* media = g_mime_content_type_get_media_type(type);
  const char* sub = g_mime_content_type_get_media_subtype(type);
  std::string out = std::string(media ? media : "application") + "/" + (sub ? sub : "octet-stream");
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Cuts at a UTF-8 character boundary.
void CapUtf8(std::string* s, size_t max_bytes) {
  if (s->size() <= max_bytes) return;
  size_t cut = max_bytes;
  while (cut > 0 && (static_cast<unsigned char>((*s)[cut]) & 0xC0) == 0x80) --cut;
  s->resize(cut);
}

std::string TrimText(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return std::string();
  size_t e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

class Walker {
 public:
  Walker(const Limits& limits, MimeMessage* out) : limits_(limits), out_(out) {}

  void Walk(GMimeObject* object) {
    if (!object) return;
    if (out_->parts_seen >= limits_.max_mime_parts) {
      out_->parts_limit_hit = true;
      return;
    }
    ++out_->parts_seen;
    if (GMIME_IS_MESSAGE_PART(object)) {
      GMimeMessage* inner = g_mime_message_part_get_message(GMIME_MESSAGE_PART(object));
      if (inner) Walk(g_mime_message_get_mime_part(inner));
    } else if (GMIME_IS_MULTIPART(object)) {
      GMimeMultipart* multipart = GMIME_MULTIPART(object);
      int n = g_mime_multipart_get_count(multipart);
      for (int i = 0; i < n && !out_->parts_limit_hit; ++i) Walk(g_mime_multipart_get_part(multipart, i));
    } else if (GMIME_IS_PART(object)) {
      Leaf(object);
    }
  }

  // The body: every text/plain body joined, else every HTML body as text.
  std::string Body() const {
    const auto& texts = plain_.empty() ? html_ : plain_;
    std::string body;
    for (const auto& t : texts) {
      if (t.empty()) continue;
      if (!body.empty()) body += "\n\n";
      body += t;
    }
    CapUtf8(&body, kMaxBodyBytes);
    return body;
  }

 private:
  void Leaf(GMimeObject* object) {
    const char* ct_raw = RawHeader(object, "Content-Type");
    const char* cd_raw = RawHeader(object, "Content-Disposition");
    HeaderValue ct = ParseHeaderValue(ct_raw ? ct_raw : "");
    HeaderValue cd = ParseHeaderValue(cd_raw ? cd_raw : "");
    std::string media = MediaType(object);
    std::string name = cd.params.count("filename") ? cd.params["filename"] : std::string();
    if (name.empty() && ct.params.count("name")) name = ct.params["name"];
    std::string bytes = PartBytes(GMIME_PART(object));
    bool text_body = name.empty() && cd.value != "attachment" && (media == "text/plain" || media == "text/html");
    if (text_body) {
      std::string charset = ct.params.count("charset") ? ct.params["charset"] : std::string();
      std::string text = TrimText(ConvertToUtf8(bytes, charset.c_str()));
      if (media == "text/plain") {
        plain_.push_back(std::move(text));
      } else {
        html_.push_back(HtmlToText(text));
      }
      return;
    }
    out_->attachments.push_back({std::move(name), std::move(media), std::move(bytes)});
  }

  const Limits& limits_;
  MimeMessage* out_;
  std::vector<std::string> plain_, html_;
};

std::string FormatDate(GMimeMessage* message) {
  GDateTime* date = g_mime_message_get_date(message);  // owned by the message
  if (!date) return DecodedHeader(GMIME_OBJECT(message), "Date");
  gchar* text = g_date_time_format(date, "%Y-%m-%dT%H:%M:%S%:z");
  std::string out = text ? text : "";
  g_free(text);
  return out;
}

}  // namespace

Status ParseMimeMessage(std::string_view eml, const Limits& limits, MimeMessage* out) {
  *out = MimeMessage();
  out->origin.container = "eml";
  Prescan scan = ScanStructure(eml);
  if (scan.container_headers > kMaxContainerHeaders)
    return Status::Limit("邮件结构嵌套过深（多部分/转发结构超过" + std::to_string(kMaxContainerHeaders) +
                         "层），未解析；请申报单位直接发送附件或改用压缩包");
  const long long part_budget = 2LL * limits.max_mime_parts + 100;
  if (scan.boundary_lines > part_budget)
    return Status::Limit("邮件包含的部分过多（约" + std::to_string(scan.boundary_lines) + "个，上限" +
                         std::to_string(limits.max_mime_parts) + "个），未解析；请申报单位将附件打包后重新发送");

  EnsureGMimeReady();
  GObjectPtr<GMimeStream> stream(g_mime_stream_mem_new_with_buffer(eml.data(), eml.size()));
  GObjectPtr<GMimeParser> parser(g_mime_parser_new_with_stream(stream.get()));
  std::unique_ptr<GMimeParserOptions, ParserOptionsFree> options(g_mime_parser_options_new());
  const char* fallback[] = {"UTF-8", "GB18030", nullptr};
  g_mime_parser_options_set_fallback_charsets(options.get(), fallback);
  GObjectPtr<GMimeMessage> message(g_mime_parser_construct_message(parser.get(), options.get()));
  if (!message) return Status::Corrupt("邮件文件无法解析（不是有效的邮件格式或已损坏）；请申报单位重新发送");

  GMimeObject* top = GMIME_OBJECT(message.get());
  out->origin.subject = DecodedHeader(top, "Subject");
  out->origin.from = DecodedHeader(top, "From");
  out->origin.to = DecodedHeader(top, "To");
  out->origin.date = FormatDate(message.get());
  Walker walker(limits, out);
  walker.Walk(g_mime_message_get_mime_part(message.get()));
  out->origin.body = walker.Body();
  return Status::OK();
}

}  // namespace gm
