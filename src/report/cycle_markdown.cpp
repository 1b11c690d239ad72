#include <fmt/format.h>

#include "markdown_text.hpp"

#include "roles/report/findings.hpp"
#include "roles/util/text.hpp"
#include "checkin_words.hpp"
#include "cycle_names.hpp"
#include "roles/report/cycle.hpp"
#include "roles/report/load.hpp"
#include "roles/util/time.hpp"

namespace roles::report {
namespace {

using engine::Figure;

constexpr std::int64_t k_day = 86400;

std::string md(const std::string& text) { return md_cell(text); }

std::string join(const std::vector<std::string>& items, const std::string& none = "—") {
    if (items.empty()) return none;
    std::string out;
    for (const auto& item : items) out += (out.empty() ? "" : ", ") + item;
    return out;
}

std::string day(std::int64_t seconds) { return util::format_date(seconds); }

std::int64_t days(const engine::Window& w) { return (w.end - w.begin + 1 + k_day / 2) / k_day; }

std::string value(const Figure& f) { return figure_value(f.current, f.scale); }

// "7 (↑ from 4)", "2 (= same)", "5 (★ new)", with ", worse" when assessed.
std::string with_trend(const std::string& shown, const Figure& f) {
    const auto assessed = f.assessment == engine::Assessment::neutral
                              ? std::string()
                              : ", " + std::string(engine::to_string(f.assessment));
    switch (f.trend) {
        case engine::Trend::up: return fmt::format("{} (↑ from {}{})", shown, figure_value(*f.previous, f.scale), assessed);
        case engine::Trend::down: return fmt::format("{} (↓ from {}{})", shown, figure_value(*f.previous, f.scale), assessed);
        case engine::Trend::same: return shown + " (= same)";
        case engine::Trend::fresh: return shown + " (★ new)";
    }
    return shown;
}

std::string rule_words(engine::WindowRule rule) {
    switch (rule) {
        case engine::WindowRule::range: return "the commits of git rev-list A..B";
        case engine::WindowRule::mixed: return "commits by ancestry at the ref end, by date at the other";
        default: return "commits by author date";
    }
}

std::string header(const engine::CycleReport& r) {
    const auto& c = r.cycle;
    std::string out = fmt::format("# Cycle report: {}, {}\n\n", md(r.project.empty() ? "(no roster)" : r.project),
                                  md(c.label));
    out += fmt::format("**This cycle:** {} to {}, {} days ({}{}).  \n", day(c.window.begin), day(c.window.end),
                       days(c.window), c.automatic ? "picked by auto; " : "", rule_words(c.rule));
    // The previous cycle's rule only when it differs.
    out += fmt::format("**Compared with** the previous cycle, {}: {} to {}, {} days{}.  \n", md(c.previous_label),
                       day(c.previous.begin), day(c.previous.end), days(c.previous),
                       c.previous_rule == c.rule ? "" : " (" + rule_words(c.previous_rule) + ")");
    out += "Trends: ↑ up, ↓ down, = same, ★ new; *better*/*worse* where one direction is good news. Details: the "
           "HTML report.\n\n";
    for (const auto& warning : r.warnings) out += "> **Warning:** " + md(warning) + "\n\n";
    return out;
}

std::string summary_row(const std::string& label, const Figure& f) {
    const auto previous = f.previous ? figure_value(*f.previous, f.scale) : std::string("—");
    return fmt::format("| {} | {} | {} | {} |\n", label, value(f), previous, trend_words(f.trend, f.assessment));
}

std::string factor_people(const engine::ConcentrationFactor& f) {
    std::vector<std::string> groups;
    for (const auto& m : f.members) groups.push_back(fmt::format("{} {}", md(m.label), m.commits));
    return fmt::format("{} of {} commits", join(groups, "nobody"), f.total_commits);
}

std::string summary(const engine::CycleReport& r) {
    const auto& s = r.summary;
    std::string out = "## Summary\n\n| figure | this cycle | last cycle | trend |\n|---|--:|--:|---|\n";
    out += summary_row(fmt::format("hats ok (of {})", s.hats), s.hats_ok);
    out += summary_row("hats at risk", s.hats_at_risk);
    out += summary_row("hats vacant", s.hats_vacant);
    out += summary_row("hats unassigned", s.hats_unassigned);
    out += summary_row("truck factor", s.truck_factor);
    out += summary_row("contributor absence factor", s.contributor_absence);
    out += summary_row("elephant factor", s.elephant);
    out += summary_row("commits", s.commits);
    out += summary_row("contributors", s.contributors);
    out += summary_row("releases", s.releases);
    out += summary_row("people at high burnout risk", s.high_risk);
    const auto truck = shown_list(
        r.digest.truck_people,
        [&](std::size_t i) { return fmt::format("{} {}", md(r.truck_factor.people[i].label), r.truck_factor.people[i].files); },
        "nobody");
    out += fmt::format("\nTruck factor {}: {} of {} source files.  \n",
                       r.truck_factor.truck_factor, truck, r.truck_factor.files);
    out += fmt::format("Contributor absence factor {}: {}.  \n", r.contributor_absence.factor,
                       factor_people(r.contributor_absence));
    out += fmt::format("Elephant factor {}: {}.\n\n", r.elephant.factor, factor_people(r.elephant));
    return out;
}

std::string holders_cell(const engine::HatCycle& hat, const engine::HatDigest& digest) {
    auto names = shown_list(
        digest.holders,
        [&](std::size_t i) { return md(hat.holders[i].key) + (hat.holders[i].active ? "" : " (inactive)"); }, "");
    for (const auto& f : hat.former_holders) {
        names += std::string(names.empty() ? "" : ", ") + "~~" + md(f.key) + "~~" + (f.until ? " (until " + day(*f.until) + ")" : "");
    }
    return names.empty() ? "—" : names;
}

std::string workers_cell(const engine::HatCycle& hat, const engine::HatDigest& digest) {
    return shown_list(
        digest.workers,
        [&](std::size_t i) {
            const auto& c = hat.contributors[i];
            return fmt::format("{} {} ({:.0f}%)", md(c.label), c.evidence, c.share * 100.0);
        },
        "nobody");
}

// "ok", or "vacant (was single-point)" when the status changed.
std::string status_cell(const engine::HatCycle& hat) {
    const std::string now(engine::to_string(hat.status));
    if (!hat.previous_status || *hat.previous_status == hat.status) return now;
    return now + " (was " + std::string(engine::to_string(*hat.previous_status)) + ")";
}

std::string coverage(const engine::CycleReport& r) {
    std::string out = "## Coverage\n\n| hat | status | holders | evidence | who did the work |\n|---|---|---|--:|---|\n";
    std::string idle;
    for (std::size_t i = 0; i < r.hats.size(); ++i) {
        const auto& hat = r.hats[i];
        const auto& digest = r.digest.hats[i];
        if (digest.idle) {
            idle += (idle.empty() ? "" : ", ") + md(hat.hat);
            continue;
        }
        out += fmt::format("| {} | {} | {} | {} | {} |\n", md(hat.hat), status_cell(hat), holders_cell(hat, digest),
                           with_trend(value(hat.evidence), hat.evidence), workers_cell(hat, digest));
    }
    if (!idle.empty()) out += "\nNobody held or worked on: " + idle + ".\n";
    out += "\nEvidence: the hat's items this cycle; names not under holders do not hold the hat. ~~Struck~~: term "
           "ended.\n";
    bool explained = false;
    for (std::size_t i = 0; i < r.hats.size(); ++i) {
        const auto& hat = r.hats[i];
        if (!r.digest.hats[i].explain) continue;
        if (!explained) out += "\n";
        explained = true;
        out += fmt::format("- **{}**: {}", md(hat.hat), md(finding_message(hat.finding)));
        std::string changes;
        for (const auto& change : hat.changes) changes += (changes.empty() ? "" : "; ") + md(change.text);
        if (!changes.empty()) out += ". Changes: " + changes;
        out += "\n";
    }
    return out + "\n";
}

std::string hats_cell(const engine::PersonCycle& p) {
    std::vector<std::string> hats;
    for (const auto& hat : p.hats) {
        const bool sole = std::find(p.sole_hats.begin(), p.sole_hats.end(), hat) != p.sole_hats.end();
        hats.push_back(md(hat) + (sole ? " (sole)" : ""));
    }
    return join(hats);
}

std::string risk_cell(const engine::PersonCycle& p) {
    const std::string now(engine::to_string(p.risk));
    if (!p.previous_risk) return now + " (★ new)";
    if (p.risk_trend == engine::Trend::same) return now + " (= same)";
    return fmt::format("{} ({} from {}, {})", now, p.risk_trend == engine::Trend::up ? "↑" : "↓",
                       engine::to_string(*p.previous_risk), engine::to_string(p.risk_assessment));
}

std::string load(const engine::CycleReport& r) {
    std::string out = "## Load\n\n";
    const auto& rows = r.digest.load_table;
    if (!rows.items.empty()) {
        out += "| person | risk | commitment | hats | commits | signals |\n|---|---|--:|---|--:|---|\n";
    }
    for (const auto i : rows.items) {
        const auto& p = r.people[i];
        const auto signals = md(signals_brief(p.load));
        out += fmt::format("| {} | {} | {} | {} | {} | {} |\n", md(p.label()), risk_cell(p),
                           with_trend(value(p.commitment), p.commitment), hats_cell(p),
                           with_trend(value(p.commits), p.commits), signals == "-" ? "—" : signals);
    }
    if (rows.more > 0) {
        out += fmt::format("{}{} {} no hat and no burnout signal.\n",
                           rows.items.empty() ? "" : "\n", rows.more,
                           rows.more == 1 ? "other person holds" : "other people hold");
    }
    return out + "\nCommitment: hat effort (share of a full-time week) ÷ capacity; above 1.00 is over-committed. "
                 "(sole): the only active holder.\n\n";
}

std::string checkins(const engine::CycleReport& r) {
    if (r.checkins.people == 0) return {};
    std::string out = "## Check-ins\n\n" + md(checkin_summary_words(r.checkins)) + "\n\n";
    if (r.digest.checkins.empty()) return out;
    out += "| person | says | measured load | commitment | note |\n|---|---|---|--:|---|\n";
    for (const auto i : r.digest.checkins) {
        const auto& p = r.people[i];
        const auto& c = *p.checkin;
        out += fmt::format("| {} | {} | {}{} | {} | {} |\n", md(p.label()), checkin_answer_words(c),
                           engine::to_string(c.measured), c.disagrees() ? " (disagrees)" : "", value(p.commitment),
                           c.checkin.note ? md(*c.checkin.note) : "—");
    }
    return out + "\nLight: commitment at most half of the maximum and no burnout signal; heavy: over-committed or "
                 "at high risk.\n\n";
}

std::string people_changes(const engine::CycleReport& r) {
    const auto newcomers = shown_list(
        r.digest.newcomers,
        [&](std::size_t i) {
            const auto& n = r.newcomers[i];
            return fmt::format("{} ({}, {} commit{})", md(n.name.empty() ? n.key : n.name), day(n.first_commit),
                               n.commits, n.commits == 1 ? "" : "s");
        },
        "nobody");
    const auto leavers = shown_list(
        r.digest.leavers,
        [&](std::size_t i) {
            const auto& l = r.leavers[i];
            return fmt::format("{} ({}, {} commit{}{})", md(l.name.empty() ? l.key : l.name),
                               day(l.last_commit), l.previous_commits, l.previous_commits == 1 ? "" : "s",
                               l.hats.empty() ? "" : "; still holds " + md(join(l.hats)));
        },
        "nobody");
    return fmt::format("## Newcomers and leavers\n\n**New this cycle** ({}, first commit in the cycle): {}.\n\n"
                       "**Stopped contributing** ({}, commits last cycle, none this cycle): {}.\n\n",
                       r.newcomers.size(), newcomers, r.leavers.size(), leavers);
}

std::string releases(const engine::CycleReport& r) {
    std::string out = "## Releases\n\n";
    if (r.releases.empty()) return out + "No tag was made in this cycle.\n\n";
    out += "| tag | date | by | kind |\n|---|---|---|---|\n";
    for (const auto& t : r.releases) {
        out += fmt::format("| {} | {} | {} | {} |\n", md(t.tag), day(t.time), t.by.empty() ? "—" : md(t.by),
                           t.release ? "release" : "other tag");
    }
    return out + "\n";
}

std::string asks(const engine::CycleReport& r) {
    std::string out = "## Asks\n\n";
    if (r.asks.empty()) return out + "Nothing to ask: no finding calls for action this cycle.\n";
    for (std::size_t i = 0; i < r.asks.size(); ++i) out += fmt::format("{}. {}.\n", i + 1, md(r.asks[i].text));
    return out;
}

}  // namespace

std::string figure_value(double value, engine::Scale scale) {
    return scale == engine::Scale::count ? fmt::format("{:.0f}", value) : fmt::format("{:.2f}", value);
}

std::string trend_words(engine::Trend trend, engine::Assessment assessment) {
    std::string out;
    switch (trend) {
        case engine::Trend::up: out = "↑ up"; break;
        case engine::Trend::down: out = "↓ down"; break;
        case engine::Trend::same: out = "= same"; break;
        case engine::Trend::fresh: out = "★ new"; break;
    }
    if (assessment != engine::Assessment::neutral) out += ", " + std::string(engine::to_string(assessment));
    return out;
}

std::string render_cycle_markdown(const engine::CycleReport& report) {
    // Names from the roster and commits are in every section: control characters escaped.
    return util::printable_lines(header(report) + summary(report) + coverage(report) + load(report) + checkins(report) + people_changes(report) +
           releases(report) + asks(report) +
           fmt::format("\n---\n_roles report, HEAD {}_\n", report.head_id.substr(0, 12)));
}

}  // namespace roles::report
