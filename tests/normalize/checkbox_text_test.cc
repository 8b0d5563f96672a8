#include "pipeline/normalize/checkbox_text.h"

#include <gtest/gtest.h>

namespace gm {
namespace {

std::string Marked(const std::vector<CheckboxOption>& options) {
  std::string out;
  for (const auto& o : options) {
    out += (out.empty() ? "" : "|") + o.label + (o.marked ? "*" : "");
    if (!o.note.empty()) out += "(" + o.note + ")";
  }
  return out;
}

TEST(ReadCheckboxTextTest, Groups) {
  struct Case {
    const char* text;
    const char* expected;
  } cases[] = {
      {"已取得（√）正在办理（ ）不涉及（ ）", "已取得*|正在办理|不涉及"},
      {"已取得( )正在办理(√)不涉及( )", "已取得|正在办理*|不涉及"},
      {"已取得（）\n正在办理（）\n不涉及（✓）", "已取得|正在办理|不涉及*"},
      {"股权（）发债（）贷款（√）其他（融资租赁）", "股权|发债|贷款*|其他*(融资租赁)"},
      {"是（ ）否（√）", "是|否*"},
      {"是(V)否( )", "是*|否"},
      {"贷款(√)", "贷款*"},
      {"☑已取得 □正在办理 □不涉及", "已取得*|正在办理|不涉及"},
      {"■是 □否", "是*|否"},
      {"□是 □否", "是|否"},
      {"√已取得", "已取得*"},
      {"已认证（ ）、未认证（×）", "已认证|未认证*"},
  };
  for (const auto& c : cases) {
    auto options = ReadCheckboxText(c.text);
    ASSERT_TRUE(options.has_value()) << c.text;
    EXPECT_EQ(Marked(*options), c.expected) << c.text;
  }
}

TEST(ReadCheckboxTextTest, NotAGroup) {
  for (const char* text : {"", "国有控股公司", "国有控股公司（甘肃省国资委监管）", "已取得", "(√)", "A(甲)B(乙)",
                           "经营性收入（矿产品销售）"})
    EXPECT_FALSE(ReadCheckboxText(text).has_value()) << text;
}

}  // namespace
}  // namespace gm
