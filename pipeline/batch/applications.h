// Applications: the packages of one applicant and one project taken as one
// application (issue 21) — a company that sends its 补充材料 in a second
// e-mail, or a corrected form (更正) weeks later.
//
// Grouping: packages whose form gives a credit code or a company name are
// joined when either matches and their project names agree (or one is
// unread). A package without a form (attachments only) joins the
// application whose company name its subject, body or file names mention;
// failing that, when its subject marks a supplement or a reply
// (templates/application_join.tsv), the latest application of the same
// sender address. Anything else is an application of its own.
//
// Joining (the latest package's record, covers_all): the latest form is the
// authority and each earlier form is compared with it as the electronic copy
// is (a field the latest left unread or doubtful takes the earlier value;
// every difference is a low_confidence finding naming both); the checklist
// is the union of every package's documents (other packages' files named
// "<source>/<path>"); no missing_attachment for a document any package
// sent. Every package keeps its own record and gets `application` naming
// the application and its packages.
//
// Thread-safety: pure functions over their arguments; JoinRules is
// immutable after Load.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "pipeline/core/record.h"
#include "pipeline/core/status.h"
#include "pipeline/core/templates.h"

namespace gm {

class JoinRules {
 public:
  // Loads application_join.tsv; NotFound/Corrupt (English) when missing or malformed.
  static Status Load(const std::filesystem::path& dir, JoinRules* out);
  bool MarksSupplement(const std::string& subject) const;  // a supplement or a reply

 private:
  std::vector<std::string> markers_;  // lower case
};

struct Application {
  std::string id;
  std::vector<size_t> members;  // indices into the records, oldest first; back() is the latest
  int form_from = -1;           // index of the record whose form is the authority; -1 when none
};

// Groups records into applications. `arrived[i]` orders record i
// ("YYYY-MM-DDTHH:MM:SSZ"; ties broken by source). Every index appears in
// exactly one application. REQUIRES: arrived.size() == records.size().
std::vector<Application> GroupApplications(const std::vector<const Record*>& records,
                                           const std::vector<std::string>& arrived, const JoinRules& rules);

// The ApplicationRef every member's record gets (covers_all false).
ApplicationRef DescribeApplication(const Application& app, const std::vector<const Record*>& records,
                                   const std::vector<std::string>& arrived);

// The latest member's record joined over the whole application (see above).
// `members` are the application's records, oldest first, with provenance
// when the workbook will show it; `sure` the confidence below which a
// reading is doubtful. The result's identity is the latest member's.
Record JoinApplication(const Templates& templates, double sure, const std::vector<const Record*>& members,
                       int form_from_member, const ApplicationRef& ref);

// True when the record's form was read at all: it has an application_form
// file, or names the company, credit code or project.
bool HasForm(const Record& record);

}  // namespace gm
