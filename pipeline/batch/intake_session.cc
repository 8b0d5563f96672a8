#include "pipeline/batch/intake_session.h"

#include <chrono>
#include <cstdio>
#include <ctime>
#include <exception>
#include <fstream>
#include <iterator>
#include <set>
#include <thread>

#include "pipeline/batch/output_folder.h"
#include "pipeline/batch/package_processor.h"
#include "pipeline/core/hash.h"
#include "pipeline/emit/atomic_file.h"
#include "pipeline/emit/outputs.h"
#include "pipeline/ingest/ingest.h"
#include "pipeline/ingest/mailbox.h"
#include "pipeline/library/prior_lookup.h"

namespace gm {
namespace {

namespace fs = std::filesystem;

// A stamp under .cache/outputs/ says which record and settings a package's
// record file and workbook were last written from: a re-run whose record and
// settings are unchanged need not rewrite them. The stamps are also the
// manifest of what greenmine wrote (output_folder.h): an empty claim goes
// first, the stamp after both files, so a run killed in between rewrites
// them next time and a later run can still prune them.
std::string OutputStamp(const Record& record, const BatchContext& ctx) {
  return ctx.fingerprint + "\n" + Sha256Hex(RecordJsonText(record, ctx.templates, /*pretty=*/false)) + "\n";
}

bool OutputsUpToDate(const fs::path& out, const Record& record, const std::string& stamp) {
  std::error_code ec;
  if (!fs::exists(out / "records" / (record.package_id + ".json"), ec) ||
      !fs::exists(out / "review" / (record.package_id + ".xlsx"), ec))
    return false;
  std::ifstream in(OutputStampPath(out, record.package_id), std::ios::binary);
  std::string have((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return have == stamp;
}

// The record of a package whose processing failed part way (a bug, or memory
// exhausted): its files, and a finding that says it must be looked at by hand.
Record FailedRecord(const BatchContext& ctx, const Package& package, const std::string& what) {
  Record record;
  record.package_id = package.id;
  record.source = package.source;
  record.origin = package.origin;
  record.findings = package.findings;
  for (const InputFile& file : package.files) {
    FileEntry entry;
    entry.path = file.path;
    entry.sha256 = file.sha256;
    entry.error = file.error.empty() ? "申报包处理中断，该文件未读取" : file.error;
    record.files.push_back(std::move(entry));
  }
  record.findings.push_back(NewFinding(ctx.templates, "unreadable_input", package.source,
                                       "申报包“" + package.source + "”处理中断（" + what +
                                           "），内容未能读取；请人工审阅该申报包并告知系统维护人员"));
  return record;
}

int CountSeverity(const Record& r, const char* severity) {
  int n = 0;
  for (const Finding& f : r.findings) n += f.severity == severity;
  return n;
}

std::string UtcText(std::time_t t) {
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

// When the package arrived: the e-mail's Date ("2024-03-05T10:20:30+08:00",
// as MimeMessage writes it), else the mtime of the entry (a mailbox
// message's own file, or the mbox).
std::string Arrived(const fs::path& inbox, const std::string& entry, const Origin& origin) {
  int y, mo, d, h, mi, s, oh = 0, om = 0;
  char sign = '+';
  if (std::sscanf(origin.date.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d%c%2d:%2d", &y, &mo, &d, &h, &mi, &s, &sign, &oh,
                  &om) >= 6) {
    std::tm tm{};
    tm.tm_year = y - 1900;
    tm.tm_mon = mo - 1;
    tm.tm_mday = d;
    tm.tm_hour = h;
    tm.tm_min = mi;
    tm.tm_sec = s;
    std::time_t t = timegm(&tm) - (sign == '-' ? -1 : 1) * (oh * 3600 + om * 60);
    return UtcText(t);
  }
  fs::path path = inbox / entry;
  InboxEntryRef ref;
  if (ParseInboxEntry(inbox, entry, &ref).ok() && ref.kind == InboxEntryRef::Kind::kMboxMessage)
    path = inbox / ref.mailbox;
  std::error_code ec;
  auto mtime = fs::last_write_time(path, ec);
  if (ec) return "";
  auto since_epoch = std::chrono::file_clock::to_sys(mtime);
  return UtcText(std::chrono::system_clock::to_time_t(
      std::chrono::time_point_cast<std::chrono::system_clock::duration>(since_epoch)));
}

}  // namespace

IntakeSession::~IntakeSession() = default;

OcrCosts IntakeSession::OcrCostsSoFar() const {
  OcrCosts sum;
  for (const auto& engine : engines_) AddOcrCosts(engine->costs(), &sum);
  return sum;
}

Status IntakeSession::Open(const BatchOptions& options, std::unique_ptr<IntakeSession>* out) {
  std::unique_ptr<IntakeSession> session(new IntakeSession());
  session->options_ = options;
  std::error_code ec;
  if (!fs::is_directory(options.inbox, ec))
    return Status::InvalidArgument("the inbox folder " + options.inbox.string() + " does not exist or is not a folder");
  fs::create_directories(options.out, ec);
  if (ec) return Status::IoError("cannot create the output folder " + options.out.string() + ": " + ec.message());
  if (Status s = session->lock_.Acquire(options.out); !s.ok()) return s;
  if (Status s = PrepareOwnFolders(options.out, &session->notes_); !s.ok()) return s;
  RemoveTemporaryFiles(options.out);

  int jobs = options.jobs > 0 ? options.jobs : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  session->engines_.resize(jobs);
  // Words of the domain the OCR's dictionary lacks (place names of Gansu,
  // mining and finance terms): templates/ocr_words.txt, when there.
  const fs::path words = options.settings.templates_dir / "ocr_words.txt";
  const std::string user_words = fs::is_regular_file(words, ec) ? words.string() : std::string();
  for (auto& engine : session->engines_) {
    Status s = OcrEngine::Create(options.settings.tessdata_dir, options.settings.ocr_language, user_words, &engine);
    if (!s.ok()) return s;
    if (options.settings.careful_tessdata_dir.empty()) continue;
    s = engine->UseCarefulModel(options.settings.careful_tessdata_dir);
    if (!s.ok() && options.settings.careful_model_required) return s;
  }
  if (Status s = BatchContext::Create(options.settings, session->engines_[0]->Fingerprint(), &session->ctx_); !s.ok())
    return s;
  if (Status s = JoinRules::Load(options.settings.templates_dir, &session->join_rules_); !s.ok()) return s;
  session->cache_ = std::make_unique<RecordCache>(options.out / ".cache", session->ctx_->fingerprint,
                                                  &session->ctx_->templates);
  *out = std::move(session);
  return Status::OK();
}

size_t IntakeSession::Process(const std::vector<std::string>& entries, const std::atomic<bool>* stop,
                            Progress* progress, std::map<std::string, EntryResult>* results) {
  Progress silent(static_cast<int>(entries.size()), false, true);
  if (!progress) progress = &silent;
  for (const std::string& note : notes_) progress->Problem(note);
  notes_.clear();
  std::atomic<size_t> next{0};
  int jobs = std::min<int>(static_cast<int>(engines_.size()), std::max<size_t>(1, entries.size()));
  std::vector<std::thread> workers;
  for (int w = 0; w < jobs; ++w)
    workers.emplace_back(&IntakeSession::Work, this, w, std::cref(entries), &next, stop, progress, results);
  for (auto& t : workers) t.join();
  return std::min(next.load(), entries.size());
}

void IntakeSession::Work(int worker, const std::vector<std::string>& entries, std::atomic<size_t>* next,
                         const std::atomic<bool>* stop, Progress* progress,
                         std::map<std::string, EntryResult>* results) {
  const BatchContext& ctx = *ctx_;
  OcrEngine* ocr = engines_[worker].get();
  for (size_t i; !(stop && *stop) && (i = (*next)++) < entries.size();) {
    const std::string& entry = entries[i];
    EntryResult result;
    Package package;
    try {
      progress->Stage(worker, entry, "ingest");
      Status s = IngestPackage(options_.inbox, entry, ctx.settings.limits, ctx.templates, &package);
      if (!s.ok()) {
        progress->Failed(worker, entry, s.ToString());
        result.failed = true;
        result.error = s.ToString();
        std::lock_guard<std::mutex> lock(mu_);
        (*results)[entry] = std::move(result);
        continue;
      }
      result.content_hash = package.content_hash;
      result.origin = package.origin;
      result.arrived = Arrived(options_.inbox, entry, package.origin);
      if (!package.not_application_kind.empty()) {
        result.not_application_kind = package.not_application_kind;
        result.not_application_reason = package.not_application_reason;
        progress->Listed(worker, entry, package.not_application_reason);
        std::lock_guard<std::mutex> lock(mu_);
        (*results)[entry] = std::move(result);
        continue;
      }
      {
        std::lock_guard<std::mutex> lock(mu_);
        // Ids carry the entry name in their hash; two equal ids in one inbox
        // are a hash collision, and the later package takes the longer id.
        if (auto [owner, mine] = id_owner_.emplace(package.id, entry); !mine && owner->second != entry) {
          auto other = results->find(owner->second);
          if (other != results->end() && other->second.record && other->second.record->package_id == package.id) {
            package.id = package.id_if_taken;
            id_owner_.emplace(package.id, entry);
          } else {
            owner->second = entry;  // the owner is gone or holds another id now
          }
        }
        for (const auto& [other_entry, other] : *results) {
          if (other_entry != entry && other.record && other.content_hash == package.content_hash &&
              !package.files.empty()) {
            result.duplicate = true;
            progress->Note(entry + " has the same content as " + other_entry + "; its reading is reused");
            break;
          }
        }
      }
      Record record;
      result.reused = cache_->Get(package.content_hash, &record);
      if (!result.reused) {
        ProcessPackage(ctx, package, ocr, [&](const std::string& stage, int) { progress->Stage(worker, entry, stage); },
                       &record);
        progress->Stage(worker, entry, "cache");
        if (Status put = cache_->Put(package.content_hash, record); !put.ok())
          progress->Problem("cache: " + put.ToString());
      }
      // A reused reading may come from another package with the same files:
      // the identity and the origin are this package's own.
      record.package_id = package.id;
      record.source = package.source;
      record.origin = package.origin;
      // A cached record keeps its major_change findings (the library is part of
      // the cache key) but not the library project the comparison sheet shows.
      if (result.reused && !record.prior)
        if (const PriorProject* prior = FindPriorProject(ctx.library_projects, record.package_id, record.fields))
          record.prior = *prior;
      // Publish reads the cell images back from the cache when it writes the
      // workbook; kept out of memory, a large inbox stays small.
      for (auto& [key, value] : record.fields) value.provenance.cell_png.clear();
      progress->Done(worker, entry, result.reused ? 0 : record.pages_read, CountSeverity(record, "error"),
                     CountSeverity(record, "warning"), result.reused);
      result.record = std::move(record);
    } catch (const std::exception& e) {
      // A bug or a library failure on one package must not take down the
      // batch, nor leave the package without a record.
      progress->Failed(worker, entry, std::string("internal error: ") + e.what());
      result.failed = true;
      result.error = std::string("internal error: ") + e.what();
      result.record.reset();
      if (!package.id.empty()) {
        try {
          result.record = FailedRecord(ctx, package, e.what());
        } catch (const std::exception&) {
          result.record.reset();
        }
      }
    }
    std::lock_guard<std::mutex> lock(mu_);
    (*results)[entry] = std::move(result);
  }
}

Record IntakeSession::Whole(const EntryResult& result) const {
  const Record& kept = *result.record;
  Record whole;
  if (result.failed || !cache_->Get(result.content_hash, &whole)) return kept;
  whole.package_id = kept.package_id;
  whole.source = kept.source;
  whole.origin = kept.origin;
  whole.prior = kept.prior;
  return whole;
}

Status IntakeSession::Publish(std::map<std::string, EntryResult>* results, Progress* progress, bool batch_outputs,
                              bool prune) {
  const BatchContext& ctx = *ctx_;
  const double sure = ctx.normalizer->settings().doubtful_reading_threshold;
  std::vector<EntryResult*> with_record;
  std::vector<const Record*> records;
  std::vector<std::string> arrived;
  for (auto& [entry, result] : *results) {
    if (!result.record) continue;
    with_record.push_back(&result);
    records.push_back(&*result.record);
    arrived.push_back(result.arrived);
  }
  std::vector<Application> apps = GroupApplications(records, arrived, join_rules_);

  // The final record of each package (without cell images), and how to make
  // it whole when its outputs must be written.
  std::vector<Record> finals(records.size());
  std::vector<size_t> latests;  // each application's latest package: its summary row
  std::string applications_jsonl;
  for (const Application& app : apps) {
    const size_t latest = app.members.back();
    ApplicationRef ref = DescribeApplication(app, records, arrived);
    Json line = {{"application_id", ref.id}, {"latest", records[latest]->package_id},
                 {"form_from", ref.form_from.empty() ? Json(nullptr) : Json(ref.form_from)}};
    Json packages = Json::array();
    for (const ApplicationMember& m : ref.packages)
      packages.push_back({{"package_id", m.package_id}, {"source", m.source}, {"arrived", m.arrived}});
    line["packages"] = std::move(packages);
    applications_jsonl += line.dump(-1, ' ', false, Json::error_handler_t::replace) + "\n";
    if (app.members.size() == 1) {
      finals[latest] = *records[latest];
    } else {
      for (size_t m : app.members) {
        finals[m] = *records[m];
        finals[m].application = ref;
      }
      std::vector<const Record*> members;
      for (size_t m : app.members) members.push_back(records[m]);
      int form_from = -1;
      for (size_t k = 0; k < app.members.size(); ++k)
        if (static_cast<int>(app.members[k]) == app.form_from) form_from = static_cast<int>(k);
      finals[latest] = JoinApplication(ctx.templates, sure, members, form_from, ref);
    }
    latests.push_back(latest);
  }

  // Write what changed.
  std::set<std::string> ids;
  for (const Application& app : apps) {
    for (size_t m : app.members) {
      const Record& final_record = finals[m];
      ids.insert(final_record.package_id);
      const std::string stamp = OutputStamp(final_record, ctx);
      if (OutputsUpToDate(options_.out, final_record, stamp)) {
        with_record[m]->unwritten = false;
        continue;
      }
      std::error_code ec;
      if (!batch_outputs && fs::exists(options_.out / "records" / (final_record.package_id + ".json"), ec)) continue;
      Record whole;
      if (app.members.size() == 1) {
        whole = Whole(*with_record[m]);
      } else if (m == app.members.back()) {
        std::vector<Record> wholes;
        for (size_t k : app.members) wholes.push_back(Whole(*with_record[k]));
        std::vector<const Record*> members;
        for (const Record& w : wholes) members.push_back(&w);
        int form_from = -1;
        for (size_t k = 0; k < app.members.size(); ++k)
          if (static_cast<int>(app.members[k]) == app.form_from) form_from = static_cast<int>(k);
        whole = JoinApplication(ctx.templates, sure, members, form_from, *final_record.application);
      } else {
        whole = Whole(*with_record[m]);
        whole.application = final_record.application;
      }
      Status w = WriteFileAtomically(OutputStampPath(options_.out, whole.package_id), "");
      if (w.ok()) w = WritePackageOutputs(whole, ctx.templates, options_.out);
      // The stamp is of the record as kept (the same JSON: provenance is not in it).
      if (w.ok()) w = WriteFileAtomically(OutputStampPath(options_.out, whole.package_id), stamp);
      with_record[m]->unwritten = !w.ok();
      if (!w.ok()) {
        if (progress) progress->Problem(final_record.source + ": FAILED: outputs not written: " + w.ToString());
        with_record[m]->error = w.ToString();
      }
    }
  }

  if (!batch_outputs) return Status::OK();
  std::vector<Record> all, summary_rows;
  for (size_t latest : latests)
    if (!with_record[latest]->unwritten) summary_rows.push_back(finals[latest]);
  for (size_t i = 0; i < finals.size(); ++i)
    if (!with_record[i]->unwritten) all.push_back(std::move(finals[i]));
  std::string not_applications;
  for (const auto& [entry, result] : *results) {
    if (result.not_application_kind.empty()) continue;
    Json line = {{"source", entry},
                 {"mailbox", result.origin.mailbox},
                 {"message_id", result.origin.message_id.empty() ? Json(nullptr) : Json(result.origin.message_id)},
                 {"subject", result.origin.subject},
                 {"from", result.origin.from},
                 {"date", result.origin.date.empty() ? Json(nullptr) : Json(result.origin.date)},
                 {"kind", result.not_application_kind},
                 {"reason", result.not_application_reason}};
    not_applications += line.dump(-1, ' ', false, Json::error_handler_t::replace) + "\n";
  }
  if (Status s = WriteFileAtomically(options_.out / "applications.jsonl", applications_jsonl); !s.ok()) return s;
  if (Status s = WriteFileAtomically(options_.out / "not_applications.jsonl", not_applications); !s.ok()) return s;
  if (Status s = WriteBatchOutputs(all, summary_rows, ctx.templates, options_.out); !s.ok()) return s;
  if (prune) PruneStaleOutputs(options_.out, ids);
  return Status::OK();
}

}  // namespace gm
