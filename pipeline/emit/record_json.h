// The record as JSON: the contract's "greenmine.record/1" format
// (../shared/spec/README.md "The record"), and its inverse for the cache.
//
// RecordToJson writes, in this order: schema, package_id, source, origin
// (container and the e-mail's subject/from/to/date/body, null when empty),
// files (path, sha256, kind|null, pages|null, text_source, error|null),
// fields (EVERY key of fields.tsv in that order, {"value", "confidence"},
// confidence clamped to 0..1 and rounded to 3 decimals; a key the record
// lacks is {"value": null, "confidence": 0}), financials (null when absent;
// year, the six figures in 万元 — each null when absent — source_file and
// unit, the unit the statements were written in),
// checklist (every kind of checklist.tsv in that order: required, present,
// files, reason|null), findings (code, severity, field|null, message).
// Keys of the record that the templates do not know are left out. Every
// string is made valid UTF-8 (see SanitizeUtf8) so dump() cannot throw.
// Beside source, a file's path and the e-mail's subject/from/to/body, when
// they hold hidden or control characters, "<key>_display" gives the form
// workbooks show (DisplayText: "[U+202E]"); the value itself stays exact.
//
// With provenance (the batch cache), each field also carries "_provenance"
// {file|null, page|null, box [x,y,w,h]|null, raw|null, cell_png base64|null}
// and the record "_pages_read"; RecordFromJson restores all of it, so
// RecordFromJson(RecordToJson(r, t, true)) == r for a record whose keys are
// those of the templates.
//
// Thread-safety: pure functions of their arguments.
#pragma once

#include "pipeline/core/record.h"
#include "pipeline/core/status.h"
#include "pipeline/core/templates.h"

namespace gm {

inline constexpr char kRecordSchema[] = "greenmine.record/1";

Json RecordToJson(const Record& record, const Templates& templates, bool with_provenance = false);

// Parses a record written by RecordToJson (with or without provenance).
// Unknown keys are ignored (the cache adds its own). Returns Corrupt with a
// message naming the offending key when the schema is not
// greenmine.record/1 or a value has the wrong type; *out is only assigned on
// success.
Status RecordFromJson(const Json& json, Record* out);

}  // namespace gm
