// The import table: every kind of published roster `roles import` reads, with its importer.
// A new kind is one row here, its ImportKind value, and its src/roster/import_<kind>.cpp
// (CONTRIBUTING.md, "Extension points").

#include <algorithm>
#include <array>
#include <vector>

#include "import_common.hpp"
#include "roles/roster/import.hpp"

namespace roles::roster {
namespace {

const std::array<ImportKindInfo, 5> k_import_kinds{{
    {ImportKind::openstack, "openstack", "OpenStack governance projects.yaml", "team",
     "openstack import: only this team, as a plain roster", PickByRepository::yes, import_openstack},
    {ImportKind::kubernetes, "kubernetes", "Kubernetes community sigs.yaml", "group",
     "kubernetes import: only this SIG, working group or committee", PickByRepository::no, import_kubernetes},
    {ImportKind::maintainers, "maintainers", "Linux-style MAINTAINERS", "", "", PickByRepository::no,
     import_maintainers},
    {ImportKind::codeowners, "codeowners", "GitHub CODEOWNERS", "", "", PickByRepository::no, import_codeowners},
    {ImportKind::owners, "owners", "Kubernetes-style OWNERS, with the OWNERS_ALIASES beside it", "", "",
     PickByRepository::no, import_owners},
}};

}  // namespace

std::span<const ImportKindInfo> import_kinds() { return k_import_kinds; }

const ImportKindInfo& import_kind_info(ImportKind kind) {
    const auto* found = std::ranges::find(k_import_kinds, kind, &ImportKindInfo::kind);
    return found != k_import_kinds.end() ? *found : k_import_kinds.front();
}

std::span<const std::string> import_kind_names() {
    static const std::vector<std::string> k_names = [] {
        std::vector<std::string> names;
        for (const auto& row : k_import_kinds) names.emplace_back(row.name);
        return names;
    }();
    return k_names;
}

std::optional<ImportKind> parse_import_kind(std::string_view name) {
    const auto* found = std::ranges::find(k_import_kinds, name, &ImportKindInfo::name);
    if (found == k_import_kinds.end()) return std::nullopt;
    return found->kind;
}

std::string import_kind_name(ImportKind kind) { return std::string(import_kind_info(kind).name); }

}  // namespace roles::roster
