#pragma once
// Turning catalogs plus a roster's `hats:` into a Project: overrides, project hats, holders
// and fallbacks. Internal to src/roster.

#include <map>
#include <string>
#include <vector>

#include "catalog_loader.hpp"
#include "roles/roster/loader.hpp"
#include "roles/roster/roster.hpp"
#include "yaml_reader.hpp"

namespace roles::roster {

/// What a roster says about one project.
struct ProjectInput {
    std::string name;
    SourcePos pos;
    const Entry* hats = nullptr;   ///< the project's `hats:` entry, if any
    std::vector<Scalar> catalogs;  ///< catalog references, in order
    std::vector<std::string> repos;
};

/// The project's hats: catalog hats in catalog order (a later catalog's hat replaces an
/// earlier one of the same id, with a warning), then overrides and project-defined hats from
/// `hats:`, holders checked against `people`, fallbacks applied.
[[nodiscard]] Project build_project(const Doc& doc, const ProjectInput& input,
                                    const std::map<std::string, Person>& people, CatalogCache& catalogs);

}  // namespace roles::roster
