#include <algorithm>
#include <array>
#include <cctype>

#include <fmt/color.h>
#include <fmt/format.h>

#include "checkin_words.hpp"
#include "roles/report/load.hpp"
#include "roles/util/table.hpp"
#include "roles/util/text.hpp"
#include "roles/util/time.hpp"

namespace roles::report {
namespace {

using engine::RiskLevel;
using engine::Signal;

constexpr std::array<Signal, 7> k_signals = {Signal::after_hours, Signal::weekend,        Signal::long_streak,
                                             Signal::rising_load, Signal::over_committed, Signal::many_hats,
                                             Signal::sole_holder};
constexpr std::array<const char*, 7> k_weekdays = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
constexpr std::uint32_t k_bar_width = 40;

std::string percent(double share) {
    return fmt::format("{:.0f}%", share * 100.0);
}

std::string day(const roster::Date& date) {
    return util::format_date(date.seconds());
}

fmt::text_style risk_style(RiskLevel risk) {
    switch (risk) {
        case RiskLevel::high:
            return fmt::fg(fmt::terminal_color::bright_red) | fmt::emphasis::bold;
        case RiskLevel::medium:
            return fmt::fg(fmt::terminal_color::yellow);
        case RiskLevel::low:
        case RiskLevel::none:
            return {};
    }
    return {};
}

std::string header(const engine::LoadResult& r) {
    std::string out = fmt::format("roles load: {}{}\n",
                                  r.project.empty() ? "(unnamed project)" : util::printable(r.project),
                                  r.roster_file.empty() ? " (no roster: discovery mode, generic hats)"
                                                        : " (roster " + util::printable(r.roster_file) + ")");
    out += fmt::format("window {} .. {}, HEAD {}\n", util::format_date(r.window.begin),
                       util::format_date(r.window.end), r.head_id.substr(0, 12));
    return out;
}

std::string hats_cell(const engine::PersonLoadRow& row) {
    std::string out;
    for (const auto& hat : row.hats) {
        const bool sole = std::ranges::find(row.sole_hats, hat) != row.sole_hats.end();
        out += fmt::format("{}{}{}", out.empty() ? "" : ", ", hat, sole ? "*" : "");
    }
    return out.empty() ? "-" : out;
}

bool shown(const LoadView& view, const engine::PersonLoadRow& row) {
    return view.detail != Detail::quiet || row.risk != RiskLevel::none;
}

std::string thresholds_line(const roster::Thresholds& t) {
    std::string out = fmt::format(
        "signals: after-hours and weekend: share of the last {}d >= {}x the {}d before "
        "(>= {} commits in each);\n",
        t.recent_days, t.after_hours_ratio, t.baseline_days, t.after_hours_min_commits);
    out += fmt::format(
        "         long-streak >= {} days in a row; rising-load: active days >= {}x the {}d before and >= {};\n",
        t.long_streak_days, t.rising_load_ratio, t.recent_days, t.rising_load_min_days);
    out += fmt::format(
        "         over-committed > {:.2f}; many-hats >= {}; sole-holder of >= {} hats. Risk high = 3 or more.\n",
        t.commitment_max, t.many_hats, t.sole_holder_hats);
    return out;
}

std::string people_table(const LoadView& view, Color color) {
    // PERSON is the key 'roles load --person' takes; NAME how people are named elsewhere.
    util::Table table({"PERSON", "NAME", "RISK", "COMMITMENT", "EFFORT", "CAPACITY", "HATS", "COMMITS", "ACTIVE DAYS",
                       "SHARE", "SIGNALS"});
    std::vector<RiskLevel> risks;
    for (const auto& row : view.result.people) {
        if (!shown(view, row)) continue;
        table.add_row({row.key, row.name.empty() ? row.key : util::printable(row.name),
                       std::string(engine::to_string(row.risk)),
                       fmt::format("{:.2f}", row.commitment), fmt::format("{:.2f}", row.effort),
                       fmt::format("{:.2f}", row.capacity), hats_cell(row),
                       std::to_string(row.load.profile.commits), std::to_string(row.load.profile.active_days),
                       percent(row.commit_share), signals_brief(row.load)});
        risks.push_back(row.risk);
    }
    if (risks.empty()) return "nobody shows a burnout signal\n";
    return table.render([&](std::size_t r, std::size_t column, const std::string& cell) {
        if (color == Color::off) return cell;
        if (r == 0) return fmt::format(fmt::emphasis::bold, "{}", cell);
        return column == 2 ? fmt::format(risk_style(risks[r - 1]), "{}", cell) : cell;
    });
}

std::string upper(std::string text) {
    std::ranges::transform(text, text.begin(), [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    return text;
}

std::string last_activity_cell(const engine::PersonLoadRow& row) {
    if (!row.last_activity) return "never";
    return fmt::format("{} ({})", util::format_date(row.last_activity->time), roster::to_string(row.last_activity->kind));
}

// One column per kind of activity, so that a maintainer who applies, signs off or reviews
// is seen beside those who author.
std::string activity_table(const LoadView& view) {
    std::vector<std::string> columns{"PERSON"};
    for (const auto& name : roster::activity_kind_names()) columns.push_back(upper(name));
    columns.emplace_back("LAST ACTIVE");
    util::Table table(columns);
    for (const auto& row : view.result.people) {
        if (!shown(view, row)) continue;
        std::vector<std::string> cells{row.key};
        for (const auto count : row.activity) cells.push_back(std::to_string(count));
        cells.push_back(last_activity_cell(row));
        table.add_row(cells);
    }
    return table.render();
}

std::string activity_words(const engine::PersonLoadRow& row) {
    std::string out;
    for (std::size_t k = 0; k < row.activity.size(); ++k) {
        out += fmt::format("{}{} {}", out.empty() ? "" : ", ",
                           roster::to_string(static_cast<roster::ActivityKind>(k)), row.activity[k]);
    }
    return out;
}

// The check-ins of the window beside the measured load (engine/checkin.hpp).
std::string checkins_table(const LoadView& view) {
    util::Table table({"PERSON", "SAYS", "ON", "MEASURED", "COMMITMENT", "RISK", "DISAGREES", "NOTE"});
    for (const auto& row : view.result.people) {
        if (!shown(view, row) || !row.checkin) continue;
        const auto& c = *row.checkin;
        table.add_row({row.key, std::string(roster::to_string(c.checkin.answer)), day(c.checkin.date),
                       std::string(engine::to_string(c.measured)), fmt::format("{:.2f}", row.commitment),
                       std::string(engine::to_string(row.risk)),
                       c.disagrees() ? std::string(engine::to_string(c.agreement)) : "-",
                       c.checkin.note ? util::printable(*c.checkin.note) : "-"});
    }
    return "\nCheck-ins in the window (measured: heavy = over-committed or high risk, light = commitment at most "
           "half of commitment_max and no signal):\n" +
           table.render() + checkin_summary_words(view.result.checkins) + "\n";
}

std::string render_overview(const LoadView& view, Color color) {
    const auto& r = view.result;
    const auto table = people_table(view, color);
    if (view.detail == Detail::quiet) return table;
    std::string out = header(r);
    out += fmt::format("{} commit{} in the window; {} {}\n\n", r.commits, r.commits == 1 ? "" : "s",
                       r.people.size(), r.people.size() == 1 ? "person" : "people");
    out += table;
    const bool any_sole =
        std::ranges::any_of(r.people, [](const auto& row) { return !row.sole_hats.empty(); });
    out += "\n";
    if (any_sole) out += "* sole active holder of the hat\n";
    out += thresholds_line(r.thresholds);
    if (r.checkins.people > 0) out += checkins_table(view);
    if (!r.people.empty()) out += "\nActivity in the window by kind (see README, \"Activity\"):\n" + activity_table(view);
    for (const auto& warning : r.warnings) out += "warning: " + warning + "\n";
    return out;
}

// --person: the figures behind each signal, in words.
std::string share_figures(const engine::ShareTest& test, const char* what, const roster::Thresholds& t) {
    return fmt::format(
        "last {}d: {} of {} commits {} ({}); {}d before: {} of {} ({}); flags at >= {}x with >= {} "
        "commits in each",
        t.recent_days, test.recent_matching, test.recent_commits, what, percent(test.recent_share()),
        t.baseline_days, test.baseline_matching, test.baseline_commits, percent(test.baseline_share()),
        t.after_hours_ratio, t.after_hours_min_commits);
}

std::string signal_figures(const engine::PersonLoadRow& row, Signal signal, const roster::Thresholds& t) {
    const auto& s = row.load.signals;
    const auto& streak = row.load.profile.longest_streak;
    switch (signal) {
        case Signal::after_hours:
            return share_figures(s.after_hours, "after hours", t);
        case Signal::weekend:
            return share_figures(s.weekend, "on weekends", t);
        case Signal::long_streak:
            return fmt::format(
                "longest run {} active day{}{}; flags at >= {}", streak.days, streak.days == 1 ? "" : "s",
                streak.days == 0 ? "" : " (" + day(streak.first) + " .. " + day(streak.last) + ")",
                t.long_streak_days);
        case Signal::rising_load:
            return fmt::format("last {}d: {} active days; {}d before: {}; flags at >= {}x and >= {}",
                               t.recent_days, s.rising_load.recent_active_days, t.recent_days,
                               s.rising_load.previous_active_days, t.rising_load_ratio,
                               t.rising_load_min_days);
        case Signal::over_committed:
            return fmt::format("effort {:.2f} / capacity {:.2f} = {:.2f}; flags above {:.2f}", row.effort,
                               row.capacity, row.commitment, t.commitment_max);
        case Signal::many_hats:
            return fmt::format("{} hat{} held; flags at >= {}", row.hats.size(),
                               row.hats.size() == 1 ? "" : "s", t.many_hats);
        case Signal::sole_holder:
            return fmt::format("sole active holder of {} hat{}; flags at >= {}", row.sole_hats.size(),
                               row.sole_hats.size() == 1 ? "" : "s", t.sole_holder_hats);
    }
    return {};
}

std::string signals_table(const engine::PersonLoadRow& row, const roster::Thresholds& t, Color color) {
    util::Table table({"SIGNAL", "ON", "FIGURES"});
    const auto active = row.load.signals.active();
    std::vector<bool> on;
    for (const auto signal : k_signals) {
        on.push_back(std::ranges::find(active, signal) != active.end());
        table.add_row({std::string(engine::to_string(signal)), on.back() ? "yes" : "no",
                       signal_figures(row, signal, t)});
    }
    return table.render([&](std::size_t r, std::size_t column, const std::string& cell) {
        if (color == Color::off) return cell;
        if (r == 0) return fmt::format(fmt::emphasis::bold, "{}", cell);
        return column == 1 && on[r - 1] ? fmt::format(fmt::fg(fmt::terminal_color::yellow), "{}", cell)
                                        : cell;
    });
}

template <std::size_t N>
std::string histogram(const std::string& title, const std::array<std::string, N>& labels,
                      const std::array<std::uint32_t, N>& counts) {
    const auto most = *std::ranges::max_element(counts);
    util::Table table({title, "COMMITS", ""});
    for (std::size_t i = 0; i < N; ++i) {
        // Scaled to the busiest bucket; any commit shows at least one mark.
        const auto marks =
            most == 0 ? 0 : std::max<std::uint32_t>(counts[i] > 0 ? 1 : 0, counts[i] * k_bar_width / most);
        table.add_row({labels[i], std::to_string(counts[i]), std::string(marks, '#')});
    }
    return table.render();
}

std::string hour_histogram(const engine::TimeProfile& profile) {
    std::array<std::string, 24> labels;
    for (std::size_t h = 0; h < labels.size(); ++h) labels[h] = fmt::format("{:02}", h);
    return histogram("LOCAL HOUR", labels, profile.by_hour);
}

std::string weekday_histogram(const engine::TimeProfile& profile) {
    std::array<std::string, 7> labels;
    for (std::size_t d = 0; d < labels.size(); ++d) labels[d] = k_weekdays[d];
    return histogram("WEEKDAY", labels, profile.by_weekday);
}

std::string evidence_table(const engine::PersonLoadRow& row) {
    if (row.evidence.empty()) return "no hat held and no hat's evidence in the window\n";
    util::Table table({"HAT", "HELD", "EFFORT", "EVIDENCE", "SHARE", "LAST"});
    for (const auto& hat : row.evidence) {
        table.add_row({hat.hat,
                       hat.sole   ? "sole"
                       : hat.held ? "yes"
                                  : "no",
                       fmt::format("{:.2f}", hat.effort), fmt::format("{} of {}", hat.evidence, hat.items),
                       hat.items == 0 ? "-" : percent(hat.share),
                       hat.last ? util::format_date(*hat.last) : "-"});
    }
    return table.render();
}

std::string person_summary(const engine::PersonLoadRow& row, const engine::LoadResult& r) {
    std::string names;
    for (const auto signal : row.load.signals.active())
        names += (names.empty() ? "" : ", ") + std::string(engine::to_string(signal));
    std::string hats;
    for (const auto& hat : row.hats) {
        const bool sole = std::ranges::find(row.sole_hats, hat) != row.sole_hats.end();
        hats += fmt::format("{}{}{}", hats.empty() ? "" : ", ", hat, sole ? " (sole)" : "");
    }
    const auto& p = row.load.profile;
    std::string out = fmt::format("person: {} ({}{}{})\n", util::printable(row.key), util::printable(row.name),
                                  row.affiliation ? ", " + util::printable(*row.affiliation) : std::string(),
                                  row.on_roster ? "" : "; not on the roster");
    out += fmt::format("risk: {}{}\n", engine::to_string(row.risk), names.empty() ? "" : " (" + names + ")");
    out += fmt::format("hats: {}; effort {:.2f} / capacity {:.2f} = commitment {:.2f}\n",
                       hats.empty() ? "none" : hats, row.effort, row.capacity, row.commitment);
    out += fmt::format(
        "activity: {} commit{} in the window ({} of {}), {} active day{}, longest streak {} day{}\n",
        p.commits, p.commits == 1 ? "" : "s", percent(row.commit_share), r.commits, p.active_days,
        p.active_days == 1 ? "" : "s", p.longest_streak.days, p.longest_streak.days == 1 ? "" : "s");
    out += fmt::format("activity by kind in the window: {}; last active {}\n", activity_words(row),
                       last_activity_cell(row));
    if (row.checkin) {
        out += fmt::format("check-in: {}{}; {}\n", checkin_answer_words(*row.checkin),
                           row.checkin->checkin.note ? " (\"" + util::printable(*row.checkin->checkin.note) + "\")" : "",
                           checkin_measured_words(*row.checkin));
    }
    return out;
}

std::string render_person_text(const LoadView& view, Color color) {
    const auto& row = *view.person;
    const auto& r = view.result;
    std::string out = header(r) + person_summary(row, r) + "\n";
    out += signals_table(row, r.thresholds, color) + "\n";
    out += "Commits in the window by local time (author time plus that commit's own UTC offset):\n";
    out += hour_histogram(row.load.profile) + "\n" + weekday_histogram(row.load.profile) + "\n";
    out += "Hats held and hat evidence in the window:\n" + evidence_table(row);
    for (const auto& warning : r.warnings) out += "warning: " + warning + "\n";
    return out;
}

}  // namespace

std::string signal_brief(const engine::BurnoutSignals& s, const engine::TimeProfile& profile, Signal signal) {
    const auto name = engine::to_string(signal);
    switch (signal) {
        case Signal::after_hours:
            return fmt::format("{} {} vs {}", name, percent(s.after_hours.recent_share()),
                               percent(s.after_hours.baseline_share()));
        case Signal::weekend:
            return fmt::format("{} {} vs {}", name, percent(s.weekend.recent_share()),
                               percent(s.weekend.baseline_share()));
        case Signal::long_streak:
            return fmt::format("{} {}d", name, profile.longest_streak.days);
        case Signal::rising_load:
            return fmt::format("{} {}d vs {}d", name, s.rising_load.recent_active_days,
                               s.rising_load.previous_active_days);
        case Signal::over_committed:
            return fmt::format("{} {:.2f}", name, s.hat_load.commitment);
        case Signal::many_hats:
            return fmt::format("{} {}", name, s.hat_load.hats);
        case Signal::sole_holder:
            return fmt::format("{} {}", name, s.hat_load.sole_hats);
    }
    return std::string(name);
}

std::string signals_brief(const engine::PersonLoad& load) {
    std::string out;
    for (const auto signal : load.signals.active()) {
        out += (out.empty() ? "" : ", ") + signal_brief(load.signals, load.profile, signal);
    }
    return out.empty() ? "-" : out;
}

std::string render_load_text(const LoadView& view, Color color) {
    auto text = view.person != nullptr ? render_person_text(view, color) : render_overview(view, color);
    // Without colour (a pipe, a file, a CI log) every line is made printable; with colour the
    // tables' cells are, before colour is added.
    return color == Color::off ? util::printable_lines(text) : text;
}

}  // namespace roles::report
