// Durations and dates as rosters write them (docs/roster-format.md, "Values").

#include <cctype>
#include <charconv>
#include <chrono>

#include "roles/roster/loader.hpp"

namespace roles::roster {

namespace {

// Days per unit; a month is 30 days and a year 365 so that windows are plain day counts.
std::optional<std::int64_t> days_per_unit(char unit) {
    switch (unit) {
        case 'd':
            return 1;
        case 'w':
            return 7;
        case 'm':
            return 30;
        case 'y':
            return 365;
        default:
            return std::nullopt;
    }
}

// Parses an unsigned decimal that uses every character of `text`.
template <typename Int>
std::optional<Int> parse_digits(std::string_view text) {
    if (text.empty()) return std::nullopt;
    for (char c : text) {
        if (!std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;  // no sign, no space
    }
    Int value{};
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || end != text.data() + text.size()) return std::nullopt;
    return value;
}

}  // namespace

std::optional<Duration> parse_duration(const std::string& text) {
    if (text.size() < 2) return std::nullopt;
    const auto per_unit = days_per_unit(text.back());
    const auto count = parse_digits<std::int64_t>(std::string_view(text).substr(0, text.size() - 1));
    if (!per_unit || !count || *count <= 0) return std::nullopt;
    // Beyond ~27 million years the multiplication could overflow; nobody needs such windows.
    if (*count > 10'000'000) return std::nullopt;
    return Duration{*count * *per_unit};
}

std::optional<Date> parse_date(const std::string& text) {
    // Exactly YYYY-MM-DD: fixed widths keep "2025-3-1" and trailing text out.
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    const std::string_view view(text);
    const auto year = parse_digits<int>(view.substr(0, 4));
    const auto month = parse_digits<unsigned>(view.substr(5, 2));
    const auto day = parse_digits<unsigned>(view.substr(8, 2));
    if (!year || !month || !day) return std::nullopt;
    const std::chrono::year_month_day date{std::chrono::year{*year}, std::chrono::month{*month},
                                           std::chrono::day{*day}};
    if (!date.ok()) return std::nullopt;  // 2025-02-30, month 13, day 0
    return Date{std::chrono::sys_days{date}.time_since_epoch().count()};
}

}  // namespace roles::roster
