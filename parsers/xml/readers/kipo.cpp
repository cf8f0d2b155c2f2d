#include "parsers/xml/readers/kipo.h"

#include "parsers/xml/readers/path_rules.h"

#include <string>
#include <utility>

namespace patsub::xml {

namespace {

// The fields of one KIPRIS item, as printed.
struct Item {
    long line = 0;
    std::string applicant, application_number, application_date, registration_number, registration_date,
        registration_gazette_date, opening_number, opening_date, title, status, priority_number, priority_date;
};

struct State {
    SafeReader& reader;
    RecordSink& records;
    Item item{};
    int items = 0;
    std::string result_code{}, result_message{};
};

template <std::string Item::*Field>
void item_text(State& s, std::string_view text) {
    if ((s.item.*Field).empty()) (s.item.*Field).assign(text);
}

void result_code(State& s, std::string_view text) { s.result_code.assign(text); }
void result_message(State& s, std::string_view text) { s.result_message.assign(text); }

Visit begin_item(State& s, const Element&) {
    s.item = Item{};
    s.item.line = s.reader.current_line();
    ++s.items;
    return Visit::descend;
}

std::string_view type_prefix(const std::string& number) { return std::string_view(number).substr(0, 2); }

void split_applicants(const std::string& text, RawDocument& doc) {
    std::string_view rest = text;
    while (!rest.empty()) {
        const auto bar = rest.find('|');
        const std::string_view name = trim_xml_space(rest.substr(0, bar));
        if (!name.empty()) doc.patentees.push_back(RawParty{std::string(name), {}, {}, {}, {}});
        if (bar == std::string_view::npos) break;
        rest.remove_prefix(bar + 1);
    }
}

std::string describe(const Item& item) {
    return "KIPRIS item (application " + (item.application_number.empty() ? "?" : item.application_number) +
           ", status " + (item.status.empty() ? "?" : item.status) + ")";
}

// The derivation documented in kipo.h.
void end_item(State& s) {
    const Item& item = s.item;
    RawDocument doc;
    doc.format = std::string(kKipoFormat);
    doc.line = item.line;
    doc.office = "KR";
    if (!item.registration_number.empty()) {
        const std::string_view type = type_prefix(item.registration_number);
        doc.kind = type == "10" ? "B1" : type == "20" ? "Y1" : type == "30" ? "S" : "";
        if (doc.kind.empty()) {
            s.records.refuse(item.line, describe(item) + ": registration number " + item.registration_number +
                                            " does not start with 10, 20 or 30");
            return;
        }
        const std::string& number = item.registration_number;
        doc.number = number.size() == 13 && number.ends_with("0000") ? number.substr(0, 9) : number;
        doc.date = item.registration_gazette_date.empty() ? item.registration_date : item.registration_gazette_date;
    } else if (!item.opening_number.empty()) {
        const std::string_view type =
            type_prefix(item.application_number.empty() ? item.opening_number : item.application_number);
        doc.kind = type == "10" ? "A" : type == "20" ? "U" : "";
        if (doc.kind.empty()) {
            s.records.refuse(item.line, describe(item) + ": laid open but not registered, and KIPRIS gives no "
                                                         "publication kind for this type");
            return;
        }
        doc.number = item.opening_number;
        doc.date = item.opening_date;
    } else {
        s.records.refuse(item.line, describe(item) + ": neither registered nor laid open, so no publication");
        return;
    }
    doc.application_number = item.application_number;
    doc.application_date = item.application_date;
    doc.title = item.title;
    split_applicants(item.applicant, doc);
    if (!item.priority_number.empty())
        doc.priorities.push_back(RawPriority{{}, item.priority_number, item.priority_date});
    s.records.emit(std::move(doc));
}

using Rule = PathRule<State>;

constexpr Rule kPatentItem[] = {
    {.path = "Applicant", .text = item_text<&Item::applicant>},
    {.path = "ApplicationNumber", .text = item_text<&Item::application_number>},
    {.path = "ApplicationDate", .text = item_text<&Item::application_date>},
    {.path = "RegistrationNumber", .text = item_text<&Item::registration_number>},
    {.path = "RegistrationDate", .text = item_text<&Item::registration_date>},
    {.path = "PublicDate", .text = item_text<&Item::registration_gazette_date>},
    {.path = "OpeningNumber", .text = item_text<&Item::opening_number>},
    {.path = "OpeningDate", .text = item_text<&Item::opening_date>},
    {.path = "InventionName", .text = item_text<&Item::title>},
    {.path = "RegistrationStatus", .text = item_text<&Item::status>},
};

constexpr Rule kDesignItem[] = {
    {.path = "applicantName", .text = item_text<&Item::applicant>},
    {.path = "applicationNumber", .text = item_text<&Item::application_number>},
    {.path = "applicationDate", .text = item_text<&Item::application_date>},
    {.path = "registrationNumber", .text = item_text<&Item::registration_number>},
    {.path = "registrationDate", .text = item_text<&Item::registration_date>},
    {.path = "publicationDate", .text = item_text<&Item::registration_gazette_date>},
    {.path = "openNumber", .text = item_text<&Item::opening_number>},
    {.path = "openDate", .text = item_text<&Item::opening_date>},
    {.path = "articleName", .text = item_text<&Item::title>},
    {.path = "applicationStatus", .text = item_text<&Item::status>},
    {.path = "priorityNumber", .text = item_text<&Item::priority_number>},
    {.path = "priorityDate", .text = item_text<&Item::priority_date>},
};

constexpr Rule kResponse[] = {
    {.path = "header/resultCode", .text = result_code},
    {.path = "header/resultMsg", .text = result_message},
    {.path = "body/items/PatentUtilityInfo", .enter = begin_item, .exit = end_item, .children = kPatentItem},
    {.path = "body/items/DesignInfo", .enter = begin_item, .exit = end_item, .children = kDesignItem},
};

}  // namespace

std::unique_ptr<FormatReading> read_kipo(SafeReader& reader, RecordSink& records, const Element&) {
    return std::make_unique<RulesReading<State>>(State{reader, records}, kResponse, [&reader](State& s) {
        if (s.items == 0 && !s.result_code.empty() && s.result_code != "00")
            reader.fail("KIPRIS Plus error response: resultCode " + s.result_code + ", resultMsg '" +
                        s.result_message + "'");
    });
}

}  // namespace patsub::xml
