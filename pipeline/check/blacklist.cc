#include <algorithm>
#include <cctype>
#include <fstream>

#include "pipeline/check/checks.h"

namespace gm {

Status LoadBlacklist(const std::filesystem::path& path, std::set<std::string>* out) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec))
    return Status::NotFound("信用黑名单文件不存在或不是文件：" + path.string());
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IoError("无法读取信用黑名单文件：" + path.string());
  std::set<std::string> codes;
  std::string line;
  bool first = true;
  while (std::getline(in, line)) {
    if (first && line.compare(0, 3, "\xEF\xBB\xBF") == 0) line.erase(0, 3);  // a UTF-8 BOM
    first = false;
    if (size_t hash = line.find('#'); hash != std::string::npos) line.resize(hash);
    size_t b = line.find_first_not_of(" \t\r\f\v");
    if (b == std::string::npos) continue;
    size_t e = line.find_last_not_of(" \t\r\f\v");
    std::string code = line.substr(b, e - b + 1);
    std::transform(code.begin(), code.end(), code.begin(), [](unsigned char c) { return std::toupper(c); });
    codes.insert(std::move(code));
  }
  if (in.bad()) return Status::IoError("读取信用黑名单文件出错：" + path.string());
  *out = std::move(codes);
  return Status::OK();
}

}  // namespace gm
