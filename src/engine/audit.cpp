#include "roles/engine/audit.hpp"

#include <algorithm>
#include <string_view>
#include <unordered_set>

#include "roles/engine/activity.hpp"
#include "roles/engine/evidence.hpp"
#include "roles/engine/identity.hpp"
#include "roles/engine/load.hpp"
#include "roles/engine/project_factors.hpp"
#include "roles/util/text.hpp"
#include "roles/util/time.hpp"

namespace roles::engine {
namespace {

constexpr std::int64_t k_default_window_days = 365;

AuditTotals count_totals(const git::History& history, const Activity& activity, const Window& window,
                         const std::vector<HatCoverage>& hats) {
    AuditTotals totals;
    std::vector<bool> seen(activity.commits_by_person.size(), false);
    for (std::size_t i = 0; i < history.commits.size(); ++i) {
        const auto& commit = history.commits[i];
        if (!window.contains(commit.time)) continue;
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
                      " objects missing (partial clone); the paths of some commits are unknown");
    }
    return out;
}

// A release tag is usually made just after its commit: ending the default window at HEAD's
// commit time would drop the release that HEAD is. So the default end is the later of HEAD's
// time and the newest tag on a commit of the analysed history.
std::int64_t default_end(const git::History& history) {
    std::unordered_set<std::string_view> ids;
    ids.reserve(history.commits.size());
    for (const auto& commit : history.commits) ids.insert(commit.id);
    std::int64_t end = history.head_time;
    for (const auto& tag : history.tags) {
        if (ids.contains(tag.target)) end = std::max(end, tag.time);
    }
    return end;
}

const std::vector<roster::Hat>& hats_of(const roster::Roster& roster) {
    static const std::vector<roster::Hat> k_no_hats;
    return roster.projects.empty() ? k_no_hats : roster.hats();
}

util::Expected<ProjectHealth> project_health(const git::History& history, const roster::Roster& roster,
                                             const ProjectAnalysis& analysis) {
    ProjectHealth health;
    auto factors = compute_project_factors(
        {history, analysis.resolution, analysis.activity, hats_of(roster), analysis.window});
    if (!factors) return std::unexpected(factors.error());
    health.factors = std::move(*factors);
    auto people = assess_people({history, analysis.resolution, analysis.activity, analysis.evidence,
                                 analysis.coverage, analysis.window, roster.thresholds});
    for (auto& row : people) {
        if (row.risk == RiskLevel::high) health.burnout_high.push_back(std::move(row));
    }
    return health;
}

}  // namespace

Window resolve_window(const git::History& history, const roster::Roster& roster, const WindowRequest& request) {
    Window window;
    window.end = request.until.value_or(default_end(history));
    const std::int64_t days = roster.window ? roster.window->days : k_default_window_days;
    window.begin = request.since.value_or(window.end - days * 86400);
    return window;
}

util::Expected<ProjectAnalysis> analyse_project(const git::History& history, const roster::Roster& roster,
                                                RosterMode mode, const WindowRequest& request) {
    ProjectAnalysis analysis;
    analysis.window = resolve_window(history, roster, request);
    // An inverted window would silently report nothing at all; a roster-only project has no
    // history to place the window on, so only dates given by the user are compared.
    if (analysis.window.begin > analysis.window.end && mode != RosterMode::roster_only) {
        return util::fail(util::ErrorKind::usage, "window",
                          "it starts on " + util::format_date(analysis.window.begin) + " but ends on " +
                              util::format_date(analysis.window.end) + " (check --since and --until)");
    }
    analysis.resolution = resolve_identities(history, roster);
    analysis.activity = collect_activity(history, analysis.resolution);
    const auto& hats = hats_of(roster);
    auto evidence = collect_evidence(history, analysis.resolution, analysis.activity, hats, analysis.window);
    if (!evidence) return std::unexpected(evidence.error());
    analysis.evidence = std::move(*evidence);
    CoverageInput input{history,         analysis.resolution, analysis.activity, hats, analysis.evidence,
                        analysis.window, roster.stale_after, roster.thresholds, mode};
    analysis.coverage = assess_coverage(input);
    analysis.warnings = roster.warnings;
    for (auto& warning : history_warnings(history)) analysis.warnings.push_back(std::move(warning));
    return analysis;
}

util::Expected<AuditResult> run_audit(const git::History& history, const roster::Roster& roster,
                                      RosterMode mode, const WindowRequest& request) {
    auto analysis = analyse_project(history, roster, mode, request);
    if (!analysis) return std::unexpected(analysis.error());
    AuditResult result;
    result.project = roster.projects.empty() ? std::string() : roster.projects.front().name;
    result.roster_file = roster.file;
    result.mode = mode;
    result.window = analysis->window;
    result.head_id = history.head_id;
    result.shallow = history.shallow;
    // Without history there is nothing to measure: no files, no commits, no signals.
    if (mode != RosterMode::roster_only) {
        auto health = project_health(history, roster, *analysis);
        if (!health) return std::unexpected(health.error());
        result.health = std::move(*health);
    }
    result.hats = std::move(analysis->coverage);
    result.totals = count_totals(history, analysis->activity, result.window, result.hats);
    result.warnings = std::move(analysis->warnings);
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
