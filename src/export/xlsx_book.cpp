#include "export/xlsx_book.h"

#include <fmt/format.h>

#include <stdexcept>

namespace patsub::exports {

XlsxBook::XlsxBook(const std::filesystem::path& file, Rows rows) : file_(file) {
    lxw_workbook_options options{};
    options.constant_memory = rows == Rows::streamed ? LXW_TRUE : LXW_FALSE;
    options.tmpdir = nullptr;
    wb_ = workbook_new_opt(file.c_str(), &options);
    if (!wb_) throw std::runtime_error(fmt::format("{}: libxlsxwriter cannot create the workbook", file.string()));
}

XlsxBook::~XlsxBook() {
    if (wb_) workbook_close(wb_);
}

void XlsxBook::close() {
    const lxw_error err = workbook_close(wb_);
    wb_ = nullptr;
    if (err != LXW_NO_ERROR)
        throw std::runtime_error(fmt::format("{}: libxlsxwriter: {}", file_.string(), lxw_strerror(err)));
}

ScratchFile::~ScratchFile() {
    std::error_code ec;
    std::filesystem::remove(path_, ec);
}

}  // namespace patsub::exports
