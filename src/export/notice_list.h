// The public-notice list (公示) of a batch: the payments it proposes — who is to be paid
// what, for which patent (number and title), under which clause and what that clause
// means — with the notice period, the objection channel and the contacts, as published
// before approval (policy.md reading 19). As CSV (`notice-<batch>.csv`, spreadsheet-safe:
// headers in Chinese and English, clauses as 第8.6条, yuan with two decimals; the period,
// channel and contacts repeated on every row so that each row stands alone) and as a
// printable HTML page (`notice-<batch>.html`, A4 as it is, every value escaped). Both
// depend only on what the ledger recorded at publication, so writing them again gives the
// same bytes.
#pragma once

#include "ledger/notice_store.h"

#include <functional>
#include <map>
#include <ostream>
#include <string>
#include <vector>

namespace patsub::exports {

// "8.1\tmeaning\n..." as stored with the publication -> clause -> meaning.
std::map<std::string, std::string> clause_meanings(const std::string& clause_texts);

// "2026-12-07" -> "2026年12月7日"; other text unchanged.
std::string chinese_date(const std::string& iso);

// Calls its argument once for each noticed line, in line order: a notice of a million
// lines is written as they stream from the ledger, never held (issue 17 point 4).
using NoticedLines = std::function<void(const std::function<void(const ledger::NoticedLine&)>&)>;

void write_notice_csv(std::ostream& out, const ledger::NoticePublication& p, const NoticedLines& lines);
void write_notice_html(std::ostream& out, const ledger::NoticePublication& p, const NoticedLines& lines);

// The same bytes, from lines held (tests, a handful of lines).
std::string notice_csv(const ledger::NoticePublication& p, const std::vector<ledger::NoticedLine>& lines);
std::string notice_html(const ledger::NoticePublication& p, const std::vector<ledger::NoticedLine>& lines);

}  // namespace patsub::exports
