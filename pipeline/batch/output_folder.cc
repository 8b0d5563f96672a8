#include "pipeline/batch/output_folder.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <cstring>

namespace gm {
namespace {

namespace fs = std::filesystem;

constexpr const char* kOwnFolders[] = {"records", "review", ".cache", ".cache/outputs"};
constexpr std::string_view kStampExtension = ".stamp";

// Removes whatever is at `path` that is not a real folder — a link is
// unlinked, not followed — so that a real folder can be made there.
Status ReplaceWithFolder(const fs::path& path, std::vector<std::string>* notes) {
  struct stat st;
  if (::lstat(path.c_str(), &st) == 0) {
    if (S_ISDIR(st.st_mode)) return Status::OK();
    if (::unlink(path.c_str()) != 0)
      return Status::IoError("cannot remove " + path.string() + " to make greenmine's own folder there: " +
                             std::strerror(errno));
    notes->push_back(path.string() + (S_ISLNK(st.st_mode) ? " was a symbolic link" : " was not a folder") +
                     "; it was removed (its target was not touched) and a folder made in its place");
  } else if (errno != ENOENT) {
    return Status::IoError("cannot inspect " + path.string() + ": " + std::strerror(errno));
  }
  if (::mkdir(path.c_str(), 0755) != 0 && errno != EEXIST)
    return Status::IoError("cannot create " + path.string() + ": " + std::strerror(errno));
  return Status::OK();
}

// "<stem>.tmp-<digits>-<digits><extension>", as TemporarySiblingPath makes.
bool IsOwnTemporaryName(const std::string& name) {
  size_t at = name.rfind(".tmp-");
  if (at == std::string::npos) return false;
  size_t i = at + 5, digits = 0;
  while (i < name.size() && std::isdigit(static_cast<unsigned char>(name[i]))) ++i, ++digits;
  if (digits == 0 || i >= name.size() || name[i] != '-') return false;
  ++i;
  digits = 0;
  while (i < name.size() && std::isdigit(static_cast<unsigned char>(name[i]))) ++i, ++digits;
  return digits > 0 && (i == name.size() || name[i] == '.');
}

bool IsRegularFile(const fs::path& path) {
  struct stat st;
  return ::lstat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

}  // namespace

Status PrepareOwnFolders(const fs::path& out, std::vector<std::string>* notes) {
  for (const char* sub : kOwnFolders)
    if (Status s = ReplaceWithFolder(out / sub, notes); !s.ok()) return s;
  return Status::OK();
}

void RemoveTemporaryFiles(const fs::path& out) {
  std::error_code ec;
  for (const char* sub : {".", "records", "review", ".cache", ".cache/outputs"}) {
    for (const auto& e : fs::directory_iterator(out / sub, ec)) {
      if (IsOwnTemporaryName(e.path().filename().string()) && IsRegularFile(e.path())) fs::remove(e.path(), ec);
    }
  }
}

fs::path OutputStampPath(const fs::path& out, const std::string& package_id) {
  return out / ".cache" / "outputs" / (package_id + std::string(kStampExtension));
}

void PruneStaleOutputs(const fs::path& out, const std::set<std::string>& ids) {
  std::error_code ec;
  std::vector<std::string> stale;
  for (const auto& e : fs::directory_iterator(out / ".cache" / "outputs", ec)) {
    std::string name = e.path().filename().string();
    if (name.size() <= kStampExtension.size() ||
        name.compare(name.size() - kStampExtension.size(), kStampExtension.size(), kStampExtension) != 0)
      continue;
    std::string id = name.substr(0, name.size() - kStampExtension.size());
    if (!ids.count(id)) stale.push_back(id);
  }
  for (const std::string& id : stale) {
    // remove() unlinks a link at the name; it never follows one.
    fs::remove(out / "records" / (id + ".json"), ec);
    fs::remove(out / "review" / (id + ".xlsx"), ec);
    fs::remove(OutputStampPath(out, id), ec);
  }
}

}  // namespace gm
