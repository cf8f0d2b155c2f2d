// Workbench: `patsub serve`, the bureau's intranet application (issue 13) on
// cpp-httplib. Routes, sessions and the rules of who may do what; every read and write
// goes through the ledger's stores, each worker thread with its own connection (WAL: a
// nightly run may write meanwhile), and the batch lock is taken for one action at a
// time, never across requests.
#pragma once

#include "serve/serve_options.h"

#include <memory>
#include <string>
#include <vector>

namespace patsub::serve {

class Workbench {
  public:
    explicit Workbench(ServeOptions options);
    ~Workbench();
    Workbench(const Workbench&) = delete;
    Workbench& operator=(const Workbench&) = delete;

    // Listens until stop() or a signal; throws std::runtime_error when it cannot bind.
    void run();
    void stop();

    // Every route the workbench answers, "METHOD PATTERN" (the pattern a regex over the path).
    const std::vector<std::string>& routes() const;

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace patsub::serve
