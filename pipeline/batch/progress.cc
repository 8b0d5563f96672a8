#include "pipeline/batch/progress.h"

#include <ctime>

#include "pipeline/core/display_text.h"

namespace gm {
namespace {

std::string Clock() {
  std::time_t now = std::time(nullptr);
  char buf[16];
  std::strftime(buf, sizeof buf, "%H:%M:%S", std::localtime(&now));
  return buf;
}

std::string Minutes(double seconds) {
  int s = static_cast<int>(seconds + 0.5);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%d:%02d", s / 60, s % 60);
  return buf;
}

}  // namespace

Progress::Progress(int total, bool interactive, bool quiet, std::FILE* out)
    : total_(total), interactive_(interactive), quiet_(quiet), out_(out) {}

void Progress::Log(const std::string& line, bool even_if_quiet) {
  if (quiet_ && !even_if_quiet) return;
  if (interactive_) std::fputs("\r\033[K", out_);
  // Inbox names reach the terminal: escape sequences and bidi controls in them are shown, not obeyed.
  std::fprintf(out_, "%s %s\n", Clock().c_str(), DisplayText(line).c_str());
  if (interactive_) Redraw();
  std::fflush(out_);
}

std::string Progress::EtaText() const {
  if (processed_ == 0 || done_ >= total_) return "--:--";
  // Packages left at the mean wall time a processed package has taken so far.
  double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  double per_package = elapsed / done_;
  return Minutes(per_package * (total_ - done_));
}

void Progress::Redraw() {
  std::string line = "[" + std::to_string(done_) + "/" + std::to_string(total_) + " 件] " +
                     std::to_string(pages_) + " 页  剩余约 " + EtaText();
  for (const auto& [worker, what] : doing_) line += "  | " + what;
  if (line.size() > 160) line = line.substr(0, 157) + "...";
  std::fprintf(out_, "\r\033[K%s", DisplayText(line).c_str());
  std::fflush(out_);
}

void Progress::EndStage(int worker) {
  auto it = stage_of_.find(worker);
  if (it == stage_of_.end()) return;
  stage_seconds_[it->second.stage] +=
      std::chrono::duration<double>(std::chrono::steady_clock::now() - it->second.at).count();
  stage_of_.erase(it);
}

std::map<std::string, double> Progress::StageSeconds() {
  std::lock_guard<std::mutex> lock(mu_);
  return stage_seconds_;
}

void Progress::Stage(int worker, const std::string& package, const std::string& stage) {
  std::lock_guard<std::mutex> lock(mu_);
  EndStage(worker);
  stage_of_[worker] = StageStart{stage, std::chrono::steady_clock::now()};
  doing_[worker] = package + ": " + stage;
  if (interactive_ && !quiet_) Redraw();
}

void Progress::Done(int worker, const std::string& package, int pages, int errors, int warnings, bool reused) {
  std::lock_guard<std::mutex> lock(mu_);
  EndStage(worker);
  doing_.erase(worker);
  ++done_;
  pages_ += pages;
  if (!reused) ++processed_;
  Log("[" + std::to_string(done_) + "/" + std::to_string(total_) + "] " + package + (reused ? " (reused)" : "") +
      ": " + std::to_string(pages) + " pages, " + std::to_string(errors) + " errors, " + std::to_string(warnings) +
      " warnings");
}

void Progress::Failed(int worker, const std::string& package, const std::string& why) {
  std::lock_guard<std::mutex> lock(mu_);
  EndStage(worker);
  doing_.erase(worker);
  ++done_;
  Log("[" + std::to_string(done_) + "/" + std::to_string(total_) + "] " + package + ": FAILED: " + why, true);
}

void Progress::Listed(int worker, const std::string& package, const std::string& why) {
  std::lock_guard<std::mutex> lock(mu_);
  EndStage(worker);
  doing_.erase(worker);
  ++done_;
  Log("[" + std::to_string(done_) + "/" + std::to_string(total_) + "] " + package + ": not an application: " + why);
}

void Progress::Note(const std::string& message) {
  std::lock_guard<std::mutex> lock(mu_);
  Log(message);
}

void Progress::Problem(const std::string& message) {
  std::lock_guard<std::mutex> lock(mu_);
  Log(message, true);
}

void Progress::Finish() {
  std::lock_guard<std::mutex> lock(mu_);
  if (interactive_ && !quiet_) std::fputs("\r\033[K", out_);
  std::fflush(out_);
}

}  // namespace gm
