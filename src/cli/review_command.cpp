// `patsub review`: writes OUT/batch-<N>/review.html again from the ledger, the page
// `patsub run` writes at the end of each batch (holds, releases and the approval since
// then included).
#include "batch/batch_outputs.h"
#include "cli/command.h"
#include "export/lines_workbook.h"
#include "export/review_page.h"
#include "export/review_texts.h"
#include "ledger/ledger.h"
#include "ledger/review_store.h"

#include <fmt/format.h>

#include <iostream>
#include <memory>

namespace patsub::cli {

namespace {

struct ReviewOptions {
    std::filesystem::path db;
    std::int64_t batch = 0;
    std::filesystem::path out;
};

}  // namespace

void add_review_command(CLI::App& app, Action& action) {
    auto o = std::make_shared<ReviewOptions>();
    auto* cmd = app.add_subcommand("review", "Write the review page of a batch (OUT/batch-<N>/review.html) and its lines as lines-<N>.xlsx");
    cmd->add_option("--db", o->db, "ledger database (default: db in patsub.conf)");
    cmd->add_option("--batch", o->batch, "batch id")->required();
    cmd->add_option("--out", o->out, "output folder (the page goes to OUT/batch-<N>/review.html; default: out in patsub.conf)");
    cmd->callback([&action, o] {
        action = [o](const config::Settings& settings) {
            o->db = flag_or_setting(o->db, settings.db, "--db", "db", settings);
            o->out = flag_or_setting(o->out, settings.out, "--out", "out", settings);
            const auto texts = exports::ReviewTexts::load(settings.layout.review_texts());
            ledger::Ledger ledger(o->db, ledger::Ledger::Access::read_only);
            ledger::ReviewStore store(ledger);
            if (!store.batch(o->batch))
                throw ledger::ReviewRefused(fmt::format("there is no batch {} in this ledger", o->batch));
            const auto dir = batch::write_batch_dir(ledger, o->batch, o->out, texts);
            for (auto id : batch::repair_batch_dirs(ledger, o->out, texts, o->batch))
                std::cerr << "patsub: the outputs of batch " << id << " were missing or changed: written again\n";
            std::cout << (dir / "review.html").string() << '\n';
            // The batch's lines as a workbook for staff who sort and filter (issue 13 point 5).
            const auto workbook = dir / exports::lines_workbook_name(o->batch);
            exports::write_lines_workbook(ledger, o->batch, texts, workbook);
            std::cout << workbook.string() << '\n';
            return Outcome::done;
        };
    });
}

}  // namespace patsub::cli
