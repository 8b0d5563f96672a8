#include "pipeline/library/library_outputs.h"

#include <algorithm>
#include <cstdio>
#include <map>

#include "pipeline/emit/atomic_file.h"
#include "pipeline/library/library_table.h"

namespace gm {
namespace {

TableCell Text(std::string text) { return TableCell{std::move(text), std::nullopt}; }

TableCell Amount(const ProjectState& p, const std::string& key) {
  Json v = p.Value(key);
  if (v.is_number()) return TableCell{"", v.get<double>()};
  return Text("");
}

std::string CategoryCode(const ProjectState& p) {
  Json v = p.Value("project_category");
  return v.is_object() ? v.value("code", "") : "";
}

std::string DateText(const std::optional<CivilDate>& d) { return d ? d->ToString() : ""; }

std::string Level1Title(const Templates& templates, const std::string& code) {
  std::string l1 = code.substr(0, code.find('.'));
  for (const CatalogItem& item : templates.catalog())
    if (item.code.substr(0, item.code.find('.')) == l1 && !l1.empty()) return item.level1;
  return "";
}

std::vector<ProjectView> ByCategory(std::vector<ProjectView> projects) {
  std::stable_sort(projects.begin(), projects.end(), [](const ProjectView& a, const ProjectView& b) {
    return CategoryCode(*a.project) < CategoryCode(*b.project);
  });
  return projects;
}

void AddTo(std::optional<double>* sum, const TableCell& cell) {
  if (cell.number) *sum = sum->value_or(0) + *cell.number;
}

TableRow TotalRow(const OutputContext& ctx, const std::string& label_column, const std::string& text,
                  std::optional<double> investment, std::optional<double> loan) {
  TableRow row;
  row.kind = TableRow::Kind::kTotal;
  row.cells[label_column] = Text(text);
  if (investment) row.cells["total_investment"] = TableCell{"", investment};
  if (loan) row.cells["loan_demand"] = TableCell{"", loan};
  return row;
}

}  // namespace

Status WriteApprovedList(const OutputContext& ctx, const std::vector<ProjectView>& projects,
                         const std::filesystem::path& path) {
  std::vector<TableRow> rows;
  std::optional<double> group_inv, group_loan, all_inv, all_loan;
  int number = 0, group_count = 0;
  std::string group = "\x01";
  auto close_group = [&] {
    if (group == "\x01") return;
    rows.push_back(TotalRow(ctx, "category_title",
                            ctx.layout.Label("subtotal_row", {{"count", std::to_string(group_count)}}), group_inv, group_loan));
    group_inv.reset(), group_loan.reset(), group_count = 0;
  };
  for (const ProjectView& v : ByCategory(projects)) {
    const ProjectState& p = *v.project;
    std::string code = CategoryCode(p), l1 = code.substr(0, code.find('.'));
    if (l1 != group) {
      close_group();
      group = l1;
      TableRow band;
      band.kind = TableRow::Kind::kBand;
      std::string title = Level1Title(ctx.templates, code);
      band.cells["category_code"] = Text(l1.empty() ? "" : l1);
      band.cells["category_title"] = Text(title.empty() ? ctx.layout.Label("uncategorized") : title);
      rows.push_back(band);
    }
    Json category = p.Value("project_category");
    TableRow row;
    row.cells = {{"number", TableCell{"", double(++number)}}, {"category_code", Text(code)},
                 {"category_title", Text(category.is_object() ? category.value("title", "") : "")},
                 {"company", Text(p.Text("company_name"))}, {"credit_code", Text(p.Text("credit_code"))},
                 {"project", Text(p.Text("project_name"))},  {"location", Text(p.Text("project_location"))},
                 {"total_investment", Amount(p, "total_investment")},
                 {"loan_demand", Amount(p, "loan_demand_total")}, {"experts", Text(p.experts)},
                 {"opinion", Text(p.opinion)}, {"project_id", Text(p.project_id)}};
    AddTo(&group_inv, row.cells["total_investment"]), AddTo(&all_inv, row.cells["total_investment"]);
    AddTo(&group_loan, row.cells["loan_demand"]), AddTo(&all_loan, row.cells["loan_demand"]);
    ++group_count;
    rows.push_back(row);
  }
  close_group();
  rows.push_back(TotalRow(ctx, "category_title",
                          ctx.layout.Label("total_row", {{"count", std::to_string(number)}}), all_inv, all_loan));
  return WriteTableWorkbook(ctx.layout, "approved", rows, path);
}

Status WritePublicityList(const OutputContext& ctx, const std::vector<ProjectView>& projects,
                          const std::filesystem::path& path) {
  std::vector<TableRow> rows;
  int number = 0;
  for (const ProjectView& v : ByCategory(projects)) {
    const ProjectState& p = *v.project;
    std::string period = ctx.layout.Label("period_text", {{"start", p.publicity_start->ToChinese()},
                                                           {"end", p.publicity_end->ToChinese()}});
    TableRow row;
    row.cells = {{"number", TableCell{"", double(++number)}}, {"company", Text(p.Text("company_name"))},
                 {"project", Text(p.Text("project_name"))},    {"category", Text(p.Text("project_category"))},
                 {"location", Text(p.Text("project_location"))}, {"total_investment", Amount(p, "total_investment")},
                 {"period", Text(period)}, {"project_id", Text(p.project_id)}};
    rows.push_back(row);
  }
  return WriteTableWorkbook(ctx.layout, "publicity", rows, path);
}

std::string PublicityNotice(const OutputContext& ctx, const std::vector<ProjectView>& projects, const CivilDate& start,
                            const CivilDate& end) {
  const WorkbookLayout& l = ctx.layout;
  std::string text = l.Label("notice_title") + "\n\n" +
                     l.Label("notice_body", {{"count", std::to_string(projects.size())}}) + "\n\n";
  int number = 0;
  for (const ProjectView& v : ByCategory(projects))
    text += std::to_string(++number) + ". " + v.project->Text("company_name") + "　" + v.project->Text("project_name") +
            "（" + v.project->Text("project_category") + "）\n";
  text += "\n" + l.Label("notice_period", {{"start", start.ToChinese()}, {"end", end.ToChinese()},
                                            {"days", std::to_string(ctx.settings.publicity_working_days)}}) + "\n";
  text += l.Label("notice_objection") + "\n\n" + l.Label("notice_footer") + "\n" + start.ToChinese() + "\n";
  return text;
}

namespace {

std::string Shown(const Json& v) { return v.is_string() ? v.get<std::string>() : v.dump(); }

std::string EventDetail(const OutputContext& ctx, const LibraryEvent& e) {
  const Json& d = e.data;
  if (e.kind == kEventCollected) return d.value("conclusion", "") + (d.value("opinion", "").empty() ? "" : "：" + d.value("opinion", ""));
  if (e.kind == kEventCorrected) {
    const FieldSpec* spec = ctx.templates.Field(d.value("field", ""));
    return (spec ? spec->label : d.value("field", "")) + "：" + Shown(d.value("scanned", Json())) + " → " +
           Shown(d.value("reviewed", Json()));
  }
  if (e.kind == kEventPublished)
    return ctx.layout.Label("period_text", {{"start", d.value("start", "")}, {"end", d.value("end", "")}});
  if (e.kind == kEventExtended) return d.value("valid_until", "");
  return d.value("reason", "");
}

std::vector<TableRow> HistoryRows(const OutputContext& ctx, const std::vector<ProjectView>& projects) {
  std::vector<const LibraryEvent*> events;
  for (const ProjectView& v : projects) events.insert(events.end(), v.project->history.begin(), v.project->history.end());
  std::sort(events.begin(), events.end(), [](const LibraryEvent* a, const LibraryEvent* b) { return a->seq < b->seq; });
  std::vector<TableRow> rows;
  for (const LibraryEvent* e : events) {
    TableRow row;
    row.cells = {{"seq", TableCell{"", double(e->seq)}}, {"project_id", Text(e->project_id)},
                 {"kind", Text(ctx.layout.Label("event_" + e->kind))}, {"effective", Text(e->effective)},
                 {"detail", Text(EventDetail(ctx, *e))}, {"actor", Text(e->actor)}, {"source", Text(e->source)},
                 {"recorded_at", Text(e->recorded_at)}};
    rows.push_back(row);
  }
  return rows;
}

}  // namespace

Status WriteLibraryList(const OutputContext& ctx, const std::vector<ProjectView>& projects,
                        const std::filesystem::path& path) {
  std::vector<TableRow> rows;
  int number = 0;
  for (const ProjectView& v : projects) {
    const ProjectState& p = *v.project;
    std::string corrections, note;
    for (const auto& [key, fix] : p.corrections) {
      const FieldSpec* spec = ctx.templates.Field(key);
      corrections += (corrections.empty() ? "" : "；") + (spec ? spec->label : key) + "：" +
                     (fix.scanned.is_string() ? fix.scanned.get<std::string>() : fix.scanned.dump()) + " → " +
                     (fix.value.is_string() ? fix.value.get<std::string>() : fix.value.dump()) + "（" + fix.expert + "）";
    }
    if (!p.removal_reason.empty()) note = "移出：" + p.removal_reason;
    if (!p.objection_reason.empty()) note = "公示异议：" + p.objection_reason;
    TableRow row;
    row.cells = {{"number", TableCell{"", double(++number)}}, {"project_id", Text(p.project_id)},
                 {"company", Text(p.Text("company_name"))}, {"credit_code", Text(p.Text("credit_code"))},
                 {"project", Text(p.Text("project_name"))}, {"category", Text(p.Text("project_category"))},
                 {"conclusion", Text(p.conclusion)}, {"status", Text(v.status)},
                 {"publicity_start", Text(DateText(p.publicity_start))}, {"publicity_end", Text(DateText(p.publicity_end))},
                 {"valid_until", Text(DateText(p.ValidUntil(ctx.settings)))},
                 {"extension_from", Text(DateText(p.ExtensionFrom(ctx.settings)))},
                 {"extended_until", Text(DateText(p.extended_until))}, {"corrections", Text(corrections)},
                 {"note", Text(note)}};
    rows.push_back(row);
  }
  return WriteTableWorkbook(ctx.layout, {{"library", rows}, {"history", HistoryRows(ctx, projects)}}, path);
}

namespace {

std::string Contact(const ProjectState& p) {
  std::string person = p.Text("contact_person"), phone = p.Text("contact_phone");
  return person.empty() || phone.empty() ? person + phone : person + " " + phone;
}

TableRow RecommendedRow(const OutputContext& ctx, const ProjectState& p, int number) {
  TableRow row;
  row.cells = {{"number", TableCell{"", double(number)}},     {"company", Text(p.Text("company_name"))},
               {"credit_code", Text(p.Text("credit_code"))},  {"project", Text(p.Text("project_name"))},
               {"category", Text(p.Text("project_category"))}, {"location", Text(p.Text("project_location"))},
               {"total_investment", Amount(p, "total_investment")}, {"loan_demand", Amount(p, "loan_demand_total")},
               {"loan_term", Text(p.Text("loan_term_months"))}, {"guarantee", Text(p.Text("guarantee_method"))},
               {"interest_rate_opinion", Text(p.Text("interest_rate_opinion"))},
               {"partner_bank", Text(p.Text("partner_bank"))}, {"contact", Text(Contact(p))}};
  std::optional<CivilDate> until = p.extended_until ? p.extended_until : p.ValidUntil(ctx.settings);
  row.cells["valid_until"] = Text(DateText(until));
  return row;
}

// Numbers as a platform reads them: "44500", "12500.5" (no exponent, no trailing zeros).
std::string CsvCell(const TableCell& cell) {
  if (!cell.number) return cell.text;
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.4f", *cell.number);
  std::string text = buf;
  text.erase(text.find_last_not_of('0') + 1);
  if (text.back() == '.') text.pop_back();
  return text;
}

std::string CsvQuoted(const std::string& text) {
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string quoted = "\"";
  for (char c : text) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  return quoted + "\"";
}

}  // namespace

std::string CsvText(const std::vector<std::vector<std::string>>& rows) {
  std::string out = "\xEF\xBB\xBF";
  for (const auto& row : rows) {
    for (size_t i = 0; i < row.size(); ++i) out += (i ? "," : "") + CsvQuoted(row[i]);
    out += "\r\n";
  }
  return out;
}

Status WriteRecommended(const OutputContext& ctx, const std::vector<ProjectView>& projects,
                        const std::filesystem::path& xlsx, const std::filesystem::path& csv) {
  std::vector<TableRow> rows;
  int number = 0;
  for (const ProjectView& v : ByCategory(projects)) rows.push_back(RecommendedRow(ctx, *v.project, ++number));
  if (Status s = WriteTableWorkbook(ctx.layout, "recommended", rows, xlsx); !s.ok()) return s;
  const SheetLayout& layout = ctx.layout.Sheet("recommended");
  std::vector<std::vector<std::string>> table(1);
  for (const ColumnLayout& c : layout.columns) table[0].push_back(c.header);
  for (const TableRow& row : rows) {
    table.emplace_back();
    for (const ColumnLayout& c : layout.columns) {
      auto it = row.cells.find(c.id);
      table.back().push_back(it == row.cells.end() ? "" : CsvCell(it->second));
    }
  }
  return WriteFileAtomically(csv, CsvText(table));
}

Json LibraryLine(const ProjectView& v, const LibrarySettings& settings) {
  const ProjectState& p = *v.project;
  auto date = [](const std::optional<CivilDate>& d) { return d ? Json(d->ToString()) : Json(); };
  auto text = [&](const char* key) {
    std::string t = p.Text(key);
    return t.empty() ? Json() : Json(t);
  };
  return {{"project_id", p.project_id},
          {"company_name", text("company_name")},
          {"credit_code", text("credit_code")},
          {"project_name", text("project_name")},
          {"status", v.status},
          {"publicity_start", date(p.publicity_start)},
          {"publicity_end", date(p.publicity_end)},
          {"valid_until", date(p.ValidUntil(settings))},
          {"extension_from", date(p.ExtensionFrom(settings))}};
}

}  // namespace gm
