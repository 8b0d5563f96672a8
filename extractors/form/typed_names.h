// TypedNames: the names a package spells out in typed text — its own name,
// the e-mail's subject and body, its files' names — used to put right single
// characters the OCR misread in the names on the scanned form.
//
// Mine and company names are full of rare characters (窑街, 马鬃山, 崆峒,
// 萤石) that the OCR reads as a common look-alike (密街, 马紧山, 董石), and
// the people who send a package usually type those same names into the
// subject or the file names ("窑街铅锌矿入库资料", "转发-平川萤石矿入库申请材料").
// A character of the form's reading is replaced by the typed one only where
// the two agree around it: at least kMinContext agreeing characters in all,
// and on each side either two agreeing characters or the start (end) of both
// texts. So 窗街铅锌矿 becomes 窑街铅锌矿 after "窑街铅锌矿入库资料", but
// 华亭萤石矿 is not turned into 平川萤石矿 (亭 has no agreeing left side),
// and a character with two different typed candidates is left as read.
//
// The typed text is trusted over the OCR: a typo in a file name that keeps
// four characters of context would be copied into the field. The cell's
// image stays in the review workbook for the reviewer to compare.
//
// Immutable after construction; safe to share between threads.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace gm::form {

class TypedNames {
 public:
  // Agreeing characters around a replaced one, both sides together.
  static constexpr int kMinContext = 4;
  // Of a long text (an e-mail body) only the first this many characters are
  // used: names are written near the top, and the comparison's cost grows
  // with the text.
  static constexpr size_t kMaxTextChars = 4000;

  // `texts`: typed UTF-8 texts of the package, any length; empty ones are ignored.
  explicit TypedNames(const std::vector<std::string>& texts);

  // `read` (OCR text, possibly with spaces between characters, which are
  // looked through and kept) with its misread ideographs put right; `read`
  // itself when nothing applies.
  std::string Correct(std::string_view read) const;

  // For a name the OCR read doubtfully: the one typed name of the same
  // length that ends as the reading does, in its last kMinWholeSuffix
  // characters or more (建材有限公司: more than the 有限公司 every company
  // shares), and differs from it in at most kMaxWholeDiffer of its
  // characters — 庄离山力建材有限公司 is 甘肃山丹建材有限公司 after
  // "甘肃山丹建材有限公司入库申请". A typed name starts where its text does or
  // after a sign. Empty when the reading itself is typed somewhere, or no
  // typed name, or more than one different one, fits.
  static constexpr size_t kMinWholeSuffix = 5;
  static constexpr double kMaxWholeDiffer = 0.3;
  std::string WholeName(std::string_view read) const;

  // Whether `name` (spaces looked through), of at least kMinSpelled
  // characters, is written out whole in one of the typed texts: the form's
  // reading and the applicant's own typing agree on it.
  static constexpr size_t kMinSpelled = 5;
  bool Spelled(std::string_view name) const;

 private:
  std::vector<std::u32string> texts_;
};

}  // namespace gm::form
