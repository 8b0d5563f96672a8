#include "pipeline/check/checks.h"

#include <cstdio>

#include "pipeline/check/check_context.h"

namespace gm {

void RunChecks(const CheckInput& in, CheckOutput* out) {
  Status s;
  const CheckRules* rules = CheckRules::ForTemplates(*in.templates, &s);
  if (!rules) std::fprintf(stderr, "greenmine: check tables not loaded, checks skipped: %s\n", s.ToString().c_str());
  CheckContext ctx(in, rules, out);
  CheckRequiredFields(&ctx);
  CheckFormAmounts(&ctx);
  CheckStatements(&ctx);
  CheckAttachments(&ctx);
  CheckMajorChange(&ctx);
}

}  // namespace gm
