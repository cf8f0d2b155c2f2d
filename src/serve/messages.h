// Messages: every word the workbench shows, in one catalog — Chinese first (zh-CN is the
// default), English when a person toggles it. A page asks for a message by key; a key
// missing from the catalog is a bug that the unit test catches, never shown raw.
#pragma once

#include <string>
#include <string_view>

namespace patsub::serve {

enum class Lang { zh, en };

// The text of `key` in `lang`; throws std::out_of_range for an unknown key.
const std::string& msg(Lang lang, std::string_view key);
// Whether the catalog has `key` (for check names and codes that may be unknown).
bool has_msg(std::string_view key);
// Every key, for the test that each has both languages.
std::size_t catalog_size();
bool catalog_complete();

}  // namespace patsub::serve
