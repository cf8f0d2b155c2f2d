#include "ledger/page_digest.h"

#include "ledger/backup_restore.h"
#include "ledger/page_file.h"
#include "model/sha256.h"

#include <fmt/format.h>
#include <openssl/sha.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <vector>

namespace patsub::ledger {

namespace {
constexpr std::size_t trailer_size = 64;  // hex SHA-256 of the bytes before it
}

std::string hex(const unsigned char* bytes, std::size_t n) {
    static constexpr char digits[] = "0123456789abcdef";
    std::string out;
    out.reserve(n * 2);
    for (std::size_t i = 0; i < n; ++i) {
        out += digits[bytes[i] >> 4];
        out += digits[bytes[i] & 15];
    }
    return out;
}

PageHash hash_page(const unsigned char* page, std::size_t size) {
    PageHash h{};
    SHA256(page, size, h.data());
    return h;
}

std::string PageHashes::digest() const {
    Sha256Stream s;
    for (const auto& h : pages) s.update(std::string_view(reinterpret_cast<const char*>(h.data()), h.size()));
    return s.hex();
}

std::map<std::string, std::string> read_header_line(const std::filesystem::path& file, std::string_view kind,
                                                    std::string& line_out) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw std::runtime_error(fmt::format("{}: cannot be read: {}", file.string(), std::strerror(errno)));
    std::string line;
    std::getline(in, line);
    line_out = line;
    std::istringstream words(line);
    std::string magic, version;
    words >> magic >> version;
    if (magic != fmt::format("patsub-{}", kind) || version != "1")
        throw std::runtime_error(fmt::format("{}: not a patsub {} file (first line: '{}')", file.string(), kind,
                                             line.substr(0, 60)));
    std::map<std::string, std::string> fields;
    for (std::string word; words >> word;) {
        const auto eq = word.find('=');
        if (eq == std::string::npos) throw std::runtime_error(fmt::format("{}: malformed header word '{}'", file.string(), word));
        fields[word.substr(0, eq)] = word.substr(eq + 1);
    }
    return fields;
}

std::int64_t header_number(const std::map<std::string, std::string>& fields, const std::string& key,
                           const std::filesystem::path& file) {
    const auto it = fields.find(key);
    if (it == fields.end()) throw std::runtime_error(fmt::format("{}: header lacks {}=", file.string(), key));
    try {
        std::size_t used = 0;
        const auto n = std::stoll(it->second, &used);
        if (used == it->second.size() && n >= 0) return n;
    } catch (const std::exception&) {
    }
    throw std::runtime_error(fmt::format("{}: header {}={} is not a number", file.string(), key, it->second));
}

void write_page_hashes(const std::filesystem::path& file, const PageHashes& hashes) {
    std::string bytes = fmt::format("patsub-full 1 page_size={} pages={} digest={}\n", hashes.page_size,
                                    hashes.pages.size(), hashes.digest());
    bytes.reserve(bytes.size() + hashes.pages.size() * 32 + trailer_size);
    for (const auto& h : hashes.pages) bytes.append(reinterpret_cast<const char*>(h.data()), h.size());
    bytes += sha256_hex(bytes);
    SyncedWriter out(file);
    out.write(bytes);
    out.finish();
}

PageHashes read_page_hashes(const std::filesystem::path& file) {
    std::string line;
    const auto fields = read_header_line(file, "full", line);
    PageHashes h;
    h.page_size = static_cast<int>(header_number(fields, "page_size", file));
    const auto pages = header_number(fields, "pages", file);
    std::ifstream in(file, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const auto body = line.size() + 1 + static_cast<std::size_t>(pages) * 32;
    if (bytes.size() != body + trailer_size || sha256_hex(std::string_view(bytes).substr(0, body)) != bytes.substr(body))
        throw std::runtime_error(fmt::format("{}: altered or cut short (its checksum does not match)", file.string()));
    h.pages.resize(static_cast<std::size_t>(pages));
    for (std::size_t i = 0; i < h.pages.size(); ++i)
        std::memcpy(h.pages[i].data(), bytes.data() + line.size() + 1 + i * 32, 32);
    if (fields.count("digest") == 0 || fields.at("digest") != h.digest())
        throw std::runtime_error(fmt::format("{}: its digest does not match its page hashes", file.string()));
    return h;
}

void write_state(const std::filesystem::path& file, const ChainState& state) {
    const auto line = fmt::format("patsub-chain-state 1 seq={} pages={} digest={}\n", state.seq, state.pages, state.digest);
    SyncedWriter out(file);
    out.write(line + sha256_hex(line));
    out.finish();
}

ChainState read_state(const std::filesystem::path& file) {
    std::string line;
    const auto fields = read_header_line(file, "chain-state", line);
    std::ifstream in(file, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (bytes != line + "\n" + sha256_hex(line + "\n"))
        throw std::runtime_error(fmt::format("{}: altered or cut short (its checksum does not match)", file.string()));
    ChainState s;
    s.seq = header_number(fields, "seq", file);
    s.pages = header_number(fields, "pages", file);
    s.digest = fields.count("digest") ? fields.at("digest") : "";
    return s;
}

std::int64_t state_seq(const std::filesystem::path& file) { return read_state(file).seq; }

std::string increment_file_name(std::int64_t seq) { return fmt::format("inc-{:04}.pages", seq); }

namespace {
void read_exact(std::ifstream& in, char* buf, std::size_t n, Sha256Stream& sum, const std::filesystem::path& file) {
    if (!in.read(buf, static_cast<std::streamsize>(n)))
        throw RestoreRefused(fmt::format("{}: cut short (it ends inside a page); restore refused", file.string()));
    sum.update(std::string_view(buf, n));
}
}  // namespace

void replay_increment(const std::filesystem::path& file, std::int64_t seq, PageHashes& hashes,
                      const std::string& after,
                      const std::function<void(std::int64_t pgno, const unsigned char* page)>& page_to,
                      const std::function<void(std::int64_t pages)>& cut_to) {
    std::string header;
    std::map<std::string, std::string> fields;
    std::int64_t seq_recorded = 0;
    std::int64_t page_size = 0;
    try {
        fields = read_header_line(file, "increment", header);
        seq_recorded = header_number(fields, "seq", file);
        page_size = header_number(fields, "page_size", file);
    } catch (const std::runtime_error& e) {
        throw RestoreRefused(fmt::format("{}; restore refused", e.what()));
    }
    if (seq_recorded != seq || page_size != hashes.page_size)
        throw RestoreRefused(fmt::format("{}: records increment {} of pages of {} bytes, where increment {} of pages "
                                         "of {} bytes belongs (renamed or from another chain); restore refused",
                                         file.string(), seq_recorded, page_size, seq, hashes.page_size));
    const auto current = hashes.digest();
    if (fields["base"] != current)
        throw RestoreRefused(fmt::format("{}: does not follow {}: it was taken from a ledger with digest {}, the chain "
                                         "up to it gives {} (an increment from another chain, or one before it "
                                         "altered); restore refused",
                                         file.string(), after, fields["base"].substr(0, 16), current.substr(0, 16)));

    std::ifstream in(file, std::ios::binary);
    Sha256Stream sum;
    std::string line;
    std::getline(in, line);
    sum.update(line + "\n");
    std::vector<unsigned char> page(static_cast<std::size_t>(page_size));
    for (;;) {
        unsigned char n[4];
        read_exact(in, reinterpret_cast<char*>(n), 4, sum, file);
        const std::int64_t pgno = (std::int64_t{n[0]} << 24) | (n[1] << 16) | (n[2] << 8) | n[3];
        if (pgno == 0) break;
        read_exact(in, reinterpret_cast<char*>(page.data()), page.size(), sum, file);
        if (page_to) page_to(pgno, page.data());
        if (static_cast<std::size_t>(pgno) > hashes.pages.size()) hashes.pages.resize(static_cast<std::size_t>(pgno));
        hashes.pages[static_cast<std::size_t>(pgno - 1)] = hash_page(page.data(), page.size());
    }
    std::getline(in, line);
    sum.update(line + "\n");
    std::string checksum(64, '\0');
    const bool whole = static_cast<bool>(in.read(checksum.data(), 64)) && in.peek() == std::char_traits<char>::eof();
    if (!whole || checksum != sum.hex())
        throw RestoreRefused(fmt::format("{}: altered or cut short (its checksum does not match its contents); "
                                         "restore refused",
                                         file.string()));
    std::int64_t pages = -1;
    std::string result;
    std::istringstream tail(line);
    for (std::string word; tail >> word;) {
        if (word.starts_with("pages=")) pages = std::stoll(word.substr(6));
        if (word.starts_with("result=")) result = word.substr(7);
    }
    if (pages < 1) throw RestoreRefused(fmt::format("{}: its last line names no page count; restore refused", file.string()));
    hashes.pages.resize(static_cast<std::size_t>(pages));
    if (cut_to) cut_to(pages);
    if (hashes.digest() != result)
        throw RestoreRefused(fmt::format("{}: the ledger it produces does not have the digest it records; restore "
                                         "refused",
                                         file.string()));
}

}  // namespace patsub::ledger
