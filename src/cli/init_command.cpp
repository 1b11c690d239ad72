// `roles init [REPO]`: drafts a ROLES.yaml from the repository's history and maintainer files.

#include <cstdio>
#include <filesystem>

#include "command_table.hpp"
#include "roles/cli/commands.hpp"
#include "roles/cli/output.hpp"
#include "roles/engine/init.hpp"
#include "roles/git/graph.hpp"
#include "roles/git/loader.hpp"
#include "roles/report/init.hpp"
#include "roles/roster/import.hpp"
#include "roles/roster/loader.hpp"
#include "roles/util/lifetime.hpp"
#include "roles/util/text.hpp"

namespace roles::cli {
namespace {

namespace fs = std::filesystem;

// Where the draft goes: -o FILE, stdout for `-o -`, else ROLES.yaml at the work tree's root.
util::Expected<std::optional<std::string>> target_of(const Options& options) {
    if (options.output) {
        if (*options.output == "-") return std::optional<std::string>{};
        return options.output;
    }
    auto workdir = git::find_workdir(options.repo);
    if (!workdir) return std::unexpected(workdir.error());
    if (workdir->empty()) {
        return util::fail(util::ErrorKind::usage, "init",
                          "the repository " + util::quoted(options.repo) +
                              " has no work tree to write ROLES.yaml into: give -o FILE, or -o - for stdout");
    }
    return std::optional<std::string>((fs::path(*workdir) / "ROLES.yaml").lexically_normal().string());
}

// The project's name: --project, else the repository's.
std::string project_name(const Options& options) {
    return options.project ? *options.project : repository_name(options.repo);
}

void warn_not_imported(const Options& options, const std::string& path, const util::Error& error) {
    if (options.quiet) return;
    std::fprintf(stderr, "roles: warning: %s was not imported: %s\n", util::quoted(path).c_str(),
                 error.message().c_str());
    for (const auto& detail : error.details) std::fprintf(stderr, "  %s\n", detail.c_str());
}

// The OWNERS_ALIASES an OWNERS file names aliases from, read from HEAD; one that cannot be
// read is a warning, and the import then takes every entry as a login.
roster::ImportOptions companion_of(const Options& options, const git::RepositoryGraph& graph, const git::History& history,
                                   const engine::RosterFile& file) {
    roster::ImportOptions import_options;
    if (file.companion.empty()) return import_options;
    auto companion = graph.file_at(history.head_id, file.companion);
    if (!companion) {
        warn_not_imported(options, file.companion, companion.error());
    } else if (*companion) {
        import_options.owners_aliases = roster::CompanionFile{file.companion, std::move(**companion)};
    }
    return import_options;
}

// Each maintainer file at HEAD, imported; one that cannot be read or parsed is a warning.
std::vector<engine::ImportedFile> import_files(const Options& options, const git::History& history) {
    std::vector<engine::ImportedFile> imported;
    const auto files = engine::find_roster_files(history);
    if (files.empty()) return imported;
    auto graph = git::RepositoryGraph::open(history.repo_path);
    for (const auto& file : files) {
        if (!graph) {
            warn_not_imported(options, file.path, graph.error());
            continue;
        }
        auto text = graph->file_at(history.head_id, file.path);
        if (!text || !*text) {
            if (!text) warn_not_imported(options, file.path, text.error());
            continue;
        }
        const auto import_options = companion_of(options, *graph, history, file);
        auto result = roster::import_roster_text(file.kind, **text, file.path, import_options);
        if (!result) {
            warn_not_imported(options, file.path, result.error());
            continue;
        }
        if (!options.quiet) {
            for (const auto& warning : result->warnings)
                std::fprintf(stderr, "roles: warning: %s\n", warning.c_str());
        }
        imported.push_back(engine::ImportedFile{file, std::move(*result)});
    }
    return imported;
}

util::Expected<engine::InitDraft> draft_for(const Options& options, const ProjectInputs& inputs) {
    const auto catalog = options.catalog
                             ? engine::CatalogChoice{*options.catalog, engine::CatalogSource::given}
                             : engine::detect_catalog(inputs.history);
    auto base = roster::catalog_roster(catalog.name, project_name(options));
    if (!base) return std::unexpected(base.error());
    engine::InitInput input{inputs.history, std::move(*base), catalog, import_files(options, inputs.history),
                            inputs.request};
    return engine::draft_roster(input);
}

}  // namespace

std::string repository_name(const std::string& repo) {
    auto workdir = git::find_workdir(repo);
    // A bare repository (or a path that is none) is named by the folder given.
    fs::path folder = workdir && !workdir->empty() ? fs::path(*workdir) : fs::path(repo);
    std::error_code error;
    folder = fs::weakly_canonical(fs::absolute(folder, error), error);
    if (!folder.has_filename()) folder = folder.parent_path();
    std::string name = folder.filename().string();
    if (name == ".git") name = folder.parent_path().filename().string();
    if (name.ends_with(".git") && name.size() > 4) name.resize(name.size() - 4);
    return name.empty() ? "project" : name;
}

util::Expected<util::ExitCode> run_init(const Options& options) {
    auto target = target_of(options);
    if (!target) return std::unexpected(target.error());
    if (*target && fs::exists(**target) && !options.force) {
        return util::fail(util::ErrorKind::usage, "init",
                          util::quoted(**target) +
                              " exists; roles init never replaces a roster: give --force to "
                              "replace it, or -o - to print the draft");
    }
    PhaseTimer timer;
    ProjectInputs inputs;
    if (auto loaded = load_history_stage(options, inputs, timer); !loaded)
        return std::unexpected(loaded.error());
    auto draft = draft_for(options, inputs);
    if (!draft) return std::unexpected(draft.error());
    const report::InitView view{*draft, util::quoted(options.repo)};
    auto text = report::render_init_yaml(view);
    if (!text) return std::unexpected(text.error());
    // Nothing is written that `roles validate` would refuse.
    if (auto loaded = roster::parse_roster(*text, target->value_or("<stdout>")); !loaded) {
        auto error = loaded.error();
        error.kind = util::ErrorKind::internal;
        error.context = "the drafted roster does not load back";
        return std::unexpected(error);
    }
    Options out = options;
    out.output = *target;
    if (auto written = emit(out, *text); !written) return std::unexpected(written.error());
    if (!options.quiet) {
        for (const auto& line : report::init_summary(view, target->value_or("a roster"))) {
            std::fprintf(stderr, "%s\n", line.c_str());
        }
    }
    if (options.stats) std::fprintf(stderr, "stats: %s\n", timer.report().c_str());
    util::release_at_exit(std::move(inputs));
    return util::ExitCode::ok;
}

namespace {

void add_init_options(CommandBuilder& builder) {
    auto& app = builder.app;
    auto& options = builder.options;
    app.add_option("--catalog", options.catalog,
                   "the catalog of hats, built-in name or path (default: openstack with a .zuul.yaml, "
                   "kubernetes-sig with an OWNERS file, else generic)")
        ->type_name("CATALOG");
    app.add_option("--project", options.project, "the project's name (default: the repository's folder)")
        ->type_name("NAME");
    app.add_option("-o,--output", options.output,
                   "write the roster to FILE, '-' for stdout (default: ROLES.yaml at the work tree's root)")
        ->type_name("FILE");
    app.add_flag("--force", options.force, "replace the file when it exists");
    app.add_flag("-q,--quiet", options.quiet, "no warnings or summary on stderr");
}

}  // namespace

const CommandSpec k_init_command{
    "init",
    "draft a ROLES.yaml from history and the repository's maintainer files",
    HistoryOptions::draft,
    nullptr,
    add_init_options,
    run_init,
    "Examples:\n  roles init                       # writes ./ROLES.yaml (never over an existing one)\n"
    "  roles init ../nova -o - | less\n"
    "  roles init --catalog openstack -o nova-roles.yaml",
};

}  // namespace roles::cli
