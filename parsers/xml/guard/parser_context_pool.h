// ParserContextPool: the parser context a thread keeps between documents and resets for
// the next one (xmlCtxtResetPush): creating and freeing a context, its dictionary and
// buffers cost as much as parsing a whole 5 KB CNIPA record, and a year of CNIPA grants
// is 3.6 million of them. The reset keeps the options, the SAX handler and the dictionary
// of names; everything that belongs to a document is gone. A context is put back only
// after a clean document, and retired after kContextUses documents so that its
// dictionary cannot grow without bound.
#pragma once

#include <libxml/parser.h>

#include <cstddef>

namespace patsub::xml {

class ParserContextPool {
public:
    ParserContextPool() = default;
    ParserContextPool(const ParserContextPool&) = delete;
    ParserContextPool& operator=(const ParserContextPool&) = delete;
    ~ParserContextPool();

    // A push parser with `options` on the first `size` bytes, or nullptr when libxml2
    // cannot start one.
    xmlParserCtxtPtr open(xmlSAXHandler* handler, int options, const char* data, std::size_t size);
    // Takes back a context whose document was parsed to its end without a problem;
    // frees any other.
    void close(xmlParserCtxtPtr context, bool clean);

private:
    static constexpr int kContextUses = 256;
    xmlParserCtxtPtr spare_ = nullptr;
    int uses_ = 0;
};

}  // namespace patsub::xml
