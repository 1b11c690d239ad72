#include "roles/util/lifetime.hpp"

#include <vector>

namespace roles::util::detail {

void keep(std::shared_ptr<void> value) {
    // Allocated once and never deleted, so that no destructor runs at exit; a static
    // vector would free everything again when static objects are destroyed.
    static auto* const kept = new std::vector<std::shared_ptr<void>>();
    kept->push_back(std::move(value));
}

}  // namespace roles::util::detail
