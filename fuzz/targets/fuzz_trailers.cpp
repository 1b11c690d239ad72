// Commit-message trailers, both divider modes; every trailer found has a key.

#include <cstdlib>
#include <string_view>

#include "roles/git/trailers.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view message(reinterpret_cast<const char*>(data), size);
    for (const auto divider : {roles::git::Divider::ignored, roles::git::Divider::honoured}) {
        for (const auto& trailer : roles::git::parse_trailers(message, divider)) {
            if (trailer.key.empty()) std::abort();
        }
    }
    return 0;
}
