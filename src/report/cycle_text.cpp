// The cycle mail (`roles report --format text`): plain text wrapped at 72 columns, in the
// shape of a cycle summary sent to a project's mailing list. No table, no Markdown: headings
// in capitals, indented paragraphs, "-- " before the footer.
#include <fmt/format.h>

#include <algorithm>
#include <string_view>
#include <utility>
#include <vector>

#include "checkin_words.hpp"
#include "cycle_names.hpp"
#include "roles/util/text.hpp"
#include "roles/report/findings.hpp"
#include "roles/report/cycle.hpp"
#include "roles/report/load.hpp"
#include "roles/util/time.hpp"

namespace roles::report {
namespace {

using engine::Figure;

constexpr std::size_t k_width = 72;
constexpr std::int64_t k_day = 86400;

// Columns a UTF-8 text takes: one per code point (lead bytes), which holds for the names,
// arrows and dashes a report prints.
std::size_t columns(std::string_view text) {
    std::size_t n = 0;
    for (const char c : text) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
    return n;
}

// Newlines and tabs from commit data become spaces, so they cannot break the layout.
std::string flat(std::string_view text) {
    std::string out(text);
    for (char& c : out) c = (c == '\n' || c == '\t' || c == '\r') ? ' ' : c;
    return out;
}

// The bytes of the first `cols` columns of `word`.
std::size_t prefix_bytes(std::string_view word, std::size_t cols) {
    std::size_t bytes = 0;
    for (std::size_t n = 0; bytes < word.size() && n < cols; ++n) {
        ++bytes;
        while (bytes < word.size() && (static_cast<unsigned char>(word[bytes]) & 0xC0) == 0x80) ++bytes;
    }
    return bytes;
}

std::vector<std::string> words_of(std::string_view text) {
    std::vector<std::string> words;
    const auto flattened = flat(text);
    std::string_view rest = flattened;
    while (!rest.empty()) {
        const auto space = rest.find(' ');
        if (space != 0) words.emplace_back(rest.substr(0, space));
        rest = space == std::string_view::npos ? std::string_view() : rest.substr(space + 1);
    }
    return words;
}

// Lines being filled word by word, none wider than k_width.
class Filler {
public:
    Filler(const std::string& first, const std::string& rest)
        : m_rest(rest), m_line(first), m_columns(columns(first)) {}

    void add(std::string word) {
        // A word too long for any line is cut into pieces that fit.
        while (columns(word) > k_width - columns(m_rest)) {
            if (!m_empty) flush();
            const auto bytes = prefix_bytes(word, k_width - m_columns);
            m_line += word.substr(0, bytes);
            m_empty = false;
            flush();
            word.erase(0, bytes);
        }
        const auto width = columns(word);
        if (!m_empty && m_columns + 1 + width > k_width) flush();
        if (!m_empty) {
            m_line += ' ';
            ++m_columns;
        }
        m_line += word;
        m_columns += width;
        m_empty = false;
    }

    std::string done() {
        if (!m_empty) flush();
        return m_out;
    }

private:
    void flush() {
        m_out += m_line + "\n";
        m_line = m_rest;
        m_columns = columns(m_rest);
        m_empty = true;
    }

    std::string m_rest;
    std::string m_line;
    std::size_t m_columns = 0;
    bool m_empty = true;
    std::string m_out;
};

// `text` wrapped at k_width: the first line starts with `first`, the others with `rest`.
std::string wrap(std::string_view text, const std::string& first, const std::string& rest) {
    Filler filler(first, rest);
    for (auto& word : words_of(text)) filler.add(std::move(word));
    return filler.done();
}

std::string para(std::string_view text) { return wrap(text, "  ", "  "); }

std::string heading(std::string_view title) { return fmt::format("\n{}\n\n", title); }

std::string day(std::int64_t seconds) { return util::format_date(seconds); }

std::int64_t days(const engine::Window& w) { return (w.end - w.begin + 1 + k_day / 2) / k_day; }

// "up from 4, worse", "same", "new".
std::string trend_text(const Figure& f) {
    const auto assessed = f.assessment == engine::Assessment::neutral
                              ? std::string()
                              : ", " + std::string(engine::to_string(f.assessment));
    switch (f.trend) {
        case engine::Trend::up: return "up from " + figure_value(*f.previous, f.scale) + assessed;
        case engine::Trend::down: return "down from " + figure_value(*f.previous, f.scale) + assessed;
        case engine::Trend::same: return "same";
        case engine::Trend::fresh: return "new";
    }
    return {};
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
    auto out = wrap(fmt::format("Cycle report: {}, {}", r.project.empty() ? "(no roster)" : r.project, c.label), "", "");
    out += "\n" + wrap(fmt::format("This cycle: {} to {}, {} days ({}{}). Compared with the previous cycle, {}: "
                                   "{} to {}, {} days.",
                                   day(c.window.begin), day(c.window.end), days(c.window), rule_words(c.rule),
                                   c.automatic ? "; picked by auto" : "", c.previous_label, day(c.previous.begin),
                                   day(c.previous.end), days(c.previous)),
                       "", "");
    for (const auto& warning : r.warnings) out += "\n" + wrap("Warning: " + warning, "", "  ");
    return out;
}

std::string figure_line(const std::string& label, const Figure& f) {
    return fmt::format("  {:<28} {:>4}  {}\n", label, figure_value(f.current, f.scale), trend_text(f));
}

std::string numbers(const engine::CycleReport& r) {
    const auto& s = r.summary;
    return heading("IN NUMBERS") + figure_line("commits", s.commits) + figure_line("contributors", s.contributors) +
           figure_line("releases", s.releases) + figure_line(fmt::format("hats ok (of {})", s.hats), s.hats_ok) +
           figure_line("hats at risk", s.hats_at_risk) + figure_line("hats vacant", s.hats_vacant) +
           figure_line("hats unassigned", s.hats_unassigned) + figure_line("truck factor", s.truck_factor) +
           figure_line("contributor absence factor", s.contributor_absence) +
           figure_line("elephant factor", s.elephant) + figure_line("people at high burnout risk", s.high_risk);
}

std::string status_words(const engine::HatCycle& hat) {
    const std::string now(engine::to_string(hat.status));
    if (!hat.previous_status || *hat.previous_status == hat.status) return now;
    return now + " (was " + std::string(engine::to_string(*hat.previous_status)) + ")";
}

std::string needs(const engine::CycleReport& r) {
    std::string out = heading("HATS THAT NEED SOMEONE");
    bool any = false;
    for (std::size_t i = 0; i < r.hats.size(); ++i) {
        const auto& digest = r.digest.hats[i];
        if (!digest.needs_someone) continue;
        any = true;
        out += para(fmt::format("{}, {}: {}.", r.hats[i].hat, status_words(r.hats[i]), finding_message(r.hats[i].finding)));
        for (const auto a : digest.asks) out += wrap("Ask: " + r.asks[a].text + ".", "    ", "    ");
    }
    return out + (any ? "" : para("None: every hat is ok or optional."));
}

std::string holders_words(const engine::HatCycle& hat, const engine::HatDigest& digest) {
    auto out = shown_list(
        digest.holders,
        [&](std::size_t i) { return hat.holders[i].key + (hat.holders[i].active ? "" : " (inactive)"); }, "");
    out = out.empty() ? "no holder" : "held by " + out;
    for (const auto& f : hat.former_holders) {
        out += fmt::format("; {}'s term ended{}", f.key, f.until ? " " + day(*f.until) : "");
    }
    return out;
}

std::string work_words(const engine::HatCycle& hat, const engine::HatDigest& digest) {
    const auto items = static_cast<std::uint32_t>(hat.evidence.current);
    const auto workers = shown_list(
        digest.workers,
        [&](std::size_t i) {
            const auto& c = hat.contributors[i];
            return fmt::format("{} {} ({:.0f}%{})", c.label, c.evidence, c.share * 100.0, c.holder ? "" : ", not a holder");
        },
        "");
    return fmt::format("{} item{} ({}){}", items, items == 1 ? "" : "s", trend_text(hat.evidence),
                       workers.empty() ? "" : ": " + workers);
}

std::string carried(const engine::CycleReport& r) {
    std::string out = heading("WHO CARRIED WHICH HAT");
    std::vector<std::string> idle;
    for (std::size_t i = 0; i < r.hats.size(); ++i) {
        const auto& hat = r.hats[i];
        const auto& digest = r.digest.hats[i];
        if (digest.idle) {
            idle.push_back(hat.hat);
            continue;
        }
        out += para(fmt::format("{}: {}, {}. {}.", hat.hat, status_words(hat), holders_words(hat, digest),
                                work_words(hat, digest)));
        // The status change is in the status words already.
        std::string changes;
        for (const auto& change : hat.changes) {
            if (change.kind == engine::HatChange::Kind::status_changed ||
                change.kind == engine::HatChange::Kind::became_vacant) {
                continue;
            }
            changes += (changes.empty() ? "" : "; ") + change.text;
        }
        if (!changes.empty()) out += wrap("Changed: " + changes + ".", "    ", "    ");
    }
    if (!idle.empty()) {
        std::string names;
        for (const auto& id : idle) names += (names.empty() ? "" : ", ") + id;
        out += para("Nobody held or worked on: " + names + ".");
    }
    return out;
}

std::string person_line(const engine::PersonCycle& p) {
    std::string hats;
    for (const auto& hat : p.hats) {
        const bool sole = std::find(p.sole_hats.begin(), p.sole_hats.end(), hat) != p.sole_hats.end();
        hats += (hats.empty() ? "" : ", ") + hat + (sole ? " (sole)" : "");
    }
    const std::string risk(engine::to_string(p.risk));
    std::string risk_trend = "new";
    if (p.previous_risk) {
        risk_trend = p.risk_trend == engine::Trend::same
                         ? "same"
                         : fmt::format("{} from {}, {}", p.risk_trend == engine::Trend::up ? "up" : "down",
                                       engine::to_string(*p.previous_risk), engine::to_string(p.risk_assessment));
    }
    const auto signals = signals_brief(p.load);
    const auto commits = static_cast<std::uint32_t>(p.commits.current);
    return fmt::format("{}: {} risk ({}); commitment {} ({}); {}; {} commit{} ({}){}.", p.label(), risk, risk_trend,
                       figure_value(p.commitment.current, p.commitment.scale), trend_text(p.commitment),
                       hats.empty() ? "no hat" : "holds " + hats, commits, commits == 1 ? "" : "s",
                       trend_text(p.commits), signals == "-" ? "" : "; " + signals);
}

std::string load(const engine::CycleReport& r) {
    std::string out = heading("LOAD");
    for (const auto i : r.digest.load_table.items) out += para(person_line(r.people[i]));
    const auto more = r.digest.load_table.more;
    if (more > 0) {
        out += para(fmt::format("{} {} no hat and no burnout signal.", more,
                                more == 1 ? "other person holds" : "other people hold"));
    }
    return out + para("Commitment: effort of the hats held (share of a full-time week) over capacity; above 1.00 "
                      "is over-committed. Sole: the only active holder.");
}

std::string checkins(const engine::CycleReport& r) {
    if (r.checkins.people == 0) return {};
    std::string out = heading("CHECK-INS") + para(checkin_summary_words(r.checkins));
    for (const auto i : r.digest.checkins) {
        const auto& p = r.people[i];
        const auto& c = *p.checkin;
        out += para(fmt::format("{} said {}{}; {} (commitment {}, risk {}).", p.label(), checkin_answer_words(c),
                                c.checkin.note ? " (\"" + *c.checkin.note + "\")" : "", checkin_measured_words(c),
                                figure_value(p.commitment.current, p.commitment.scale), engine::to_string(p.risk)));
    }
    return out;
}

std::string people_changes(const engine::CycleReport& r) {
    auto newcomers = shown_list(
        r.digest.newcomers,
        [&](std::size_t i) {
            const auto& n = r.newcomers[i];
            return fmt::format("{} ({}, {} commit{})", n.name.empty() ? n.key : n.name, day(n.first_commit),
                               n.commits, n.commits == 1 ? "" : "s");
        },
        "nobody");
    auto leavers = shown_list(
        r.digest.leavers,
        [&](std::size_t i) {
            const auto& l = r.leavers[i];
            std::string hats;
            for (const auto& hat : l.hats) hats += (hats.empty() ? "" : ", ") + hat;
            return fmt::format("{} ({}, {} commit{} last cycle{})", l.name.empty() ? l.key : l.name,
                               day(l.last_commit), l.previous_commits, l.previous_commits == 1 ? "" : "s",
                               hats.empty() ? "" : "; still holds " + hats);
        },
        "nobody");
    return heading("NEWCOMERS AND LEAVERS") +
           para(fmt::format("New this cycle ({}): {}.", r.newcomers.size(), newcomers)) +
           para(fmt::format("Stopped contributing ({}): {}.", r.leavers.size(), leavers));
}

std::string releases(const engine::CycleReport& r) {
    std::string out = heading("RELEASES");
    if (r.releases.empty()) return out + para("No tag was made in this cycle.");
    for (const auto& t : r.releases) {
        out += para(fmt::format("{} on {}{}{}.", t.tag, day(t.time), t.by.empty() ? "" : " by " + t.by,
                                t.release ? "" : " (not a release)"));
    }
    return out;
}

std::string other_asks(const engine::CycleReport& r) {
    if (r.digest.other_asks.empty()) return {};
    std::string out = heading("OTHER ASKS");
    std::size_t n = 0;
    for (const auto i : r.digest.other_asks) {
        const auto number = fmt::format("  {}. ", ++n);
        out += wrap(r.asks[i].text + ".", number, std::string(number.size(), ' '));
    }
    return out;
}

}  // namespace

std::string render_cycle_text(const engine::CycleReport& report) {
    // Names from the roster and commits are in every section: control characters escaped.
    return util::printable_lines(header(report) + numbers(report) + needs(report) + carried(report) + load(report) +
                                 checkins(report) + people_changes(report) + releases(report) + other_asks(report) +
                                 fmt::format("\n-- \nroles report, HEAD {}\n", report.head_id.substr(0, 12)));
}

}  // namespace roles::report
