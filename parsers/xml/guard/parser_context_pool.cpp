#include "parsers/xml/guard/parser_context_pool.h"

#include <libxml/tree.h>

#include <utility>

namespace patsub::xml {

ParserContextPool::~ParserContextPool() {
    if (spare_ != nullptr) xmlFreeParserCtxt(spare_);
}

xmlParserCtxtPtr ParserContextPool::open(xmlSAXHandler* handler, int options, const char* data, std::size_t size) {
    // The reset skips nothing, but a reset context is used only for documents that
    // start with '<' (no BOM, no UTF-16), as the reset reader was.
    if (spare_ != nullptr && size > 0 && data[0] == '<') {
        xmlParserCtxtPtr context = std::exchange(spare_, nullptr);
        if (xmlCtxtResetPush(context, data, static_cast<int>(size), nullptr, nullptr) == 0) {
            xmlCtxtUseOptions(context, options);
            return context;
        }
        xmlFreeParserCtxt(context);
    }
    uses_ = 0;
    xmlParserCtxtPtr context =
        xmlCreatePushParserCtxt(handler, nullptr, size > 0 ? data : nullptr, static_cast<int>(size), nullptr);
    if (context != nullptr) xmlCtxtUseOptions(context, options);
    return context;
}

void ParserContextPool::close(xmlParserCtxtPtr context, bool clean) {
    if (context == nullptr) return;
    if (context->myDoc != nullptr) {  // holds the internal subset, if any
        xmlFreeDoc(context->myDoc);
        context->myDoc = nullptr;
    }
    context->_private = nullptr;
    if (!clean || spare_ != nullptr || ++uses_ >= kContextUses) {
        xmlFreeParserCtxt(context);
        return;
    }
    spare_ = context;
}

}  // namespace patsub::xml
