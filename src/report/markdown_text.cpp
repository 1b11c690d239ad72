#include "markdown_text.hpp"

#include <algorithm>
#include <cstdint>

#include <fmt/format.h>

#include "roles/report/findings.hpp"
#include "roles/engine/coverage.hpp"
#include "roles/report/load.hpp"
#include "roles/util/text.hpp"

namespace roles::report {

namespace {

// The text on one line and printable (util::printable: C0/C1 controls and DEL as \xNN or
// \uNNNN, bidi and line-separator marks as \uNNNN, bytes that are not UTF-8 as U+FFFD), CR
// and LF first turned into spaces: what both escapers start from, so that no cell can end a
// line, drive a terminal that shows the raw Markdown, or reorder what a viewer shows.
std::string one_printable_line(std::string_view text) {
    std::string flat(text);
    std::ranges::replace(flat, '\r', ' ');
    std::ranges::replace(flat, '\n', ' ');
    return util::printable(flat);
}

}  // namespace

std::string md_escape(std::string_view text) {
    const auto line = one_printable_line(text);
    std::string out;
    out.reserve(line.size());
    for (const char c : line) {
        switch (c) {
            case '\\':
            case '`':
            case '*':
            case '_':
            case '[':
            case ']':
            case '~':
            case '$':
            case '|':
                out += '\\', out += c;
                break;
            case '@':
            case '#':
                // GitHub links mentions and issue references after Markdown is parsed, so a
                // backslash does not stop them; a zero-width space after the sign does.
                out += c, out += "&#8203;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '&':
                out += "&amp;";
                break;
            default:
                out += c;
        }
    }
    return out;
}

std::string md_list(const std::vector<std::string>& items, std::string_view none) {
    if (items.empty()) return std::string(none);
    std::string out;
    for (const auto& item : items) out += (out.empty() ? "" : ", ") + md_escape(item);
    return out;
}

std::string md_fail_on(const std::vector<std::string>& fail_on) {
    std::string joined;
    for (const auto& value : fail_on) joined += (joined.empty() ? "" : ",") + value;
    // A value is one of parse_fail_on's words; a backtick cannot be in it.
    return "`--fail-on " + joined + "`";
}

std::string md_status_counts(const std::uint32_t (&by_status)[7]) {
    std::string out;
    for (std::size_t s = 0; s < std::size(by_status); ++s) {
        if (by_status[s] == 0) continue;
        out += fmt::format("{}{} {}", out.empty() ? "" : ", ", by_status[s],
                           engine::to_string(static_cast<engine::Status>(s)));
    }
    return out.empty() ? std::string("none") : out;
}

std::string md_count(std::size_t n, const char* one, const char* many) {
    return fmt::format("{} {}", n, n == 1 ? one : many);
}

// "**Gate: failed** (`--fail-on vacant`): 1 hat and 1 person at high burnout risk."
std::string md_gate(const std::vector<std::string>& fail_on, const std::vector<std::string>& failures) {
    if (failures.empty()) return "**Gate: passed** (" + md_fail_on(fail_on) + "): nothing matched.\n\n";
    const auto people = static_cast<std::size_t>(std::ranges::count_if(
        failures, [](const std::string& id) { return id.find("burnout:") != std::string::npos; }));
    const auto hats = failures.size() - people;
    std::string what = hats > 0 ? md_count(hats, "hat", "hats") : std::string();
    if (people > 0) {
        what +=
            (what.empty() ? "" : " and ") + md_count(people, "person", "people") + " at high burnout risk";
    }
    return "**Gate: failed** (" + md_fail_on(fail_on) + "): " + what + ".\n\n";
}

std::string md_warnings(const std::vector<std::string>& warnings) {
    std::string out;
    for (const auto& warning : warnings) out += "> **Warning:** " + md_escape(warning) + "\n>\n";
    if (!out.empty()) out.resize(out.size() - 2);
    return out.empty() ? out : out + "\n";
}

std::string hat_reason(const engine::HatCoverage& hat) { return finding_message(hat.finding); }

std::string md_holders(const engine::HatCoverage& hat) {
    std::string out;
    for (const auto& holder : hat.holders) {
        out += (out.empty() ? "" : ", ") + md_escape(holder.key) + (holder.active ? "" : " (inactive)");
    }
    if (!hat.fallback_from.empty() && !out.empty()) out += " (via " + md_escape(hat.fallback_from) + ")";
    if (out.empty()) out = "—";
    if (!hat.former_holders.empty()) out += " (former: " + md_list(hat.former_holders) + ")";
    return out;
}

std::string md_failing_hat_row(const engine::HatCoverage& hat, const std::string& prefix) {
    return fmt::format("| {} | {} | {} | {} |\n", md_escape(prefix + hat.hat), engine::to_string(hat.status),
                       md_holders(hat), md_escape(hat_reason(hat)));
}

std::string md_burnout_row(const engine::PersonLoadRow& row, const std::string& prefix) {
    const auto who = row.on_roster || row.name.empty() ? row.key : row.name + " [" + row.key + "]";
    return fmt::format("| {} | high burnout risk | {} | {} |\n", md_escape(prefix + "burnout:" + row.key),
                       md_escape(who), md_escape(signals_brief(row.load)));
}

std::string md_hat_row(const engine::HatCoverage& hat, const std::string& prefix) {
    const auto share =
        hat.evidence_items == 0 ? std::string("—") : fmt::format("{:.0f}%", hat.holder_share * 100.0);
    return fmt::format("| {} | {} | {} | {} | {} | {} |\n", md_escape(prefix + hat.hat),
                       engine::to_string(hat.status), md_holders(hat), hat.evidence_items, share,
                       md_escape(hat_reason(hat)));
}

std::string md_cell(std::string_view text) {
    const auto line = one_printable_line(text);
    std::string out;
    out.reserve(line.size());
    for (const char c : line) {
        switch (c) {
            case '\\':  // else a name ending in a backslash would undo the escape of what follows
            case '|':
            case '[':
            case ']':
                out += '\\', out += c;
                break;
            case '<':
                out += "&lt;";
                break;
            case '&':
                out += "&amp;";
                break;
            default:
                out += c;
        }
    }
    return out;
}

}  // namespace roles::report
