// StatementCache: SQL statements a store runs once per grant, prepared on first use and
// kept for the life of the store. Preparing is most of the cost of a small indexed
// query (the SQL parser showed in the profile of a national run, docs/performance.md).
// A statement is lent out reset and unbound, and is reset again when the lease ends, so
// a SELECT read only halfway never keeps a read transaction open.
#pragma once

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <map>
#include <memory>
#include <string_view>

namespace patsub::ledger {

class StatementCache {
  public:
    explicit StatementCache(SQLite::Database& db) : db_(db) {}

    class Lease {
      public:
        explicit Lease(SQLite::Statement& s) : s_(s) {}
        // tryReset: reset() would report the last step's error again, and the step has
        // already thrown it.
        ~Lease() { s_.tryReset(); }
        Lease(const Lease&) = delete;
        Lease& operator=(const Lease&) = delete;
        SQLite::Statement* operator->() const { return &s_; }
        SQLite::Statement& operator*() const { return s_; }

      private:
        SQLite::Statement& s_;
    };

    // `sql` must be a string literal (or outlive the cache): it is the key.
    Lease get(const char* sql) {
        auto& slot = statements_[sql];
        if (!slot) slot = std::make_unique<SQLite::Statement>(db_, sql);
        slot->clearBindings();
        return Lease(*slot);
    }

  private:
    SQLite::Database& db_;
    std::map<std::string_view, std::unique_ptr<SQLite::Statement>> statements_;
};

}  // namespace patsub::ledger
