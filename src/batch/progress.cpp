#include "batch/progress.h"

#include "parsers/xml/input/byte_source.h"

#include <fmt/format.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>

namespace patsub::batch {

namespace {

constexpr auto kRedrawEvery = std::chrono::milliseconds(100);
constexpr std::string_view kEraseLine = "\r\x1b[K";

int terminal_columns() {
    winsize size{};
    if (::ioctl(STDERR_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) return size.ws_col;
    return 80;
}

std::string human_bytes(double bytes) {
    if (bytes >= 1e9) return fmt::format("{:.2f} GB", bytes / 1e9);
    if (bytes >= 1e6) return fmt::format("{:.1f} MB", bytes / 1e6);
    return fmt::format("{:.0f} kB", bytes / 1e3);
}

std::string clock_time(double seconds) {
    const auto s = static_cast<long>(seconds + 0.5);
    if (s >= 3600) return fmt::format("{}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60);
    return fmt::format("{}:{:02}", s / 60, s % 60);
}

// Everything written to the terminal goes out in one write(2), so a frame is never torn.
void write_stderr(std::string_view text) {
    while (!text.empty()) {
        const ssize_t n = ::write(STDERR_FILENO, text.data(), text.size());
        if (n <= 0) return;  // a closed terminal is no reason to stop a batch
        text.remove_prefix(static_cast<std::size_t>(n));
    }
}

// Bytes the file sources of this thread have read, as the parser layer counts them.
std::uint64_t meter() { return xml::file_bytes_read_on_this_thread(); }

}  // namespace

Progress::Progress(std::uint64_t total_bytes, bool draw)
    : draw_(draw), total_(total_bytes), started_(std::chrono::steady_clock::now()) {}

Progress::~Progress() { clear(); }

bool Progress::stderr_is_terminal() {
    if (::isatty(STDERR_FILENO) != 1) return false;
    const char* term = std::getenv("TERM");
    return term == nullptr || std::strcmp(term, "dumb") != 0;
}

void Progress::begin_file(std::uint64_t bytes) {
    if (!draw_) return;
    file_bytes_ = bytes;
    in_file_ = 0;
    meter_at_file_start_ = meter();
    maybe_draw();
}

void Progress::read_in_file(std::uint64_t bytes) {
    if (!draw_) return;
    in_file_ = std::min(bytes, file_bytes_);
    maybe_draw();
}

void Progress::document() {
    if (!draw_) return;
    ++documents_;
    in_file_ = std::min(meter() - meter_at_file_start_, file_bytes_);
    maybe_draw();
}

void Progress::end_file() {
    if (!draw_) return;
    done_before_file_ += file_bytes_;
    file_bytes_ = in_file_ = 0;
    maybe_draw();
}

void Progress::clear() {
    if (!shown_) return;
    write_stderr(kEraseLine);
    shown_ = false;
}

void Progress::maybe_draw() {
    const auto now = std::chrono::steady_clock::now();
    if (shown_ && now - last_draw_ < kRedrawEvery) return;
    last_draw_ = now;
    draw_now();
}

void Progress::draw_now() {
    const double done = static_cast<double>(done_before_file_ + in_file_);
    const double total = static_cast<double>(std::max(total_, done_before_file_ + in_file_));
    const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
    const double fraction = total > 0 ? done / total : 0.0;
    const double rate = elapsed > 0 ? done / elapsed : 0.0;
    // An ETA from the first instants of a run swings wildly; wait for a second of data.
    const std::string eta = elapsed >= 1.0 && rate > 0 ? clock_time((total - done) / rate) : "--:--";
    const std::string text = fmt::format(" {:3.0f}%  {} / {}  {} docs  {}/s  ETA {}", fraction * 100,
                                         human_bytes(done), human_bytes(total), documents_, human_bytes(rate), eta);
    const int columns = terminal_columns();
    const int bar = std::clamp(columns - static_cast<int>(text.size()) - 3, 0, 40);
    std::string frame(kEraseLine);
    if (bar >= 10) {
        const int filled = static_cast<int>(fraction * bar);
        frame += '[';
        frame.append(static_cast<std::size_t>(filled), '#');
        frame.append(static_cast<std::size_t>(bar - filled), '.');
        frame += ']';
    }
    // Never wider than the terminal: a wrapped line could not be erased with \r.
    frame += text.substr(0, static_cast<std::size_t>(std::max(0, columns - 1 - (bar >= 10 ? bar + 2 : 0))));
    write_stderr(frame);
    shown_ = true;
}

void ProgressHandler::tick() { progress_.document(); }

void ProgressHandler::on_grant(Grant&& g) {
    inner_.on_grant(std::move(g));
    tick();
}

void ProgressHandler::on_problem(const DocumentProblem& p) {
    progress_.clear();
    inner_.on_problem(p);
    tick();
}

void ProgressHandler::on_skipped(int document, long line, const std::string& why) {
    progress_.clear();
    inner_.on_skipped(document, line, why);
    tick();
}

void ProgressHandler::on_member(const std::string& shown) { inner_.on_member(shown); }

}  // namespace patsub::batch
