#include "ledger/page_digest.h"

#include "ledger/page_file.h"
#include "model/sha256.h"

#include <fmt/format.h>
#include <openssl/sha.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>

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

void write_state(const std::filesystem::path& file, const PageHashes& hashes, std::int64_t seq) {
    std::string bytes = fmt::format("patsub-chain-state 1 seq={} page_size={} pages={} digest={}\n", seq,
                                    hashes.page_size, hashes.pages.size(), hashes.digest());
    bytes.reserve(bytes.size() + hashes.pages.size() * 32 + trailer_size);
    for (const auto& h : hashes.pages) bytes.append(reinterpret_cast<const char*>(h.data()), h.size());
    bytes += sha256_hex(bytes);
    SyncedWriter out(file);
    out.write(bytes);
    out.finish();
}

ChainState read_state(const std::filesystem::path& file) {
    std::string line;
    const auto fields = read_header_line(file, "chain-state", line);
    ChainState s;
    s.seq = header_number(fields, "seq", file);
    s.hashes.page_size = static_cast<int>(header_number(fields, "page_size", file));
    const auto pages = header_number(fields, "pages", file);
    std::ifstream in(file, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const auto body = line.size() + 1 + static_cast<std::size_t>(pages) * 32;
    if (bytes.size() != body + trailer_size || sha256_hex(std::string_view(bytes).substr(0, body)) != bytes.substr(body))
        throw std::runtime_error(fmt::format("{}: altered or cut short (its checksum does not match)", file.string()));
    s.hashes.pages.resize(static_cast<std::size_t>(pages));
    for (std::size_t i = 0; i < s.hashes.pages.size(); ++i)
        std::memcpy(s.hashes.pages[i].data(), bytes.data() + line.size() + 1 + i * 32, 32);
    if (fields.count("digest") == 0 || fields.at("digest") != s.hashes.digest())
        throw std::runtime_error(fmt::format("{}: its digest does not match its page hashes", file.string()));
    return s;
}

std::int64_t state_seq(const std::filesystem::path& file) {
    std::string line;
    return header_number(read_header_line(file, "chain-state", line), "seq", file);
}

}  // namespace patsub::ledger
