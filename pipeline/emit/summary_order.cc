#include "pipeline/emit/summary_order.h"

#include <algorithm>
#include <memory>

#include <unicode/coll.h>
#include <unicode/unistr.h>

namespace gm {
namespace {

std::vector<std::string> Parts(const std::string& code) {
  std::vector<std::string> parts;
  size_t start = 0;
  for (;;) {
    size_t dot = code.find('.', start);
    parts.push_back(code.substr(start, dot == std::string::npos ? std::string::npos : dot - start));
    if (dot == std::string::npos) break;
    start = dot + 1;
  }
  return parts;
}

bool AllDigits(const std::string& s) {
  return !s.empty() && s.size() <= 9 && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int ComparePart(const std::string& a, const std::string& b) {
  bool na = AllDigits(a), nb = AllDigits(b);
  if (na && nb) {
    long x = std::stol(a), y = std::stol(b);
    return x < y ? -1 : x > y ? 1 : 0;
  }
  if (na != nb) return na ? -1 : 1;
  return a.compare(b) < 0 ? -1 : a == b ? 0 : 1;
}

std::string StringField(const Record& record, const char* key) {
  auto it = record.fields.find(key);
  if (it == record.fields.end() || !it->second.value.is_string()) return "";
  return it->second.value.get<std::string>();
}

}  // namespace

int CompareCategoryCodes(const std::string& a, const std::string& b) {
  if (a.empty() || b.empty()) return a.empty() == b.empty() ? 0 : a.empty() ? 1 : -1;
  std::vector<std::string> pa = Parts(a), pb = Parts(b);
  for (size_t i = 0; i < std::min(pa.size(), pb.size()); ++i)
    if (int c = ComparePart(pa[i], pb[i]); c != 0) return c;
  return pa.size() < pb.size() ? -1 : pa.size() > pb.size() ? 1 : 0;
}

std::string RecordCategoryCode(const Record& record) {
  auto it = record.fields.find("project_category");
  if (it == record.fields.end() || !it->second.value.is_object()) return "";
  const Json& v = it->second.value;
  auto code = v.find("code");
  return code != v.end() && code->is_string() ? code->get<std::string>() : "";
}

std::string RecordCompanyName(const Record& record) { return StringField(record, "company_name"); }

std::vector<const Record*> SummaryOrder(const std::vector<Record>& records) {
  struct Key {
    const Record* record;
    std::string code;
    icu::UnicodeString company;
  };
  std::vector<Key> keys;
  for (const auto& r : records)
    keys.push_back({&r, RecordCategoryCode(r), icu::UnicodeString::fromUTF8(RecordCompanyName(r))});
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Collator> collator(icu::Collator::createInstance(icu::Locale("zh"), status));
  if (U_FAILURE(status)) collator.reset();
  std::stable_sort(keys.begin(), keys.end(), [&](const Key& a, const Key& b) {
    if (int c = CompareCategoryCodes(a.code, b.code); c != 0) return c < 0;
    if (collator) {
      UErrorCode s = U_ZERO_ERROR;
      UCollationResult c = collator->compare(a.company, b.company, s);
      if (U_SUCCESS(s) && c != UCOL_EQUAL) return c == UCOL_LESS;
    } else if (a.company != b.company) {
      return static_cast<bool>(a.company < b.company);
    }
    return a.record->package_id < b.record->package_id;
  });
  std::vector<const Record*> out;
  for (const auto& k : keys) out.push_back(k.record);
  return out;
}

}  // namespace gm
