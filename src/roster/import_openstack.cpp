// OpenStack governance `reference/projects.yaml`, in every shape it has had: the 2015
// one-line `ptl: Name (nick)` (co-PTLs joined by "and" or "&"), the `ptl: {name, irc, email}`
// map, `liaisons:` as a list of TC members' nicks (2020) and as a map of kinds (2021 on, kinds
// spelled with dashes or underscores, `tc_members` a list of nicks), and
// `leadership_type: distributed`.

#include <algorithm>
#include <array>
#include <map>

#include <re2/re2.h>

#include "hat_reader.hpp"
#include "import_common.hpp"
#include "roles/util/text.hpp"
#include "yaml_reader.hpp"

namespace roles::roster {

namespace {

const std::vector<std::string> k_required_dpl{"release-liaison", "tact-sig-liaison", "security-liaison",
                                              "tc-liaison"};

// A liaison kind as the file spells it -> the hat id of the openstack/openstack-dpl catalogs.
struct KindMapping {
    std::string_view kind;  ///< kebab form, without a "-liaison" suffix
    std::string_view hat;
};
constexpr std::array<KindMapping, 12> k_kinds{{
    {"release", "release-liaison"},
    {"tact-sig", "tact-sig-liaison"},
    {"security", "security-liaison"},
    {"tc", "tc-liaison"},
    {"tc-members", "tc-liaison"},
    {"events", "events-liaison"},
    {"project-update-onboarding", "project-onboarding"},
    {"project-onboarding", "project-onboarding"},
    {"meeting-facilitator", "meeting-facilitator"},
    {"bug-deputy", "bug-deputy"},
    {"rfp-coordinator", "rfe-coordinator"},  // the schema's spelling of the RFE coordinator
    {"rfe-coordinator", "rfe-coordinator"},
}};

// "tact_sig" and "tact-sig", "events-liaison" and "events" are the same kind.
std::string liaison_hat(const std::string& kind) {
    auto id = kebab_id(kind);
    if (id.ends_with("-liaison")) id.resize(id.size() - std::string_view("-liaison").size());
    for (const auto& mapping : k_kinds) {
        if (mapping.kind == id) return std::string(mapping.hat);
    }
    return {};
}

bool is_placeholder_name(std::string_view name) {
    return util::to_lower_ascii(util::trim(name)) == "appointment needed";
}

bool is_placeholder_email(std::string_view email) {
    return util::to_lower_ascii(util::trim(email)) == "example@example.org";
}

// "No nick supplied" and null both mean the person gave no IRC nick.
std::string usable_nick(const YAML::Node& node) {
    if (!node || !node.IsScalar()) return {};
    const auto nick = std::string(util::trim(node.Scalar()));
    return util::to_lower_ascii(nick) == "no nick supplied" ? std::string{} : nick;
}

Contact nick_contact(const std::string& nick) { return Contact{{}, {}, {nick}, std::nullopt, nick}; }

// Reads one team and turns it into a project; the people go into `people`.
class TeamReader {
public:
    TeamReader(const Doc& doc, PeopleRegistry& people, CatalogShelf& shelf, VacancyNotes& notes)
        : m_doc(doc), m_people(people), m_shelf(shelf), m_notes(notes) {}

    util::Expected<std::optional<Project>> read(const Entry& team);

    /// Each team's deliverable repositories, as the file writes them ("openstack/nova").
    [[nodiscard]] const std::map<std::string, std::vector<std::string>>& repos() const { return m_repos; }

private:
    // What a contact list holds: people, and whether a placeholder stood in for someone.
    struct Holders {
        std::vector<std::string> keys;
        std::string placeholder;  ///< the placeholder's text, when one was met
    };

    void read_ptl(const Entry& team, const Entry* ptl, Project& project);
    Holders read_ptl_line(const YAML::Node& node);
    std::optional<std::string> read_contact(const YAML::Node& node, Holders& holders);
    Holders read_contacts(const YAML::Node& list, const std::string& what);
    void read_liaisons(const Entry& liaisons, Project& project);
    void read_liaison_kind(const Entry& kind, Project& project);
    void hold(Project& project, const std::string& hat_id, const Holders& holders);
    void require_dpl_liaisons(Project& project);
    void read_deliverables(const Entry& deliverables, const std::string& team);

    const Doc& m_doc;
    PeopleRegistry& m_people;
    CatalogShelf& m_shelf;
    VacancyNotes& m_notes;
    bool m_distributed = false;
    std::map<std::string, std::vector<std::string>> m_repos;
};

util::Expected<std::optional<Project>> TeamReader::read(const Entry& team) {
    if (!team.value.IsMap()) {
        m_doc.error(team.value_mark(), "expected a map for team " + util::quoted(team.key) + ", got " +
                                           describe(team.value));
        return std::optional<Project>{};
    }
    const auto fields = map_entries(m_doc, team.value, "in team " + util::quoted(team.key), std::nullopt);
    m_distributed = false;
    if (const auto* type = find_entry(fields, "leadership_type")) {
        const auto text = read_string(m_doc, *type).value_or("ptl");
        if (text == "distributed") {
            m_distributed = true;
        } else if (text != "ptl") {
            m_doc.error(type->value_mark(), "unknown leadership_type " + util::quoted(text) +
                                                " (expected 'ptl' or 'distributed')");
        }
    }
    auto project = project_from_catalogs(team.key, {m_distributed ? "openstack-dpl" : "openstack"}, m_shelf);
    if (!project) return std::unexpected(project.error());
    project->pos = m_doc.pos(team.key_node.Mark());
    read_ptl(team, find_entry(fields, "ptl"), *project);
    if (const auto* liaisons = find_entry(fields, "liaisons")) read_liaisons(*liaisons, *project);
    if (m_distributed) require_dpl_liaisons(*project);
    if (const auto* deliverables = find_entry(fields, "deliverables")) read_deliverables(*deliverables, team.key);
    return std::optional<Project>{std::move(*project)};
}

// `deliverables: {NAME: {repos: [openstack/nova, ...]}}`; only the repository names are kept,
// and a shape that is not that is left alone (the roster has no field for deliverables).
void TeamReader::read_deliverables(const Entry& deliverables, const std::string& team) {
    if (!deliverables.value.IsMap()) return;
    auto& repos = m_repos[team];
    for (const auto& deliverable : deliverables.value) {
        const auto& fields = deliverable.second;
        if (!fields.IsMap() || !fields["repos"] || !fields["repos"].IsSequence()) continue;
        for (const auto& repo : fields["repos"]) {
            if (repo.IsScalar() && std::ranges::find(repos, repo.Scalar()) == repos.end()) repos.push_back(repo.Scalar());
        }
    }
}

void TeamReader::read_ptl(const Entry& team, const Entry* ptl, Project& project) {
    if (m_distributed) {
        if (ptl != nullptr) {
            m_doc.warn(ptl->key_node.Mark(), "team " + util::quoted(team.key) +
                                                 " has distributed leadership: its 'ptl' is left out");
        }
        return;
    }
    Holders holders;
    if (ptl == nullptr) {
        holders.placeholder = "no 'ptl' given";
    } else if (ptl->value.IsScalar()) {
        holders = read_ptl_line(ptl->value);
    } else if (ptl->value.IsMap()) {
        if (auto key = read_contact(ptl->value, holders)) holders.keys.push_back(*key);
    } else {
        m_doc.error(ptl->value_mark(), "expected 'Name (nick)' or {name, irc, email} for 'ptl', got " +
                                           describe(ptl->value));
        return;
    }
    hold(project, "ptl", holders);
}

// 2015: "John Garbutt (johnthetubaguy)", "Dirk Mueller (dirk) and Haikel Guemar (number80)".
TeamReader::Holders TeamReader::read_ptl_line(const YAML::Node& node) {
    static const RE2 k_separator(R"(\s+and\s+|\s*[&,]\s*)");
    static const RE2 k_person(R"(\s*([^()]*[^()\s])\s*(?:\(\s*([^()\s]*)\s*\))?\s*)");
    Holders holders;
    const std::string& line = node.Scalar();
    if (is_placeholder_name(line)) {
        holders.placeholder = line;
        return holders;
    }
    std::string parts = line;
    RE2::GlobalReplace(&parts, k_separator, "\x1f");
    std::size_t begin = 0;
    for (;;) {
        const auto end = parts.find('\x1f', begin);
        const auto part = parts.substr(begin, end == std::string::npos ? std::string::npos : end - begin);
        std::string name, nick;
        if (!RE2::FullMatch(part, k_person, &name, &nick)) {
            m_doc.error(node.Mark(), "cannot read " + util::quoted(line) +
                                         " as 'Name (nick)' (co-leads joined by 'and' or '&')");
            return Holders{};
        }
        Contact contact{name, {}, {}, std::nullopt, nick.empty() ? name : nick};
        if (!nick.empty()) contact.logins.push_back(nick);
        holders.keys.push_back(m_people.add(contact));
        if (end == std::string::npos) return holders;
        begin = end + 1;
    }
}

// {name, irc, email}; a placeholder person is noted and is nobody.
std::optional<std::string> TeamReader::read_contact(const YAML::Node& node, Holders& holders) {
    const auto fields = map_entries(m_doc, node, "in a contact", std::nullopt);
    const auto text = [&](std::string_view key) {
        const auto* entry = find_entry(fields, key);
        return entry != nullptr && entry->value.IsScalar() ? std::string(util::trim(entry->value.Scalar()))
                                                           : std::string{};
    };
    const auto name = text("name");
    const auto email = text("email");
    const auto* irc = find_entry(fields, "irc");
    const auto nick = irc != nullptr ? usable_nick(irc->value) : std::string{};
    if (is_placeholder_name(name) || is_placeholder_email(email)) {
        holders.placeholder = is_placeholder_name(name) ? name : email;
        return std::nullopt;
    }
    if (name.empty() && email.empty() && nick.empty()) {
        m_doc.error(node.Mark(), "a contact needs a 'name', an 'email' or an 'irc' nick");
        return std::nullopt;
    }
    if (!email.empty() && !plausible_email(email)) {
        m_doc.warn(find_entry(fields, "email")->value.Mark(), "invalid email " + util::quoted(email) + " left out");
    }
    Contact contact{name, {}, {}, std::nullopt, {}};
    if (plausible_email(email)) contact.emails.push_back(email);
    if (!nick.empty()) contact.logins.push_back(nick);
    contact.key_hint = !nick.empty() ? nick : !email.empty() ? email_key_hint(email, name) : name;
    return m_people.add(contact);
}

TeamReader::Holders TeamReader::read_contacts(const YAML::Node& list, const std::string& what) {
    Holders holders;
    if (list.IsNull()) return holders;
    if (!list.IsSequence()) {
        m_doc.error(list.Mark(), "expected a list of contacts for " + util::quoted(what) + ", got " + describe(list));
        return holders;
    }
    for (const auto& item : list) {
        if (item.IsScalar()) {  // a bare IRC nick (2020 lists, tc_members)
            holders.keys.push_back(m_people.add(nick_contact(item.Scalar())));
        } else if (item.IsMap()) {
            if (auto key = read_contact(item, holders)) holders.keys.push_back(*key);
        } else {
            m_doc.error(item.Mark(), "expected a nick or {name, irc, email} in " + util::quoted(what) + ", got " +
                                         describe(item));
        }
    }
    return holders;
}

void TeamReader::read_liaisons(const Entry& liaisons, Project& project) {
    if (liaisons.value.IsSequence()) {  // 2020: the team's TC liaisons, by nick
        hold(project, "tc-liaison", read_contacts(liaisons.value, "liaisons"));
        return;
    }
    if (!expect_map(m_doc, liaisons) || liaisons.value.IsNull()) return;
    for (const auto& kind : map_entries(m_doc, liaisons.value, "in 'liaisons'", std::nullopt)) {
        read_liaison_kind(kind, project);
    }
}

void TeamReader::read_liaison_kind(const Entry& kind, Project& project) {
    auto hat_id = liaison_hat(kind.key);
    if (hat_id.empty()) {
        hat_id = kebab_id(kind.key);
        if (hat_id.empty()) hat_id = "liaison";
        if (hat_id.find("liaison") == std::string::npos) hat_id += "-liaison";
        m_doc.warn(kind.key_node.Mark(), "unknown liaison kind " + util::quoted(kind.key) +
                                             " kept as the optional hat " + util::quoted(hat_id));
    }
    hold(project, hat_id, read_contacts(kind.value, kind.key));
}

// Hats the team's catalog lacks (a TC liaison on a PTL-led team) are added as optional
// project hats, described as openstack-dpl describes them.
void TeamReader::hold(Project& project, const std::string& hat_id, const Holders& holders) {
    Hat* hat = find_hat(project, hat_id);
    if (hat == nullptr) {
        HatDef def;
        if (auto dpl = m_shelf.get("openstack-dpl")) {
            for (const auto& candidate : (*dpl)->hats) {
                if (candidate.id == hat_id) def = candidate;
            }
        }
        hat = &hat_or_define(project, hat_id, def.title.empty() ? default_title(hat_id) : def.title, def.effort);
        hat->def.description = def.description;
        hat->def.evidence = def.evidence;
    }
    const bool merge_with_earlier = hat->source == HolderSource::listed;  // tc_members + tc-liaison
    set_holders(*hat, holders.keys);
    if (hat->holders.empty() && !holders.placeholder.empty()) {
        m_notes[{project.name, hat_id}] = "placeholder " + util::quoted(holders.placeholder);
    } else if (!merge_with_earlier && hat->holders.empty()) {
        m_notes[{project.name, hat_id}] = "the file lists nobody";
    }
}

void TeamReader::require_dpl_liaisons(Project& project) {
    for (const auto& id : k_required_dpl) {
        Hat* hat = find_hat(project, id);
        if (hat == nullptr || hat->source != HolderSource::unlisted) continue;
        set_holders(*hat, {});
        m_notes[{project.name, id}] = "distributed team names no " + id;
    }
}

}  // namespace

util::Expected<ImportResult> import_openstack(const std::string& text, const std::string& file,
                                              const ImportOptions& options) {
    Problems errors, warnings;
    const Doc doc{file, errors, warnings};
    Roster roster;
    roster.file = file;
    roster.program = true;
    roster.catalogs = {"openstack"};
    PeopleRegistry people;
    CatalogShelf shelf;
    VacancyNotes notes;
    std::map<std::string, std::vector<std::string>> reader_repos;
    if (const auto root = load_document(doc, text, "projects file")) {
        TeamReader reader(doc, people, shelf, notes);
        for (const auto& team : map_entries(doc, *root, "at the top level", std::nullopt)) {
            auto project = reader.read(team);
            if (!project) return std::unexpected(project.error());
            if (*project) roster.projects.push_back(std::move(**project));
        }
        if (roster.projects.empty() && errors.empty()) doc.error(root->Mark(), "the file lists no team");
        reader_repos = reader.repos();
    }
    if (!errors.empty()) {
        return std::unexpected(util::Error{util::ErrorKind::input, "invalid openstack file " + util::quoted(file),
                                           problem_count(errors.size()), errors.lines()});
    }
    auto result = finish_import(std::move(roster), people, notes, warnings.lines(), options, {});
    if (!result) return result;
    for (const auto& project : result->roster.projects) {
        if (const auto it = reader_repos.find(project.name); it != reader_repos.end()) {
            result->remote_repos.emplace(project.name, it->second);
        }
    }
    return result;
}

std::vector<std::string> projects_with_repository(const ImportResult& result, const std::vector<std::string>& names) {
    std::vector<std::string> projects;
    for (const auto& [project, repos] : result.remote_repos) {
        const bool named = std::ranges::any_of(repos, [&](const std::string& repo) {
            const auto base = repo.substr(repo.rfind('/') + 1);
            return std::ranges::any_of(names, [&](const std::string& name) {
                return name.find('/') != std::string::npos ? util::to_lower_ascii(name) == util::to_lower_ascii(repo)
                                                           : util::to_lower_ascii(name) == util::to_lower_ascii(base);
            });
        });
        if (named) projects.push_back(project);
    }
    return projects;
}

}  // namespace roles::roster
