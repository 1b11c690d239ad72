// Kubernetes community `sigs.yaml`: SIGs, working groups, user groups and committees become
// projects; chairs, tech leads and the steering liaison are hats; emeritus leads are former
// holders (history, never coverage); each subproject is an optional hat of its group (`<name>-subproject`), held
// by its leads when the file names any, with its OWNERS links in the description.

#include <algorithm>
#include <array>

#include <fmt/format.h>

#include "import_common.hpp"
#include "roles/util/text.hpp"
#include "yaml_reader.hpp"

namespace roles::roster {

namespace {

// The lists of groups in the file, and the catalog their projects use.
struct GroupKind {
    std::string_view key;
    std::string_view catalog;
};
constexpr std::array<GroupKind, 4> k_group_kinds{{{"sigs", "kubernetes-sig"},
                                                  {"workinggroups", "kubernetes-group"},
                                                  {"usergroups", "kubernetes-group"},
                                                  {"committees", "kubernetes-group"}}};

// `leadership:` roles -> hats. Emeritus leads are handled apart.
struct RoleMapping {
    std::string_view role;
    std::string_view hat;
};
constexpr std::array<RoleMapping, 2> k_roles{{{"chairs", "chair"}, {"tech_leads", "tech-lead"}}};

class GroupReader {
public:
    GroupReader(const Doc& doc, PeopleRegistry& people, CatalogShelf& shelf)
        : m_doc(doc), m_people(people), m_shelf(shelf) {}

    /// The group as a project, or nullopt after reporting why it cannot be one.
    util::Expected<std::optional<Project>> read(const YAML::Node& group, std::string_view catalog);
    /// Names a group also answers to (`name`, `label`), by project name.
    [[nodiscard]] const std::map<std::string, std::vector<std::string>>& other_names() const { return m_names; }

private:
    std::vector<std::string> read_people(const Entry& list);
    void read_leadership(const Entry& leadership, Project& project);
    void read_liaison(const std::vector<Entry>& fields, Project& project);
    void read_subprojects(const Entry& subprojects, Project& project);
    void read_subproject(const YAML::Node& node, Project& project);

    const Doc& m_doc;
    PeopleRegistry& m_people;
    CatalogShelf& m_shelf;
    std::map<std::string, std::vector<std::string>> m_names;
};

std::string text_of(const std::vector<Entry>& fields, std::string_view key) {
    const auto* entry = find_entry(fields, key);
    return entry != nullptr && entry->value.IsScalar() ? std::string(util::trim(entry->value.Scalar()))
                                                       : std::string{};
}

util::Expected<std::optional<Project>> GroupReader::read(const YAML::Node& group, std::string_view catalog) {
    if (!group.IsMap()) {
        m_doc.error(group.Mark(), "expected a map for a group, got " + describe(group));
        return std::optional<Project>{};
    }
    const auto fields = map_entries(m_doc, group, "in a group", std::nullopt);
    const auto dir = text_of(fields, "dir");
    const auto name = text_of(fields, "name");
    if (dir.empty() && name.empty()) {
        m_doc.error(group.Mark(), "a group needs a 'dir' or a 'name'");
        return std::optional<Project>{};
    }
    auto project = project_from_catalogs(dir.empty() ? name : dir, {std::string(catalog)}, m_shelf);
    if (!project) return std::unexpected(project.error());
    project->pos = m_doc.pos(group.Mark());
    m_names[project->name] = {name, text_of(fields, "label")};
    if (const auto* leadership = find_entry(fields, "leadership")) read_leadership(*leadership, *project);
    read_liaison(fields, *project);
    if (const auto* subprojects = find_entry(fields, "subprojects")) read_subprojects(*subprojects, *project);
    return std::optional<Project>{std::move(*project)};
}

// [{github, name, company, email}]
std::vector<std::string> GroupReader::read_people(const Entry& list) {
    std::vector<std::string> keys;
    if (list.value.IsNull()) return keys;
    if (!list.value.IsSequence()) {
        m_doc.error(list.value_mark(),
                    "expected a list of people for " + util::quoted(list.key) + ", got " + describe(list.value));
        return keys;
    }
    for (const auto& item : list.value) {
        if (!item.IsMap()) {
            m_doc.error(item.Mark(), "expected {github, name} in " + util::quoted(list.key) + ", got " + describe(item));
            continue;
        }
        const auto fields = map_entries(m_doc, item, "in a person of " + util::quoted(list.key), std::nullopt);
        const auto github = text_of(fields, "github");
        Contact contact{text_of(fields, "name"), {}, {}, std::nullopt, github};
        if (github.empty() && contact.name.empty()) {
            m_doc.error(item.Mark(), "a person in " + util::quoted(list.key) + " needs a 'github' handle or a 'name'");
            continue;
        }
        if (!github.empty()) contact.logins.push_back(github);
        if (const auto email = text_of(fields, "email"); plausible_email(email)) contact.emails.push_back(email);
        if (const auto company = text_of(fields, "company"); !company.empty()) contact.affiliation = company;
        keys.push_back(m_people.add(contact));
    }
    return keys;
}

void GroupReader::read_leadership(const Entry& leadership, Project& project) {
    if (!expect_map(m_doc, leadership) || leadership.value.IsNull()) return;
    for (const auto& role : map_entries(m_doc, leadership.value, "in 'leadership'", std::nullopt)) {
        const auto keys = read_people(role);
        if (role.key == "emeritus_leads") {
            Hat& hat = hat_or_define(project, "emeritus-lead", "Emeritus lead", 0.0);
            hat.def.description = "Former chairs and technical leads (sigs.yaml emeritus_leads): history, never coverage.";
            add_former_holders(hat, keys);
            continue;
        }
        const auto* mapping = std::find_if(k_roles.begin(), k_roles.end(),
                                           [&](const RoleMapping& m) { return m.role == role.key; });
        Hat* hat = mapping == k_roles.end() ? nullptr : find_hat(project, mapping->hat);
        if (hat == nullptr) {
            m_doc.warn(role.key_node.Mark(), "leadership role " + util::quoted(role.key) + " of " +
                                                 util::quoted(project.name) + " has no hat; left out");
            continue;
        }
        set_holders(*hat, keys);
    }
}

// `contact: {liaison: {github, name}}`: the steering committee member assigned to the group.
void GroupReader::read_liaison(const std::vector<Entry>& fields, Project& project) {
    const auto* contact = find_entry(fields, "contact");
    if (contact == nullptr || !contact->value.IsMap()) return;
    const auto contact_fields = map_entries(m_doc, contact->value, "in 'contact'", std::nullopt);
    const auto* liaison = find_entry(contact_fields, "liaison");
    Hat* hat = find_hat(project, "steering-liaison");
    if (liaison == nullptr || hat == nullptr) return;
    YAML::Node list(YAML::NodeType::Sequence);
    list.push_back(liaison->value);
    set_holders(*hat, read_people(Entry{"liaison", liaison->key_node, liaison->value.IsMap() ? list : liaison->value}));
}

void GroupReader::read_subprojects(const Entry& subprojects, Project& project) {
    if (subprojects.value.IsNull()) return;
    if (!subprojects.value.IsSequence()) {
        m_doc.error(subprojects.value_mark(), "expected a list for 'subprojects', got " + describe(subprojects.value));
        return;
    }
    // Subproject owners are named in OWNERS files, not here: the catalog's generic hat is not
    // required, and each subproject gets its own optional hat.
    if (Hat* generic = find_hat(project, "subproject-owner")) generic->def.required = false;
    for (const auto& node : subprojects.value) read_subproject(node, project);
}

void GroupReader::read_subproject(const YAML::Node& node, Project& project) {
    if (!node.IsMap()) {
        m_doc.error(node.Mark(), "expected a map for a subproject, got " + describe(node));
        return;
    }
    const auto fields = map_entries(m_doc, node, "in a subproject", std::nullopt);
    const auto name = text_of(fields, "name");
    if (name.empty()) {
        m_doc.error(node.Mark(), "a subproject needs a 'name'");
        return;
    }
    // "<name>-subproject": an id that does not read like a typo of the catalog's "subproject-owner".
    const auto base = kebab_id(name).empty() ? std::string("unnamed") : kebab_id(name);
    std::string id = base + "-subproject";
    for (int n = 2; find_hat(project, id) != nullptr; ++n) id = fmt::format("{}-subproject-{}", base, n);
    Hat& hat = hat_or_define(project, id, "Subproject " + name, 0.1);
    std::vector<std::string> links;
    if (const auto* owners = find_entry(fields, "owners")) links = read_strings(m_doc, *owners).value_or(links);
    hat.def.description = "Approves changes to the subproject " + util::quoted(name) + ". Its owners are named in " +
                          (links.empty() ? std::string("its OWNERS files") : join(links)) + ".";
    if (const auto* leads = find_entry(fields, "leads")) set_holders(hat, read_people(*leads));
}

}  // namespace

namespace {

// Every group of every kind, in file order; a `dir` met twice is reported.
util::Expected<void> read_groups(const Doc& doc, const YAML::Node& root, GroupReader& reader, Roster& roster) {
    std::map<std::string, SourcePos> seen;
    const auto top = map_entries(doc, root, "at the top level", std::nullopt);
    for (const auto& kind : k_group_kinds) {
        const auto* list = find_entry(top, kind.key);
        if (list == nullptr || list->value.IsNull()) continue;
        if (!list->value.IsSequence()) {
            doc.error(list->value_mark(), "expected a list of groups for " + util::quoted(kind.key) + ", got " +
                                              describe(list->value));
            continue;
        }
        for (const auto& group : list->value) {
            auto project = reader.read(group, kind.catalog);
            if (!project) return std::unexpected(project.error());
            if (!*project) continue;
            if (const auto [first, inserted] = seen.emplace((*project)->name, (*project)->pos); !inserted) {
                doc.error(group.Mark(), fmt::format("group {} is listed twice (first at {}:{})",
                                                    util::quoted((*project)->name), first->second.line,
                                                    first->second.column));
                continue;
            }
            roster.projects.push_back(std::move(**project));
        }
    }
    return {};
}

}  // namespace

util::Expected<ImportResult> import_kubernetes(const std::string& text, const std::string& file,
                                               const ImportOptions& options) {
    Problems errors, warnings;
    const Doc doc{file, errors, warnings};
    Roster roster;
    roster.file = file;
    roster.program = true;
    roster.catalogs = {"kubernetes-sig"};
    PeopleRegistry people;
    CatalogShelf shelf;
    GroupReader reader(doc, people, shelf);
    if (const auto root = load_document(doc, text, "sigs file")) {
        if (auto read = read_groups(doc, *root, reader, roster); !read) return std::unexpected(read.error());
        if (roster.projects.empty() && errors.empty()) doc.error(root->Mark(), "the file lists no group");
    }
    if (!errors.empty()) {
        return std::unexpected(util::Error{util::ErrorKind::input, "invalid kubernetes file " + util::quoted(file),
                                           problem_count(errors.size()), errors.lines()});
    }
    return finish_import(std::move(roster), people, {}, warnings.lines(), options, reader.other_names());
}

}  // namespace roles::roster
