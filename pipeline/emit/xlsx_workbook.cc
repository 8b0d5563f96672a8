#include "pipeline/emit/xlsx_workbook.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "pipeline/emit/atomic_file.h"

namespace gm {

namespace fs = std::filesystem;

XlsxWorkbook::XlsxWorkbook(fs::path path, fs::path temporary, lxw_workbook* workbook)
    : path_(std::move(path)), temporary_(std::move(temporary)), workbook_(workbook) {}

Status XlsxWorkbook::Create(const fs::path& path, std::unique_ptr<XlsxWorkbook>* out) {
  fs::path temporary = TemporarySiblingPath(path);
  // libxlsxwriter opens the file only when closing; probe now so an
  // unwritable folder is reported with the system's reason.
  int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0)
    return Status::IoError("写入 " + path.string() + " 失败：无法创建临时文件（" + std::strerror(errno) + "）");
  ::close(fd);
  lxw_workbook* workbook = workbook_new(temporary.c_str());
  if (workbook == nullptr) {
    ::unlink(temporary.c_str());
    return Status::Internal("写入 " + path.string() + " 失败：无法创建工作簿（内存不足）");
  }
  out->reset(new XlsxWorkbook(path, temporary, workbook));
  return Status::OK();
}

XlsxWorkbook::~XlsxWorkbook() {
  if (workbook_ != nullptr) {
    lxw_workbook_free(workbook_);  // discard without writing
    ::unlink(temporary_.c_str());
  }
}

lxw_worksheet* XlsxWorkbook::AddWorksheet(const std::string& name, Status* status) {
  lxw_error e = workbook_validate_sheet_name(workbook_, name.c_str());
  if (e != LXW_NO_ERROR) {
    *status = Status::InvalidArgument("工作表名称“" + name + "”无效：" + lxw_strerror(e));
    return nullptr;
  }
  lxw_worksheet* sheet = workbook_add_worksheet(workbook_, name.c_str());
  if (sheet == nullptr) *status = Status::Internal("无法添加工作表“" + name + "”");
  return sheet;
}

void XlsxWorkbook::SetDefaults(const std::string& font_name, double font_size) {
  default_font_name_ = font_name;
  default_font_size_ = font_size;
}

lxw_format* XlsxWorkbook::Format(const CellStyle& requested) {
  CellStyle style = requested;
  if (style.font_name.empty()) style.font_name = default_font_name_;
  if (style.font_size <= 0) style.font_size = default_font_size_;
  auto it = formats_.find(style);
  if (it != formats_.end()) return it->second;
  lxw_format* f = workbook_add_format(workbook_);
  if (f == nullptr) return nullptr;  // out of memory: libxlsxwriter falls back to the default format
  if (!style.font_name.empty()) format_set_font_name(f, style.font_name.c_str());
  if (style.font_size > 0) format_set_font_size(f, style.font_size);
  if (style.bold) format_set_bold(f);
  if (style.underline) format_set_underline(f, LXW_UNDERLINE_SINGLE);
  if (style.wrap) format_set_text_wrap(f);
  if (style.border) format_set_border(f, LXW_BORDER_THIN);
  format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
  switch (style.align) {
    case CellStyle::Align::kLeft: format_set_align(f, LXW_ALIGN_LEFT); break;
    case CellStyle::Align::kCenter: format_set_align(f, LXW_ALIGN_CENTER); break;
    case CellStyle::Align::kRight: format_set_align(f, LXW_ALIGN_RIGHT); break;
  }
  if (style.fill != CellStyle::kNone) format_set_bg_color(f, style.fill);
  if (style.font_color != CellStyle::kNone) format_set_font_color(f, style.font_color);
  if (!style.num_format.empty()) format_set_num_format(f, style.num_format.c_str());
  if (style.unlocked) format_set_unlocked(f);
  formats_.emplace(style, f);
  return f;
}

Status XlsxWorkbook::Commit() {
  if (workbook_ == nullptr) return Status::Internal("工作簿已关闭：" + path_.string());
  errno = 0;
  lxw_error e = workbook_close(workbook_);  // frees the workbook whatever the outcome
  int system_error = errno;
  workbook_ = nullptr;
  if (e != LXW_NO_ERROR) {
    ::unlink(temporary_.c_str());
    std::string reason = lxw_strerror(e);
    if (system_error != 0) reason += "；" + std::string(std::strerror(system_error));
    return Status::IoError("写入 " + path_.string() + " 失败：" + reason);
  }
  return CommitTemporaryFile(temporary_, path_);
}

}  // namespace gm
