// Savepoint: a part of a batch's transaction that can be undone on its own — a grant file
// that goes to quarantine takes back everything read from it, while the rest of the batch
// stays in the transaction. Destroyed without keep(), it undoes and closes itself, so an
// exception between reading and settling a file cannot leave half a file in the batch.
#pragma once

#include <string>

namespace patsub::ledger {

class Ledger;

class Savepoint {
  public:
    Savepoint(Ledger& ledger, std::string name);
    ~Savepoint();
    Savepoint(const Savepoint&) = delete;
    Savepoint& operator=(const Savepoint&) = delete;

    // Takes back everything written since the savepoint began; the savepoint stays open
    // for what is written next (the file's quarantine record).
    void undo();
    // Keeps what was written, inside the enclosing transaction.
    void keep();

  private:
    Ledger& ledger_;
    std::string name_;
    bool open_ = true;
};

}  // namespace patsub::ledger
