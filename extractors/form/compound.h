// Compound cells: several fields written in one cell of the form, split
// apart from the cell's OCR text (the rules are in form_compound.tsv):
//   资金来源  政府资金（ 500 ）万元，自筹资金（ 3000 ）万元，其他（ 6500 ）万元
//   意向贷款期限  （ 36 ）个月
//   联系人及联系方式  张伟 13909311234
//   是否变更  是（√）否（ ）曾用名：XX
// The OCR may drop a bracket, misread a character of an anchor, or put
// spaces anywhere; each function copes and returns "" when the part is not
// there.
//
// Thread-safety: functions are pure.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace gm::form {

// The text inside the first bracket pair after `anchor` (one misread
// character of a 3+ character anchor is forgiven); with an empty anchor, the
// first bracket pair. When the anchor is not found, the `ordinal`-th (0-based)
// bracket pair of the text is taken instead (-1: none). A missing closing
// bracket ends the content at the next ideograph; with an empty anchor and
// no bracket at all, the text's first number is the content ("36个月").
// Cleaned by CleanCellText.
std::string BracketAfter(std::string_view text, std::string_view anchor, int ordinal);

// The phone number of a contact cell: the first run of at least 7 digits,
// hyphens and inner spaces (spaces dropped): "电话：0931-8123456" -> "0931-8123456".
std::string PhoneIn(std::string_view text);

// The person of a contact cell: the ideographs before the phone number,
// without the `prefixes` (联系人, 电话 …) and punctuation.
std::string PersonIn(std::string_view text, const std::vector<std::string>& prefixes);

// What is written beside a checkbox group: the text after one of `prefixes`
// (曾用名：…) when present; else what follows the group's last bracket.
std::string RestAfterOptions(std::string_view text, const std::vector<std::string>& prefixes);

}  // namespace gm::form
