#include "pipeline/emit/field_display.h"

#include <cmath>
#include <cstdio>

#include "pipeline/emit/text_util.h"

namespace gm {
namespace {

// Drops ASCII and ideographic spaces and digit-group commas (ASCII and
// full-width) so layout differences between the raw and shown text vanish.
std::string Squeeze(const std::string& s) {
  static const std::string kDrop[] = {" ", "\t", "\n", "\r", ",", "\xE3\x80\x80" /*　*/, "\xEF\xBC\x8C" /*，*/};
  std::string out;
  size_t i = 0;
  while (i < s.size()) {
    bool dropped = false;
    for (const auto& d : kDrop) {
      if (s.compare(i, d.size(), d) == 0) {
        i += d.size();
        dropped = true;
        break;
      }
    }
    if (!dropped) out += s[i++];
  }
  return out;
}

FieldDisplay Number(double v, const std::string& format) {
  FieldDisplay d;
  if (!std::isfinite(v)) return d;
  d.blank = false;
  d.is_number = true;
  d.number = v;
  d.num_format = format;
  d.text = PlainNumber(v);
  return d;
}

FieldDisplay Text(std::string text) {
  FieldDisplay d;
  d.blank = text.empty();
  d.text = std::move(text);
  return d;
}

}  // namespace

std::string PlainNumber(double value, int max_decimals) {
  if (!std::isfinite(value)) return "";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", max_decimals, value);
  std::string s = buf;
  if (s.find('.') != std::string::npos) {
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
  }
  if (s == "-0") s.erase(0, 1);  // no negative zero
  return s;
}

std::string CategoryText(const Json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (!value.is_object()) return "";
  std::string code = value.contains("code") && value["code"].is_string() ? value["code"].get<std::string>() : "";
  std::string title = value.contains("title") && value["title"].is_string() ? value["title"].get<std::string>() : "";
  if (code.empty()) return title;
  if (title.empty()) return code;
  code += ' ';
  code += title;
  return code;
}

namespace {

// The workbook_layout.tsv setting that formats a number of a field of `type`.
const char* NumberFormatSetting(FieldType type) {
  switch (type) {
    case FieldType::kWan:
      return "wan_format";
    case FieldType::kPct:
      return "pct_format";
    case FieldType::kInt:
      return "int_format";
    case FieldType::kText:
    case FieldType::kNumber:
    case FieldType::kBool:
    case FieldType::kEnum:
    case FieldType::kEnumOther:
    case FieldType::kMulti:
    case FieldType::kDate:
    case FieldType::kCreditCode:
    case FieldType::kPhone:
    case FieldType::kCategory:
      return "number_format";
  }
  return "number_format";
}

}  // namespace

FieldDisplay DisplayField(const FieldSpec& spec, const Json& value, const WorkbookLayout& layout) {
  switch (value.type()) {
    case Json::value_t::null:
    case Json::value_t::discarded:
      return FieldDisplay();
    case Json::value_t::boolean:
      return Text(layout.Label(value.get<bool>() ? "yes" : "no"));
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned:
    case Json::value_t::number_float: {
      double v = value.get<double>();
      return Number(v, layout.Setting(NumberFormatSetting(spec.type)));
    }
    case Json::value_t::string:
      return Text(SanitizeUtf8(value.get<std::string>()));
    case Json::value_t::array: {
      std::string joined;
      for (const auto& item : value) {
        std::string part = item.is_string() ? item.get<std::string>() : item.dump(-1, ' ', false, Json::error_handler_t::replace);
        if (part.empty()) continue;
        if (!joined.empty()) joined += layout.Label("list_separator");
        joined += part;
      }
      return Text(SanitizeUtf8(joined));
    }
    case Json::value_t::object: {
      std::string category = CategoryText(value);
      if (!category.empty()) return Text(SanitizeUtf8(category));
      return Text(value.dump(-1, ' ', false, Json::error_handler_t::replace));
    }
    default:
      return Text(value.dump(-1, ' ', false, Json::error_handler_t::replace));
  }
}

bool RawDiffers(const std::string& raw, const FieldDisplay& shown) {
  std::string r = Squeeze(raw);
  // The unit the number format already shows is no difference either.
  if (shown.is_number) {
    auto strip = [&r](std::string_view unit) {
      if (r.size() >= unit.size() && r.compare(r.size() - unit.size(), unit.size(), unit) == 0)
        r.resize(r.size() - unit.size());
    };
    if (shown.num_format.find('%') != std::string::npos) {
      strip("%");
      strip("\xEF\xBC\x85");  // full-width ％
    }
    if (shown.num_format.find("万元") != std::string::npos) strip("万元");
  }
  if (r.empty()) return false;
  return r != Squeeze(shown.text);
}

}  // namespace gm
