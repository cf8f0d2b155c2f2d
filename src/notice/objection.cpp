#include "notice/objection.h"

#include "model/bureau_time.h"
#include "model/clock.h"

#include <utility>

namespace patsub::notice {

ledger::Objection record_objection(ledger::Ledger& ledger, std::int64_t line_id, const Actor& entered_by,
                                   std::string source, std::string text, const std::string& time_zone) {
    const auto instant = now();
    ledger::Objection o;
    o.line_id = line_id;
    o.entered_by = entered_by.name;
    o.role = std::string(role_name(entered_by.role));
    o.door = entered_by.door == Door::workbench ? "workbench" : "command_line";
    o.address = entered_by.address;
    o.source = std::move(source);
    o.text = std::move(text);
    o.received_at = utc_instant(instant);
    ledger::NoticeStore store(ledger);
    return store.record_objection(std::move(o), local_date(instant, time_zone));
}

}  // namespace patsub::notice
