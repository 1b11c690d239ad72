// A roster from bytes: parse, validate, merge catalogs (the built-in ones), apply fallbacks.
// Errors are an ordinary outcome; the target checks that an error always says something.

#include <cstdlib>

#include "fuzz_support.hpp"
#include "roles/roster/loader.hpp"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    roles::fuzz::use_source_catalogs();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto roster = roles::roster::parse_roster(roles::fuzz::as_text(data, size), "ROLES.yaml");
    if (!roster && roster.error().context.empty()) std::abort();
    if (!roster && roster.error().details.empty() && roster.error().cause.empty()) std::abort();
    return 0;
}
