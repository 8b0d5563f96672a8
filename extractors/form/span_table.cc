#include "extractors/form/span_table.h"

#include <algorithm>
#include <cmath>

namespace gm::form {
namespace {

struct Phrase {
  std::string text;
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  int line = 0;
  const LabelSpec* label = nullptr;  // set on the label's first phrase
  bool label_part = false;           // any phrase of a label
  double cy() const { return (y0 + y1) / 2; }
  double h() const { return y1 - y0; }
};

struct LabelAt {
  const LabelSpec* spec;
  double x0, y0, x1, y1;
  double cy() const { return (y0 + y1) / 2; }
};

struct Row {
  std::vector<LabelAt> labels;  // left to right
  double center = 0, top = 0, bottom = 0;
  std::vector<const Phrase*> content;
};

std::vector<Phrase> Phrases(const std::vector<TextSpan>& spans) {
  std::vector<const TextSpan*> sorted;
  for (const TextSpan& s : spans)
    if (!s.text.empty() && s.box.h > 0) sorted.push_back(&s);
  std::sort(sorted.begin(), sorted.end(), [](const TextSpan* a, const TextSpan* b) {
    return a->box.y + a->box.h / 2 < b->box.y + b->box.h / 2;
  });
  // Visual lines: spans whose centres lie within a fraction of their height.
  std::vector<std::vector<const TextSpan*>> lines;
  double line_center = 0, line_h = 0;
  for (const TextSpan* s : sorted) {
    double c = s->box.y + s->box.h / 2;
    if (lines.empty() || std::fabs(c - line_center) > 0.4 * std::max(s->box.h, line_h)) {
      lines.push_back({});
      line_center = c;
      line_h = s->box.h;
    }
    lines.back().push_back(s);
  }
  std::vector<Phrase> out;
  for (size_t l = 0; l < lines.size(); ++l) {
    auto& line = lines[l];
    std::sort(line.begin(), line.end(), [](const TextSpan* a, const TextSpan* b) { return a->box.x < b->box.x; });
    Phrase cur;
    bool open = false;
    for (const TextSpan* s : line) {
      double gap = open ? s->box.x - cur.x1 : 0;
      // Characters of one cell are adjacent; the next cell starts past the
      // cell padding, a good part of a character away.
      if (open && gap <= 0.3 * std::max(s->box.h, cur.h())) {
        cur.text += s->text;
        cur.x1 = std::max(cur.x1, s->box.x + s->box.w);
        cur.y0 = std::min(cur.y0, s->box.y);
        cur.y1 = std::max(cur.y1, s->box.y + s->box.h);
        continue;
      }
      if (open) out.push_back(cur);
      cur = Phrase{s->text, s->box.x, s->box.y, s->box.x + s->box.w, s->box.y + s->box.h, static_cast<int>(l)};
      open = true;
    }
    if (open) out.push_back(cur);
  }
  return out;
}

// Finds the labels: a phrase alone, or joined with the phrase under it (a
// label wrapped in its cell: 项目总投资* / （万元）).
std::vector<LabelAt> FindLabels(std::vector<Phrase>* phrases, const FormLabels& labels) {
  std::vector<LabelAt> out;
  for (size_t i = 0; i < phrases->size(); ++i) {
    Phrase& p = (*phrases)[i];
    if (p.label_part) continue;
    LabelMatch alone = labels.Match(p.text);
    // The phrase under it, left-aligned or centred with it.
    Phrase* below = nullptr;
    for (size_t j = i + 1; j < phrases->size(); ++j) {
      Phrase& q = (*phrases)[j];
      if (q.line == p.line) continue;
      if (q.line > p.line + 1) break;
      bool aligned = std::fabs(q.x0 - p.x0) < 1.5 * p.h() || std::fabs((q.x0 + q.x1) - (p.x0 + p.x1)) < 1.5 * p.h();
      if (aligned && q.y0 - p.y1 < 1.0 * p.h()) {
        below = &q;
        break;
      }
    }
    LabelMatch joined;
    if (below != nullptr && !below->label_part) joined = labels.Match(p.text + below->text);
    bool use_joined = joined.spec != nullptr && (alone.spec == nullptr || joined.score > alone.score);
    const LabelMatch& m = use_joined ? joined : alone;
    if (m.spec == nullptr || m.spec->kind == CellKind::kTitle) continue;
    LabelAt at{m.spec, p.x0, p.y0, p.x1, p.y1};
    p.label = m.spec;
    p.label_part = true;
    if (use_joined) {
      below->label_part = true;
      at.x0 = std::min(at.x0, below->x0);
      at.x1 = std::max(at.x1, below->x1);
      at.y1 = below->y1;
    }
    out.push_back(at);
  }
  return out;
}

std::string JoinPhrases(std::vector<const Phrase*> ps) {
  std::sort(ps.begin(), ps.end(), [](const Phrase* a, const Phrase* b) {
    return a->line != b->line ? a->line < b->line : a->x0 < b->x0;
  });
  std::string out;
  int line = -1;
  for (const Phrase* p : ps) {
    if (!out.empty()) out += p->line == line ? " " : "\n";
    out += p->text;
    line = p->line;
  }
  return out;
}

bool NoValue(const LabelSpec* s) { return s->kind == CellKind::kSection || s->place != ValuePlace::kRight; }

}  // namespace

std::vector<FormRow> RowsFromSpans(const Page& page, const FormLabels& labels, bool first_page) {
  std::vector<Phrase> phrases = Phrases(page.text);
  std::vector<LabelAt> found = FindLabels(&phrases, labels);
  if (found.empty()) return {};
  // Rows: labels whose centres fall within each other's height.
  std::sort(found.begin(), found.end(), [](const LabelAt& a, const LabelAt& b) { return a.cy() < b.cy(); });
  std::vector<Row> rows;
  for (const LabelAt& l : found) {
    if (!rows.empty() && std::fabs(l.cy() - rows.back().center) < 0.5 * (l.y1 - l.y0)) {
      rows.back().labels.push_back(l);
      continue;
    }
    rows.push_back(Row{{l}, l.cy(), l.y0, l.y1, {}});
  }
  double left = 1e18, right = -1e18;
  for (Row& r : rows) {
    std::sort(r.labels.begin(), r.labels.end(), [](const LabelAt& a, const LabelAt& b) { return a.x0 < b.x0; });
    for (const LabelAt& l : r.labels) {
      r.top = std::min(r.top, l.y0);
      r.bottom = std::max(r.bottom, l.y1);
      left = std::min(left, l.x0);
    }
  }
  for (const Phrase& p : phrases) right = std::max(right, p.x1);
  // Content, top-down: a row takes what lies above its centre since the
  // previous row ended, and as far below its centre as that reaches above.
  std::vector<const Phrase*> content;
  for (const Phrase& p : phrases)
    if (!p.label_part) content.push_back(&p);
  std::sort(content.begin(), content.end(), [](const Phrase* a, const Phrase* b) { return a->cy() < b->cy(); });
  std::vector<std::vector<const Phrase*>> below_rows(rows.size());
  size_t next = 0;
  double previous_end = -1e18;
  for (size_t k = 0; k < rows.size(); ++k) {
    Row& row = rows[k];
    bool takes_values = std::any_of(row.labels.begin(), row.labels.end(), [](const LabelAt& l) { return !NoValue(l.spec); });
    double reach = std::max(row.center - row.top, row.bottom - row.center);
    double line_h = row.bottom - row.top;
    std::vector<const Phrase*> mine;
    while (next < content.size() && content[next]->cy() <= row.center) {
      const Phrase* p = content[next++];
      if (p->cy() <= previous_end) continue;
      // Far above the row (the title over the table): nobody's.
      if (row.center - p->cy() > 12 * line_h) continue;
      if (!takes_values) continue;
      mine.push_back(p);
      reach = std::max(reach, row.center - p->y0);
    }
    double end = row.center + reach + 0.25 * line_h;
    while (next < content.size() && content[next]->cy() <= end) {
      if (takes_values) mine.push_back(content[next]);
      ++next;
    }
    // A `below` label: the content up to the next row's labels is its value row.
    bool below = std::any_of(row.labels.begin(), row.labels.end(),
                             [](const LabelAt& l) { return l.spec->place == ValuePlace::kBelow; });
    if (below) {
      double until = k + 1 < rows.size() ? rows[k + 1].top : 1e18;
      while (next < content.size() && content[next]->y1 <= until + 0.25 * line_h) below_rows[k].push_back(content[next++]);
      for (const Phrase* p : below_rows[k]) end = std::max(end, p->y1);
    }
    row.content = std::move(mine);
    previous_end = end;
  }
  // The rows for the assembler: label cell, value cell, label cell, ...
  double width = std::max(1.0, right - left);
  std::vector<FormRow> out;
  for (size_t k = 0; k < rows.size(); ++k) {
    const Row& row = rows[k];
    FormRow fr;
    fr.first_on_page = !first_page && k == 0;
    for (size_t i = 0; i < row.labels.size(); ++i) {
      const LabelAt& l = row.labels[i];
      double zone_end = i + 1 < row.labels.size() ? row.labels[i + 1].x0 : right + 1;
      FormCell label_cell;
      label_cell.text = l.spec->label;
      label_cell.x0 = (l.x0 - left) / width;
      label_cell.x1 = (l.x1 - left) / width;
      label_cell.page = page.index;
      fr.cells.push_back(label_cell);
      if (NoValue(l.spec)) continue;
      std::vector<const Phrase*> value;
      for (const Phrase* p : row.content)
        if (p->x0 >= l.x1 - 0.5 * (l.y1 - l.y0) && (p->x0 + p->x1) / 2 < zone_end) value.push_back(p);
      FormCell v;
      v.text = JoinPhrases(value);
      v.blank = v.text.empty();
      v.x0 = label_cell.x1;
      v.x1 = (zone_end - left) / width;
      v.page = page.index;
      fr.cells.push_back(v);
    }
    out.push_back(std::move(fr));
    if (!below_rows[k].empty()) {
      FormRow value_row;
      FormCell v;
      v.text = JoinPhrases(below_rows[k]);
      v.x0 = 0;
      v.x1 = 1;
      v.page = page.index;
      value_row.cells.push_back(v);
      out.push_back(std::move(value_row));
    }
  }
  return out;
}

}  // namespace gm::form
