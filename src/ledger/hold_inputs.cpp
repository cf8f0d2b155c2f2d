#include "ledger/hold_inputs.h"

#include <SQLiteCpp/Statement.h>

namespace patsub::ledger {

std::string last_hold_inputs(Ledger& ledger) {
    SQLite::Statement q(ledger.db(), "SELECT digest FROM hold_inputs WHERE id = 1");
    return q.executeStep() ? q.getColumn(0).getString() : std::string();
}

void record_hold_inputs(Ledger& ledger, const std::string& digest) {
    auto tx = ledger.transaction();
    SQLite::Statement q(ledger.db(), "INSERT OR REPLACE INTO hold_inputs (id, digest) VALUES (1, ?)");
    q.bind(1, digest);
    q.exec();
    tx.commit();
}

}  // namespace patsub::ledger
