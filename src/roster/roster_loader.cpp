// Rosters (docs/roster-format.md): plain and program rosters, validated in one pass.

#include <filesystem>

#include "catalog_loader.hpp"
#include "roles/roster/automation.hpp"
#include "people_reader.hpp"
#include "project_builder.hpp"
#include "roles/roster/loader.hpp"
#include "roles/util/text.hpp"
#include "settings_reader.hpp"

namespace roles::roster {

namespace fs = std::filesystem;

namespace {

const std::vector<std::string> k_roster_keys{"project",    "projects",   "catalogs", "window", "stale_after",
                                             "automation", "bots",       "thresholds", "hats", "people"};
const std::vector<std::string> k_project_keys{"hats", "repos", "catalogs"};

// Everything that the projects of one roster share.
struct Shared {
    const Doc& doc;
    std::vector<Scalar> catalogs;
    std::map<std::string, Person> people;
    CatalogCache cache;
};

std::vector<Scalar> read_catalog_refs(const Doc& doc, const Entry* entry) {
    // The default of docs/roster-format.md, "Top-level keys".
    if (entry == nullptr) return {Scalar{"generic", YAML::Mark{}}};
    return read_scalars(doc, *entry).value_or(std::vector<Scalar>{});
}

// A plain roster without `project:` is named after the directory that holds it.
std::string directory_name(const std::string& file) {
    std::error_code ec;
    const auto absolute = fs::absolute(fs::path(file), ec);
    const auto name = ec ? std::string{} : absolute.parent_path().filename().string();
    return name.empty() ? std::string("project") : name;
}

std::string relative_base(const std::string& file) {
    const auto parent = fs::path(file).parent_path();
    return parent.empty() ? std::string(".") : parent.string();
}

Project read_one_project(Shared& shared, const Entry& entry) {
    const Doc& doc = shared.doc;
    ProjectInput input{entry.key, doc.pos(entry.key_node.Mark()), nullptr, shared.catalogs, {}};
    std::vector<Entry> fields;
    if (expect_map(doc, entry) && entry.value.IsMap()) {
        fields = map_entries(doc, entry.value, "in project " + util::quoted(entry.key), k_project_keys);
    }
    input.hats = find_entry(fields, "hats");
    if (const auto* catalogs = find_entry(fields, "catalogs"))
        input.catalogs = read_catalog_refs(doc, catalogs);
    if (const auto* repos = find_entry(fields, "repos"))
        input.repos = read_strings(doc, *repos).value_or(std::vector<std::string>{});
    return build_project(doc, input, shared.people, shared.cache);
}

void read_program(Shared& shared, const std::vector<Entry>& top, const Entry& projects, Roster& roster) {
    const Doc& doc = shared.doc;
    roster.program = true;
    if (find_entry(top, "project") != nullptr) {
        doc.error(projects.key_node.Mark(), "'project' and 'projects' cannot be used together");
    }
    if (const auto* hats = find_entry(top, "hats")) {
        doc.error(hats->key_node.Mark(),
                  "top-level 'hats' cannot be used with 'projects' (give each project its own 'hats')");
    }
    if (!expect_map(doc, projects)) return;
    const auto entries = map_entries(doc, projects.value, "in 'projects'", std::nullopt);
    if (entries.empty()) doc.error(projects.key_node.Mark(), "'projects' lists no project");
    for (const auto& entry : entries) roster.projects.push_back(read_one_project(shared, entry));
}

void read_single_project(Shared& shared, const std::vector<Entry>& top, Roster& roster,
                         const RosterContext& context) {
    const Doc& doc = shared.doc;
    roster.project = context.default_project.empty() ? directory_name(doc.file) : context.default_project;
    SourcePos pos = doc.pos(YAML::Mark{});
    if (const auto* name = find_entry(top, "project")) {
        if (auto text = read_string(doc, *name)) roster.project = *text;
        pos = doc.pos(name->key_node.Mark());
    }
    const ProjectInput input{roster.project, pos, find_entry(top, "hats"), shared.catalogs, {}};
    roster.projects.push_back(build_project(doc, input, shared.people, shared.cache));
}

void read_roster(const Doc& doc, const YAML::Node& root, Roster& roster, const RosterContext& context) {
    const auto top = map_entries(doc, root, "at the top level", k_roster_keys);
    read_settings(doc, top, roster);
    Shared shared{
        doc, read_catalog_refs(doc, find_entry(top, "catalogs")), {}, CatalogCache(context.read ? "." : relative_base(doc.file), context)};
    for (const auto& ref : shared.catalogs) roster.catalogs.push_back(ref.text);
    if (const auto* people = find_entry(top, "people")) shared.people = read_people(doc, *people);
    if (const auto* projects = find_entry(top, "projects")) {
        read_program(shared, top, *projects, roster);
    } else {
        read_single_project(shared, top, roster, context);
    }
    roster.people = std::move(shared.people);
}

}  // namespace

util::Expected<Roster> parse_roster(const std::string& text, const std::string& file_name,
                                    const RosterContext& context) {
    Problems errors;
    Problems warnings;
    const Doc doc{file_name, errors, warnings};
    Roster roster;
    roster.file = file_name;
    if (const auto root = load_document(doc, text, "roster")) read_roster(doc, *root, roster, context);
    if (!errors.empty()) {
        return std::unexpected(util::Error{util::ErrorKind::input,
                                           "invalid roster " + util::quoted(file_name),
                                           problem_count(errors.size()), errors.lines()});
    }
    roster.warnings = warnings.lines();
    adopt_builtin_automation(roster);
    return roster;
}

util::Expected<Roster> load_roster(const std::string& path, const RosterContext& context) {
    const auto text = read_text_file(path);
    if (!text)
        return util::fail(util::ErrorKind::input, "reading roster " + util::quoted(path), text.error());
    return parse_roster(*text, path, context);
}

util::Expected<Roster> discovery_roster() { return catalog_roster("generic", ""); }

util::Expected<Roster> catalog_roster(const std::string& catalog_name, const std::string& project_name) {
    auto catalog = load_catalog(catalog_name);
    if (!catalog) return std::unexpected(catalog.error());
    Roster roster;
    roster.catalogs = {catalog_name};
    roster.project = project_name;
    Project project;
    project.name = project_name;
    for (const auto& def : catalog->hats) {
        project.hats.push_back(Hat{def, {}, HolderSource::unlisted, {}, def.pos});
    }
    apply_fallbacks(project.hats);
    roster.projects.push_back(std::move(project));
    adopt_builtin_automation(roster);
    return roster;
}

Roster single_project(const Roster& program, std::size_t index) {
    Roster roster = program;
    roster.projects = {program.projects.at(index)};
    roster.project = roster.projects.front().name;
    roster.program = false;
    return roster;
}

}  // namespace roles::roster
