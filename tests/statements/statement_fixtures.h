// Builders for statement pages in tests: rows of cells at given x positions,
// as a PDF text layer gives them (72 dpi points, origin top-left).
#pragma once

#include <cctype>
#include <string>
#include <utility>
#include <vector>

#include "extractors/statements/statement_parser.h"
#include "pipeline/core/document.h"

namespace gm::testing_statements {

struct RowSpec {
  std::vector<std::pair<double, std::string>> cells;  // x of the cell's left edge, text
};

// One text span per cell; a row is 14 points high, rows 18 points apart.
// Numbers are right-aligned in a 90-point column starting at x.
inline Page MakePage(const std::vector<RowSpec>& rows, int index = 0) {
  Page page;
  page.index = index;
  page.width = 842;
  page.height = 595;
  double y = 30;
  for (const RowSpec& row : rows) {
    for (const auto& [x, text] : row.cells) {
      double w = 7.0 * static_cast<double>(text.size()) / 2;
      // Amounts are right-aligned in their column; short cells (行次, "-") sit at x.
      bool numeric = text.size() > 3 && (std::isdigit(static_cast<unsigned char>(text[0])) || text[0] == '(' ||
                                         text[0] == '-');
      double left = numeric ? x + 90 - w : x;
      page.text.push_back({text, {left, y, w, 14}});
    }
    y += 18;
  }
  return page;
}

inline std::vector<PlacedText> Placed(const Page& page) {
  std::vector<PlacedText> out;
  for (const TextSpan& s : page.text) out.push_back({s.text, s.box});
  return out;
}

// A two-half balance sheet: assets left (x 20..300), liabilities and equity right (x 420..).
inline std::vector<RowSpec> BalanceSheetRows(const std::string& unit_line, bool with_index) {
  const double lx = 20, l_idx = 150, l_end = with_index ? 190 : 160, l_open = l_end + 100;
  const double rx = 420, r_idx = 560, r_end = with_index ? 600 : 570, r_open = r_end + 100;
  auto row = [&](std::string l, std::string li, std::string le, std::string lo, std::string r, std::string ri,
                 std::string re, std::string ro) {
    RowSpec s;
    if (!l.empty()) s.cells.push_back({lx, l});
    if (with_index && !li.empty()) s.cells.push_back({l_idx, li});
    if (!le.empty()) s.cells.push_back({l_end, le});
    if (!lo.empty()) s.cells.push_back({l_open, lo});
    if (!r.empty()) s.cells.push_back({rx, r});
    if (with_index && !ri.empty()) s.cells.push_back({r_idx, ri});
    if (!re.empty()) s.cells.push_back({r_end, re});
    if (!ro.empty()) s.cells.push_back({r_open, ro});
    return s;
  };
  std::vector<RowSpec> rows;
  rows.push_back({{{350, "资产负债表"}}});
  rows.push_back({{{700, "会企01表"}}});
  rows.push_back({{{20, "编制单位：甘肃某某矿业有限公司"}, {330, "2024年12月31日"}, {700, unit_line}}});
  RowSpec header = row("资产", "行次", "期末余额", "年初余额", "负债和所有者权益（或股东权益）", "行次", "期末余额", "年初余额");
  // Period headers are centred over their 90-point column, as statements print them.
  for (auto& c : header.cells)
    if (c.second == "期末余额" || c.second == "年初余额") c.first += 24;
  rows.push_back(header);
  rows.push_back(row("流动资产：", "", "", "", "流动负债：", "", "", ""));
  rows.push_back(row("货币资金", "1", "12,345,678.90", "11,000,000.00", "短期借款", "32", "5,000,000.00", "4,000,000.00"));
  rows.push_back(row("应收账款", "2", "3,456,789.00", "-", "应付账款", "33", "(1,234.50)", "2,000.00"));
  rows.push_back(row("流动资产合计", "10", "15,802,467.90", "11,000,000.00", "负债合计", "40", "60,000,000.00",
                     "55,000,000.00"));
  rows.push_back(row("固定资产", "21", "84,197,532.10", "80,000,000.00", "所有者权益（或股东权益）：", "", "", ""));
  rows.push_back(row("非流动资产合计", "30", "84,197,532.10", "80,000,000.00", "实收资本（或股本）", "51",
                     "30,000,000.00", "30,000,000.00"));
  rows.push_back(row("", "", "", "", "所有者权益（或股东权益）合计", "60", "40,000,000.00", "36,000,000.00"));
  rows.push_back(row("资产总计", "31", "100,000,000.00", "91,000,000.00", "负债和所有者权益（或股东权益）总计", "61",
                     "100,000,000.00", "91,000,000.00"));
  return rows;
}

}  // namespace gm::testing_statements
