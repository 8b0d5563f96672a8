// A consistent application package for the checks' tests: every required
// field filled, amounts that agree, the documents the answers require and a
// balanced balance sheet. Each test changes one thing and looks at what the
// checks say.
#pragma once

#include <algorithm>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "pipeline/check/checks.h"

namespace gm::testing_check {

class CheckTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Status s = Templates::Load(Templates::DefaultDir(), &templates_);
    ASSERT_TRUE(s.ok()) << s.ToString();
    for (const FieldSpec& f : templates_.fields()) fields_[f.key] = FieldValue();
    Set("company_name", "甘肃某某矿业有限公司");
    Set("credit_code", "91620100MA7123456X");
    Set("company_type", "国有控股公司");
    Set("registered_capital", 5000);
    Set("credit_rating", "AA");
    Set("debt_ratio", 60.0);
    Set("project_name", "某某铜矿绿色矿山建设项目");
    Set("renamed", false);
    Set("project_location", "甘肃省白银市");
    Set("project_description", "尾矿综合利用");
    Set("project_category", Json{{"code", "4.2.8"}, {"title", "绿色照明改造"}});
    Set("start_date", "2024-03");
    Set("project_stage", "已开工");
    Set("central_budget", false);
    Set("construction_nature", "新建");
    Set("total_investment", 10000);
    Set("equity_capital", 3000);
    Set("funding_government", 500);
    Set("funding_self", 3000);
    Set("funding_other", 6500);
    Set("funds_in_place", 4000);
    Set("invested_amount", 3500);
    Set("expected_annual_revenue", 1200);
    Set("approval_status", "已完成备案");
    Set("land_use_status", "不涉及");
    Set("eia_status", "已取得");
    Set("energy_review_status", "不涉及");
    Set("preliminary_design_status", "不涉及");
    Set("cleaner_production_audit", "无");
    Set("ohs_certification", "未认证");
    Set("rewards_penalties", "近两年未受到行政奖励和处罚。");
    Set("loan_demand_total", 6500);
    Set("loans_obtained", 2000);
    Set("loan_demand_this_year", 3000);
    Set("loan_term_months", 36);
    Set("guarantee_method", Json::array({"抵押"}));
    Set("interest_rate_opinion", "按LPR定价");
    Set("contact_person", "张三");
    Set("contact_phone", "13912345678");

    AddFile("入库申请表.pdf", "application_form");
    AddFile("备案证.pdf", "approval_doc");
    AddFile("环评批复.pdf", "eia_doc");
    AddFile("资产负债表.pdf", "balance_sheet");
    AddFile("利润表.pdf", "income_statement");
    AddFile("现金流量表.pdf", "cash_flow_statement");

    Financials f;
    f.year = 2024;
    f.total_assets = 10000;
    f.total_liabilities = 6000;
    f.owners_equity = 4000;
    f.revenue = 8000;
    f.net_profit = 500;
    f.operating_cash_flow = 900;
    f.source_file = "资产负债表.pdf";
    f.unit = "元";
    financials_ = f;
    blacklist_ = {"91620200MA1QL12P7G"};
    as_of_ = "2025-06-30";
  }

  // `confidence`: how surely the value was read; 1, exact, as from a typed form, unless a test says otherwise.
  void Set(const std::string& key, Json value, double confidence = 1.0) {
    ASSERT_TRUE(fields_.count(key)) << key;
    fields_[key].value = std::move(value);
    fields_[key].confidence = confidence;
  }
  void Clear(const std::string& key) { Set(key, Json()); }

  // `statements`: the statement kinds the statements reader found in the file (on page 1, 2, …).
  void AddFile(const std::string& path, const std::string& kind, bool is_report = false,
               std::vector<std::string> statements = {}) {
    FileEntry f;
    f.path = path;
    f.kind = kind;
    files_.push_back(f);
    Classification c;
    c.kind = kind;
    c.is_report = is_report;
    classifications_.push_back(c);
    int page = 0;
    for (std::string& st : statements) statements_.push_back({std::move(st), path, {++page}, true});
  }
  void RemoveFiles(const std::string& kind) {
    for (size_t i = files_.size(); i-- > 0;) {
      if (files_[i].kind == kind) {
        std::erase_if(statements_, [&](const StatementPlace& p) { return p.file == files_[i].path; });
        files_.erase(files_.begin() + i);
        classifications_.erase(classifications_.begin() + i);
      }
    }
  }

  CheckOutput Run() {
    CheckInput in;
    in.templates = &templates_;
    in.fields = &fields_;
    in.financials = &financials_;
    in.files = &files_;
    in.classifications = &classifications_;
    in.statements = &statements_;
    in.blacklist = &blacklist_;
    in.as_of = as_of_;
    in.prior_findings = &prior_;
    in.prior = library_project_;
    CheckOutput out;
    RunChecks(in, &out);
    return out;
  }

  static std::vector<Finding> Of(const CheckOutput& out, const std::string& code) {
    std::vector<Finding> found;
    for (const Finding& f : out.findings)
      if (f.code == code) found.push_back(f);
    return found;
  }
  static std::string Codes(const CheckOutput& out) {
    std::string s;
    for (const Finding& f : out.findings) s += f.code + "(" + f.field + ") " + f.message + "\n";
    return s;
  }

  Templates templates_;
  std::map<std::string, FieldValue> fields_;
  std::optional<Financials> financials_;
  std::vector<FileEntry> files_;
  std::vector<Classification> classifications_;
  std::vector<StatementPlace> statements_;
  std::set<std::string> blacklist_;
  std::vector<Finding> prior_;
  std::string as_of_;
  const PriorProject* library_project_ = nullptr;  // run --library's match, if any
};

}  // namespace gm::testing_check
