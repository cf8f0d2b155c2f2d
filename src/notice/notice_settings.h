// NoticeSettings: what a public notice (公示) needs beyond the ledger — the period's
// length (the policy's reading 19, 5 working days by default), the calendar it is counted
// on (weekends and the holiday list, config), the bureau's time zone (reading 20), and
// what the notice prints for the public: the objection channel, contacts and publishing
// office (config). The workbench fills it from its settings, `patsub notice publish` from
// its flags.
#pragma once

#include "notice/working_calendar.h"

#include <string>

namespace patsub::notice {

struct NoticeSettings {
    int working_days = 5;
    WorkingCalendar calendar = WorkingCalendar::weekends_only();
    std::string time_zone = "Asia/Shanghai";  // a name bureau_time_zone() accepted
    std::string objection_channel;            // required: where and how to object
    std::string contacts;                     // one contact per line
    std::string publisher = "昆明市市场监督管理局 Kunming Municipal Market Supervision Bureau";
};

}  // namespace patsub::notice
