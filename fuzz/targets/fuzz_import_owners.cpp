// `roles import owners` from bytes: an OWNERS file and, after a NUL byte when the input has
// one, the OWNERS_ALIASES it names aliases from; then the roster builder behind the import.

#include <cstdlib>
#include <string>

#include "fuzz_support.hpp"
#include "roles/roster/import.hpp"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    roles::fuzz::use_source_catalogs();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text = roles::fuzz::as_text(data, size);
    roles::roster::ImportOptions options;
    std::string owners = text;
    if (const auto nul = text.find('\0'); nul != std::string::npos) {
        owners = text.substr(0, nul);
        options.owners_aliases = roles::roster::CompanionFile{"aliases", text.substr(nul + 1)};
    }
    const auto result =
        roles::roster::import_roster_text(roles::roster::ImportKind::owners, owners, "input", options);
    if (!result && result.error().message().empty()) std::abort();
    return 0;
}
