#include "pipeline/batch/context.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "extractors/document/file_format.h"
#include "extractors/office/docx_reader.h"
#include "extractors/statements/statement_reader.h"
#include "pipeline/check/check_rules.h"
#include "pipeline/check/checks.h"
#include "pipeline/core/hash.h"
#include "pipeline/emit/workbook_layout.h"
#include "pipeline/ingest/ingest_tables.h"
#include "pipeline/library/library_settings.h"
#include "pipeline/library/prior_lookup.h"

namespace gm {
namespace {

// Bump when a change to the code makes earlier cached records wrong.
constexpr const char* kRecordVersion = "greenmine-0.1";

// All template tables' bytes, in name order: a changed table invalidates the cache.
std::string TemplatesDigest(const std::filesystem::path& dir) {
  std::vector<std::filesystem::path> files;
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(dir, ec))
    if (e.is_regular_file()) files.push_back(e.path());
  std::sort(files.begin(), files.end());
  std::string all;
  for (const auto& f : files) {
    std::ifstream in(f, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    all += f.filename().string() + '\0' + ss.str() + '\0';
  }
  return Sha256Hex(all);
}

// The tables that stages load where they run rather than through the
// context: loaded once here so that a bad one stops the run at its start.
// The document opener's two tables become the ones every worker uses.
Status LoadStageTables(const Templates& templates) {
  const std::filesystem::path& dir = templates.dir();
  IngestTables ingest;
  if (Status s = IngestTables::Load(dir, &ingest); !s.ok()) return s;
  Status s;
  if (!CheckRules::ForTemplates(templates, &s)) return s;
  WorkbookLayout layout;
  if (!(s = WorkbookLayout::Load(dir, &layout)).ok()) return s;
  LibrarySettings library;
  if (!(s = LibrarySettings::Load(dir, &library)).ok()) return s;
  FormatMessages formats;
  if (!(s = LoadFormatMessages(dir, &formats)).ok()) return s;
  DocxSymbols symbols;
  if (!(s = LoadDocxSymbols(dir, &symbols)).ok()) return s;
  SetFormatMessages(std::move(formats));
  SetDefaultDocxSymbols(std::move(symbols));
  return Status::OK();
}

}  // namespace

Status BatchContext::Create(const BatchSettings& settings, const std::string& ocr_fingerprint,
                            std::unique_ptr<BatchContext>* out) {
  auto ctx = std::make_unique<BatchContext>();
  ctx->settings = settings;
  Status s = Templates::Load(settings.templates_dir, &ctx->templates);
  if (!s.ok()) return Status::NotFound("cannot load templates from " + settings.templates_dir.string() + ": " + s.message());
  // A stage's table that fails names its file and line; the folder is added here.
  auto bad_table = [&](const Status& st) {
    return Status::Corrupt("the templates in " + settings.templates_dir.string() + ": " + st.message());
  };
  // The budgets of templates/budgets.tsv, when there, replace the defaults of limits.h.
  std::error_code ec;
  const std::filesystem::path budgets = settings.templates_dir / "budgets.tsv";
  if (std::filesystem::is_regular_file(budgets, ec) && !(s = LoadBudgets(budgets, &ctx->settings.limits)).ok())
    return bad_table(s);
  if (!(s = Normalizer::Create(ctx->templates, &ctx->normalizer)).ok()) return bad_table(s);
  if (!(s = Classifier::Create(ctx->templates, &ctx->classifier)).ok()) return bad_table(s);
  if (!(s = FormReader::Create(ctx->templates, &ctx->form_reader)).ok()) return bad_table(s);
  ctx->statement_vocabulary = std::make_unique<StatementVocabulary>();
  if (!(s = StatementVocabulary::Load(settings.templates_dir, ctx->statement_vocabulary.get())).ok()) return bad_table(s);
  if (!(s = LoadStageTables(ctx->templates)).ok()) return bad_table(s);
  if (!settings.blacklist.empty()) {
    if (!(s = LoadBlacklist(settings.blacklist, &ctx->blacklist)).ok())
      return Status::NotFound("cannot read the blacklist " + settings.blacklist.string() + ": " + s.message());
  }
  std::string library_text;
  if (!settings.library.empty()) {
    LibrarySettings library_settings;
    if (!(s = LibrarySettings::Load(settings.templates_dir, &library_settings)).ok()) return s;
    ctx->major_change_share = library_settings.major_change_investment_share;
    if (!(s = LoadPriorProjects(settings.library, library_settings, settings.as_of, &ctx->library_projects)).ok())
      return Status::NotFound("cannot read the library " + settings.library.string() + ": " + s.message());
    for (const PriorProject& p : ctx->library_projects)
      library_text += p.project_id + '\0' + p.status + '\0' + nlohmann::json(p.values).dump() + '\n';
  }
  std::string blacklist_text;
  for (const auto& code : ctx->blacklist) blacklist_text += code + '\n';
  ctx->fingerprint = Sha256Hex(std::string(kRecordVersion) + '\0' + TemplatesDigest(settings.templates_dir) + '\0' +
                               ocr_fingerprint + '\0' + Sha256Hex(blacklist_text) + '\0' + Sha256Hex(library_text) + '\0' + settings.as_of);
  *out = std::move(ctx);
  return Status::OK();
}

}  // namespace gm
