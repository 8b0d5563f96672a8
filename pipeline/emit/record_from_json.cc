// RecordFromJson: the inverse of RecordToJson (see record_json.h).
#include <limits>

#include "pipeline/core/base64.h"
#include "pipeline/emit/record_json.h"

namespace gm {
namespace {

// Reads typed members, remembering the first mismatch as a Chinese message
// naming the key's path ("files[2].pages"), so a damaged cache file or a
// hand-edited record is reported precisely instead of throwing.
class Reader {
 public:
  bool ok() const { return error_.empty(); }
  Status status() const { return ok() ? Status::OK() : Status::Corrupt(error_); }

  void Fail(const std::string& path, const char* expected) {
    if (ok()) error_ = "记录 JSON 的 " + path + " 应为" + expected;
  }

  // A string member; null or absent reads as "" when `nullable`.
  std::string String(const Json& obj, const char* key, const std::string& path, bool nullable) {
    auto it = obj.find(key);
    if (it == obj.end() || it->is_null()) {
      if (!nullable) Fail(path + "." + key, "字符串");
      return {};
    }
    if (!it->is_string()) {
      Fail(path + "." + key, nullable ? "字符串或 null" : "字符串");
      return {};
    }
    return it->get<std::string>();
  }

  // An integer member; null or absent reads as `absent`.
  int Int(const Json& obj, const char* key, const std::string& path, int absent) {
    auto it = obj.find(key);
    if (it == obj.end() || it->is_null()) return absent;
    if (!it->is_number_integer() || *it < std::numeric_limits<int>::min() || *it > std::numeric_limits<int>::max()) {
      Fail(path + "." + key, "整数或 null");
      return absent;
    }
    return it->get<int>();
  }

  std::optional<double> Number(const Json& obj, const char* key, const std::string& path) {
    auto it = obj.find(key);
    if (it == obj.end() || it->is_null()) return std::nullopt;
    if (!it->is_number()) {
      Fail(path + "." + key, "数字或 null");
      return std::nullopt;
    }
    return it->get<double>();
  }

  bool Bool(const Json& obj, const char* key, const std::string& path) {
    auto it = obj.find(key);
    if (it == obj.end() || !it->is_boolean()) {
      Fail(path + "." + key, "true 或 false");
      return false;
    }
    return it->get<bool>();
  }

 private:
  std::string error_;
};

void ReadOrigin(Reader& r, const Json& j, Origin* o) {
  if (j.is_null()) return;
  if (!j.is_object()) return r.Fail("origin", "对象或 null");
  o->container = r.String(j, "container", "origin", true);
  o->subject = r.String(j, "subject", "origin", true);
  o->from = r.String(j, "from", "origin", true);
  o->to = r.String(j, "to", "origin", true);
  o->date = r.String(j, "date", "origin", true);
  o->body = r.String(j, "body", "origin", true);
  if (j.contains("mailbox")) o->mailbox = r.String(j, "mailbox", "origin", true);
  if (j.contains("message_id")) o->message_id = r.String(j, "message_id", "origin", true);
}

void ReadFiles(Reader& r, const Json& j, std::vector<FileEntry>* files) {
  if (!j.is_array()) return r.Fail("files", "数组");
  for (size_t i = 0; i < j.size() && r.ok(); ++i) {
    std::string path = "files[" + std::to_string(i) + "]";
    if (!j[i].is_object()) return r.Fail(path, "对象");
    FileEntry f;
    f.path = r.String(j[i], "path", path, false);
    f.sha256 = r.String(j[i], "sha256", path, false);
    f.kind = r.String(j[i], "kind", path, true);
    f.pages = r.Int(j[i], "pages", path, -1);
    f.text_source = r.String(j[i], "text_source", path, false);
    f.error = r.String(j[i], "error", path, true);
    files->push_back(std::move(f));
  }
}

void ReadProvenance(Reader& r, const Json& j, const std::string& path, Provenance* p) {
  if (j.is_null()) return;
  if (!j.is_object()) return r.Fail(path, "对象");
  p->file = r.String(j, "file", path, true);
  p->page = r.Int(j, "page", path, -1);
  p->raw = r.String(j, "raw", path, true);
  if (auto box = j.find("box"); box != j.end() && !box->is_null()) {
    if (!box->is_array() || box->size() != 4) return r.Fail(path + ".box", "四个整数的数组或 null");
    int* dst[4] = {&p->x, &p->y, &p->w, &p->h};
    for (size_t k = 0; k < 4; ++k) {
      const Json& v = (*box)[k];
      if (!v.is_number_integer() || v < std::numeric_limits<int>::min() || v > std::numeric_limits<int>::max())
        return r.Fail(path + ".box", "四个整数的数组或 null");
      *dst[k] = v.get<int>();
    }
  }
  std::string png = r.String(j, "cell_png", path, true);
  if (!png.empty() && !Base64Decode(png, &p->cell_png)) r.Fail(path + ".cell_png", " base64 编码");
}

void ReadFields(Reader& r, const Json& j, std::map<std::string, FieldValue>* fields) {
  if (!j.is_object()) return r.Fail("fields", "对象");
  for (const auto& [key, f] : j.items()) {
    std::string path = "fields." + key;
    if (!f.is_object() || !f.contains("value")) return r.Fail(path, "含 value 的对象");
    FieldValue v;
    v.value = f["value"];
    std::optional<double> confidence = r.Number(f, "confidence", path);
    v.confidence = confidence.value_or(0.0);
    if (auto p = f.find("_provenance"); p != f.end()) ReadProvenance(r, *p, path + "._provenance", &v.provenance);
    if (!r.ok()) return;
    (*fields)[key] = std::move(v);
  }
}

void ReadFinancials(Reader& r, const Json& j, std::optional<Financials>* out) {
  if (j.is_null()) return;
  if (!j.is_object()) return r.Fail("financials", "对象或 null");
  Financials f;
  if (int year = r.Int(j, "year", "financials", std::numeric_limits<int>::min());
      year != std::numeric_limits<int>::min())
    f.year = year;
  f.total_assets = r.Number(j, "total_assets", "financials");
  f.total_liabilities = r.Number(j, "total_liabilities", "financials");
  f.owners_equity = r.Number(j, "owners_equity", "financials");
  f.revenue = r.Number(j, "revenue", "financials");
  f.net_profit = r.Number(j, "net_profit", "financials");
  f.operating_cash_flow = r.Number(j, "operating_cash_flow", "financials");
  f.source_file = r.String(j, "source_file", "financials", true);
  f.unit = r.String(j, "unit", "financials", true);
  *out = std::move(f);
}

void ReadChecklist(Reader& r, const Json& j, std::map<std::string, ChecklistEntry>* checklist) {
  if (!j.is_object()) return r.Fail("checklist", "对象");
  for (const auto& [kind, e] : j.items()) {
    std::string path = "checklist." + kind;
    if (!e.is_object()) return r.Fail(path, "对象");
    ChecklistEntry entry;
    entry.required = r.Bool(e, "required", path);
    entry.present = r.Bool(e, "present", path);
    auto files = e.find("files");
    if (files == e.end() || !files->is_array()) return r.Fail(path + ".files", "字符串数组");
    for (const auto& f : *files) {
      if (!f.is_string()) return r.Fail(path + ".files", "字符串数组");
      entry.files.push_back(f.get<std::string>());
    }
    entry.reason = r.String(e, "reason", path, true);
    if (auto pages = e.find("pages"); pages != e.end()) {
      if (!pages->is_object()) return r.Fail(path + ".pages", "对象");
      for (const auto& [file, numbers] : pages->items()) {
        if (!numbers.is_array()) return r.Fail(path + ".pages", "整数数组");
        for (const auto& n : numbers) {
          if (!n.is_number_integer()) return r.Fail(path + ".pages", "整数数组");
          entry.pages[file].push_back(n.get<int>());
        }
      }
    }
    (*checklist)[kind] = std::move(entry);
  }
}

void ReadFindings(Reader& r, const Json& j, std::vector<Finding>* findings) {
  if (!j.is_array()) return r.Fail("findings", "数组");
  for (size_t i = 0; i < j.size() && r.ok(); ++i) {
    std::string path = "findings[" + std::to_string(i) + "]";
    if (!j[i].is_object()) return r.Fail(path, "对象");
    Finding f;
    f.code = r.String(j[i], "code", path, false);
    f.severity = r.String(j[i], "severity", path, false);
    f.field = r.String(j[i], "field", path, true);
    f.message = r.String(j[i], "message", path, false);
    findings->push_back(std::move(f));
  }
}

const Json& Member(const Json& j, const char* key) {
  static const Json kNull;
  auto it = j.find(key);
  return it == j.end() ? kNull : *it;
}

}  // namespace

Status RecordFromJson(const Json& json, Record* out) {
  if (!json.is_object()) return Status::Corrupt("记录 JSON 不是对象");
  if (Member(json, "schema") != kRecordSchema)
    return Status::Corrupt(std::string("记录 JSON 的 schema 不是 ") + kRecordSchema);
  Reader r;
  Record record;
  record.package_id = r.String(json, "package_id", "record", false);
  record.source = r.String(json, "source", "record", false);
  ReadOrigin(r, Member(json, "origin"), &record.origin);
  if (r.ok()) ReadFiles(r, Member(json, "files"), &record.files);
  if (r.ok()) ReadFields(r, Member(json, "fields"), &record.fields);
  if (r.ok()) ReadFinancials(r, Member(json, "financials"), &record.financials);
  if (r.ok()) ReadChecklist(r, Member(json, "checklist"), &record.checklist);
  if (r.ok()) ReadFindings(r, Member(json, "findings"), &record.findings);
  if (r.ok()) record.pages_read = r.Int(json, "_pages_read", "record", 0);
  if (!r.ok()) return r.status();
  *out = std::move(record);
  return Status::OK();
}

}  // namespace gm
