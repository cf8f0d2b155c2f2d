// Fuzz target: the CSV reader and every reference list parser (parsers/lists): payees,
// disputes, abnormal applications, enterprises. The list parsers read files, so the
// bytes go to one scratch file per process. A list is either read or refused with
// ListError / CsvError naming its problems; any other exception is a finding.
#include "fuzz/targets/fuzz_invariant.h"
#include "parsers/lists/csv_reader.h"
#include "parsers/lists/list_error.h"
#include "parsers/lists/payee_list.h"
#include "parsers/lists/reference_rows.h"

#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

using namespace patsub::lists;

namespace {

// Removed when the process ends normally; a crash leaves it in the temp folder, which is
// where a crash is looked at anyway.
struct ScratchFile {
    std::filesystem::path path = std::filesystem::temp_directory_path() /
                                 ("patsub-fuzz-list-" + std::to_string(::getpid()) + ".csv");
    ~ScratchFile() {
        std::error_code ignored;
        std::filesystem::remove(path, ignored);
    }
};

template <class Read>
void refused_or_read(Read read) {
    try {
        read();
    } catch (const ListError& e) {
        FUZZ_REQUIRE(!e.problems().empty());
    } catch (const CsvError& e) {
        FUZZ_REQUIRE(e.what()[0] != '\0');
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const ScratchFile scratch;
    const std::string text(reinterpret_cast<const char*>(data), size);
    refused_or_read([&] {
        for (const CsvRecord& record : parse_csv(text, "fuzz.csv")) {
            FUZZ_REQUIRE(record.line >= 1);
            FUZZ_REQUIRE(!record.fields.empty());
        }
    });
    {
        std::ofstream out(scratch.path, std::ios::binary | std::ios::trunc);
        out.write(text.data(), static_cast<std::streamsize>(text.size()));
    }
    const PayeeRules rules{{"5301"}, {"5301", "530000"}};
    refused_or_read([&] { read_payee_list(scratch.path, rules); });
    refused_or_read([&] { read_dispute_list(scratch.path); });
    refused_or_read([&] { read_abnormal_list(scratch.path); });
    refused_or_read([&] { read_enterprise_list(scratch.path); });
    return 0;
}
