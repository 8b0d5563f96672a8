#include "extractors/mime/html_text.h"

#include <gtest/gtest.h>

namespace gm {
namespace {

TEST(HtmlToText, BlocksBecomeLinesScriptsGo) {
  std::string html =
      "<html><head><title>t</title><style>p{color:red}</style></head><body>"
      "<p>您好：</p><div>附件为入库申请材料，&nbsp;请查收。</div><script>alert(1)</script>"
      "<p>甘肃某某矿业<br>有限公司</p></body></html>";
  EXPECT_EQ(HtmlToText(html), "您好：\n附件为入库申请材料， 请查收。\n甘肃某某矿业\n有限公司");
}

TEST(HtmlToText, EntitiesAndSpaces) {
  EXPECT_EQ(HtmlToText("<p>a &amp; b   &lt;c&gt;</p>"), "a & b <c>");
}

TEST(HtmlToText, MalformedAndEmpty) {
  EXPECT_EQ(HtmlToText(""), "");
  EXPECT_EQ(HtmlToText("<p>unclosed <b>bold"), "unclosed bold");
  EXPECT_EQ(HtmlToText("just text"), "just text");
  std::string deep;
  for (int i = 0; i < 5000; ++i) deep += "<div>";
  deep += "deep";
  EXPECT_NO_FATAL_FAILURE(HtmlToText(deep));
}

}  // namespace
}  // namespace gm
