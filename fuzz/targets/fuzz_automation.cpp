// The automation list (roles/automation.yaml's format) from bytes.

#include <cstdlib>

#include "fuzz_support.hpp"
#include "roles/roster/automation.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto rules = roles::roster::parse_automation(roles::fuzz::as_text(data, size), "automation.yaml");
    if (!rules && rules.error().message().empty()) std::abort();
    return 0;
}
