#include "pipeline/ingest/package_builder.h"

#include <algorithm>
#include <cstring>

#include "extractors/archive/archive_reader.h"
#include "extractors/archive/member_name.h"
#include "extractors/archive/pdf_embedded.h"
#include "extractors/mime/mime_message.h"
#include "pipeline/core/hash.h"
#include "pipeline/core/starts_with_at.h"

namespace gm {
namespace {

std::string Mb(uint64_t bytes) { return std::to_string(bytes >> 20) + " MB"; }

// A zip whose first member says it is an office or OFD document, not an archive.
bool ZipIsDocument(const std::string& bytes) {
  if (bytes.size() < 30) return false;
  size_t name_len = static_cast<unsigned char>(bytes[26]) | (static_cast<unsigned char>(bytes[27]) << 8);
  if (30 + name_len > bytes.size()) return false;
  std::string_view first(bytes.data() + 30, name_len);
  return first == "[Content_Types].xml" || first == "mimetype" || first == "OFD.xml" ||
         first.substr(0, 5) == "Doc_0" || first == "META-INF/MANIFEST.MF";
}

}  // namespace

PackageBuilder::PackageBuilder(const Limits& limits, const IngestTables& tables, const Templates& templates,
                               Package* package)
    : limits_(limits), tables_(tables), templates_(templates), package_(package) {}

ContainerKind PackageBuilder::Detect(const std::string& path, const std::string& bytes) const {
  ContainerKind by_name = ContainerKind::kDocument;
  bool named = tables_.KindByName(path, &by_name);
  if (named && by_name == ContainerKind::kDocument) return by_name;
  // The first bytes decide when they are clear: a renamed archive is still an archive.
  if (bytes.starts_with("PK\x03\x04")) return ZipIsDocument(bytes) ? ContainerKind::kDocument : ContainerKind::kArchive;
  if (bytes.starts_with("PK\x05\x06") || bytes.starts_with("PK\x07\x08") || bytes.starts_with("Rar!\x1a\x07") ||
      bytes.starts_with("7z\xBC\xAF\x27\x1C") || bytes.starts_with("\x1F\x8B") || bytes.starts_with("BZh") ||
      bytes.starts_with(std::string_view("\xFD" "7zXZ\0", 6)) || StartsWithAt(bytes, 257, "ustar"))
    return ContainerKind::kArchive;
  // Readers accept "%PDF-" anywhere in the first 1 KB (some tools write junk first).
  std::string_view head(bytes.data(), std::min<size_t>(bytes.size(), 1024));
  if (head.find("%PDF-") != std::string_view::npos) return ContainerKind::kPdf;
  return named ? by_name : ContainerKind::kDocument;
}

void PackageBuilder::AddRoot(const std::string& name, std::shared_ptr<const std::string> bytes) {
  ContainerKind kind = ContainerKind::kDocument;
  if (bytes->empty()) {
    tables_.KindByName(name, &kind);
  } else {
    kind = Detect(name, *bytes);
  }
  package_->origin.container = kind == ContainerKind::kEml ? "eml" : kind == ContainerKind::kArchive ? "zip" : "file";
  Unpack(name, "", bytes, 0, true);
}

void PackageBuilder::AddFile(const std::string& path, std::shared_ptr<const std::string> bytes, int depth) {
  Unpack(path, path + "/", bytes, depth, false);
}

void PackageBuilder::Unpack(const std::string& self_path, const std::string& member_prefix,
                            const std::shared_ptr<const std::string>& bytes, int depth, bool root) {
  if (bytes->empty()) return Leaf(self_path, bytes, "");
  ContainerKind kind = Detect(self_path, *bytes);
  if (kind == ContainerKind::kDocument) return Leaf(self_path, bytes, "");
  if (kind == ContainerKind::kPdf) {
    Leaf(self_path, bytes, "");
    if (depth < limits_.max_nesting_depth) UnpackPdfEmbedded(self_path, bytes, depth);
    return;
  }
  if (depth >= limits_.max_nesting_depth) {
    std::string message = "压缩包或邮件的嵌套层数超过上限（" + std::to_string(limits_.max_nesting_depth) +
                          "层，处理预算 max_nesting_depth），未解开；请申报单位将文件直接放入一个压缩包后提供";
    AddFinding(self_path, "“" + self_path + "”" + message);
    return Leaf(self_path, bytes, message);
  }
  if (kind == ContainerKind::kArchive) return UnpackArchive(self_path, member_prefix, bytes, depth);
  UnpackEml(self_path, member_prefix, bytes, depth, root);
}

void PackageBuilder::UnpackArchive(const std::string& self_path, const std::string& member_prefix,
                                   const std::shared_ptr<const std::string>& bytes, int depth) {
  ArchiveLimits al;
  al.max_member_bytes = limits_.max_file_bytes;
  al.max_total_bytes = BytesLeft();
  al.max_expansion_ratio = limits_.max_expansion_ratio;
  al.max_members = limits_.max_files;
  ArchiveListing listing;
  Status status = ReadArchive(*bytes, al, &listing);
  for (auto& member : listing.members) {
    if (tables_.IsJunk(member.path)) continue;
    std::string name = member.path.empty() ? tables_.unnamed_member() + std::to_string(++unnamed_members_) : member.path;
    auto member_bytes = std::make_shared<const std::string>(std::move(member.bytes));
    if (!member.error.empty()) {
      Leaf(member_prefix + name, member_bytes, member.error);
    } else {
      AddFile(member_prefix + name, member_bytes, depth + 1);
    }
  }
  if (status.ok()) {
    if (listing.members.empty()) Leaf(self_path, bytes, "压缩包中没有任何文件；请申报单位核实后重新提供");
    return;
  }
  if (status.code() == Status::Code::kLimit) AddFinding(self_path, "“" + self_path + "”：" + status.message());
  Leaf(self_path, bytes, status.message());
}

void PackageBuilder::UnpackEml(const std::string& self_path, const std::string& member_prefix,
                               const std::shared_ptr<const std::string>& bytes, int depth, bool root) {
  MimeMessage message;
  Status status = ParseMimeMessage(*bytes, limits_, &message);
  if (!status.ok()) {
    if (status.code() == Status::Code::kLimit) AddFinding(self_path, "“" + self_path + "”：" + status.message());
    return Leaf(self_path, bytes, status.message());
  }
  if (root) package_->origin = message.origin;
  if (message.parts_limit_hit)
    AddFinding(self_path, "“" + self_path + "”包含的邮件部分超过上限（" + std::to_string(limits_.max_mime_parts) +
                              "个，处理预算 max_mime_parts），其余部分未读取；请申报单位将附件打包后重新发送");
  bool any = false;
  for (auto& att : message.attachments) {
    if (tables_.SkipContentType(att.content_type)) continue;
    std::string name = SafeRelativePath(att.name);
    if (name.empty())
      name = tables_.unnamed_attachment() + std::to_string(++unnamed_attachments_) + tables_.ExtensionFor(att.content_type);
    AddFile(member_prefix + name, std::make_shared<const std::string>(std::move(att.bytes)), depth + 1);
    any = true;
  }
  // An attachment-less letter nested in an archive is still a file of the package.
  if (!any && !root) Leaf(self_path, bytes, "");
}

void PackageBuilder::UnpackPdfEmbedded(const std::string& pdf_path, const std::shared_ptr<const std::string>& bytes,
                                       int depth) {
  ArchiveLimits al;
  al.max_member_bytes = limits_.max_file_bytes;
  al.max_total_bytes = BytesLeft();
  al.max_expansion_ratio = limits_.max_expansion_ratio;
  al.max_members = limits_.max_files;
  std::vector<ArchiveMember> embedded;
  Status status = ExtractPdfEmbeddedFiles(*bytes, al, &embedded);
  for (auto& member : embedded) {
    std::string name = member.path.empty() ? tables_.unnamed_member() + std::to_string(++unnamed_members_) : member.path;
    auto member_bytes = std::make_shared<const std::string>(std::move(member.bytes));
    if (!member.error.empty()) {
      Leaf(pdf_path + "/" + name, member_bytes, member.error);
    } else {
      AddFile(pdf_path + "/" + name, member_bytes, depth + 1);
    }
  }
  // A PDF that cannot be opened is reported by whoever opens it for reading;
  // only a limit hit concerns ingest.
  if (status.code() == Status::Code::kLimit) AddFinding(pdf_path, "“" + pdf_path + "”：" + status.message());
}

void PackageBuilder::Leaf(const std::string& path, std::shared_ptr<const std::string> bytes, std::string error) {
  if (!HasRoom(path)) return;
  std::string sha256 = Sha256Hex(*bytes);
  if (error.empty() && bytes->empty()) error = "文件为空（0字节）";
  if (total_bytes_ + bytes->size() > limits_.max_package_bytes) {
    if (!size_limit_noted_) {
      size_limit_noted_ = true;
      AddFinding(path, "申报包解压后的总大小超过上限（" + Mb(limits_.max_package_bytes) + "，处理预算 max_package_bytes），从“" + path +
                           "”起的文件未读取；请申报单位精简材料或分包提供");
    }
    error = "超过申报包总大小上限（" + Mb(limits_.max_package_bytes) + "，处理预算 max_package_bytes），未读取";
    bytes = std::make_shared<const std::string>();
  }
  Append(path, std::move(bytes), sha256, error);
}

void PackageBuilder::AddUnreadable(const std::string& path, std::shared_ptr<const std::string> bytes,
                                   const std::string& sha256, const std::string& error) {
  if (!HasRoom(path)) return;
  Append(path, std::move(bytes), sha256, error);
}

bool PackageBuilder::HasRoom(const std::string& path) {
  if (static_cast<int>(package_->files.size()) < limits_.max_files) return true;
  if (!file_limit_noted_) {
    file_limit_noted_ = true;
    AddFinding(path, "申报包中的文件数量超过上限（" + std::to_string(limits_.max_files) + "个，处理预算 max_files），从“" + path +
                         "”起的文件未读取；请申报单位精简材料或分包提供");
  }
  return false;
}

void PackageBuilder::Append(const std::string& path, std::shared_ptr<const std::string> bytes,
                            const std::string& sha256, const std::string& error) {
  if (!bytes) bytes = std::make_shared<const std::string>();
  total_bytes_ += bytes->size();
  InputFile file;
  file.path = UniquePath(path);
  file.sha256 = sha256.empty() ? Sha256Hex(*bytes) : sha256;
  file.bytes = std::move(bytes);
  file.error = error;
  package_->files.push_back(std::move(file));
}

void PackageBuilder::AddFinding(const std::string& path, const std::string& message) {
  package_->findings.push_back(NewFinding(templates_, "unreadable_input", path, message));
}

void PackageBuilder::Finish() {
  std::sort(package_->files.begin(), package_->files.end(),
            [](const InputFile& a, const InputFile& b) { return a.path < b.path; });
}

std::string PackageBuilder::UniquePath(const std::string& path) {
  if (used_paths_.insert(path).second) return path;
  size_t slash = path.rfind('/');
  size_t dot = path.rfind('.');
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash) || dot == slash + 1) dot = path.size();
  for (int n = 2;; ++n) {
    std::string candidate = path.substr(0, dot) + " (" + std::to_string(n) + ")" + path.substr(dot);
    if (used_paths_.insert(candidate).second) return candidate;
  }
}

uint64_t PackageBuilder::BytesLeft() const {
  return limits_.max_package_bytes > total_bytes_ ? limits_.max_package_bytes - total_bytes_ : 0;
}

}  // namespace gm
