// `roles import KIND FILE` and the roster of `roles audit --import KIND:FILE`.

#include <algorithm>
#include <cstdio>
#include <filesystem>

#include <fmt/format.h>

#include "command_table.hpp"
#include "roles/cli/commands.hpp"
#include "roles/cli/output.hpp"
#include "roles/git/graph.hpp"
#include "roles/roster/import.hpp"
#include "roles/roster/loader.hpp"
#include "roles/roster/writer.hpp"
#include "roles/util/text.hpp"

namespace roles::cli {
namespace {

namespace fs = std::filesystem;

// "openstack, kubernetes, maintainers or codeowners", from the import table.
std::string kind_list() {
    std::string out;
    const auto names = roster::import_kind_names();
    for (std::size_t i = 0; i < names.size(); ++i) {
        out += (i == 0 ? "" : i + 1 == names.size() ? " or " : ", ") + names[i];
    }
    return out;
}

util::Expected<const roster::ImportKindInfo*> kind_named(const std::string& name) {
    if (auto kind = roster::parse_import_kind(name)) return &roster::import_kind_info(*kind);
    const auto names = roster::import_kind_names();
    const auto suggestion = util::closest_match(name, names);
    return util::fail(util::ErrorKind::usage, "import",
                      "unknown kind " + util::quoted(name) +
                          (suggestion ? " (did you mean " + util::quoted(*suggestion) + "?)"
                                      : " (expected " + kind_list() + ")"));
}

// The pick option of a kind (--team of openstack, --group of kubernetes); one at most, and only
// the kind's own.
util::Expected<roster::ImportOptions> pick_of(const Options& options, const roster::ImportKindInfo& kind) {
    roster::ImportOptions out;
    if (options.picks.size() > 1) {
        return util::fail(util::ErrorKind::usage, "import",
                          "give --" + options.picks.begin()->first + " or --" + options.picks.rbegin()->first +
                              ", not both");
    }
    if (options.picks.empty()) return out;
    const auto& [pick, value] = *options.picks.begin();
    if (pick != kind.pick) {
        std::string owner;
        for (const auto& other : roster::import_kinds()) {
            if (other.pick == pick) owner = std::string(other.name);
        }
        const std::string own = kind.pick.empty() ? "keeps every project" : "takes --" + std::string(kind.pick);
        return util::fail(util::ErrorKind::usage, "--" + pick,
                          "is for " + owner + " imports; a " + std::string(kind.name) + " import " + own);
    }
    out.project = value;
    return out;
}

void print_warnings(const Options& options, const std::vector<std::string>& warnings) {
    if (options.quiet) return;
    for (const auto& warning : warnings) std::fprintf(stderr, "roles: warning: %s\n", warning.c_str());
}

struct Imported {
    roster::ImportResult result;
    std::string text;      ///< the roster file
    roster::Roster loaded;  ///< `text` loaded back: what `--roster` on the written file gives
};

// Imports, writes, and loads the written roster back: nothing is written or audited that the
// roster loader would refuse.
util::Expected<Imported> import_checked(const Options& options, const std::string& kind_name, const std::string& file,
                                        const std::string& written_as) {
    auto kind = kind_named(kind_name);
    if (!kind) return std::unexpected(kind.error());
    auto pick = pick_of(options, **kind);
    if (!pick) return std::unexpected(pick.error());
    auto result = roster::import_roster_file((*kind)->kind, file, *pick);
    if (!result) return std::unexpected(result.error());
    roster::WriteOptions write;
    write.comments = {fmt::format("Imported with: roles import {} {}", kind_name, file),
                      "The mapping is described in the roles README, \"Importing published rosters\"."};
    auto text = roster::write_roster(result->roster, write);
    if (!text) return std::unexpected(text.error());
    auto loaded = roster::parse_roster(*text, written_as);
    if (!loaded) {
        auto error = loaded.error();
        error.kind = util::ErrorKind::internal;
        error.context = "the roster imported from " + util::quoted(file) + " does not load back";
        return std::unexpected(error);
    }
    return Imported{std::move(*result), std::move(*text), std::move(*loaded)};
}

std::string summary(const roster::ImportResult& result, const std::string& file) {
    const auto seats = roster::seats_by_person(result.roster);
    int held = 0;
    for (const auto& person : seats) held += person.hats;
    return fmt::format("roles: imported {} project{} from {}: {} seat{} held by {} {}, {} vacant hat{}",
                       result.roster.projects.size(), result.roster.projects.size() == 1 ? "" : "s",
                       util::quoted(file), held, held == 1 ? "" : "s", seats.size(),
                       seats.size() == 1 ? "person" : "people", result.vacancies.size(),
                       result.vacancies.size() == 1 ? "" : "s");
}

// "openstack/nova" of "https://opendev.org/openstack/nova.git" or "git@github.com:rails/rails".
std::optional<std::string> owner_and_name(std::string url) {
    while (!url.empty() && url.back() == '/') url.pop_back();
    if (url.ends_with(".git")) url.resize(url.size() - 4);
    const auto last = url.find_last_of("/:");
    if (last == std::string::npos || last == 0) return std::nullopt;
    const auto owner = url.find_last_of("/:", last - 1);
    return url.substr(owner == std::string::npos ? 0 : owner + 1);
}

// The names REPO goes by: its origin's owner/name, and its folder's name.
std::vector<std::string> repository_names(const std::string& repo) {
    std::vector<std::string> names;
    if (auto graph = git::RepositoryGraph::open(repo)) {
        if (const auto url = graph->remote_url("origin")) {
            if (auto name = owner_and_name(*url)) names.push_back(std::move(*name));
        }
    }
    names.push_back(repository_name(repo));
    return names;
}

// Without --team, `audit REPO --import openstack:FILE` audits the team whose deliverables
// include REPO, or says why none could be chosen.
util::Expected<std::string> team_of_repository(const Options& options, const Imported& whole, const std::string& file) {
    const auto names = repository_names(options.repo);
    const auto teams = roster::projects_with_repository(whole.result, names);
    std::string tried;
    for (const auto& name : names) tried += (tried.empty() ? "" : ", ") + util::quoted(name);
    if (teams.size() == 1) return teams.front();
    if (teams.empty()) {
        return util::fail(util::ErrorKind::usage, "--import",
                          fmt::format("no team of {} lists a deliverable repository named {} (the names of repository "
                                      "{}); give --team NAME",
                                      util::quoted(file), tried, util::quoted(options.repo)));
    }
    std::string listed;
    for (const auto& team : teams) listed += (listed.empty() ? "" : ", ") + team;
    return util::fail(util::ErrorKind::usage, "--import",
                      fmt::format("repository {} ({}) is a deliverable of several teams of {} ({}); give --team NAME",
                                  util::quoted(options.repo), tried, util::quoted(file), listed));
}

// The first project of `roster` one of whose hats `key` holds, if any.
const roster::Project* project_holding(const roster::Roster& roster, const std::string& key) {
    for (const auto& project : roster.projects) {
        for (const auto& hat : project.hats) {
            if (std::ranges::any_of(hat.holders, [&](const roster::Holder& h) { return h.person == key; }))
                return &project;
        }
    }
    return nullptr;
}

// The roster loaded back from the import's YAML carries that YAML's lines, which no reader can
// open: findings (SARIF, GitHub annotations, Code Quality) must point at the published FILE.
// Each project and every one of its hats take the position the importer recorded for the
// project there (the team, group, section or rule it read): that entry is where holders are
// added or fixed, even for a hat only its catalog defines or one filled by a fallback. Each
// person takes the position of the first project naming them.
void point_at_source(roster::Roster& loaded, const roster::Roster& source, const std::string& file) {
    const std::string written = loaded.file;
    const roster::SourcePos top{file, 1, 1};
    loaded.file = file;
    for (auto& project : loaded.projects) {
        const auto it = std::ranges::find(source.projects, project.name, &roster::Project::name);
        const auto at = it != source.projects.end() && it->pos.line > 0 ? it->pos : top;
        project.pos = at;
        for (auto& hat : project.hats) hat.pos = at;
    }
    for (auto& [key, person] : loaded.people) {
        if (person.pos.file != written) continue;
        const auto* project = project_holding(loaded, key);
        person.pos = project != nullptr ? project->pos : top;
    }
}

}  // namespace

util::Expected<util::ExitCode> run_import(const Options& options) {
    if (options.output && fs::exists(*options.output) && !options.force) {
        return util::fail(util::ErrorKind::usage, "import",
                          util::quoted(*options.output) + " exists; use --force to replace it");
    }
    auto imported = import_checked(options, options.import_kind, options.import_file,
                                   options.output.value_or("<stdout>"));
    if (!imported) return std::unexpected(imported.error());
    print_warnings(options, imported->result.warnings);
    if (auto written = emit(options, imported->text); !written) return std::unexpected(written.error());
    if (!options.quiet) std::fprintf(stderr, "%s\n", summary(imported->result, options.import_file).c_str());
    return util::ExitCode::ok;
}

util::Expected<roster::Roster> roster_from_import(const Options& options) {
    const auto& spec = options.import_spec.value_or("");
    const auto colon = spec.find(':');
    if (colon == std::string::npos || colon == 0 || colon + 1 == spec.size()) {
        return util::fail(util::ErrorKind::usage, "--import",
                          "expected KIND:FILE (e.g. openstack:projects.yaml), got " + util::quoted(spec));
    }
    const auto kind = spec.substr(0, colon);
    const auto file = spec.substr(colon + 1);
    auto imported = import_checked(options, kind, file, spec);
    if (!imported) return std::unexpected(imported.error());
    const auto* info = &roster::import_kind_info(*roster::parse_import_kind(kind));
    if (info->by_repository == roster::PickByRepository::yes && !options.picks.contains(std::string(info->pick))) {
        auto team = team_of_repository(options, *imported, file);
        if (!team) return std::unexpected(team.error());
        Options picked = options;
        picked.picks[std::string(info->pick)] = *team;
        imported = import_checked(picked, kind, file, spec);
        if (!imported) return std::unexpected(imported.error());
        if (!options.quiet) {
            std::fprintf(stderr, "roles: analysing %s %s of %s: its repositories include this repository\n",
                         std::string(info->pick).c_str(), util::quoted(*team).c_str(), util::quoted(file).c_str());
        }
    }
    print_warnings(options, imported->result.warnings);
    point_at_source(imported->loaded, imported->result.roster, file);
    return std::move(imported->loaded);
}

namespace {

void add_import_options(CommandBuilder& builder) {
    auto& app = builder.app;
    auto& options = builder.options;
    const auto kinds = roster::import_kind_names();
    std::string help;
    for (const auto& kind : roster::import_kinds()) {
        help += (help.empty() ? "" : ", ") + std::string(kind.name) + " (" + std::string(kind.source) + ")";
    }
    auto* kind = app.add_option("KIND", options.import_kind, "what FILE is: " + help)
                     ->required()
                     ->check(CLI::IsMember(std::vector<std::string>(kinds.begin(), kinds.end())))
                     ->type_name("KIND");
    builder.notes.set_choices(kind, {kinds.begin(), kinds.end()});
    app.add_option("FILE", options.import_file, "the published roster file")->required()->type_name("FILE");
    app.add_option("-o,--output", options.output, "write the roster to FILE instead of stdout")->type_name("FILE");
    app.add_flag("--force", options.force, "replace the -o file when it exists");
    app.add_flag("-q,--quiet", options.quiet, "no warnings or summary on stderr");
    add_import_picks(builder);
}

}  // namespace

const CommandSpec k_import_command{
    "import",
    "turn a published roster into a roles roster",
    HistoryOptions::none,
    nullptr,
    add_import_options,
    run_import,
    "Examples:\n  roles import openstack projects.yaml -o programs.yaml\n"
    "  roles import openstack projects.yaml --team nova -o ROLES.yaml\n"
    "  roles import kubernetes sigs.yaml --group sig-node\n"
    "  roles import maintainers MAINTAINERS -o kernel.yaml\n"
    "  roles import codeowners .github/CODEOWNERS",
};

}  // namespace roles::cli
