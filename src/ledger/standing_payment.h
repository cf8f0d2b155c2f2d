// The SQL condition that a payable line still stands as a payment: no recovery answers it
// ("recover|…", readings 10 and 16) and no departure hold ("left|…", reading 18: held
// before export because the payee left the registry, so never paid). Both answers are
// found by their event keys through the unique index one_event_per_key. Every query that
// counts what is paid (the family's funded jurisdictions, the same application, the
// payments a departure stops, the 8.5 audit) asks it the same way.
#pragma once

#include <string>
#include <string_view>

namespace patsub::ledger {

// `line`: the alias of the payable line in the enclosing query.
inline std::string standing_payment(std::string_view line) {
    const std::string l(line);
    return "NOT EXISTS (SELECT 1 FROM ledger_lines answer WHERE answer.event_key <> '' AND answer.event_key IN "
           "('recover' || substr(" + l + ".event_key, 4), 'left|' || " + l + ".event_key))";
}

}  // namespace patsub::ledger
