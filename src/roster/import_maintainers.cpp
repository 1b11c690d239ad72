// The Linux kernel MAINTAINERS file: each section (a title line, then `X:<tab>value` lines,
// then a blank line) becomes a project whose `maintainer` and `reviewer` hats hold the
// people of its M: and R: lines, with its F: patterns as their area. The file is line-based
// text, read line by line as get_maintainer.pl reads it; prose blocks (the preamble) have no
// field lines and are skipped.

#include <algorithm>
#include <set>
#include <string_view>

#include <fmt/format.h>
#include <re2/re2.h>

#include "import_common.hpp"
#include "roles/util/text.hpp"
#include "yaml_reader.hpp"

namespace roles::roster {

namespace {

constexpr std::string_view k_known_fields = "MRLSWQBCPTFXNK";

struct Field {
    char letter = 0;
    std::string value;
    int line = 0;
};

struct Section {
    std::string title;
    int line = 0;
    std::vector<Field> fields;
};

bool is_field(std::string_view line) {
    return line.size() >= 2 && line[0] >= 'A' && line[0] <= 'Z' && line[1] == ':';
}

std::vector<std::string_view> split_lines(std::string_view text) {
    std::vector<std::string_view> lines;
    std::size_t begin = 0;
    while (begin < text.size()) {
        auto end = text.find('\n', begin);
        if (end == std::string_view::npos) end = text.size();
        auto line = text.substr(begin, end - begin);
        if (line.ends_with('\r')) line.remove_suffix(1);
        lines.push_back(line);
        begin = end + 1;
    }
    return lines;
}

// One block of non-blank lines starting at `first` (0-based): a section when it has field
// lines, prose otherwise.
void read_block(const std::vector<std::string_view>& lines, std::size_t first, std::size_t end,
                std::vector<Section>& sections, ImportProblems& problems) {
    const auto line_no = [](std::size_t index) { return static_cast<int>(index) + 1; };
    const auto has_field = std::any_of(lines.begin() + static_cast<std::ptrdiff_t>(first),
                                       lines.begin() + static_cast<std::ptrdiff_t>(end), is_field);
    if (!has_field) return;
    if (is_field(lines[first])) {
        problems.error(line_no(first), fmt::format("'{}' line outside a section (a section starts with its title "
                                                   "line, after a blank line)", lines[first].substr(0, 2)));
        return;
    }
    Section section{std::string(util::trim(lines[first])), line_no(first), {}};
    for (std::size_t i = first + 1; i < end; ++i) {
        const auto line = lines[i];
        if (!is_field(line)) {
            problems.error(line_no(i), "expected a field line (a letter, ':' and a value) or a blank line, got " +
                                           util::quoted(util::trim(line)));
            continue;
        }
        const auto value = std::string(util::trim(line.substr(2)));
        if (value.empty()) {
            problems.error(line_no(i), fmt::format("empty '{}' line", line.substr(0, 2)));
            continue;
        }
        if (k_known_fields.find(line[0]) == std::string_view::npos) {
            problems.warn(line_no(i), fmt::format("unknown field '{}' in section {} ignored", line.substr(0, 2),
                                                  util::quoted(section.title)));
            continue;
        }
        section.fields.push_back(Field{line[0], value, line_no(i)});
    }
    sections.push_back(std::move(section));
}

std::vector<Section> read_sections(std::string_view text, ImportProblems& problems) {
    const auto lines = split_lines(text);
    std::vector<Section> sections;
    std::size_t i = 0;
    while (i < lines.size()) {
        if (util::trim(lines[i]).empty()) {
            ++i;
            continue;
        }
        std::size_t end = i;
        while (end < lines.size() && !util::trim(lines[end]).empty()) ++end;
        read_block(lines, i, end, sections, problems);
        i = end;
    }
    return sections;
}

// The address of an L: line ("linux-arm-kernel@lists.infradead.org (moderated ...)").
std::string list_address(std::string_view value) {
    const auto end = value.find_first_of(" \t");
    return util::to_lower_ascii(value.substr(0, end));
}

// Mailing-list hosts, for list addresses that no L: line of the file names.
bool list_host(std::string_view address) {
    const auto at = address.find('@');
    const auto host = at == std::string_view::npos ? std::string_view{} : address.substr(at + 1);
    return host == "vger.kernel.org" || host.starts_with("lists.") || host.find(".lists.") != std::string_view::npos ||
           host == "googlegroups.com" || host.ends_with(".googlegroups.com");
}

// Who a section's M: or R: line names: a person, or a list (not a person).
struct Entrant {
    std::string name;
    std::string email;
    bool list = false;
};

std::optional<Entrant> read_entrant(const Field& field, const std::set<std::string>& lists,
                                    ImportProblems& problems) {
    // "Name <address> (comment)", "\"Last, First\" <address>", or a bare "address".
    static const RE2 k_named(R"re(\s*(?:"([^"]*)"|([^<>"]*?))\s*<([^<>\s]+)>\s*(?:\(.*\))?\s*)re");
    static const RE2 k_bare(R"re(\s*([^<>\s"()]+)\s*(?:\(.*\))?\s*)re");
    std::string quoted_name, name, email;
    if (!RE2::FullMatch(field.value, k_named, &quoted_name, &name, &email) &&
        !RE2::FullMatch(field.value, k_bare, &email)) {
        email.clear();
    }
    if (!plausible_email(email)) {
        problems.error(field.line, fmt::format("expected 'Name <address>' or an address after '{}:', got {}",
                                               field.letter, util::quoted(field.value)));
        return std::nullopt;
    }
    Entrant entrant{quoted_name.empty() ? name : quoted_name, email, false};
    const auto folded = util::to_lower_ascii(email);
    entrant.list = lists.contains(folded) || list_host(folded);
    return entrant;
}

// What a section's S: lines say, as keywords: "Orphan / Obsolete" is both, a qualifier in
// parentheses is dropped, case is ignored; anything else is kept as written.
struct Status {
    std::vector<std::string> written;
    std::set<std::string> keywords;
    std::vector<std::string> unknown;
};

Status read_status(const Section& section, ImportProblems& problems) {
    static const std::set<std::string, std::less<>> k_known{"supported", "maintained", "odd fixes", "orphan",
                                                            "obsolete"};
    Status status;
    for (const auto& field : section.fields) {
        if (field.letter != 'S') continue;
        status.written.push_back(field.value);
        auto text = util::to_lower_ascii(field.value);
        if (const auto paren = text.find('('); paren != std::string::npos) text.resize(paren);
        std::size_t begin = 0;
        while (begin <= text.size()) {
            const auto slash = std::min(text.find('/', begin), text.size());
            const auto word = std::string(util::trim(std::string_view(text).substr(begin, slash - begin)));
            if (k_known.contains(word)) {
                status.keywords.insert(word);
            } else if (!word.empty()) {
                status.unknown.push_back(field.value);
                problems.warn(field.line, "unknown status " + util::quoted(field.value) + " kept as written");
            }
            begin = slash + 1;
        }
    }
    return status;
}

// The state of a section's maintainer hat, from its statuses.
enum class Standing { normal, orphan, obsolete };

Standing standing_of(const Status& status) {
    if (status.keywords.contains("obsolete")) return Standing::obsolete;  // retired: never flagged
    const bool all_orphan = status.keywords.size() == 1 && status.keywords.contains("orphan") && status.unknown.empty();
    return all_orphan ? Standing::orphan : Standing::normal;
}

std::vector<std::string> values(const Section& section, char letter) {
    std::vector<std::string> out;
    for (const auto& field : section.fields) {
        if (field.letter == letter) out.push_back(field.value);
    }
    return out;
}

// Status, lists, X: and N: patterns: what the roster has no field for, kept in words.
std::string describe_section(const Section& section, const Status& status, const std::vector<std::string>& mlists) {
    std::vector<std::string> parts;
    if (!status.written.empty()) parts.push_back("Status: " + join(status.written) + ".");
    auto lists = values(section, 'L');
    lists.insert(lists.end(), mlists.begin(), mlists.end());
    if (!lists.empty()) parts.push_back("Lists: " + join(lists) + ".");
    if (const auto x = values(section, 'X'); !x.empty()) parts.push_back("Excluded files (X:): " + join(x) + ".");
    if (const auto n = values(section, 'N'); !n.empty()) parts.push_back("File regexes (N:): " + join(n) + ".");
    std::string text;
    for (const auto& part : parts) text += (text.empty() ? "" : " ") + part;
    return text;
}

class SectionReader {
public:
    SectionReader(PeopleRegistry& people, CatalogShelf& shelf, VacancyNotes& notes, ImportProblems& problems,
                  std::set<std::string> lists)
        : m_people(people), m_shelf(shelf), m_notes(notes), m_problems(problems), m_lists(std::move(lists)) {}

    util::Expected<Project> read(const Section& section, const std::string& name);

private:
    // People and list addresses of a section's M: or R: lines.
    std::pair<std::vector<std::string>, std::vector<std::string>> entrants(const Section& section, char letter);
    void fill_maintainer(Hat& hat, const Section& section, const std::string& name);

    PeopleRegistry& m_people;
    CatalogShelf& m_shelf;
    VacancyNotes& m_notes;
    ImportProblems& m_problems;
    std::set<std::string> m_lists;
};

std::pair<std::vector<std::string>, std::vector<std::string>> SectionReader::entrants(const Section& section,
                                                                                      char letter) {
    std::vector<std::string> keys, lists;
    for (const auto& field : section.fields) {
        if (field.letter != letter) continue;
        const auto entrant = read_entrant(field, m_lists, m_problems);
        if (!entrant) continue;
        if (entrant->list) {
            lists.push_back(entrant->email);
            continue;
        }
        keys.push_back(m_people.add(
            Contact{entrant->name, {entrant->email}, {}, std::nullopt, email_key_hint(entrant->email, entrant->name)}));
    }
    return {keys, lists};
}

util::Expected<Project> SectionReader::read(const Section& section, const std::string& name) {
    auto project = project_from_catalogs(name, {"maintainers"}, m_shelf);
    if (!project) return std::unexpected(project.error());
    project->pos = SourcePos{m_problems.file(), section.line, 1};
    const auto files = values(section, 'F');
    for (auto& hat : project->hats) {
        hat.def.area = files;
        if (hat.def.id == "maintainer") {
            // The catalog's activity kinds, on the section's files; a section without F: lines
            // has no evidence (the kinds alone would make every commit of the repository count).
            if (files.empty()) hat.def.evidence = EvidenceRules{};
            hat.def.evidence.paths = files;
            fill_maintainer(hat, section, name);
        } else if (hat.def.id == "reviewer") {
            if (const auto reviewers = entrants(section, 'R').first; !reviewers.empty()) set_holders(hat, reviewers);
        }
    }
    return std::move(*project);
}

void SectionReader::fill_maintainer(Hat& hat, const Section& section, const std::string& name) {
    const auto status = read_status(section, m_problems);
    const auto [maintainers, lists] = entrants(section, 'M');
    if (const auto text = describe_section(section, status, lists); !text.empty()) hat.def.description = text;
    switch (standing_of(status)) {
        case Standing::orphan:
            set_holders(hat, {});
            add_former_holders(hat, maintainers);  // still named, but the status says nobody looks after it
            m_notes[{name, "maintainer"}] = "S: " + join(status.written);
            return;
        case Standing::obsolete:
            hat.def.required = false;
            break;
        case Standing::normal:
            // No named maintainer but not Orphan: looked after through its lists, not vacant.
            if (maintainers.empty()) hat.def.required = false;
            break;
    }
    if (!maintainers.empty()) set_holders(hat, maintainers);
}

// Every address that an L: line names, lowercased.
std::set<std::string> list_addresses(const std::vector<Section>& sections) {
    std::set<std::string> lists;
    for (const auto& section : sections) {
        for (const auto& field : section.fields) {
            if (field.letter == 'L') lists.insert(list_address(field.value));
        }
    }
    return lists;
}

}  // namespace

util::Expected<ImportResult> import_maintainers(const std::string& text, const std::string& file,
                                                const ImportOptions& options) {
    ImportProblems problems(file);
    const auto sections = read_sections(text, problems);
    if (sections.empty() && !problems.has_errors()) problems.error(1, "the file has no section");
    Roster roster;
    roster.file = file;
    roster.program = true;
    roster.catalogs = {"maintainers"};
    PeopleRegistry people;
    CatalogShelf shelf;
    VacancyNotes notes;
    SectionReader reader(people, shelf, notes, problems, list_addresses(sections));
    std::map<std::string, int> seen;
    for (const auto& section : sections) {
        auto name = section.title;
        if (const auto [first, inserted] = seen.emplace(name, section.line); !inserted) {
            problems.warn(section.line, fmt::format("section {} repeats the one at line {}; named {}",
                                                    util::quoted(name), first->second,
                                                    util::quoted(fmt::format("{} (line {})", name, section.line))));
            name = fmt::format("{} (line {})", name, section.line);
        }
        auto project = reader.read(section, name);
        if (!project) return std::unexpected(project.error());
        roster.projects.push_back(std::move(*project));
    }
    if (problems.has_errors()) return std::unexpected(problems.failure("MAINTAINERS"));
    return finish_import(std::move(roster), people, notes, problems.warnings(), options, {});
}

}  // namespace roles::roster
