#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>

#include <fmt/format.h>

#include "command_table.hpp"
#include "roles/cli/audit_formats.hpp"
#include "roles/cli/commands.hpp"
#include "roles/cli/output.hpp"
#include "roles/engine/audit.hpp"
#include "roles/git/loader.hpp"
#include "roles/report/audit.hpp"
#include "roles/roster/loader.hpp"
#include "roles/util/lifetime.hpp"
#include "roles/util/text.hpp"

namespace roles::cli {
namespace {

namespace fs = std::filesystem;

struct LoadedRoster {
    roster::Roster roster;
    engine::RosterMode mode = engine::RosterMode::roster;
    std::string note;
};

util::Expected<LoadedRoster> load_roster_for(const Options& options) {
    if (options.import_spec) {
        auto imported = roster_from_import(options);
        if (!imported) return std::unexpected(imported.error());
        return LoadedRoster{std::move(*imported), engine::RosterMode::roster, {}};
    }
    if (!options.picks.empty()) {
        return util::fail(util::ErrorKind::usage, "--" + options.picks.begin()->first,
                          "picks a project of an import: give --import KIND:FILE too");
    }
    if (options.roster) {
        auto loaded = load_named_roster(*options.roster, PathChoice::user);
        if (!loaded) return std::unexpected(loaded.error());
        return LoadedRoster{std::move(*loaded), engine::RosterMode::roster, {}};
    }
    RosterOrigin origin;
    auto own = load_repository_roster(options.repo, options.ref, origin);
    if (!own) return std::unexpected(own.error());
    if (*own) return LoadedRoster{std::move(**own), engine::RosterMode::roster, {}};
    if (options.require_roster) {
        return util::fail(util::ErrorKind::input, "--require-roster", "no roster at " + util::quoted(origin.shown));
    }
    auto discovery = roster::discovery_roster();
    if (!discovery) return std::unexpected(discovery.error());
    return LoadedRoster{std::move(*discovery), engine::RosterMode::discovery,
                        "note: no ROLES.yaml here, so every hat is 'unassigned' and the table shows who does "
                        "its work; run 'roles init' to draft a ROLES.yaml from this history, then audit coverage"};
}

// A date, or a ref resolved as a cycle end is (a tag at its tag time, a commit or branch,
// placed on the analysed history).
util::Expected<void> add_end(const std::string& text, const git::History& history, const std::string& flag,
                             const engine::RepositoryLookup& lookup, engine::WindowRequest& request) {
    if (auto date = roster::parse_date(text)) {
        (flag == "--since" ? request.since : request.until) = date->seconds() + (flag == "--until" ? 86399 : 0);
        return {};
    }
    auto end = engine::resolve_cycle_end(history, text, lookup);
    if (!end) {
        auto error = end.error();
        error.context = flag;
        return std::unexpected(std::move(error));
    }
    (flag == "--since" ? request.since : request.until) = end->time;
    (flag == "--since" ? request.since_commit : request.until_commit) = end->commit;
    return {};
}

util::Expected<engine::WindowRequest> window_request(const Options& options, const git::History& history) {
    engine::WindowRequest request;
    const auto lookup = history.repo_path.empty() ? engine::RepositoryLookup{} : repository_lookup(history.repo_path);
    if (options.since) {
        if (auto added = add_end(*options.since, history, "--since", lookup, request); !added) {
            return std::unexpected(added.error());
        }
    }
    if (options.until) {
        if (auto added = add_end(*options.until, history, "--until", lookup, request); !added) {
            return std::unexpected(added.error());
        }
    }
    if (options.active_within) {
        const auto within = roster::parse_duration(*options.active_within);
        if (!within || within->days <= 0) {
            return util::fail(util::ErrorKind::usage, "--active-within",
                              util::quoted(*options.active_within) + " is not a duration such as 90d, 12w, 6m or 1y");
        }
        request.active_within_days = within->days;
    }
    return request;
}

util::Expected<util::ExitCode> render(const Options& options, const engine::AuditResult& result,
                                      const engine::FailOn& fail_on, const ProjectInputs& inputs) {
    const auto detail = options.quiet           ? report::Detail::quiet
                        : options.verbosity > 0 ? report::Detail::verbose
                                                : report::Detail::normal;
    report::AuditView view{result, options.fail_on, engine::gate_failures(result, fail_on), inputs.note, detail};
    const auto ci = ci_view(options.repo, {&result}, options.fail_on, view.failed_hats.empty());
    const auto text = render_audit_output(AuditOutput{options, &view, nullptr, ci, &inputs.roster});
    if (!text) return std::unexpected(text.error());
    if (auto written = emit(options, *text); !written) return std::unexpected(written.error());
    return view.failed_hats.empty() ? util::ExitCode::ok : util::ExitCode::gate_failed;
}

// "commits read / to read (rate)" on one rewritten stderr line; only on a terminal and
// without --quiet, so pipes and CI logs get nothing extra.
class ProgressLine {
public:
    explicit ProgressLine(const Options& options) : m_enabled(!options.quiet && isatty(STDERR_FILENO) == 1) {}
    ProgressLine(const ProgressLine&) = delete;
    ProgressLine& operator=(const ProgressLine&) = delete;
    ~ProgressLine() {
        if (m_shown) std::fputs("\r\033[K", stderr);
    }
    [[nodiscard]] git::ProgressCallback callback() {
        if (!m_enabled) return {};
        return [this](const git::LoadProgress& progress) {
            const double rate = progress.seconds > 0 ? static_cast<double>(progress.done) / progress.seconds : 0;
            std::fprintf(stderr, "\rroles: reading history: %llu/%llu%s commits (%.0f/s)\033[K",
                         static_cast<unsigned long long>(progress.done), static_cast<unsigned long long>(progress.total),
                         progress.walking ? "+" : "", rate);
            m_shown = true;
        };
    }

private:
    bool m_enabled;
    bool m_shown = false;
};

std::string loader_stats(const git::LoadStats& stats) {
    std::string text = "loader:";
    for (const auto& [phase, ms] : stats.phases_ms) text += fmt::format(" {} {:.1f} ms,", phase, ms);
    text += fmt::format(" {} commits walked, {} read from git, {} cache hits, {} trees compared, {} threads,"
                        " objects {} from packs, {} through libgit2",
                        stats.commits_walked, stats.commits_read, stats.cache_hits, stats.trees_compared,
                        stats.threads, stats.objects_from_packs, stats.objects_from_libgit2);
    text += fmt::format(", renames by similarity {} ({} blobs read, {} candidates without blob left to exact"
                        " renames, {} commits over the rename limit)",
                        stats.similar_renames, stats.rename_blobs_read, stats.rename_blobs_missing,
                        stats.rename_limited_commits);
    if (!stats.cache_dir.empty()) {
        text += fmt::format(", cache {} ({} files, {} KiB read, {} KiB written)", util::quoted(stats.cache_dir),
                            stats.cache_files_read, stats.cache_bytes_read / 1024, stats.cache_bytes_written / 1024);
    }
    return text;
}

}  // namespace

void PhaseTimer::stop(const std::string& phase) {
    const auto elapsed = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - m_start);
    m_report += fmt::format("{}{} {:.1f} ms", m_report.empty() ? "" : ", ", phase, elapsed.count());
}

// A shallow clone's history stops at its cut: staleness, evidence and the project factors
// would all be computed on a few commits. Refused unless the user says it is what they want.
util::Expected<void> refuse_shallow(const Options& options, const git::History& history, const std::string& what) {
    if (!history.shallow || options.allow_shallow) return {};
    return util::fail(util::ErrorKind::input, "auditing " + what,
                      fmt::format("the history is shallow ({} commit{}): fetch it whole (`git fetch --unshallow`, or "
                                  "`fetch-depth: 0` in actions/checkout), or give --allow-shallow to audit it as it is",
                                  history.commits.size(), history.commits.size() == 1 ? "" : "s"));
}

git::LoadOptions history_options(const Options& options, const std::string& path) {
    git::LoadOptions load_options;
    load_options.path = path;
    load_options.ref = options.ref;
    load_options.threads = options.threads;
    load_options.cache = options.no_cache ? git::CacheMode::off : git::CacheMode::use;
    load_options.cache_dir = options.cache_dir.value_or("");
    return load_options;
}

util::Expected<engine::WindowRequest> resolve_window_request(const Options& options, const git::History& history) {
    return window_request(options, history);
}

util::Expected<ProjectInputs> load_roster_stage(const Options& options, PhaseTimer& timer) {
    timer.start();
    auto loaded = load_roster_for(options);
    if (!loaded) return std::unexpected(loaded.error());
    timer.stop("roster");
    ProjectInputs inputs;
    inputs.roster = std::move(loaded->roster);
    inputs.mode = loaded->mode;
    inputs.note = std::move(loaded->note);
    return inputs;
}

util::Expected<ProjectInputs> load_project_inputs(const Options& options, PhaseTimer& timer) {
    auto inputs = load_roster_stage(options, timer);
    if (!inputs) return std::unexpected(inputs.error());
    // load and report analyse one project; using a program's first project against REPO
    // would quietly mix one project's hats with another repository's people.
    if (inputs->roster.program) {
        return util::fail(util::ErrorKind::usage, "program roster " + util::quoted(inputs->roster.file),
                          "this command takes a single-project roster; audit a program with 'roles audit', or "
                          "pick one project with --import KIND:FILE --team/--group");
    }
    if (auto loaded = load_history_stage(options, *inputs, timer); !loaded) return std::unexpected(loaded.error());
    return inputs;
}

util::Expected<void> load_history_stage(const Options& options, ProjectInputs& inputs, PhaseTimer& timer) {
    timer.start();
    git::LoadOptions load_options = history_options(options, options.repo);
    ProgressLine progress(options);
    load_options.progress = progress.callback();
    git::LoadStats stats;
    auto history = git::load_history(load_options, stats);
    if (!history) return std::unexpected(history.error());
    timer.stop("history");
    timer.note(fmt::format("{} commits, {} paths", history->commits.size(), history->paths.size()));
    if (options.stats) timer.note(loader_stats(stats));
    for (const std::string& warning : history->warnings) std::fprintf(stderr, "roles: warning: %s\n", util::printable(warning).c_str());
    auto request = window_request(options, *history);
    if (!request) return std::unexpected(request.error());
    inputs.history = std::move(*history);
    inputs.request = *request;
    return {};
}

util::Expected<util::ExitCode> run_audit(const Options& options) {
    if (auto ok = require_audit_format(options); !ok) return std::unexpected(ok.error());
    auto fail_on = engine::parse_fail_on(options.fail_on);
    if (!fail_on) return std::unexpected(fail_on.error());
    PhaseTimer timer;
    auto inputs = load_roster_stage(options, timer);
    if (!inputs) return std::unexpected(inputs.error());
    if (inputs->roster.program) return run_program_audit(options, inputs->roster, *fail_on, timer);
    if (auto loaded = load_history_stage(options, *inputs, timer); !loaded) return std::unexpected(loaded.error());
    const auto deep = refuse_shallow(options, inputs->history, "repository " + util::quoted(options.repo));
    if (!deep) return std::unexpected(deep.error());
    timer.start();
    const auto concurrency = options.threads == 1 ? engine::Concurrency::serial : engine::Concurrency::parallel;
    auto result = engine::run_audit(inputs->history, inputs->roster, inputs->mode, inputs->request, concurrency);
    if (!result) return std::unexpected(result.error());
    timer.stop("analysis");
    timer.start();
    engine::grade_findings(*result, *fail_on);
    auto code = render(options, *result, *fail_on, *inputs);
    timer.stop("render");
    if (options.stats) {
        std::fprintf(stderr, "stats: %s\n", timer.report().c_str());
        const auto lines = report::automation_lines(result->automation);
        if (!lines.empty()) std::fprintf(stderr, "stats: automation rules in the window:\n%s", lines.c_str());
    }
    util::release_at_exit(std::move(*inputs));
    util::release_at_exit(std::move(*result));
    return code;
}

namespace {

void add_audit_options(CommandBuilder& builder) {
    auto& app = builder.app;
    auto& options = builder.options;
    app.add_flag("--require-roster", options.require_roster, "fail (exit 2) when the repository has no roster");
    app.add_flag("--allow-shallow", options.allow_shallow,
                 "audit a shallow clone anyway (otherwise exit 2); its figures are marked as computed on a "
                 "truncated history");
    app.add_option("--active-within", options.active_within,
                   "absence-aware truck factor: authors idle this long before the window's end are gone "
                   "(90d, 12w, 6m, 1y; default 1y)")
        ->type_name("DURATION");
    add_fail_on(builder, "");
}

}  // namespace

const CommandSpec k_audit_command{
    "audit",
    "coverage of every hat, and the CI gate",
    HistoryOptions::window,
    audit_format_infos,
    add_audit_options,
    run_audit,
    "Examples:\n  roles audit                      # this repository, its ROLES.yaml\n"
    "  roles audit ../nova --format json\n"
    "  roles audit --import openstack:projects.yaml --team nova\n"
    "  roles audit --fail-on vacant,stale --require-roster   # a CI gate",
};

}  // namespace roles::cli
