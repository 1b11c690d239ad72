// Shared by the importers: people merged across spellings, projects built from catalogs,
// problems, and the finishing steps (vacancies, one picked project).

#include "import_common.hpp"

#include "roles/roster/automation.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <limits>
#include <tuple>

#include <fmt/format.h>

#include "catalog_loader.hpp"
#include "roles/roster/loader.hpp"
#include "roles/util/text.hpp"
#include "yaml_reader.hpp"

namespace roles::roster {

namespace {

bool contains_folded(const std::vector<std::string>& items, const std::string& item) {
    const auto folded = util::to_lower_ascii(item);
    return std::any_of(items.begin(), items.end(),
                       [&](const std::string& existing) { return util::to_lower_ascii(existing) == folded; });
}

}  // namespace

std::string key_slug(std::string_view text) {
    std::string out;
    for (const unsigned char c : text) {
        const char lower = static_cast<char>(std::tolower(c));
        const bool keep = (lower >= 'a' && lower <= 'z') || (lower >= '0' && lower <= '9') || lower == '.' ||
                          lower == '_' || lower == '-';
        if (keep) {
            out.push_back(lower);
        } else if (!out.empty() && out.back() != '-') {
            out.push_back('-');
        }
    }
    while (!out.empty() && (out.back() == '-' || out.back() == '.')) out.pop_back();
    while (!out.empty() && (out.front() == '-' || out.front() == '.')) out.erase(out.begin());
    return out;
}

std::string email_key_hint(std::string_view email, std::string_view name) {
    static constexpr std::array<std::string_view, 24> k_generic{
        "admin", "code",    "contact", "dev",     "devel", "email", "foss",  "git",
        "hello", "hi",      "info",    "kernel",  "linux", "list",  "lists", "mail",
        "me",    "oss",     "opensource", "patches", "support", "team", "upstream", "maintainers"};
    const auto local = email.substr(0, email.find('@'));
    const bool generic = local.size() < 2 || std::find(k_generic.begin(), k_generic.end(),
                                                       util::to_lower_ascii(local)) != k_generic.end();
    if (generic && !util::trim(name).empty()) return std::string(name);
    return std::string(local);
}

std::string kebab_id(std::string_view text) {
    std::string out;
    for (const unsigned char c : text) {
        if (std::isalnum(c) && c < 0x80) {
            out.push_back(static_cast<char>(std::tolower(c)));
        } else if (!out.empty() && out.back() != '-') {
            out.push_back('-');
        }
    }
    while (!out.empty() && out.back() == '-') out.pop_back();
    return out;
}

bool plausible_email(std::string_view email) {
    const auto at = email.find('@');
    return at != std::string_view::npos && at > 0 && at + 1 < email.size() &&
           email.find('@', at + 1) == std::string_view::npos &&
           email.find_first_of(" \t<>,") == std::string_view::npos;
}

std::string PeopleRegistry::add(const Contact& contact) {
    if (const auto found = find(contact)) {
        merge(*found, contact);
        return m_people[*found].key;
    }
    Person person;
    person.key = unique_key(contact);
    person.name = contact.name.empty() ? person.key : contact.name;
    person.affiliation = contact.affiliation;
    const auto index = m_people.size();
    m_people.push_back(std::move(person));
    m_index.emplace(m_people.back().key, index);
    merge(index, contact);
    return m_people.back().key;
}

std::optional<std::size_t> PeopleRegistry::find(const Contact& contact) const {
    for (const auto& email : contact.emails) {
        if (auto it = m_by_email.find(util::to_lower_ascii(email)); it != m_by_email.end()) return it->second;
    }
    for (const auto& login : contact.logins) {
        if (auto it = m_by_login.find(util::to_lower_ascii(login)); it != m_by_login.end()) return it->second;
    }
    if (const auto name = util::normalize_name(contact.name); !name.empty()) {
        if (auto it = m_by_name.find(name); it != m_by_name.end()) return it->second;
    }
    return std::nullopt;
}

void PeopleRegistry::merge(std::size_t index, const Contact& contact) {
    Person& person = m_people[index];
    for (const auto& email : contact.emails) {
        if (!plausible_email(email) || contains_folded(person.emails, email)) continue;
        // An email already owned by someone else stays theirs: one email, one person.
        if (m_by_email.emplace(util::to_lower_ascii(email), index).second) person.emails.push_back(email);
    }
    for (const auto& login : contact.logins) {
        if (login.empty() || contains_folded(person.logins, login)) continue;
        if (m_by_login.emplace(util::to_lower_ascii(login), index).second) person.logins.push_back(login);
    }
    if (const auto name = util::normalize_name(contact.name); !name.empty()) {
        m_by_name.emplace(name, index);
        const bool known = contact.name == person.name ||
                           std::find(person.aliases.begin(), person.aliases.end(), contact.name) != person.aliases.end();
        if (!known) {
            if (person.name == person.key) {
                person.name = contact.name;  // the first real name met replaces the key
            } else {
                person.aliases.push_back(contact.name);
            }
        }
    }
    if (!person.affiliation && contact.affiliation) person.affiliation = contact.affiliation;
}

std::string PeopleRegistry::unique_key(const Contact& contact) const {
    auto base = key_slug(contact.key_hint);
    if (base.empty()) base = key_slug(util::normalize_name(contact.name));
    if (base.empty() && !contact.emails.empty()) base = key_slug(contact.emails.front());
    if (base.empty()) base = "person";
    if (!m_index.contains(base)) return base;
    // "john" taken: "john-example" (the first label of the email's domain) reads better than "john-2".
    if (!contact.emails.empty()) {
        const auto& email = contact.emails.front();
        const auto at = email.find('@');
        const auto domain = email.substr(at + 1, email.find('.', at + 1) - at - 1);
        const auto qualified = key_slug(base + "-" + domain);
        if (!qualified.empty() && !m_index.contains(qualified)) return qualified;
    }
    for (int n = 2;; ++n) {
        auto candidate = fmt::format("{}-{}", base, n);
        if (!m_index.contains(candidate)) return candidate;
    }
}

std::map<std::string, Person> PeopleRegistry::people() const {
    std::map<std::string, Person> out;
    for (const auto& person : m_people) out.emplace(person.key, person);
    return out;
}

util::Expected<const Catalog*> CatalogShelf::get(const std::string& name) {
    if (auto it = m_catalogs.find(name); it != m_catalogs.end()) return &it->second;
    auto catalog = load_catalog(name);
    if (!catalog) return std::unexpected(catalog.error());
    return &m_catalogs.emplace(name, std::move(*catalog)).first->second;
}

util::Expected<Project> project_from_catalogs(const std::string& name, const std::vector<std::string>& catalogs,
                                              CatalogShelf& shelf) {
    Project project;
    project.name = name;
    for (const auto& catalog_name : catalogs) {
        auto catalog = shelf.get(catalog_name);
        if (!catalog) return std::unexpected(catalog.error());
        for (const auto& def : (*catalog)->hats) {
            project.hats.push_back(Hat{def, {}, HolderSource::unlisted, {}, def.pos});
        }
    }
    return project;
}

Hat* find_hat(Project& project, std::string_view id) {
    const auto found = std::find_if(project.hats.begin(), project.hats.end(),
                                    [&](const Hat& hat) { return hat.def.id == id; });
    return found == project.hats.end() ? nullptr : &*found;
}

Hat& hat_or_define(Project& project, const std::string& id, const std::string& title, double effort) {
    if (Hat* existing = find_hat(project, id)) return *existing;
    HatDef def;
    def.id = id;
    def.title = title;
    def.required = false;
    def.effort = effort;
    project.hats.push_back(Hat{std::move(def), {}, HolderSource::unlisted, {}, {}});
    return project.hats.back();
}

void set_holders(Hat& hat, const std::vector<std::string>& keys) {
    hat.source = HolderSource::listed;
    for (const auto& key : keys) {
        const bool seen = std::any_of(hat.holders.begin(), hat.holders.end(),
                                      [&](const Holder& h) { return h.person == key && !h.until; });
        if (!seen) hat.holders.push_back(Holder{key, std::nullopt, std::nullopt, {}});
    }
}

Date unknown_term_end() { return Date{0}; }

void add_former_holders(Hat& hat, const std::vector<std::string>& keys) {
    hat.source = HolderSource::listed;
    for (const auto& key : keys) {
        const bool seen = std::any_of(hat.holders.begin(), hat.holders.end(),
                                      [&](const Holder& h) { return h.person == key && h.until; });
        if (!seen) hat.holders.push_back(Holder{key, std::nullopt, unknown_term_end(), {}});
    }
}

void ImportProblems::add(std::vector<Line>& to, int line, std::string_view message) const {
    to.push_back(Line{line, fmt::format("{}:{}: {}", m_file, line, message)});
}

std::vector<std::string> ImportProblems::sorted(std::vector<Line> lines) {
    std::stable_sort(lines.begin(), lines.end(), [](const Line& a, const Line& b) { return a.line < b.line; });
    std::vector<std::string> out;
    for (auto& line : lines) out.push_back(std::move(line.text));
    return out;
}

util::Error ImportProblems::failure(std::string_view kind) const {
    return util::Error{util::ErrorKind::input,
                       fmt::format("invalid {} file {}", kind, util::quoted(m_file)),
                       problem_count(m_errors.size()), sorted(m_errors)};
}

std::vector<std::string> ImportProblems::warnings() const { return sorted(m_warnings); }

namespace {

bool is_current(const Holder& holder, std::int64_t at) {
    if (holder.since && holder.since->seconds() > at) return false;
    return !holder.until || at < holder.until->seconds() + 86400;
}

// Far enough ahead that every term with an end has ended: what an import judges terms at.
constexpr std::int64_t k_far_future = std::numeric_limits<std::int64_t>::max() / 4;

std::vector<std::string> project_catalogs(const Project& project) {
    std::vector<std::string> names;
    for (const auto& hat : project.hats) {
        const auto& name = hat.def.catalog;
        if (!name.empty() && std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
    }
    return names;
}

bool answers_to(const std::string& wanted, const std::string& name, const std::vector<std::string>& others) {
    if (wanted == name || std::find(others.begin(), others.end(), wanted) != others.end()) return true;
    const auto folded = util::normalize_name(wanted);
    if (folded.empty()) return false;
    if (util::normalize_name(name) == folded) return true;
    return std::any_of(others.begin(), others.end(),
                       [&](const std::string& other) { return util::normalize_name(other) == folded; });
}

util::Expected<Roster> pick_project(const Roster& program, const std::string& wanted,
                                    const std::map<std::string, std::vector<std::string>>& other_names) {
    static const std::vector<std::string> k_none;
    std::vector<std::string> names;
    for (const auto& project : program.projects) {
        const auto others = other_names.find(project.name);
        if (!answers_to(wanted, project.name, others == other_names.end() ? k_none : others->second)) {
            names.push_back(project.name);
            continue;
        }
        Roster single = program;
        single.program = false;
        single.project = project.name;
        single.projects = {project};
        single.catalogs = project_catalogs(project);
        std::set<std::string> used;
        for (const auto& hat : project.hats) {
            for (const auto& holder : hat.holders) used.insert(holder.person);
        }
        std::erase_if(single.people, [&](const auto& entry) { return !used.contains(entry.first); });
        return single;
    }
    return util::fail(util::ErrorKind::usage, "picking a project",
                      "no project " + util::quoted(wanted) + " in the file" + did_you_mean(wanted, names));
}

}  // namespace

std::vector<Vacancy> vacant_hats(const Roster& roster, std::int64_t at) {
    std::vector<Vacancy> out;
    for (const auto& project : roster.projects) {
        for (const auto& hat : project.hats) {
            if (!hat.def.required || hat.source == HolderSource::unlisted) continue;
            const bool held = std::any_of(hat.holders.begin(), hat.holders.end(),
                                          [&](const Holder& h) { return is_current(h, at); });
            if (held) continue;
            out.push_back(Vacancy{project.name, hat.def.id,
                                  hat.source == HolderSource::fallback
                                      ? "falls back to vacant " + util::quoted(hat.fallback_from)
                                      : std::string("no holder")});
        }
    }
    return out;
}

std::vector<Seats> seats_by_person(const Roster& roster) {
    std::map<std::string, Seats> by_key;
    for (const auto& project : roster.projects) {
        std::set<std::string> in_project;
        for (const auto& hat : project.hats) {
            if (hat.source != HolderSource::listed) continue;
            std::set<std::string> in_hat;
            for (const auto& holder : hat.holders) {
                if (holder.until || !in_hat.insert(holder.person).second) continue;
                auto& seats = by_key[holder.person];
                seats.person = holder.person;
                ++seats.hats;
                if (in_project.insert(holder.person).second) ++seats.projects;
            }
        }
    }
    std::vector<Seats> out;
    for (auto& [key, seats] : by_key) out.push_back(std::move(seats));
    std::stable_sort(out.begin(), out.end(), [](const Seats& a, const Seats& b) {
        return std::tie(b.hats, b.projects) < std::tie(a.hats, a.projects);
    });
    return out;
}

// A published file is the record of what it tracks: a catalog hat it never mentions (no
// holder given, none borrowed through a fallback) cannot be called vacant from it, or every
// OpenStack team would show a vacant bug and gate liaison. Such hats stay in the roster,
// optional, for the project to fill in.
void mark_untracked_optional(std::vector<Hat>& hats) {
    for (auto& hat : hats) {
        if (hat.source != HolderSource::unlisted || !hat.def.required) continue;
        hat.def.required = false;
        hat.def.description += (hat.def.description.empty() ? "" : " ") +
                               std::string("(Not recorded in the imported file, so optional here.)");
    }
}

util::Expected<ImportResult> finish_import(Roster roster, const PeopleRegistry& people, const VacancyNotes& notes,
                                           std::vector<std::string> warnings, const ImportOptions& options,
                                           const std::map<std::string, std::vector<std::string>>& other_names) {
    roster.people = people.people();
    adopt_builtin_automation(roster);
    for (auto& project : roster.projects) {
        apply_fallbacks(project.hats);
        mark_untracked_optional(project.hats);
    }
    if (options.project) {
        auto single = pick_project(roster, *options.project, other_names);
        if (!single) return std::unexpected(single.error());
        roster = std::move(*single);
    }
    ImportResult result{std::move(roster), {}, std::move(warnings), {}};
    result.vacancies = vacant_hats(result.roster, k_far_future);
    for (auto& vacancy : result.vacancies) {
        if (auto note = notes.find({vacancy.project, vacancy.hat}); note != notes.end()) vacancy.reason = note->second;
    }
    return result;
}

util::Expected<ImportResult> import_roster_text(ImportKind kind, const std::string& text, const std::string& file_name,
                                                const ImportOptions& options) {
    return import_kind_info(kind).import(text, file_name, options);
}

util::Expected<ImportResult> import_roster_file(ImportKind kind, const std::string& path, const ImportOptions& options) {
    const auto text = read_text_file(path);
    if (!text) return util::fail(util::ErrorKind::input, "reading " + util::quoted(path), text.error());
    if (kind != ImportKind::owners || options.owners_aliases) return import_roster_text(kind, *text, path, options);
    auto aliases = owners_aliases_beside(path);
    if (!aliases) return std::unexpected(aliases.error());
    ImportOptions with_aliases = options;
    with_aliases.owners_aliases = std::move(*aliases);
    return import_roster_text(kind, *text, path, with_aliases);
}

}  // namespace roles::roster
