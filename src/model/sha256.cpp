#include "model/sha256.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <array>
#include <fstream>
#include <memory>
#include <stdexcept>

namespace patsub {

namespace {

std::string hex_of(const unsigned char* md, unsigned len) {
    static constexpr char digits[] = "0123456789abcdef";
    std::string out;
    out.reserve(len * 2);
    for (unsigned i = 0; i < len; ++i) {
        out += digits[md[i] >> 4];
        out += digits[md[i] & 15];
    }
    return out;
}

struct DigestContext {
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx{EVP_MD_CTX_new(), &EVP_MD_CTX_free};

    DigestContext() {
        if (!ctx || EVP_DigestInit_ex(ctx.get(), EVP_sha256(), nullptr) != 1)
            throw std::runtime_error("SHA-256 is not available from libcrypto");
    }
    void update(const void* data, std::size_t n) { EVP_DigestUpdate(ctx.get(), data, n); }
    std::string hex() {
        std::array<unsigned char, EVP_MAX_MD_SIZE> md{};
        unsigned int len = 0;
        EVP_DigestFinal_ex(ctx.get(), md.data(), &len);
        return hex_of(md.data(), len);
    }
};

}  // namespace

struct Sha256Stream::Context : DigestContext {};

Sha256Stream::Sha256Stream() : context_(std::make_unique<Context>()) {}
Sha256Stream::~Sha256Stream() = default;
void Sha256Stream::update(std::string_view bytes) { context_->update(bytes.data(), bytes.size()); }
std::string Sha256Stream::hex() { return context_->hex(); }

std::string hmac_sha256_hex(std::string_view key, std::string_view bytes) {
    std::array<unsigned char, EVP_MAX_MD_SIZE> md{};
    unsigned int len = 0;
    if (!HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
              reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(), md.data(), &len))
        throw std::runtime_error("HMAC-SHA-256 is not available from libcrypto");
    return hex_of(md.data(), len);
}

std::string sha256_hex(std::string_view bytes) {
    DigestContext d;
    d.update(bytes.data(), bytes.size());
    return d.hex();
}

std::string sha256_file(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw std::runtime_error(file.string() + ": cannot be read");
    DigestContext d;
    std::array<char, 1 << 16> buf{};
    while (in) {
        in.read(buf.data(), buf.size());
        d.update(buf.data(), static_cast<std::size_t>(in.gcount()));
    }
    if (in.bad()) throw std::runtime_error(file.string() + ": read error");
    return d.hex();
}

}  // namespace patsub
