#include "ledger/savepoint.h"

#include "ledger/ledger.h"

namespace patsub::ledger {

Savepoint::Savepoint(Ledger& ledger, std::string name) : ledger_(ledger), name_(std::move(name)) {
    ledger_.db().exec("SAVEPOINT " + name_);
}

Savepoint::~Savepoint() {
    if (!open_) return;
    try {
        undo();
        ledger_.db().exec("RELEASE " + name_);
    } catch (...) {
        // The enclosing transaction rolls back as the exception unwinds it.
    }
}

void Savepoint::undo() { ledger_.db().exec("ROLLBACK TO " + name_); }

void Savepoint::keep() {
    ledger_.db().exec("RELEASE " + name_);
    open_ = false;
}

}  // namespace patsub::ledger
