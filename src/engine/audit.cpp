#include "roles/engine/audit.hpp"

#include <algorithm>
#include <future>
#include <string_view>
#include <unordered_set>

#include "roles/engine/activity.hpp"
#include "roles/engine/evidence.hpp"
#include "roles/engine/identity.hpp"
#include "roles/engine/load.hpp"
#include "roles/engine/project_factors.hpp"
#include "roles/util/lifetime.hpp"
#include "roles/util/text.hpp"
#include "roles/util/time.hpp"

#include "result_header.hpp"

namespace roles::engine {
namespace {

constexpr std::int64_t k_default_window_days = 365;

AuditTotals count_totals(const git::History& history, const Activity& activity, const Window& window,
                         const std::vector<HatCoverage>& hats) {
    AuditTotals totals;
    std::vector<bool> seen(activity.commits_by_person.size(), false);
    for (std::size_t i = 0; i < history.commits.size(); ++i) {
        const auto& commit = history.commits[i];
        if (!window.holds(commit)) continue;
        if (commit.is_merge()) {
            ++totals.merges;
        } else if (activity.credited[i].empty()) {
            ++totals.bot_commits;
        } else {
            ++totals.commits;
            for (auto person : activity.credited[i]) seen[person] = true;
        }
    }
    totals.contributors = static_cast<std::uint32_t>(std::count(seen.begin(), seen.end(), true));
    totals.hats = static_cast<std::uint32_t>(hats.size());
    for (const auto& hat : hats) ++totals.by_status[static_cast<std::size_t>(hat.status)];
    return totals;
}

std::vector<std::string> history_warnings(const git::History& history) {
    std::vector<std::string> out;
    if (history.shallow) {
        out.emplace_back("shallow clone: history is truncated, so activity and evidence before the "
                         "cut are missing (run 'git fetch --unshallow')");
    }
    if (history.missing_objects > 0) {
        out.push_back(std::to_string(history.missing_objects) +
                      (history.missing_objects == 1 ? " object" : " objects") +
                      " missing (partial clone); the paths of some commits are unknown");
    }
    if (history.rename_fallbacks > 0) {
        out.push_back(std::to_string(history.rename_fallbacks) +
                      (history.rename_fallbacks == 1 ? " rename candidate has" : " rename candidates have") +
                      " no blob (partial clone): only exact renames could pair them");
    }
    return out;
}

// A release tag is usually made just after its commit: ending the default window at HEAD's
// commit time would drop the release that HEAD is. So the default end is the later of HEAD's
// time and the newest tag on a commit of the analysed history.
std::int64_t default_end(const git::History& history) {
    // Only tags newer than HEAD can move the end; usually there are none, and then the
    // commit ids need not be indexed at all.
    std::unordered_set<std::string_view> later;
    for (const auto& tag : history.tags) {
        if (tag.time > history.head_time) later.insert(tag.target);
    }
    std::int64_t end = history.head_time;
    if (later.empty()) return end;
    for (const auto& commit : history.commits) {
        if (!later.contains(commit.id)) continue;
        for (const auto& tag : history.tags) {
            if (tag.target == commit.id) end = std::max(end, tag.time);
        }
    }
    return end;
}

const std::vector<roster::Hat>& hats_of(const roster::Roster& roster) {
    static const std::vector<roster::Hat> k_no_hats;
    return roster.projects.empty() ? k_no_hats : roster.hats();
}


}  // namespace

Window resolve_window(const git::History& history, const roster::Roster& roster, const WindowRequest& request) {
    Window window;
    window.end = request.until.value_or(default_end(history));
    const std::int64_t days = roster.window ? roster.window->days : k_default_window_days;
    window.begin = request.since.value_or(window.end - days * 86400);
    if (request.since_commit) window.begin += 1;
    const auto index = [&](const std::optional<std::string>& id) -> std::optional<std::uint32_t> {
        return id ? commit_index(history, *id) : std::nullopt;
    };
    WindowEnd from{index(request.since_commit), window.begin};
    WindowEnd to{index(request.until_commit), window.end};
    // `--since A` alone: A..HEAD, by ancestry at both ends.
    if (request.since_commit && !request.until && !history.commits.empty()) to.commit = 0;
    // A --since commit off the analysed history excludes nothing of it but what its time does.
    window.commits = commits_between(history, from, to);
    return window;
}

WindowRule window_rule(const WindowRequest& request) {
    if (!request.since && !request.until) return WindowRule::recent;
    const bool since_ref = request.since_commit.has_value();
    const bool until_ref = request.until_commit.has_value() || !request.until;
    if (since_ref && until_ref) return WindowRule::range;
    return !since_ref && !request.until_commit ? WindowRule::dates : WindowRule::mixed;
}

std::unique_ptr<git::History> history_at_window_end(const git::History& history, const Window& window,
                                                    const WindowRequest& request) {
    if (!request.until) return nullptr;
    const bool later_tags = std::ranges::any_of(history.tags, [&](const git::Tag& t) { return t.time > window.end; });
    if (request.until_commit) {
        const auto index = commit_index(history, *request.until_commit);
        // HEAD itself (History index 0) needs no cut unless tags were made after it.
        if (index && (*index != 0 || later_tags)) return std::make_unique<git::History>(history_at(history, *index, window.end));
        if (index) return nullptr;
    }
    const bool later = later_tags ||
                       std::ranges::any_of(history.commits, [&](const git::Commit& c) { return c.time > window.end; });
    return later ? std::make_unique<git::History>(history_until(history, window.end)) : nullptr;
}

namespace {

// The window, identities and activity: what both the hats and the project factors need.
util::Expected<ProjectAnalysis> begin_analysis(const git::History& history, const roster::Roster& roster,
                                               RosterMode mode, const Window& window) {
    ProjectAnalysis analysis;
    analysis.window = window;
    // An inverted window would silently report nothing at all; a roster-only project has no
    // history to place the window on, so only dates given by the user are compared.
    if (analysis.window.begin > analysis.window.end && mode != RosterMode::roster_only) {
        return util::fail(util::ErrorKind::usage, "window",
                          "it starts on " + util::format_date(analysis.window.begin) + " but ends on " +
                              util::format_date(analysis.window.end) + " (check --since and --until)");
    }
    analysis.resolution = resolve_identities(history, roster);
    analysis.activity = collect_activity(history, analysis.resolution);
    return analysis;
}

// Evidence and coverage of every hat, and the warnings.
util::Expected<void> finish_analysis(const git::History& history, const roster::Roster& roster, RosterMode mode,
                                     ProjectAnalysis& analysis) {
    const auto& hats = hats_of(roster);
    auto evidence = collect_evidence(history, analysis.resolution, analysis.activity, hats, analysis.window);
    if (!evidence) return std::unexpected(evidence.error());
    analysis.evidence = std::move(*evidence);
    CoverageInput input{history,         analysis.resolution, analysis.activity, hats, analysis.evidence,
                        analysis.window, roster.stale_after, roster.thresholds, mode};
    analysis.coverage = assess_coverage(input);
    analysis.warnings = roster.warnings;
    for (auto& warning : history_warnings(history)) analysis.warnings.push_back(std::move(warning));
    return {};
}

// The project section. The truck factors replay the whole history while the hats and the
// people only look at the window, so with two threads the factors run beside the rest.
util::Expected<ProjectHealth> project_health(const git::History& history, const roster::Roster& roster,
                                             RosterMode mode, ProjectAnalysis& analysis,
                                             std::future<util::Expected<HeadFileClasses>>& classes,
                                             std::int64_t active_within_days) {
    const FactorsInput factors_input{history,          analysis.resolution, analysis.activity, hats_of(roster),
                                     analysis.window, active_within_days};
    const auto factors_of = [&]() -> util::Expected<ProjectFactors> {
        auto classified = classes.valid() ? classes.get() : classify_head_files(history, hats_of(roster));
        if (!classified) return std::unexpected(classified.error());
        return compute_project_factors(factors_input, *classified);
    };
    std::future<util::Expected<ProjectFactors>> factors;
    if (classes.valid()) factors = std::async(std::launch::async, factors_of);
    auto finished = finish_analysis(history, roster, mode, analysis);
    std::vector<PersonLoadRow> people;
    if (finished) {
        people = assess_people({history, analysis.resolution, analysis.activity, analysis.evidence,
                                analysis.coverage, analysis.window, roster.thresholds});
    }
    auto computed = factors.valid() ? factors.get() : factors_of();
    if (!finished) return std::unexpected(finished.error());
    if (!computed) return std::unexpected(computed.error());
    ProjectHealth health;
    health.factors = std::move(*computed);
    for (auto& row : people) {
        if (row.risk == RiskLevel::high) health.burnout_high.push_back(std::move(row));
    }
    return health;
}

}  // namespace

util::Expected<ProjectAnalysis> analyse_project(const git::History& history, const roster::Roster& roster,
                                                RosterMode mode, const Window& window) {
    auto analysis = begin_analysis(history, roster, mode, window);
    if (!analysis) return analysis;
    if (auto finished = finish_analysis(history, roster, mode, *analysis); !finished) {
        return std::unexpected(finished.error());
    }
    return analysis;
}

namespace {

// How one audit runs: on which window, how many threads, who counts as gone.
struct AuditRun {
    RosterMode mode{};
    Window window;
    Concurrency concurrency{};
    std::int64_t active_within_days = 0;
};

util::Expected<AuditResult> audit_on(const git::History& history, const roster::Roster& roster, const AuditRun& run) {
    const RosterMode mode = run.mode;
    const Window& window = run.window;
    const Concurrency concurrency = run.concurrency;
    // Which files at HEAD count where depends on the paths alone: with two threads it is
    // worked out while identities and activity are resolved.
    std::future<util::Expected<HeadFileClasses>> classes;
    if (concurrency == Concurrency::parallel && mode != RosterMode::roster_only) {
        classes = std::async(std::launch::async, [&] { return classify_head_files(history, hats_of(roster)); });
    }
    auto analysis = begin_analysis(history, roster, mode, window);
    if (!analysis) return std::unexpected(analysis.error());
    AuditResult result;
    describe_run(result, history, roster, mode, analysis->window);
    result.rename_fallbacks = history.rename_fallbacks;
    result.missing_objects = history.missing_objects;
    // Without history there is nothing to measure: no files, no commits, no signals.
    if (mode != RosterMode::roster_only) {
        auto health = project_health(history, roster, mode, *analysis, classes, run.active_within_days);
        if (!health) return std::unexpected(health.error());
        result.health = std::move(*health);
    } else if (auto finished = finish_analysis(history, roster, mode, *analysis); !finished) {
        return std::unexpected(finished.error());
    }
    result.hats = std::move(analysis->coverage);
    result.totals = count_totals(history, analysis->activity, result.window, result.hats);
    result.automation = summarise_automation(history, analysis->resolution, analysis->activity, result.window);
    result.warnings = std::move(analysis->warnings);
    result.findings = collect_findings(result, roster);
    // Activity and evidence hold a list per commit: freed beside whatever comes next.
    util::destroy_later(std::move(*analysis));
    return result;
}

}  // namespace

util::Expected<AuditResult> run_audit(const git::History& history, const roster::Roster& roster,
                                      RosterMode mode, const WindowRequest& request, Concurrency concurrency) {
    const Window window = resolve_window(history, roster, request);
    const auto at_end = history_at_window_end(history, window, request);
    const AuditRun run{mode, window, concurrency, request.active_within_days.value_or(k_default_active_within_days)};
    auto result = audit_on(at_end ? *at_end : history, roster, run);
    if (result) result->window_rule = window_rule(request);
    return result;
}

util::Expected<FailOn> parse_fail_on(const std::vector<std::string>& values) {
    FailOn fail_on;
    fail_on.statuses.clear();
    std::vector<std::string> known = {"vacant", "understaffed", "stale", "single-point", "shadowed",
                                      "burnout-high", "any", "none"};
    for (const auto& value : values) {
        if (value == "none") continue;
        if (value == "burnout-high") {
            fail_on.burnout_high = true;
            continue;
        }
        if (value == "any") {
            fail_on.burnout_high = true;
            for (auto s : {Status::vacant, Status::understaffed, Status::stale, Status::single_point,
                           Status::shadowed}) {
                fail_on.statuses.insert(s);
            }
            continue;
        }
        const auto status = parse_status(value);
        if (!status || *status == Status::ok || *status == Status::unassigned) {
            const auto suggestion = util::closest_match(value, known);
            return util::fail(util::ErrorKind::usage, "--fail-on",
                              "unknown value " + util::quoted(value) +
                                  (suggestion ? " (did you mean " + util::quoted(*suggestion) + "?)" : ""));
        }
        fail_on.statuses.insert(*status);
    }
    return fail_on;
}

std::vector<std::string> gate_failures(const AuditResult& result, const FailOn& fail_on) {
    std::vector<std::string> out;
    for (const auto& hat : result.hats) {
        if (fail_on.statuses.contains(hat.status)) out.push_back(hat.hat);
    }
    if (fail_on.burnout_high) {
        for (const auto& row : result.health.burnout_high) out.push_back("burnout:" + row.key);
    }
    return out;
}

}  // namespace roles::engine
