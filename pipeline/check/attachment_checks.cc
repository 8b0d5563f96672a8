// The checklist: for every kind of checklist.tsv, whether the form's answers
// require it (check_attachments.tsv), which files are of that kind, and
// whether what is required is there — and missing_attachment when not.
#include <algorithm>

#include "extractors/classify/text_fold.h"
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
  std::vector<std::string> containing;  // other files that contain it (not audit reports)
  bool in_audit_report = false;         // an audit report contains it
};

KindFiles FilesOf(const CheckContext& ctx, const std::string& kind) {
  KindFiles out;
  const auto& files = ctx.files();
  for (size_t i = 0; i < files.size(); ++i) {
    const Classification* cls = ctx.classification(i);
    if (files[i].kind == kind) {
      (cls && cls->is_report ? out.reports : out.documents).push_back(files[i].path);
      continue;
    }
    if (!cls || std::find(cls->contains.begin(), cls->contains.end(), kind) == cls->contains.end()) continue;
    if (files[i].kind == "audit_report") out.in_audit_report = true;
    else out.containing.push_back(files[i].path);
  }
  return out;
}

bool Matches(const CheckContext& ctx, const AttachmentRule& rule, const KindFiles& files) {
  if (rule.answer == "*always") return true;
  if (rule.answer == "*contained") return files.in_audit_report;
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
    entry.files.insert(entry.files.end(), files.reports.begin(), files.reports.end());
    std::sort(entry.files.begin(), entry.files.end());

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

    // A combined statements file (资产负债表 with the other two inside) stands for what it contains.
    const bool own = !files.documents.empty() || !files.reports.empty();
    switch (requirement) {
      case Requirement::kDocument:
        entry.present = !files.documents.empty() || !files.containing.empty();
        break;
      case Requirement::kReportOrDocument:
        entry.present = own || !files.containing.empty();
        break;
      case Requirement::kNone:
        entry.present = own;
        break;
    }
    if (entry.required && !own && entry.present)
      entry.files.insert(entry.files.end(), files.containing.begin(), files.containing.end());

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
