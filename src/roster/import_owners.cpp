// Kubernetes-style OWNERS files (Prow's approve and lgtm plugins): an OWNERS file becomes one
// project whose `approver` and `reviewer` hats hold the people it names, with the file's
// directory as their area. Entries are GitHub logins or aliases of OWNERS_ALIASES, which are
// expanded to their members (an alias file is optional: without one every entry is a login).
// `emeritus_approvers` are former approvers: history, never coverage. Prow's `filters` (per
// file-name regular expression) cannot be written as an area glob: the `.*` filter is the
// whole directory and is merged in; any other filter is left out with a warning.

#include <algorithm>
#include <array>
#include <vector>
#include <filesystem>

#include <re2/re2.h>

#include "catalog_loader.hpp"
#include "import_common.hpp"
#include "roles/util/text.hpp"
#include "yaml_reader.hpp"

namespace roles::roster {

namespace {

// The keys of an OWNERS file Prow reads; others are reported as warnings (Prow ignores them).
const std::vector<std::string> k_owners_keys{"approvers", "reviewers", "emeritus_approvers", "emeritus_reviewers",
                                             "labels",    "options",   "filters",            "required_reviewers"};

// The people an OWNERS file names for each role, as written (aliases not yet expanded).
struct OwnersLists {
    std::vector<Scalar> approvers;
    std::vector<Scalar> reviewers;
    std::vector<Scalar> emeritus;
    std::vector<Scalar> emeritus_reviewers;
};

void append(std::vector<Scalar>& to, std::optional<std::vector<Scalar>> items) {
    if (items) to.insert(to.end(), items->begin(), items->end());
}

void read_roles(const Doc& doc, const std::vector<Entry>& fields, OwnersLists& lists) {
    for (const auto& entry : fields) {
        if (entry.key == "approvers") append(lists.approvers, read_scalars(doc, entry));
        if (entry.key == "reviewers") append(lists.reviewers, read_scalars(doc, entry));
        if (entry.key == "emeritus_approvers") append(lists.emeritus, read_scalars(doc, entry));
        if (entry.key == "emeritus_reviewers") append(lists.emeritus_reviewers, read_scalars(doc, entry));
    }
}

// `filters: {REGEX: {approvers, reviewers, labels}}`: ".*" applies to every file and is merged.
void read_filters(const Doc& doc, const Entry& filters, OwnersLists& lists) {
    if (!expect_map(doc, filters) || filters.value.IsNull()) return;
    for (const auto& filter : map_entries(doc, filters.value, "in 'filters'", std::nullopt)) {
        if (filter.key != ".*") {
            doc.warn(filter.key_node.Mark(), "filter " + util::quoted(filter.key) +
                                                 " applies to some files only, which an area cannot say; left out");
            continue;
        }
        if (!expect_map(doc, filter) || filter.value.IsNull()) continue;
        read_roles(doc, map_entries(doc, filter.value, "in filter '.*'", std::nullopt), lists);
    }
}

// `aliases: {NAME: [login...]}` of OWNERS_ALIASES.
std::map<std::string, std::vector<Scalar>> read_aliases(const Doc& doc, const std::string& text) {
    std::map<std::string, std::vector<Scalar>> aliases;
    const auto root = load_document(doc, text, "OWNERS_ALIASES file");
    if (!root) return aliases;
    const std::array<std::string, 1> allowed{"aliases"};
    const auto top = map_entries(doc, *root, "at the top level", allowed);
    const auto* list = find_entry(top, "aliases");
    if (list == nullptr || !expect_map(doc, *list) || list->value.IsNull()) return aliases;
    for (const auto& alias : map_entries(doc, list->value, "in 'aliases'", std::nullopt)) {
        aliases[util::to_lower_ascii(alias.key)] = read_scalars(doc, alias).value_or(std::vector<Scalar>{});
    }
    return aliases;
}

bool valid_login(const std::string& login) {
    // GitHub logins: letters, digits and single dashes, not at either end.
    static const RE2 k_login(R"([A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)");
    return RE2::FullMatch(login, k_login);
}

// Turns entries into person keys: an alias is its members (one level, as Prow does).
class OwnersPeople {
public:
    OwnersPeople(const Doc& doc, PeopleRegistry& people, const std::map<std::string, std::vector<Scalar>>& aliases)
        : m_doc(doc), m_people(people), m_aliases(aliases) {}

    std::vector<std::string> keys(const std::vector<Scalar>& entries) {
        std::vector<std::string> out;
        for (const auto& entry : entries) {
            const auto alias = m_aliases.find(util::to_lower_ascii(entry.text));
            if (alias == m_aliases.end()) {
                add(entry, out);
                continue;
            }
            for (const auto& member : alias->second) add(member, out);
        }
        return out;
    }

private:
    void add(const Scalar& entry, std::vector<std::string>& out) {
        const std::string login(util::trim(entry.text));
        if (!valid_login(login)) {
            m_doc.error(entry.mark, "invalid entry " + util::quoted(login) +
                                        " (expected a GitHub login or an alias of OWNERS_ALIASES)");
            return;
        }
        out.push_back(m_people.add(Contact{{}, {}, {login}, std::nullopt, login}));
    }

    const Doc& m_doc;
    PeopleRegistry& m_people;
    const std::map<std::string, std::vector<Scalar>>& m_aliases;
};

// "OWNERS" -> "/", "pkg/kubelet/OWNERS" -> "pkg/kubelet/": the directory the file governs.
std::string directory_of(const std::string& file) {
    const auto parent = std::filesystem::path(file).parent_path().generic_string();
    return parent.empty() || parent == "." ? std::string("/") : parent + "/";
}

util::Expected<Project> owners_project(const std::string& file, const OwnersLists& lists, OwnersPeople& people) {
    CatalogShelf shelf;
    const auto directory = directory_of(file);
    auto project = project_from_catalogs(directory, {"owners"}, shelf);
    if (!project) return std::unexpected(project.error());
    project->pos = SourcePos{file, 1, 1};
    const std::string area = directory == "/" ? std::string("**") : directory + "**";
    for (const auto* id : {"approver", "reviewer"}) {
        Hat* hat = find_hat(*project, id);
        hat->def.area = {area};
        hat->def.evidence.paths = {area};
    }
    const auto approvers = people.keys(lists.approvers);
    const auto reviewers = people.keys(lists.reviewers);
    if (!lists.approvers.empty()) set_holders(*find_hat(*project, "approver"), approvers);
    if (!lists.reviewers.empty()) set_holders(*find_hat(*project, "reviewer"), reviewers);
    // An empty list would mark the hat as listed, and an import lists only what the file names.
    if (!lists.emeritus.empty()) add_former_holders(*find_hat(*project, "approver"), people.keys(lists.emeritus));
    if (!lists.emeritus_reviewers.empty())
        add_former_holders(*find_hat(*project, "reviewer"), people.keys(lists.emeritus_reviewers));
    return std::move(*project);
}

}  // namespace

util::Expected<ImportResult> import_owners(const std::string& text, const std::string& file,
                                           const ImportOptions& options) {
    Problems errors, warnings;
    const Doc doc{file, errors, warnings};
    std::map<std::string, std::vector<Scalar>> aliases;
    if (options.owners_aliases) {
        const Doc alias_doc{options.owners_aliases->file, errors, warnings};
        aliases = read_aliases(alias_doc, options.owners_aliases->text);
    }
    OwnersLists lists;
    if (const auto root = load_document(doc, text, "OWNERS file")) {
        const auto fields = map_entries(doc, *root, "at the top level", std::nullopt);
        for (const auto& entry : fields) {
            if (std::ranges::find(k_owners_keys, entry.key) == k_owners_keys.end())
                doc.warn(entry.key_node.Mark(), "unknown key " + util::quoted(entry.key) +
                                                    did_you_mean(entry.key, k_owners_keys) + "; ignored");
        }
        read_roles(doc, fields, lists);
        if (const auto* filters = find_entry(fields, "filters")) read_filters(doc, *filters, lists);
        if (lists.approvers.empty() && lists.reviewers.empty() && errors.empty())
            doc.error(root->Mark(), "the file names no approvers and no reviewers");
    }
    Roster roster;
    roster.file = file;
    roster.program = true;
    roster.catalogs = {"owners"};
    PeopleRegistry registry;
    OwnersPeople people(doc, registry, aliases);
    auto project = owners_project(file, lists, people);
    if (!project) return std::unexpected(project.error());
    if (!errors.empty()) {
        return std::unexpected(util::Error{util::ErrorKind::input, "invalid OWNERS file " + util::quoted(file),
                                           problem_count(errors.size()), errors.lines()});
    }
    roster.projects.push_back(std::move(*project));
    auto notes = warnings.lines();
    if (!options.owners_aliases) {
        notes.push_back(file + ": no OWNERS_ALIASES was read, so every entry is taken as a GitHub login");
    }
    return finish_import(std::move(roster), registry, {}, std::move(notes), options, {});
}

util::Expected<std::optional<CompanionFile>> owners_aliases_beside(const std::string& path) {
    const auto beside = (std::filesystem::path(path).parent_path() / "OWNERS_ALIASES").string();
    std::error_code error;
    if (!std::filesystem::exists(beside, error)) return std::optional<CompanionFile>{};
    auto text = read_text_file(beside);
    if (!text) return util::fail(util::ErrorKind::input, "reading " + util::quoted(beside), text.error());
    return std::optional<CompanionFile>{CompanionFile{beside, std::move(*text)}};
}

}  // namespace roles::roster
