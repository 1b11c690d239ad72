#include "roles/util/text.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdlib>
#include <memory>
#include <vector>

#include <fmt/format.h>
#include <utf8proc.h>

namespace roles::util {

std::size_t edit_distance(std::string_view a, std::string_view b) {
    // Optimal string alignment: Levenshtein plus adjacent transpositions, the commonest typo.
    std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
    for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
    for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
            }
        }
    }
    return d[a.size()][b.size()];
}

std::optional<std::string> closest_match(std::string_view word,
                                         std::span<const std::string> candidates) {
    const std::size_t limit = std::max<std::size_t>(1, word.size() / 3);
    std::optional<std::string> best;
    std::size_t best_distance = limit + 1;
    for (const auto& candidate : candidates) {
        const std::size_t distance = edit_distance(word, candidate);
        if (distance < best_distance) {
            best_distance = distance;
            best = candidate;
        }
    }
    return best;
}

std::string to_lower_ascii(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

bool equals_ignoring_ascii_case(std::string_view a, std::string_view b) {
    // By hand rather than std::tolower, which follows the C locale: these are ASCII rules.
    const auto lower = [](unsigned char c) { return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c; };
    return std::ranges::equal(a, b, [&](unsigned char x, unsigned char y) { return lower(x) == lower(y); });
}

namespace {

// Titles written before a name in rosters and governance files ("Dr. Jens Harbott"). Only
// these: a longer list would start eating real given names.
bool is_honorific(std::string_view word) {
    static constexpr std::array<std::string_view, 6> k_titles = {"dr", "prof", "mr", "mrs", "ms", "mx"};
    return std::find(k_titles.begin(), k_titles.end(), word) != k_titles.end();
}

// `words` is already lowercase words joined by single spaces.
std::string drop_honorifics(std::string words) {
    for (;;) {
        const auto space = words.find(' ');
        if (space == std::string::npos || !is_honorific(std::string_view(words).substr(0, space))) return words;
        const auto rest = std::string_view(words).substr(space + 1);
        if (rest.find(' ') == std::string_view::npos) return words;  // keep two words at least
        words.erase(0, space + 1);
    }
}

}  // namespace

std::string normalize_name(std::string_view name) {
    // utf8proc does decomposition, mark stripping and case folding in one pass, so that
    // "Előd Illés" and "Elod Illes" meet; a hand-written table would miss scripts.
    utf8proc_uint8_t* mapped = nullptr;
    const auto options = static_cast<utf8proc_option_t>(UTF8PROC_COMPAT | UTF8PROC_DECOMPOSE |
                                                         UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD);
    const auto length = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(name.data()),
                                     static_cast<utf8proc_ssize_t>(name.size()), &mapped, options);
    std::string folded;
    if (length < 0) {
        folded = to_lower_ascii(name);  // invalid UTF-8: fall back to bytes
    } else {
        std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> owner(mapped, &std::free);
        folded.assign(reinterpret_cast<const char*>(mapped), static_cast<std::size_t>(length));
    }
    std::string out;
    bool pending_space = false;
    for (unsigned char c : folded) {
        // Multi-byte sequences are kept whole; ASCII punctuation separates words.
        if (c >= 0x80 || std::isalnum(c)) {
            if (pending_space && !out.empty()) out.push_back(' ');
            pending_space = false;
            out.push_back(static_cast<char>(c));
        } else {
            pending_space = true;
        }
    }
    return drop_honorifics(std::move(out));
}

std::string_view trim(std::string_view text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return {};
    const auto last = text.find_last_not_of(" \t\r\n");
    return text.substr(first, last - first + 1);
}

namespace {

// Code points that move or reorder what a terminal or a viewer shows: the C0 and C1 controls
// and DEL (ESC starts terminal sequences), line and paragraph separators, and the bidi
// embedding, override and isolate marks that can make text read differently than it is.
bool is_disguising(utf8proc_int32_t code) {
    return code < 0x20 || (code >= 0x7f && code < 0xa0) || code == 0x2028 || code == 0x2029 ||
           (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069) || code == 0x200e ||
           code == 0x200f || code == 0x061c;
}

}  // namespace

std::string printable(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
    const auto size = static_cast<utf8proc_ssize_t>(text.size());
    for (utf8proc_ssize_t at = 0; at < size;) {
        utf8proc_int32_t code = 0;
        const utf8proc_ssize_t length = utf8proc_iterate(bytes + at, size - at, &code);
        if (length <= 0) {
            out += "\uFFFD";  // a byte that is not UTF-8 becomes the replacement character
            at += 1;
            continue;
        }
        if (code < 0x80 && is_disguising(code)) {
            out += fmt::format("\\x{:02x}", code);
        } else if (is_disguising(code)) {
            out += fmt::format("\\u{:04x}", code);
        } else {
            out.append(text.substr(static_cast<std::size_t>(at), static_cast<std::size_t>(length)));
        }
        at += length;
    }
    return out;
}

std::string printable_lines(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t start = 0; start < text.size();) {
        const auto end = std::min(text.find('\n', start), text.size());
        out += printable(text.substr(start, end - start));
        if (end < text.size()) out += '\n';
        start = end + 1;
    }
    return out;
}

std::string quoted(std::string_view value) {
    constexpr std::size_t k_longest = 80;  // a whole file pasted into a message helps nobody
    std::string shown = printable(value.substr(0, k_longest));
    if (value.size() > k_longest) shown += "...";
    return "'" + shown + "'";
}

}  // namespace roles::util
