#include "pipeline/core/limits.h"

#include <cerrno>
#include <cstdlib>

#include "pipeline/core/templates.h"

namespace gm {

std::string BudgetText(const std::string& name, const std::string& what, uint64_t value) {
  return "处理预算 " + name + "（" + what + "，上限 " + std::to_string(value) + "）";
}

Status LoadBudgets(const std::filesystem::path& path, Limits* limits) {
  TsvTable tsv;
  if (Status s = LoadTsv(path, &tsv); !s.ok()) return s;
  for (const auto& row : tsv.rows) {
    const std::string name = tsv.Get(row, "name"), text = tsv.Get(row, "value");
    char* end = nullptr;
    errno = 0;
    const unsigned long long value = std::strtoull(text.c_str(), &end, 10);
    if (text.empty() || text[0] == '-' || *end != '\0' || errno != 0 || value == 0 || value > (1ull << 50))
      return Status::Corrupt(tsv.Where(row) + ": " + name + " needs a positive whole number, not '" + text + "'");
    const int small = value > 1'000'000'000 ? -1 : static_cast<int>(value);
    auto as_int = [&](int* field) {
      if (small < 0) return false;
      *field = small;
      return true;
    };
    bool ok = true;
    if (name == "max_file_bytes") limits->max_file_bytes = value;
    else if (name == "max_package_bytes") limits->max_package_bytes = value;
    else if (name == "max_expansion_ratio") limits->max_expansion_ratio = value;
    else if (name == "max_nesting_depth") ok = as_int(&limits->max_nesting_depth);
    else if (name == "max_files") ok = as_int(&limits->max_files);
    else if (name == "max_mime_parts") ok = as_int(&limits->max_mime_parts);
    else if (name == "max_pages") ok = as_int(&limits->max_pages);
    else if (name == "max_image_pixels") limits->max_image_pixels = value;
    else if (name == "max_xml_bytes") limits->max_xml_bytes = value;
    else if (name == "max_xml_depth") ok = as_int(&limits->max_xml_depth);
    else if (name == "max_xml_nodes") limits->max_xml_nodes = value;
    else if (name == "max_table_cells") limits->max_table_cells = value;
    else if (name == "max_text_bytes") limits->max_text_bytes = value;
    else if (name == "max_file_seconds") ok = as_int(&limits->max_file_seconds);
    else return Status::Corrupt(tsv.Where(row) + ": unknown budget " + name);
    if (!ok) return Status::Corrupt(tsv.Where(row) + ": " + name + " is too large");
  }
  return Status::OK();
}

}  // namespace gm
