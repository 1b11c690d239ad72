#include <algorithm>

#include <fmt/color.h>
#include <fmt/format.h>

#include "audit_parts.hpp"
#include "roles/report/audit.hpp"
#include "roles/util/text.hpp"
#include "roles/report/load.hpp"
#include "roles/roster/automation.hpp"
#include "roles/util/table.hpp"
#include "roles/util/time.hpp"

namespace roles::report {
namespace {

// Windows of dates read as dates; a ref end changes what the window holds, so it is said.
std::string window_words(engine::WindowRule rule) {
    switch (rule) {
        case engine::WindowRule::range: return " (the commits of git rev-list SINCE..UNTIL)";
        case engine::WindowRule::mixed: return " (by ancestry at the ref end, by date at the other)";
        default: return "";
    }
}

using engine::Status;

fmt::text_style status_style(Status status) {
    switch (status) {
        case Status::vacant:
        case Status::understaffed: return fmt::fg(fmt::terminal_color::bright_red) | fmt::emphasis::bold;
        case Status::stale:
        case Status::single_point:
        case Status::shadowed: return fmt::fg(fmt::terminal_color::yellow);
        case Status::ok: return fmt::fg(fmt::terminal_color::green);
        case Status::unassigned: return fmt::fg(fmt::terminal_color::cyan);
    }
    return {};
}

std::string holders_cell(const engine::HatCoverage& hat) {
    std::string out;
    for (const auto& holder : hat.holders) {
        if (!out.empty()) out += ", ";
        out += holder.key;
        if (!holder.active) out += " (inactive)";
    }
    if (!hat.fallback_from.empty() && !out.empty()) out += " (via " + hat.fallback_from + ")";
    if (out.empty()) out = "-";
    if (!hat.former_holders.empty()) {
        std::string former;
        for (const auto& key : hat.former_holders) former += (former.empty() ? "" : ", ") + key;
        out += " (former: " + former + ")";
    }
    return out;
}

std::string workers_cell(const engine::HatCoverage& hat) {
    std::string out;
    for (const auto& c : hat.contributors) {
        out += fmt::format("{}{} {:.0f}%", out.empty() ? "" : ", ", c.label, c.share * 100.0);
    }
    return out.empty() ? "-" : out;
}

bool shown(const AuditView& view, const engine::HatCoverage& hat) {
    if (view.detail != Detail::quiet) return true;
    return std::find(view.failed_hats.begin(), view.failed_hats.end(), hat.hat) != view.failed_hats.end();
}

std::string header(const engine::AuditResult& r) {
    // Values go in escaped (a newline in a roster's project name must not start a line).
    std::string out = fmt::format("roles audit: {}{}\n",
                                  r.project.empty() ? "(unnamed project)" : util::printable(r.project),
                                  r.roster_file.empty() ? " (no roster: discovery mode, generic hats)"
                                                        : " (roster " + util::printable(r.roster_file) + ")");
    if (r.mode == engine::RosterMode::roster_only) return out + "no repository: coverage from the roster alone\n\n";
    out += fmt::format("window {} .. {}{}, HEAD {}\n", util::format_date(r.window.begin),
                       util::format_date(r.window.end), window_words(r.window_rule), r.head_id.substr(0, 12));
    out += fmt::format("{} commit{} by {} {} ({} merge{} and {} bot commit{} not counted", r.totals.commits,
                       r.totals.commits == 1 ? "" : "s", r.totals.contributors,
                       r.totals.contributors == 1 ? "person" : "people", r.totals.merges,
                       r.totals.merges == 1 ? "" : "s", r.totals.bot_commits, r.totals.bot_commits == 1 ? "" : "s");
    const auto assisted = r.automation.assisted_commits;
    if (assisted > 0) out += fmt::format("; {} commit{} assisted by AI tools", assisted, assisted == 1 ? "" : "s");
    return out + ")\n\n";
}

std::string summary(const engine::AuditResult& r) {
    std::string out = fmt::format("{} hats:", r.totals.hats);
    bool first = true;
    for (std::size_t s = 0; s < std::size(r.totals.by_status); ++s) {
        if (r.totals.by_status[s] == 0) continue;
        out += fmt::format("{} {} {}", first ? "" : ",", r.totals.by_status[s],
                           engine::to_string(static_cast<Status>(s)));
        first = false;
    }
    return out + "\n";
}

}  // namespace

std::string gate_line(const std::vector<std::string>& fail_on_values, const std::vector<std::string>& failed) {
    std::string fail_on;
    for (const auto& value : fail_on_values) fail_on += (fail_on.empty() ? "" : ",") + value;
    if (failed.empty()) return fmt::format("gate: passed (--fail-on {})\n", fail_on);
    std::string hats;
    for (const auto& hat : failed) hats += (hats.empty() ? "" : ", ") + hat;
    return fmt::format("gate: failed (--fail-on {}): {}\n", fail_on, hats);
}

namespace {

util::Table hat_table(const AuditView& view, std::vector<const engine::HatCoverage*>& rows) {
    const bool verbose = view.detail == Detail::verbose;
    std::vector<std::string> headers = {"HAT", "STATUS", "HOLDERS", "EVIDENCE", "HOLDERS' SHARE", "REASON"};
    if (verbose) headers.insert(headers.end() - 1, "DOING THE WORK");
    util::Table table(headers);
    for (const auto& hat : view.result.hats) {
        if (!shown(view, hat)) continue;
        std::vector<std::string> cells = {
            hat.hat, std::string(engine::to_string(hat.status)), holders_cell(hat), std::to_string(hat.evidence_items),
            hat.evidence_items == 0 ? "-" : fmt::format("{:.0f}%", hat.holder_share * 100.0), hat.reason};
        if (verbose) cells.insert(cells.end() - 1, workers_cell(hat));
        table.add_row(std::move(cells));
        rows.push_back(&hat);
    }
    return table;
}

// "gibi (5 files), melanie (3 files)".
std::string truck_people(const engine::ScopedTruckFactor& scope) {
    std::string out;
    for (const auto& p : scope.people) {
        out += fmt::format("{}{} ({} file{})", out.empty() ? "" : ", ", util::printable(p.label), p.files,
                           p.files == 1 ? "" : "s");
    }
    return out;
}

std::string absent_people(const engine::AbsenceTruckFactor& absent) {
    std::string out;
    for (const auto& p : absent.people) {
        out += fmt::format("{}{} ({} file{})", out.empty() ? "" : ", ", util::printable(p.label), p.files,
                           p.files == 1 ? "" : "s");
    }
    return out.empty() ? std::string("nobody") : out;
}

constexpr std::size_t k_orphans_shown = 5;

// "already orphaned: a.py, b.py and 12 more".
std::string orphans_brief(const std::vector<std::string>& orphaned) {
    std::string out;
    for (std::size_t i = 0; i < orphaned.size() && i < k_orphans_shown; ++i) out += (i ? ", " : "") + util::printable(orphaned[i]);
    if (orphaned.size() > k_orphans_shown) out += fmt::format(" and {} more", orphaned.size() - k_orphans_shown);
    return out;
}

std::string truck_line(const engine::ProjectFactors& f) {
    const auto& tf = f.truck_factor;
    if (tf.files == 0) return "  truck factor: no source file at HEAD\n";
    std::string out = fmt::format("  truck factor {}: {}; without them {} of {} source files keep an author\n",
                                  tf.truck_factor, tf.people.empty() ? std::string("nobody") : truck_people(tf),
                                  tf.covered_after, tf.files);
    out += fmt::format("  absence-aware truck factor {} (authors without a commit since {} are gone: {}): {}; "
                       "{} of {} source files keep an active author\n",
                       tf.absent.truck_factor, util::format_date(f.active_since), f.gone_authors.size(),
                       absent_people(tf.absent), tf.absent.covered_before, tf.files);
    if (!tf.absent.orphaned.empty()) {
        out += fmt::format("  already orphaned ({} files): {}\n", tf.absent.orphaned.size(),
                           orphans_brief(tf.absent.orphaned));
    }
    return out;
}

// "gibi 14, melanie 9 of 40 ..."; organisations name their people, so they are set apart
// with "; ": "Example Corp 20 (elod, gibi); Other Inc 15 (melanie, sylvain) of 40 ...".
std::string factor_line(const char* name, const engine::ConcentrationFactor& factor, const char* separator) {
    if (factor.total_commits == 0) return fmt::format("  {}: no commits in the window\n", name);
    std::string members;
    for (const auto& m : factor.members) {
        members += fmt::format("{}{} {}", members.empty() ? "" : separator, util::printable(m.label), m.commits);
        if (m.kind == engine::GroupKind::organisation) {
            std::string people;
            for (const auto& label : m.labels) people += (people.empty() ? "" : ", ") + util::printable(label);
            members += " (" + people + ")";
        }
    }
    return fmt::format("  {} {}: {} of {} credited commits in the window\n", name, factor.factor, members,
                       factor.total_commits);
}

std::string burnout_line(const engine::ProjectHealth& health) {
    if (health.burnout_high.empty()) return "  high burnout risk: nobody\n";
    std::string out;
    for (const auto& row : health.burnout_high) {
        // Off the roster: the name to read, the key to pass to 'roles load --person'.
        const auto label = util::printable(row.on_roster || row.name.empty() ? row.key : row.name + " [" + row.key + "]");
        out += fmt::format("{}{} ({})", out.empty() ? "" : "; ", label, signals_brief(row.load));
    }
    return "  high burnout risk: " + out + " (see 'roles load --person KEY')\n";
}

std::string scope_name(const engine::ScopedTruckFactor& scope, bool hat) {
    if (hat) return "hat " + scope.scope;
    return scope.scope == "." ? std::string("(top-level files)") : scope.scope + "/";
}

std::string area_table(const engine::ProjectFactors& factors) {
    util::Table table({"AREA", "FILES", "TRUCK FACTOR", "ABSENCE-AWARE", "ORPHANED", "KEY PEOPLE"});
    auto add = [&](const engine::ScopedTruckFactor& scope, bool hat) {
        table.add_row({scope_name(scope, hat), std::to_string(scope.files), std::to_string(scope.truck_factor),
                       std::to_string(scope.absent.truck_factor), std::to_string(scope.absent.orphaned.size()),
                       scope.people.empty() ? std::string("-") : truck_people(scope)});
    };
    bool any = false;
    for (const auto& scope : factors.by_directory) {
        add(scope, false);
        any = true;
    }
    // A hat whose area holds no file at HEAD has nothing to show here (JSON lists it).
    for (const auto& scope : factors.by_hat) {
        if (scope.files == 0) continue;
        add(scope, true);
        any = true;
    }
    return any ? "\n" + table.render() : std::string();
}

// Left out when there is nothing to measure: no source file at HEAD and no commit in the window.
std::string project_section(const engine::ProjectHealth& health) {
    const auto& f = health.factors;
    if (f.files_at_head == 0 && f.contributor_absence.total_commits == 0 && health.burnout_high.empty()) return {};
    return "\nproject health:\n" + truck_line(f) +
           factor_line("contributor absence factor", f.contributor_absence, ", ") +
           factor_line("elephant factor", f.elephant, "; ") + burnout_line(health) + area_table(f);
}

}  // namespace

std::string audit_body_text(const AuditView& view, Color color) {
    const auto& r = view.result;
    std::vector<const engine::HatCoverage*> rows;
    const auto table = hat_table(view, rows);
    auto decorate = [&](std::size_t row, std::size_t column, const std::string& cell) {
        if (color == Color::off) return cell;
        if (row == 0) return fmt::format(fmt::emphasis::bold, "{}", cell);
        if (column != 1) return cell;
        return fmt::format(status_style(rows[row - 1]->status), "{}", cell);
    };
    if (view.detail == Detail::quiet) return rows.empty() ? std::string() : table.render(decorate);
    // Names from the roster and from commits reach every line: each block is made printable
    // (the table's cells are, before colour is added).
    std::string out = util::printable_lines(header(r)) + table.render(decorate) + "\n" +
                      util::printable_lines(summary(r) + project_section(r.health));
    if (view.detail == Detail::verbose && (!r.automation.rules.empty() || r.automation.assisted_by_trailer > 0)) {
        out += "\nautomation (not counted as people; see roles/automation.yaml):\n" +
               util::printable_lines(automation_lines(r.automation));
    }
    for (const auto& warning : r.warnings) out += "warning: " + util::printable(warning) + "\n";
    return out;
}

std::string automation_lines(const engine::AutomationSummary& summary) {
    std::string out;
    if (summary.assisted_by_trailer > 0) {
        out += fmt::format("  Assisted-by/Generated-by trailers: {} commit{} assisted\n", summary.assisted_by_trailer,
                           summary.assisted_by_trailer == 1 ? "" : "s");
    }
    for (const auto& rule : summary.rules) {
        std::vector<std::string> parts;
        const auto count = [&](std::uint32_t n, const char* what) {
            if (n > 0) parts.push_back(fmt::format("{} commit{} {}", n, n == 1 ? "" : "s", what));
        };
        count(rule.authored, "authored");
        count(rule.removed, "left uncounted");
        count(rule.co_authored, "co-authored");
        count(rule.committed, "committed for others");
        std::string joined;
        for (const auto& part : parts) joined += (joined.empty() ? "" : ", ") + part;
        out += fmt::format("  {} ({}, {}): {}; {} identit{}\n", util::printable(rule.rule), roster::to_string(rule.kind),
                           util::printable(rule.origin),
                           joined, rule.identities, rule.identities == 1 ? "y" : "ies");
    }
    return out;
}

std::string render_audit_text(const AuditView& view, Color color) {
    std::string out = audit_body_text(view, color);
    if (view.detail != Detail::quiet && !view.note.empty()) out += util::printable_lines(view.note) + "\n";
    return out + util::printable_lines(gate_line(view.fail_on, view.failed_hats));
}

}  // namespace roles::report
