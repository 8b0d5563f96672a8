// The checklist: for every kind of checklist.tsv, whether the form's answers
// require it (check_attachments.tsv), which files are of that kind, and
// whether what is required is there — and missing_attachment when not.
//
// A file holds a kind when the classifier gave it that kind, or — for the
// statements — when the statements reader found that statement in it (a
// combined statements file, two statements on a page, an audit report's
// statement pages): what the reader found is never reported missing.
#include <algorithm>
#include <map>

#include "pipeline/core/text_fold.h"
#include "pipeline/core/utf8.h"
#include "pipeline/check/check_context.h"

namespace gm {
namespace {

std::string Substitute(std::string reason, const std::string& value) {
  const std::string slot = "{value}";
  std::string shown = Utf8Length(value) > 40 ? Utf8Prefix(value, 40) + "……" : value;
  for (size_t at = reason.find(slot); at != std::string::npos; at = reason.find(slot, at + shown.size()))
    reason.replace(at, slot.size(), shown);
  return reason;
}

struct KindFiles {
  std::vector<std::string> documents;   // of the kind, the document itself
  std::vector<std::string> reports;     // of the kind, a report or plan standing in for it
  std::vector<std::string> containing;  // other files holding it (not audit reports)
  std::vector<std::string> audit_reports;  // audit reports holding it
  std::map<std::string, std::vector<int>> pages;  // file → pages holding it, where the reader found it
};

void AddOnce(std::vector<std::string>* list, const std::string& path) {
  if (std::find(list->begin(), list->end(), path) == list->end()) list->push_back(path);
}

KindFiles FilesOf(const CheckContext& ctx, const std::string& kind) {
  KindFiles out;
  const auto& files = ctx.files();
  for (size_t i = 0; i < files.size(); ++i) {
    const Classification* cls = ctx.classification(i);
    if (files[i].kind == kind) (cls && cls->is_report ? out.reports : out.documents).push_back(files[i].path);
  }
  for (const StatementPlace& place : ctx.statements()) {
    if (place.kind != kind) continue;
    std::vector<int>& pages = out.pages[place.file];
    pages.insert(pages.end(), place.pages.begin(), place.pages.end());
    auto file = std::find_if(files.begin(), files.end(), [&](const FileEntry& f) { return f.path == place.file; });
    if (file == files.end() || file->kind == kind) continue;
    AddOnce(file->kind == "audit_report" ? &out.audit_reports : &out.containing, place.file);
  }
  return out;
}

bool Matches(const CheckContext& ctx, const AttachmentRule& rule, const KindFiles& files) {
  if (rule.answer == "*always") return true;
  if (rule.answer == "*contained") return !files.audit_reports.empty();
  const Json& value = ctx.Value(rule.field);
  const bool empty = value.is_null() || (value.is_string() && value.get<std::string>().empty());
  if (rule.answer == "*null") return empty;
  if (empty) return false;
  if (rule.answer == "*described" || rule.answer == "*not_described") {
    if (!value.is_string()) return false;
    return ctx.rules()->Describes(value.get<std::string>()) == (rule.answer == "*described");
  }
  return value.is_string() && value.get<std::string>() == rule.answer;
}

std::string ValueText(const Json& v) {
  if (v.is_string()) return v.get<std::string>();
  return v.is_null() ? "" : v.dump();
}

}  // namespace

void CheckAttachments(CheckContext* ctx) {
  for (const ChecklistSpec& spec : ctx->templates().checklist()) {
    ChecklistEntry entry;
    KindFiles files = FilesOf(*ctx, spec.kind);
    entry.files = files.documents;
    for (const auto* more : {&files.reports, &files.containing, &files.audit_reports})
      entry.files.insert(entry.files.end(), more->begin(), more->end());
    std::sort(entry.files.begin(), entry.files.end());
    entry.pages = std::move(files.pages);

    const AttachmentRule* rule = nullptr;
    if (ctx->rules()) {
      for (const AttachmentRule& r : ctx->rules()->attachments()) {
        if (r.kind == spec.kind && Matches(*ctx, r, files)) {
          rule = &r;
          break;
        }
      }
    }
    Requirement requirement = rule ? rule->requirement : Requirement::kNone;
    if (rule) {
      entry.reason = Substitute(rule->reason, rule->field.empty() ? "" : ValueText(ctx->Value(rule->field)));
    } else if (!ctx->rules()) {
      entry.reason = "检查规则表无法加载，未判断";
    } else {
      entry.reason = "没有适用的规则，未判断";
    }
    entry.required = requirement != Requirement::kNone;

    // A file holding the statement (a combined statements file, an audit
    // report) stands for it; a report or plan stands in only where allowed.
    const bool held = !files.containing.empty() || !files.audit_reports.empty();
    entry.present = !files.documents.empty() || held ||
                    (requirement != Requirement::kDocument && !files.reports.empty());

    if (entry.required && !entry.present) {
      std::string message = "缺少" + spec.label + "：" + entry.reason;
      if (requirement == Requirement::kDocument && !files.reports.empty())
        message += "；所附“" + files.reports.front() + "”是报告或方案，不是批复或证明文件";
      ctx->Add("missing_attachment", spec.kind, message);
    }
    ctx->out()->checklist[spec.kind] = std::move(entry);
  }
}

}  // namespace gm
