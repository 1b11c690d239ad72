#pragma once
// Shared by the fuzz targets: input as text, and the built-in catalogs found in the source
// tree whatever directory the target runs from.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

namespace roles::fuzz {

inline std::string as_text(const std::uint8_t* data, std::size_t size) {
    return std::string(reinterpret_cast<const char*>(data), size);
}

/// Points ROLES_CATALOG_DIR at the source tree's roles/ (unless set) so that rosters can
/// name built-in catalogs.
inline void use_source_catalogs() {
    setenv("ROLES_CATALOG_DIR", ROLES_SOURCE_DIR "/roles", 0);
}

}  // namespace roles::fuzz
