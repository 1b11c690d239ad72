// A hat catalog from bytes (the reader behind `catalogs:` entries and the built-ins).

#include <cstdlib>

#include "fuzz_support.hpp"
#include "roster/catalog_loader.hpp"
#include "roster/yaml_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    roles::roster::Problems errors;
    roles::roster::Problems warnings;
    const roles::roster::Doc doc{"catalog.yaml", errors, warnings};
    const auto catalog = roles::roster::parse_catalog(doc, roles::fuzz::as_text(data, size));
    // A catalog read without a problem has hats, each with an id and a title.
    if (errors.empty()) {
        if (catalog.hats.empty()) std::abort();
        for (const auto& hat : catalog.hats) {
            if (hat.id.empty() || hat.title.empty()) std::abort();
        }
    }
    return 0;
}
