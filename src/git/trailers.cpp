#include "roles/git/trailers.hpp"

#include <array>
#include <cctype>
#include <string>

namespace roles::git {
namespace {

// Offsets into the message, as git's trailer.c computes them; each helper mirrors the
// function of the same purpose there, so a difference from git is easy to spot.
constexpr char k_comment = '#';
constexpr std::array<std::string_view, 2> k_git_generated{"Signed-off-by: ", "(cherry picked from commit "};

bool is_space(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }

std::size_t line_end(std::string_view text, std::size_t bol) {
    const auto nl = text.find('\n', bol);
    return nl == std::string_view::npos ? text.size() : nl;
}

std::size_t next_line(std::string_view text, std::size_t bol) {
    const auto end = line_end(text, bol);
    return end < text.size() ? end + 1 : end;
}

bool is_blank_line(std::string_view text, std::size_t bol) {
    for (std::size_t i = bol; i < text.size() && text[i] != '\n'; ++i) {
        if (!is_space(text[i])) return false;
    }
    return true;
}

// The start of the last line of text[0, len); the final newline belongs to that line.
std::ptrdiff_t last_line(std::string_view text, std::size_t len) {
    if (len == 0) return -1;
    if (len == 1) return 0;
    for (auto i = static_cast<std::ptrdiff_t>(len) - 2; i >= 0; --i) {
        if (text[static_cast<std::size_t>(i)] == '\n') return i + 1;
    }
    return 0;
}

// git's find_separator with the default separator ':': a token of letters, digits and
// '-', optionally followed by spaces, then ':'. -1 when the line is no `Key: value` line.
std::ptrdiff_t find_separator(std::string_view line) {
    bool whitespace_found = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (c == ':') return static_cast<std::ptrdiff_t>(i);
        if (!whitespace_found && (std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '-')) continue;
        if (i != 0 && (c == ' ' || c == '\t')) {
            whitespace_found = true;
            continue;
        }
        break;
    }
    return -1;
}

// Where a patch starts: the first line beginning with "---" and then whitespace.
std::size_t find_patch_start(std::string_view text) {
    for (std::size_t bol = 0; bol < text.size(); bol = next_line(text, bol)) {
        if (text.substr(bol).starts_with("---") && (bol + 3 >= text.size() || is_space(text[bol + 3]))) return bol;
    }
    return text.size();
}

// wt_status_locate_end: the scissors line and all after it are not the message.
std::size_t locate_cut_line(std::string_view text) {
    static const std::string pattern = std::string(1, k_comment) + " ------------------------ >8 ------------------------\n";
    if (text.starts_with(pattern)) return 0;
    const auto at = text.find("\n" + pattern);
    return at == std::string_view::npos ? text.size() : at + 1;
}

// ignored_log_message_bytes: the end of the message once trailing comments, blank lines
// and an old-style "Conflicts:" block are left out.
std::size_t find_trailer_end(std::string_view text, std::size_t len) {
    const std::string_view part = text.substr(0, len);
    const std::size_t cutoff = locate_cut_line(part);
    std::size_t boc = 0;
    bool in_conflicts = false;
    for (std::size_t bol = 0; bol < cutoff; bol = next_line(part, bol)) {
        const char first = part[bol];
        if (first == k_comment || first == '\n') {
            if (boc == 0) boc = bol;
        } else if (part.substr(bol).starts_with("Conflicts:\n")) {
            in_conflicts = true;
            if (boc == 0) boc = bol;
        } else if (in_conflicts && first == '\t') {
            // a path in the conflicts block
        } else if (boc != 0) {
            boc = 0;
            in_conflicts = false;
        }
    }
    return boc != 0 ? boc : cutoff;
}

// The end of the title: the first paragraph never holds trailers.
std::size_t end_of_title(std::string_view text, std::size_t len) {
    std::size_t bol = 0;
    for (; bol < len; bol = next_line(text, bol)) {
        if (text[bol] == k_comment) continue;
        if (is_blank_line(text, bol)) break;
    }
    return bol;
}

// Counters of find_trailer_start's backwards scan over the last paragraph.
struct BlockScan {
    bool only_spaces = true;
    bool recognized_prefix = false;
    int trailer_lines = 0;
    int non_trailer_lines = 0;
    int possible_continuation_lines = 0;
};

void scan_line(std::string_view line, BlockScan& scan) {
    for (std::string_view prefix : k_git_generated) {
        if (line.starts_with(prefix)) {
            ++scan.trailer_lines;
            scan.possible_continuation_lines = 0;
            scan.recognized_prefix = true;
            return;
        }
    }
    if (find_separator(line) >= 1 && !is_space(line.front())) {
        ++scan.trailer_lines;
        scan.possible_continuation_lines = 0;
    } else if (is_space(line.front())) {
        ++scan.possible_continuation_lines;
    } else {
        scan.non_trailer_lines += 1 + scan.possible_continuation_lines;
        scan.possible_continuation_lines = 0;
    }
}

// find_trailer_start: scanning up from the end, the blank line above a block that is all
// trailers, or holds a git-generated trailer and at least 25% trailers. len: no block.
std::size_t find_trailer_start(std::string_view text, std::size_t len) {
    const auto title_end = static_cast<std::ptrdiff_t>(end_of_title(text, len));
    BlockScan scan;
    for (auto l = last_line(text, len); l >= title_end; l = last_line(text, static_cast<std::size_t>(l))) {
        const auto bol = static_cast<std::size_t>(l);
        if (text[bol] == k_comment) {
            scan.non_trailer_lines += scan.possible_continuation_lines;
            scan.possible_continuation_lines = 0;
            continue;
        }
        if (is_blank_line(text, bol)) {
            if (scan.only_spaces) continue;
            scan.non_trailer_lines += scan.possible_continuation_lines;
            const bool accepted = (scan.recognized_prefix && scan.trailer_lines * 3 >= scan.non_trailer_lines) ||
                                  (scan.trailer_lines > 0 && scan.non_trailer_lines == 0);
            return accepted ? next_line(text, bol) : len;
        }
        scan.only_spaces = false;
        scan_line(text.substr(bol, line_end(text, bol) - bol), scan);
    }
    return len;
}

std::string_view trim(std::string_view text) {
    while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
    while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
    return text;
}

// unfold_value: each newline and the whitespace after it become one space.
std::string unfold(std::string_view value) {
    std::string out;
    out.reserve(value.size());
    for (std::size_t i = 0; i < value.size();) {
        const char c = value[i++];
        if (c != '\n') {
            out.push_back(c);
            continue;
        }
        while (i < value.size() && is_space(value[i])) ++i;
        out.push_back(' ');
    }
    return std::string(trim(out));
}

// The block's lines with continuation lines appended to the trailer above them.
std::vector<std::string> join_continuations(std::string_view block) {
    std::vector<std::string> lines;
    bool last_is_trailer = false;
    for (std::size_t bol = 0; bol < block.size(); bol = next_line(block, bol)) {
        const std::string_view line = block.substr(bol, next_line(block, bol) - bol);
        if (last_is_trailer && is_space(line.front())) {
            lines.back().append(line);
            continue;
        }
        lines.emplace_back(line);
        last_is_trailer = find_separator(line) >= 1;
    }
    return lines;
}

}  // namespace

std::vector<Trailer> parse_trailers(std::string_view message, Divider divider) {
    const std::size_t patch_start = divider == Divider::honoured ? find_patch_start(message) : message.size();
    const std::size_t end = find_trailer_end(message, patch_start);
    const std::size_t start = find_trailer_start(message, end);
    std::vector<Trailer> trailers;
    if (start >= end) return trailers;
    for (const std::string& line : join_continuations(message.substr(start, end - start))) {
        if (line.front() == k_comment) continue;
        const auto separator = find_separator(line);
        if (separator < 1) continue;
        const auto at = static_cast<std::size_t>(separator);
        trailers.push_back(Trailer{std::string(trim(std::string_view(line).substr(0, at))),
                                   unfold(trim(std::string_view(line).substr(at + 1)))});
    }
    return trailers;
}

}  // namespace roles::git
