#!/usr/bin/python3
"""Checks greenmine's review workbooks and batch summary with a real
spreadsheet reader (openpyxl) against the records they were made from.

    check_workbooks.py OUT [--templates DIR] [--images PACKAGE_ID=N ...]

OUT is a run's output folder: records/<id>.json, review/<id>.xlsx,
records.jsonl and summary.xlsx. For every record the review workbook must
hold, on the sheets the layout tables name: every field of fields.tsv in
order, its value as the record has it (numbers as numbers, booleans 是/否,
lists joined with 、, categories "code title"), confidence, highlights for
required-missing and low-confidence values, the reviewer's drop-down; every
checklist kind; every finding, errors first; the statement figures; the
expert's drop-down, date validation and comment box; every file. Every sheet
must print on A4, one page wide, with the package id in the header, and
freeze its header. The summary must list every record in order with its key
figures and a working relative link to its review workbook, totals by
category with a chart, and the unreadable files.

Exit status 0 when everything holds; 1 with one line per problem otherwise;
2 for bad usage or a missing openpyxl.
"""
import argparse
import csv
import json
import math
import os
import sys
import urllib.parse

try:
    import openpyxl
    from openpyxl.utils import get_column_letter
except ImportError:  # pragma: no cover
    print("check_workbooks: python3-openpyxl is not installed", file=sys.stderr)
    sys.exit(2)

HERE = os.path.dirname(os.path.abspath(__file__))
TITLE_ROW, HEADER_ROW = 1, 2  # 1-based, as openpyxl counts
A4 = 9


def load_tsv(path):
    with open(path, encoding="utf-8") as f:
        lines = [l.rstrip("\r\n") for l in f if l.strip() and not l.startswith("#")]
    header = lines[0].split("\t")
    return [dict(zip(header, l.split("\t") + [""] * (len(header) - len(l.split("\t"))))) for l in lines[1:]]


class Layout:
    def __init__(self, templates):
        self.fields = load_tsv(os.path.join(templates, "fields.tsv"))
        self.checklist = load_tsv(os.path.join(templates, "checklist.tsv"))
        self.catalog = {r["code"]: r["title"] for r in load_tsv(os.path.join(templates, "catalog.tsv"))}
        self.sheets = {r["sheet"]: r for r in load_tsv(os.path.join(templates, "workbook_sheets.tsv"))}
        self.columns = {}
        for r in load_tsv(os.path.join(templates, "workbook_columns.tsv")):
            self.columns.setdefault(r["sheet"], []).append(r)
        self.settings = {r["key"]: r["value"] for r in load_tsv(os.path.join(templates, "workbook_settings.tsv"))}
        self.labels = {r["key"]: r["text"] for r in load_tsv(os.path.join(templates, "workbook_labels.tsv"))}

    def name(self, sheet_id):
        return self.sheets[sheet_id]["name"]

    def col(self, sheet_id, column_id):
        """1-based column of a column id, or None when the layout leaves it out."""
        for i, c in enumerate(self.columns[sheet_id]):
            if c["column"] == column_id:
                return i + 1
        return None

    def color(self, key):
        return self.settings[key].upper()


class Checker:
    def __init__(self, layout):
        self.layout = layout
        self.problems = []

    def fail(self, where, message):
        self.problems.append(f"{where}: {message}")

    def expect(self, condition, where, message):
        if not condition:
            self.fail(where, message)
        return condition

    # -- shared sheet properties ------------------------------------------

    def check_print_setup(self, ws, sheet_id, where, header_text):
        L = self.layout
        ps = ws.page_setup
        self.expect(str(ps.paperSize) == str(A4), where, f"paper size {ps.paperSize}, want A4 (9)")
        want = "landscape" if L.sheets[sheet_id]["orientation"] == "landscape" else "portrait"
        self.expect(ps.orientation == want, where, f"orientation {ps.orientation}, want {want}")
        fit = ws.sheet_properties.pageSetUpPr
        self.expect(fit is not None and fit.fitToPage, where, "not set to fit to page")
        self.expect(str(ps.fitToWidth) in ("1", "None"), where, f"fit to {ps.fitToWidth} pages wide, want 1")
        self.expect(str(ps.fitToHeight) == "0", where, f"fit to {ps.fitToHeight} pages tall, want 0 (as many as needed)")
        m = ws.page_margins
        self.expect(abs(m.left - float(L.settings["margin_left_in"])) < 1e-6, where, f"left margin {m.left}")
        self.expect(abs(m.top - float(L.settings["margin_top_in"])) < 1e-6, where, f"top margin {m.top}")
        header = "".join((part.text or "") for part in (ws.oddHeader.left, ws.oddHeader.center, ws.oddHeader.right))
        footer = "".join((part.text or "") for part in (ws.oddFooter.left, ws.oddFooter.center, ws.oddFooter.right))
        self.expect(header_text.replace("&", "&&")[:40] in header, where, f"page header {header!r} lacks {header_text!r}")
        self.expect("&P" in footer and "&N" in footer, where, f"page footer {footer!r} lacks page numbers")

    def check_heading(self, ws, sheet_id, where, frozen):
        L = self.layout
        self.expect(ws.cell(TITLE_ROW, 1).value == L.sheets[sheet_id]["title"], where,
                    f"title {ws.cell(TITLE_ROW, 1).value!r}")
        for i, c in enumerate(L.columns[sheet_id], start=1):
            got = ws.cell(HEADER_ROW, i).value
            self.expect((got or "") == c["header"], where, f"header of column {i} is {got!r}, want {c['header']!r}")
            dim = ws.column_dimensions[get_column_letter(i)]
            self.expect(abs((dim.width or 0) - float(c["width"])) < 1.0, where,
                        f"column {c['column']} width {dim.width}, want {c['width']}")
            self.expect(bool(dim.hidden) == (c["hidden"] == "yes"), where, f"column {c['column']} hidden={dim.hidden}")
        self.expect(ws.freeze_panes == frozen, where, f"frozen panes at {ws.freeze_panes}, want {frozen}")
        titles = (ws.print_title_rows or "").replace("$", "")
        self.expect(titles == f"{HEADER_ROW}:{HEADER_ROW}", where, f"print title rows {ws.print_title_rows!r}")

    def validations(self, ws):
        """(type, options-or-None, set of cells) for each data validation."""
        out = []
        for dv in ws.data_validations.dataValidation:
            options = None
            if dv.type == "list" and dv.formula1:
                options = dv.formula1.strip('"').split(",")
            cells = set()
            for rng in str(dv.sqref).split():
                bounds = openpyxl.utils.cell.range_boundaries(rng)
                for r in range(bounds[1], bounds[3] + 1):
                    for c in range(bounds[0], bounds[2] + 1):
                        cells.add((r, c))
            out.append((dv.type, options, cells))
        return out

    def has_dropdown(self, ws, row, col, options):
        return any(t == "list" and o == options and (row, col) in cells for t, o, cells in self.validations(ws))

    def fill(self, cell):
        f = cell.fill
        if f is None or f.fill_type != "solid":
            return None
        rgb = f.fgColor.rgb if f.fgColor is not None else None
        return rgb[-6:].upper() if isinstance(rgb, str) else None

    # -- value rendering ---------------------------------------------------

    def shown(self, spec, value):
        """What the 申请信息 value cell must hold for a typed value: ('num', x), ('text', s) or ('blank',)."""
        L = self.layout
        if value is None:
            return ("blank",)
        if isinstance(value, bool):
            return ("text", L.labels["yes"] if value else L.labels["no"])
        if isinstance(value, (int, float)):
            return ("num", float(value))
        if isinstance(value, list):
            return ("text", L.labels["list_separator"].join(v if isinstance(v, str) else json.dumps(v) for v in value))
        if isinstance(value, dict):
            code, title = value.get("code") or "", value.get("title") or ""
            return ("text", f"{code} {title}".strip())
        return ("text", value) if value != "" else ("blank",)

    # -- review workbook ---------------------------------------------------

    def check_review(self, path, record, expect_images):
        L = self.layout
        pid = record["package_id"]
        try:
            wb = openpyxl.load_workbook(path)
        except Exception as e:  # noqa: BLE001 - any failure to open is the finding
            self.fail(path, f"cannot be opened: {e}")
            return
        # 与入库项目比较 only for a package resubmitting a library project (run --library).
        prior = ["prior"] if L.name("prior") in wb.sheetnames else []
        want = [L.name(s) for s in ["fields", "checklist", "financials", "findings", "opinion"] + prior + ["files", "record"]]
        if not self.expect(wb.sheetnames == want, path, f"sheets {wb.sheetnames}, want {want}"):
            return
        data = wb[L.name("record")]
        self.expect(data.sheet_state == "hidden", path, "the data sheet for collect is hidden")
        self.expect(data.cell(1, 1).value == "package_id" and data.cell(1, 2).value == pid, path,
                    "the data sheet carries the package id")
        self.check_fields(wb[L.name("fields")], record, f"{path} {L.name('fields')}", expect_images)
        self.check_checklist(wb[L.name("checklist")], record, f"{path} {L.name('checklist')}")
        self.check_financials(wb[L.name("financials")], record, f"{path} {L.name('financials')}")
        self.check_findings(wb[L.name("findings")], record, f"{path} {L.name('findings')}")
        self.check_opinion(wb[L.name("opinion")], record, f"{path} {L.name('opinion')}")
        self.check_files(wb[L.name("files")], record, f"{path} {L.name('files')}")
        for sheet_id in ("fields", "checklist", "financials", "findings", "opinion", "files"):
            self.check_print_setup(wb[L.name(sheet_id)], sheet_id, f"{path} {L.name(sheet_id)}", pid)

    def check_fields(self, ws, record, where, expect_images):
        L = self.layout
        self.check_heading(ws, "fields", where, "B3")
        col = {c["column"]: L.col("fields", c["column"]) for c in L.columns["fields"]}
        rows = {}
        sections = []
        for r in range(HEADER_ROW + 1, ws.max_row + 1):
            key = ws.cell(r, col["key"]).value
            if key:
                self.expect(key not in rows, where, f"field {key} appears twice")
                rows[key] = r
            elif ws.cell(r, 1).value:
                sections.append(ws.cell(r, 1).value)
        keys = [f["key"] for f in L.fields]
        self.expect(list(rows) == keys, where, "fields are not every key of fields.tsv in order")
        want_sections = []
        for f in L.fields:
            if not want_sections or want_sections[-1] != f["section"]:
                want_sections.append(f["section"])
        self.expect(sections == want_sections, where, f"section bands {sections}, want {want_sections}")
        threshold = float(L.settings["low_confidence_threshold"])
        review_options = L.labels["review_options"].split("|")
        for f in L.fields:
            key = f["key"]
            if key not in rows:
                continue
            r = rows[key]
            at = f"{where} row {r} ({key})"
            item = record["fields"][key]
            required = f["required"] == "yes"
            label = f["label"] + (" " + L.labels["required_mark"] if required else "")
            self.expect(ws.cell(r, col["label"]).value == label, at, f"label {ws.cell(r, col['label']).value!r}")
            cell = ws.cell(r, col["value"])
            want = self.shown(f, item["value"])
            if want[0] == "blank":
                placeholder = L.labels["missing_value"] if required else None
                self.expect(cell.value in (None, "", placeholder), at, f"value {cell.value!r}, want empty")
            elif want[0] == "num":
                ok = isinstance(cell.value, (int, float)) and math.isclose(cell.value, want[1], rel_tol=1e-12, abs_tol=1e-9)
                self.expect(ok, at, f"value {cell.value!r}, want number {want[1]}")
                fmt_key = {"wan": "wan_format", "pct": "pct_format", "int": "int_format"}.get(f["type"], "number_format")
                self.expect(cell.number_format == L.settings[fmt_key], at,
                            f"number format {cell.number_format!r}, want {L.settings[fmt_key]!r}")
            else:
                self.expect(cell.value == want[1], at, f"value {cell.value!r}, want {want[1]!r}")
            conf = ws.cell(r, col["confidence"]).value
            if not (conf is None and want[0] == "blank"):  # a blank never read shows no confidence
                self.expect(isinstance(conf, (int, float)) and abs(conf - item["confidence"]) < 5e-4, at,
                            f"confidence {conf!r}, want {item['confidence']}")
            if want[0] == "blank" and required:
                self.expect(self.fill(ws.cell(r, col["label"])) == L.color("color_missing_fill"), at,
                            "required and missing but not marked red")
            elif want[0] != "blank" and item["confidence"] < threshold:
                self.expect(self.fill(cell) == L.color("color_low_confidence_fill"), at,
                            "low confidence but not marked amber")
            else:
                self.expect(self.fill(cell) not in (L.color("color_missing_fill"), L.color("color_low_confidence_fill")),
                            at, "highlighted without cause")
            self.expect(self.has_dropdown(ws, r, col["review"], review_options), at,
                        f"no {'/'.join(review_options)} drop-down in the review column")
            for finding in record["findings"]:
                if finding["field"] == key:
                    self.expect(finding["message"] in (ws.cell(r, col["issues"]).value or ""), at,
                                f"finding {finding['code']} not shown beside the field")
        images = getattr(ws, "_images", [])
        for img in images:
            anchor = img.anchor._from
            self.expect(anchor.col + 1 == col["image"] and ws.cell(anchor.row + 1, col["key"]).value, where,
                        f"image anchored at row {anchor.row + 1} column {anchor.col + 1}, not in the image column")
        if expect_images is not None:
            self.expect(len(images) == expect_images, where, f"{len(images)} cell images, want {expect_images}")

    def check_checklist(self, ws, record, where):
        L = self.layout
        self.check_heading(ws, "checklist", where, "B3")
        col = lambda c: L.col("checklist", c)  # noqa: E731
        for i, spec in enumerate(L.checklist):
            r = HEADER_ROW + 1 + i
            at = f"{where} row {r} ({spec['kind']})"
            entry = record["checklist"][spec["kind"]]
            self.expect(ws.cell(r, col("label")).value == spec["label"], at, f"label {ws.cell(r, col('label')).value!r}")
            self.expect(ws.cell(r, col("kind")).value == spec["kind"], at, "kind column")
            req = L.labels["required" if entry["required"] else "not_required"]
            missing = entry["required"] and not entry["present"]
            pres = L.labels["present" if entry["present"] else "absent" if missing else "not_provided"]
            self.expect(ws.cell(r, col("required")).value == req, at, f"required {ws.cell(r, col('required')).value!r}")
            self.expect(ws.cell(r, col("present")).value == pres, at, f"present {ws.cell(r, col('present')).value!r}")
            files = ws.cell(r, col("files")).value or ""
            self.expect(files.split("\n") if files else [] == entry["files"], at, f"files {files!r}")
            self.expect((ws.cell(r, col("reason")).value or "") == (entry.get("reason") or ""), at, "reason")
            self.expect((self.fill(ws.cell(r, col("label"))) == L.color("color_missing_fill")) == missing, at,
                        "missing-and-required highlight wrong")

    def check_financials(self, ws, record, where):
        L = self.layout
        self.check_heading(ws, "financials", where, "B3")
        by_label = {}
        for r in range(HEADER_ROW + 1, ws.max_row + 1):
            by_label[ws.cell(r, 1).value] = r
        stmt = L.col("financials", "statement")
        form = L.col("financials", "form")
        fin = record["financials"]
        if fin is None:
            self.expect(L.labels["fin_no_statements"] in by_label, where, "no statements, but no notice saying so")
        else:
            for key, label in (("year", "fin_year"), ("total_assets", "fin_total_assets"),
                               ("total_liabilities", "fin_total_liabilities"), ("owners_equity", "fin_owners_equity"),
                               ("revenue", "fin_revenue"), ("net_profit", "fin_net_profit"),
                               ("operating_cash_flow", "fin_operating_cash_flow")):
                r = by_label.get(L.labels[label])
                if not self.expect(r is not None, where, f"no row {L.labels[label]}"):
                    continue
                got = ws.cell(r, stmt).value
                if fin[key] is None:
                    self.expect(got is None, where, f"{key} shown as {got!r}, want empty")
                else:
                    self.expect(isinstance(got, (int, float)) and math.isclose(got, fin[key]), where,
                                f"{key} {got!r}, want {fin[key]}")
            a, l = fin["total_assets"], fin["total_liabilities"]
            r = by_label.get(L.labels["fin_debt_ratio"])
            if self.expect(r is not None, where, "no debt-ratio row") and a and l is not None:
                got = ws.cell(r, stmt).value
                self.expect(isinstance(got, float) and math.isclose(got, l / a * 100), where,
                            f"debt ratio {got!r}, want {l / a * 100}")
                dr = record["fields"]["debt_ratio"]["value"]
                if isinstance(dr, (int, float)):
                    self.expect(ws.cell(r, form).value == dr, where, "form debt ratio not beside the computed one")

    def check_findings(self, ws, record, where):
        L = self.layout
        self.check_heading(ws, "findings", where, "A3")
        col = lambda c: L.col("findings", c)  # noqa: E731
        rank = {"error": 0, "warning": 1, "info": 2}
        want = sorted(record["findings"], key=lambda f: rank.get(f["severity"], 3))  # sorted() is stable
        label_of = {f["key"]: f["label"] for f in L.fields}
        label_of.update({c["kind"]: c["label"] for c in L.checklist})
        if not want:
            self.expect(ws.cell(HEADER_ROW + 1, col("message")).value == L.labels["no_findings"], where, "no-findings note")
            return
        for i, f in enumerate(want):
            r = HEADER_ROW + 1 + i
            at = f"{where} row {r}"
            sev = L.labels.get("severity_" + f["severity"], f["severity"])
            self.expect(ws.cell(r, col("severity")).value == sev, at, f"severity {ws.cell(r, col('severity')).value!r}, want {sev}")
            self.expect(ws.cell(r, col("code")).value == f["code"], at, f"code {ws.cell(r, col('code')).value!r}")
            subject = label_of.get(f["field"] or "", f["field"] or "") or None
            self.expect(ws.cell(r, col("field")).value == subject, at, f"subject {ws.cell(r, col('field')).value!r}, want {subject!r}")
            self.expect(ws.cell(r, col("message")).value == f["message"], at, "message")
        self.expect(ws.cell(HEADER_ROW + 1 + len(want), col("code")).value is None, where, "extra finding rows")

    def check_opinion(self, ws, record, where):
        L = self.layout
        self.expect(ws.cell(TITLE_ROW, 1).value == L.sheets["opinion"]["title"], where, "title")
        labels = {ws.cell(r, 1).value: r for r in range(2, ws.max_row + 1) if ws.cell(r, 1).value}
        self.expect(ws.cell(labels.get(L.labels["op_package"], 1), 2).value == record["package_id"], where, "package id")
        r = labels.get(L.labels["op_conclusion"])
        options = L.labels["conclusion_options"].split("|")
        self.expect(r is not None and self.has_dropdown(ws, r, 2, options), where, f"no {'/'.join(options)} drop-down")
        r = labels.get(L.labels["op_date"])
        self.expect(r is not None and any(t == "date" and (r, 2) in cells for t, _, cells in self.validations(ws)),
                    where, "the date cell is not date-validated")
        r = labels.get(L.labels["op_comments"])
        rows = int(float(L.settings["comment_rows"]))
        merged = [str(m) for m in ws.merged_cells.ranges]
        self.expect(r is not None and f"B{r}:B{r + rows - 1}" in merged, where, f"comment box not merged over {rows} rows")
        self.expect(L.labels["op_expert"] in labels, where, "no expert name row")

    def check_files(self, ws, record, where):
        L = self.layout
        self.check_heading(ws, "files", where, "A3")
        col = lambda c: L.col("files", c)  # noqa: E731
        for i, f in enumerate(record["files"]):
            r = HEADER_ROW + 1 + i
            at = f"{where} row {r}"
            self.expect(ws.cell(r, col("path")).value == f["path"], at, f"path {ws.cell(r, col('path')).value!r}")
            self.expect(ws.cell(r, col("pages")).value == f["pages"], at, "pages")
            self.expect(ws.cell(r, col("error")).value == f["error"], at, f"error {ws.cell(r, col('error')).value!r}")
            sha = f["sha256"] or None
            if sha and len(sha) > 12:
                sha = sha[:12] + "\u2026"
            self.expect(ws.cell(r, col("sha256")).value == sha, at, f"sha256 {ws.cell(r, col('sha256')).value!r}")

    # -- summary -----------------------------------------------------------

    def check_summary(self, out, records):
        L = self.layout
        path = os.path.join(out, "summary.xlsx")
        try:
            wb = openpyxl.load_workbook(path)
        except Exception as e:  # noqa: BLE001
            self.fail(path, f"cannot be opened: {e}")
            return
        want = [L.name(s) for s in ("summary", "by_category", "unreadable")]
        if not self.expect(wb.sheetnames == want, path, f"sheets {wb.sheetnames}, want {want}"):
            return
        ws = wb[L.name("summary")]
        where = f"{path} {L.name('summary')}"
        company_col = L.col("summary", "company")
        self.check_heading(ws, "summary", where, f"{get_column_letter(company_col + 1)}3")
        self.check_print_setup(ws, "summary", where, L.sheets["summary"]["title"])
        col = lambda c: L.col("summary", c)  # noqa: E731
        by_id = {r["package_id"]: r for r in records}
        rows = []
        for r in range(HEADER_ROW + 1, ws.max_row + 1):
            pid = ws.cell(r, col("link")).value  # the link to the review workbook shows the package id
            if pid is not None:
                rows.append((r, pid))
        self.expect(sorted(p for _, p in rows) == sorted(by_id), where, "packages listed differ from the records")
        last_col = get_column_letter(len(L.columns["summary"]))
        self.expect(ws.auto_filter.ref == f"A{HEADER_ROW}:{last_col}{max(HEADER_ROW, HEADER_ROW + len(rows))}", where,
                    f"autofilter {ws.auto_filter.ref}")

        def code_key(code):
            if not code:
                return (1, [])
            return (0, [(0, int(p), "") if p.isdigit() and len(p) <= 9 else (1, 0, p) for p in code.split(".")])

        codes = [ws.cell(r, col("category_code")).value or "" for r, _ in rows]
        self.expect([code_key(c) for c in codes] == sorted(code_key(c) for c in codes), where, "not sorted by category code")
        for r, pid in rows:
            rec = by_id.get(pid)
            if rec is None:
                continue
            at = f"{where} row {r} ({pid})"
            fields = rec["fields"]
            for column, key in (("company", "company_name"), ("project", "project_name"),
                                ("credit_code", "credit_code"), ("location", "project_location")):
                v = fields.get(key, {}).get("value")
                self.expect(ws.cell(r, col(column)).value == (v if isinstance(v, str) and v else None), at, f"{column}")
            cat = fields.get("project_category", {}).get("value")
            code = cat.get("code") if isinstance(cat, dict) else None
            self.expect(ws.cell(r, col("category_code")).value == code, at, "category code")
            if code:
                title = L.catalog.get(code, cat.get("title"))
                self.expect(ws.cell(r, col("category_title")).value == title, at, "category title")
            for column, key in (("total_investment", "total_investment"), ("loan_demand", "loan_demand_total")):
                v = fields.get(key, {}).get("value")
                got = ws.cell(r, col(column)).value
                if isinstance(v, (int, float)) and not isinstance(v, bool):
                    self.expect(isinstance(got, (int, float)) and math.isclose(got, v), at, f"{column} {got!r}, want {v}")
                else:
                    self.expect(got is None, at, f"{column} {got!r}, want empty")
            errors = sum(1 for f in rec["findings"] if f["severity"] == "error")
            warnings = sum(1 for f in rec["findings"] if f["severity"] == "warning")
            self.expect(ws.cell(r, col("errors")).value == errors, at, f"errors {ws.cell(r, col('errors')).value}, want {errors}")
            self.expect(ws.cell(r, col("warnings")).value == warnings, at, "warnings")
            missing = [c["label"] for c in L.checklist
                       if rec["checklist"][c["kind"]]["required"] and not rec["checklist"][c["kind"]]["present"]]
            self.expect((ws.cell(r, col("missing")).value or "") == L.labels["list_separator"].join(missing), at,
                        f"missing documents {ws.cell(r, col('missing')).value!r}")
            link = ws.cell(r, col("link")).hyperlink
            if self.expect(link is not None and link.target, at, "no link to the review workbook"):
                target = urllib.parse.unquote(link.target.replace("\\", "/"))
                self.expect(target == f"review/{pid}.xlsx", at, f"link {link.target!r}, want review/{pid}.xlsx")
                self.expect(os.path.isfile(os.path.join(out, target)), at, f"link target {target} does not exist")

        ws = wb[L.name("by_category")]
        where = f"{path} {L.name('by_category')}"
        self.check_heading(ws, "by_category", where, "A3")
        self.check_print_setup(ws, "by_category", where, L.sheets["by_category"]["title"])
        col = lambda c: L.col("by_category", c)  # noqa: E731
        totals = {}
        for rec in records:
            cat = rec["fields"].get("project_category", {}).get("value")
            code = (cat.get("code") if isinstance(cat, dict) else None) or None
            t = totals.setdefault(code, [0, None, None])  # None: no package of the category gives the amount
            t[0] += 1
            for i, key in ((1, "total_investment"), (2, "loan_demand_total")):
                v = rec["fields"].get(key, {}).get("value")
                if isinstance(v, (int, float)) and not isinstance(v, bool):
                    t[i] = (t[i] or 0) + v
        seen = {}
        total_row = None
        for r in range(HEADER_ROW + 1, ws.max_row + 1):
            code = ws.cell(r, col("code")).value
            if code == L.labels["total"]:
                total_row = r
                break
            seen[code] = [ws.cell(r, col(c)).value for c in ("packages", "total_investment", "loan_demand")]
        self.expect(set(seen) == set(totals), where, f"categories {sorted(map(str, seen))}, want {sorted(map(str, totals))}")
        for code, t in totals.items():
            got = seen.get(code)
            same = lambda a, b: a is None and b is None or (a is not None and b is not None and math.isclose(a, b))  # noqa: E731
            self.expect(got is not None and got[0] == t[0] and same(got[1], t[1]) and same(got[2], t[2]),
                        where, f"category {code}: {got}, want {t}")
        if self.expect(total_row is not None, where, "no total row"):
            self.expect(ws.cell(total_row, col("packages")).value == len(records), where, "total packages")
        self.expect(not records or len(getattr(ws, "_charts", [])) == 1, where, "no chart of the totals")

        ws = wb[L.name("unreadable")]
        where = f"{path} {L.name('unreadable')}"
        self.check_heading(ws, "unreadable", where, "A3")
        self.check_print_setup(ws, "unreadable", where, L.sheets["unreadable"]["title"])
        want = sorted((rec["package_id"], f["path"], f["error"]) for rec in records for f in rec["files"] if f["error"])
        got = sorted((ws.cell(r, 1).value, ws.cell(r, 2).value, ws.cell(r, 3).value)
                     for r in range(HEADER_ROW + 1, ws.max_row + 1) if ws.cell(r, 2).value)
        self.expect(got == want, where, f"unreadable files {got}, want {want}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", help="the run's output folder")
    parser.add_argument("--templates", default=os.path.normpath(os.path.join(HERE, "..", "..", "templates")))
    parser.add_argument("--images", action="append", default=[], metavar="PACKAGE_ID=N",
                        help="expect N cell images on the package's 申请信息 sheet")
    args = parser.parse_args()
    images = {}
    for item in args.images:
        pid, _, n = item.rpartition("=")
        images[pid] = int(n)
    layout = Layout(args.templates)
    checker = Checker(layout)
    records_dir = os.path.join(args.out, "records")
    names = sorted(n for n in os.listdir(records_dir) if n.endswith(".json")) if os.path.isdir(records_dir) else []
    for name in names:
        with open(os.path.join(records_dir, name), encoding="utf-8") as f:
            record = json.load(f)
        checker.check_review(os.path.join(args.out, "review", name[:-5] + ".xlsx"), record,
                             images.get(record["package_id"]))
    jsonl = os.path.join(args.out, "records.jsonl")
    if os.path.exists(jsonl):
        with open(jsonl, encoding="utf-8") as f:
            records = [json.loads(line) for line in f if line.strip()]
        checker.check_summary(args.out, records)
    if not names and not os.path.exists(jsonl):
        checker.fail(args.out, "no records/ and no records.jsonl: nothing to check")
    for p in checker.problems:
        print(p)
    print(f"check_workbooks: {len(names)} review workbook(s), summary {'checked' if os.path.exists(jsonl) else 'absent'}, "
          f"{len(checker.problems)} problem(s)")
    return 1 if checker.problems else 0


if __name__ == "__main__":
    sys.exit(main())
