// libFuzzer target: the statement parser on arbitrary placed text. The input
// is cut at '\n' into spans; each span's first four bytes give its box (x, y,
// w, h in 0..255, h scaled so rows form), the rest is its text. The parser,
// the amount parser and the merge must never crash, hang, leak or produce a
// figure that is not finite.
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "extractors/statements/statement_parser.h"
#include "extractors/statements/statement_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  gm::Status status;
  const gm::StatementVocabulary* vocab = gm::StatementVocabulary::Default(&status);
  if (!vocab) std::abort();  // the templates must load: a fuzz run with no tables tests nothing

  std::vector<gm::PlacedText> texts;
  size_t start = 0;
  while (start < size && texts.size() < 2000) {
    size_t end = start;
    while (end < size && data[end] != '\n') ++end;
    if (end - start >= 4) {
      gm::PlacedText t;
      t.box = {double(data[start]) * 4, double(data[start + 1]) * 4, double(data[start + 2]) * 2,
               double(data[start + 3] % 32)};
      t.text.assign(reinterpret_cast<const char*>(data + start + 4), end - start - 4);
      texts.push_back(std::move(t));
    }
    start = end + 1;
  }
  const char* continued[] = {"", "balance_sheet", "none"};
  std::vector<gm::StatementFigures> figures;
  for (const char* kind : continued) {
    for (const gm::PageStatement& st : gm::ParseStatementPage(texts, *vocab, kind)) {
      for (const auto& [key, value] : st.values)
        if (!std::isfinite(value)) std::abort();
      gm::StatementFigures f;
      f.kind = st.kind;
      f.year = st.year;
      f.file = "fuzz.pdf";
      f.confidence = 0.5;
      for (const auto& [key, value] : st.values) f.wan[key] = value * 0.0001;
      figures.push_back(std::move(f));
    }
  }
  for (const gm::PlacedText& t : texts) gm::ParseStatementAmount(t.text);
  gm::MergeFinancials(figures);
  return 0;
}
