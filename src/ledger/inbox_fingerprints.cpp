#include "ledger/inbox_fingerprints.h"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/VariadicBind.h>

namespace patsub::ledger {

std::optional<std::string> InboxFingerprints::known_sha256(const FileFingerprint& now) {
    SQLite::Statement q(ledger_.db(),
                        "SELECT f.sha256 FROM inbox_fingerprints f JOIN source_files s ON s.sha256 = f.sha256 "
                        "WHERE f.path = ? AND f.bytes = ? AND f.mtime_ns = ? AND f.ctime_ns = ? AND f.device = ? "
                        "AND f.inode = ?");
    SQLite::bind(q, now.path, now.bytes, now.mtime_ns, now.ctime_ns, now.device, now.inode);
    if (!q.executeStep()) return std::nullopt;
    return q.getColumn(0).getString();
}

void InboxFingerprints::remember(const FileFingerprint& f, const std::string& sha256) {
    SQLite::Statement q(ledger_.db(),
                        "INSERT OR REPLACE INTO inbox_fingerprints (path, bytes, mtime_ns, ctime_ns, device, inode, "
                        "sha256) SELECT ?, ?, ?, ?, ?, ?, sha256 FROM source_files WHERE sha256 = ?");
    SQLite::bind(q, f.path, f.bytes, f.mtime_ns, f.ctime_ns, f.device, f.inode, sha256);
    q.exec();
}

}  // namespace patsub::ledger
