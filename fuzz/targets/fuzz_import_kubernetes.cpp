// `roles import kubernetes` from bytes: the importer, then the roster builder behind it.

#include <cstdlib>

#include "fuzz_support.hpp"
#include "roles/roster/import.hpp"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    roles::fuzz::use_source_catalogs();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto result = roles::roster::import_roster_text(roles::roster::ImportKind::kubernetes,
                                                          roles::fuzz::as_text(data, size), "input");
    if (!result && result.error().message().empty()) std::abort();
    return 0;
}
