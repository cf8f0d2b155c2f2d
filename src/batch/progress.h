// Progress: the bar `patsub run` and `patsub check` draw on stderr while they read grant
// files, so that a person who starts a national-size batch (a year of CNIPA grants, a
// USPTO weekly file of several hundred MB) by hand sees how far it is and when it will
// end: bytes read of the total, documents, rate and ETA. It draws only when stderr is a
// terminal and at most ~10 times a second; under cron (stderr a file or a pipe) it writes
// nothing at all, so the nightly log keeps its one summary line.
#pragma once

#include "parsers/grant_file.h"

#include <chrono>
#include <cstdint>
#include <string>

namespace patsub::batch {

class Progress {
  public:
    // `total_bytes`: the size of every file the command will read. `draw`: whether to
    // draw at all (normally stderr_is_terminal()); false makes every call a no-op.
    Progress(std::uint64_t total_bytes, bool draw);
    ~Progress();  // erases the bar
    Progress(const Progress&) = delete;
    Progress& operator=(const Progress&) = delete;

    // isatty(2), and not TERM=dumb.
    static bool stderr_is_terminal();

    // The next file, of `bytes`, starts (everything before it counts as read).
    void begin_file(std::uint64_t bytes);
    // Bytes of the current file read so far; values past its size are capped.
    void read_in_file(std::uint64_t bytes);
    // One more document (a grant, a refused or a skipped document) went through.
    void document();
    // The current file is done; known (skipped) files go straight here.
    void end_file();

    // Erases the bar so that a message can be written to stderr; the next update draws it again.
    void clear();

    bool drawing() const { return draw_; }

  private:
    void maybe_draw();
    void draw_now();

    bool draw_;
    bool shown_ = false;
    std::uint64_t total_;
    std::uint64_t done_before_file_ = 0;  // bytes of the files finished so far
    std::uint64_t file_bytes_ = 0;
    std::uint64_t in_file_ = 0;
    std::uint64_t documents_ = 0;
    std::uint64_t meter_at_file_start_ = 0;
    std::chrono::steady_clock::time_point started_;
    std::chrono::steady_clock::time_point last_draw_;
};

// A GrantHandler between the reader and the one that does the work: it forwards every
// call and moves the bar, by documents and by the bytes the file source has read. The
// bar is erased before a refused or skipped document is passed on, because the handler
// behind may write about it to stderr (`patsub check` does).
class ProgressHandler final : public GrantHandler {
  public:
    ProgressHandler(GrantHandler& inner, Progress& progress) : inner_(inner), progress_(progress) {}

    void on_grant(Grant&& g) override;
    void on_problem(const DocumentProblem& p) override;
    void on_skipped(int document, long line, const std::string& why) override;
    void on_member(const std::string& shown) override;

  private:
    void tick();

    GrantHandler& inner_;
    Progress& progress_;
};

}  // namespace patsub::batch
