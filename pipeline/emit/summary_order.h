// SummaryOrder: the order of packages in the batch summary — by category
// code (numerically, part by part: 4.2.8 before 4.10.1; packages without a
// category last), then by company name in Chinese (pinyin) order, then by
// package id so the order is total and stable between runs.
//
// Thread-safety: pure functions (each call makes its own ICU collator).
#pragma once

#include <string>
#include <vector>

#include "pipeline/core/record.h"

namespace gm {

// <0, 0 or >0 as code a sorts before, with or after code b. Codes are
// dot-separated numbers; a part that is not a number sorts after numbers,
// by its text; the empty code sorts after every other.
int CompareCategoryCodes(const std::string& a, const std::string& b);

// The category code of a record ("" when the field is null or not a
// {code,title} object), and its company name ("" when absent).
std::string RecordCategoryCode(const Record& record);
std::string RecordCompanyName(const Record& record);

// Pointers into `records` in summary order; valid while `records` is.
std::vector<const Record*> SummaryOrder(const std::vector<Record>& records);

}  // namespace gm
