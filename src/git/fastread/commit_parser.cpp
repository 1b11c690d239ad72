#include "commit_parser.hpp"

#include <cstring>
#include <string_view>

namespace roles::git::fastread {

namespace {

constexpr std::size_t k_hex_size = GIT_OID_HEXSZ;
constexpr int k_max_time_digits = 18;  // beyond, libgit2's overflow rules apply: give up
constexpr int k_zone_digits = 4;

struct Cursor {
    const char* position;
    const char* end;
};

bool starts_with(const Cursor& cursor, std::string_view prefix) {
    return static_cast<std::size_t>(cursor.end - cursor.position) >= prefix.size() &&
           std::memcmp(cursor.position, prefix.data(), prefix.size()) == 0;
}

// "<header><40 hex>\n", as git_oid__parse.
bool parse_id_line(Cursor& cursor, std::string_view header, git_oid& id) {
    if (static_cast<std::size_t>(cursor.end - cursor.position) < header.size() + k_hex_size + 1) return false;
    if (!starts_with(cursor, header) || cursor.position[header.size() + k_hex_size] != '\n') return false;
    if (git_oid_fromstrn(&id, cursor.position + header.size(), k_hex_size) < 0) return false;
    cursor.position += header.size() + k_hex_size + 1;
    return true;
}

// signature.c is_crud: what extract_trimmed strips from both ends of names and emails.
bool is_crud(unsigned char c) {
    return c <= 32 || c == '.' || c == ',' || c == ':' || c == ';' || c == '<' || c == '>' || c == '"' ||
           c == '\\' || c == '\'';
}

std::string trimmed(const char* begin, const char* end) {
    while (begin < end && is_crud(static_cast<unsigned char>(*begin))) ++begin;
    while (end > begin && is_crud(static_cast<unsigned char>(end[-1]))) --end;
    // git__substrdup copies up to a NUL, as strndup does.
    const auto* nul = static_cast<const char*>(std::memchr(begin, '\0', static_cast<std::size_t>(end - begin)));
    return std::string(begin, nul ? nul : end);
}

const char* last_of(const char* begin, const char* end, char wanted) {
    for (const char* p = end; p > begin; --p) {
        if (p[-1] == wanted) return p - 1;
    }
    return nullptr;
}

// Digits only: signs, spaces and overflow take libgit2's more lenient path.
bool parse_digits(const char*& position, const char* end, int max_digits, std::int64_t& value) {
    value = 0;
    int digits = 0;
    while (position < end && *position >= '0' && *position <= '9') {
        if (++digits > max_digits) return false;
        value = value * 10 + (*position++ - '0');
    }
    return digits > 0;
}

// " <time> <+|-hhmm>" after the email, as git_signature__parse reads it.
bool parse_when(const char* email_end, const char* line_end, std::int64_t& time, std::int32_t& offset) {
    time = 0;
    offset = 0;
    if (email_end + 2 >= line_end) return true;  // no time: libgit2 leaves it 0
    const char* position = email_end + 2;
    if (!parse_digits(position, line_end, k_max_time_digits, time)) return false;
    if (position + 1 >= line_end) return true;  // no zone: offset 0
    const char* zone = position + 1;
    if ((*zone != '+' && *zone != '-') || line_end - zone != 1 + k_zone_digits) return false;
    const char* digits = zone + 1;
    std::int64_t value = 0;
    if (!parse_digits(digits, line_end, k_zone_digits, value) || digits != line_end) return false;
    const auto hours = static_cast<std::int32_t>(value / 100);
    const auto minutes = static_cast<std::int32_t>(value % 100);
    if (hours <= 14 && minutes <= 59) offset = (*zone == '-' ? -1 : 1) * (hours * 60 + minutes);
    return true;
}

// One signature line: where its name and email are, and its time. `identity` may be null
// when only the time is wanted.
bool parse_signature(Cursor& cursor, std::string_view header, RawIdentity* identity, std::int64_t& time,
                     std::int32_t& offset) {
    const auto* line_end =
        static_cast<const char*>(std::memchr(cursor.position, '\n', static_cast<std::size_t>(cursor.end - cursor.position)));
    if (line_end == nullptr || cursor.position + header.size() >= line_end || !starts_with(cursor, header)) return false;
    const char* begin = cursor.position + header.size();
    const char* email_start = last_of(begin, line_end, '<');
    const char* email_end = last_of(begin, line_end, '>');
    if (email_start == nullptr || email_end == nullptr || email_end <= email_start) return false;
    if (identity != nullptr) {
        identity->name = trimmed(begin, email_start);
        identity->email = trimmed(email_start + 1, email_end);
    }
    if (!parse_when(email_end, line_end, time, offset)) return false;
    cursor.position = line_end + 1;
    return true;
}

// tree, parents, author and committer lines: the part both parsers share.
bool parse_links(Cursor& cursor, git_oid& tree, std::vector<git_oid>& parents, RawIdentity* author,
                 std::int64_t& author_time, std::int32_t& author_offset, RawIdentity* committer,
                 std::int64_t& commit_time) {
    if (!parse_id_line(cursor, "tree ", tree)) return false;
    parents.clear();
    git_oid parent;
    while (parse_id_line(cursor, "parent ", parent)) parents.push_back(parent);
    if (!parse_signature(cursor, "author ", author, author_time, author_offset)) return false;
    // libgit2 skips further author lines; they are rare enough to leave to it.
    if (starts_with(cursor, "author ")) return false;
    std::int32_t committer_offset = 0;
    return parse_signature(cursor, "committer ", committer, commit_time, committer_offset);
}

// The extra headers (gpgsig, encoding, mergetag...) up to the blank line, then the raw
// message, exactly as commit_parse splits them.
void parse_message(const char* start, Cursor cursor, std::string& message) {
    const char* buffer = cursor.position;
    while (buffer < cursor.end) {
        if (buffer[-1] == '\n' && buffer[0] == '\n') break;
        const auto* eoln = static_cast<const char*>(std::memchr(buffer, '\n', static_cast<std::size_t>(cursor.end - buffer)));
        buffer = eoln == nullptr ? cursor.end : eoln + 1;
    }
    const char* body = start + (buffer - start) + 1;
    if (body > cursor.end) {
        message.clear();
        return;
    }
    const auto* nul = static_cast<const char*>(std::memchr(body, '\0', static_cast<std::size_t>(cursor.end - body)));
    message.assign(body, nul ? nul : cursor.end);
}

}  // namespace

bool parse_commit(const unsigned char* data, std::size_t size, CommitHeader& header) {
    const char* start = reinterpret_cast<const char*>(data);
    Cursor cursor{start, start + size};
    if (!parse_links(cursor, header.tree, header.parents, &header.author, header.author_time, header.author_offset,
                     &header.committer, header.commit_time)) {
        return false;
    }
    parse_message(start, cursor, header.message);
    return true;
}

bool parse_commit_links(const unsigned char* data, std::size_t size, CommitLinks& links) {
    const char* start = reinterpret_cast<const char*>(data);
    Cursor cursor{start, start + size};
    std::int64_t author_time = 0;
    std::int32_t author_offset = 0;
    return parse_links(cursor, links.tree, links.parents, nullptr, author_time, author_offset, nullptr,
                       links.commit_time);
}

void header_from_libgit2(const git_commit* commit, CommitHeader& header) {
    header.tree = *git_commit_tree_id(commit);
    const unsigned parents = git_commit_parentcount(commit);
    header.parents.resize(parents);
    for (unsigned i = 0; i < parents; ++i) header.parents[i] = *git_commit_parent_id(commit, i);
    const git_signature* author = git_commit_author(commit);
    const git_signature* committer = git_commit_committer(commit);
    header.author = RawIdentity{author->name ? author->name : "", author->email ? author->email : ""};
    header.committer = RawIdentity{committer->name ? committer->name : "", committer->email ? committer->email : ""};
    header.author_time = author->when.time;
    header.author_offset = author->when.offset;
    header.commit_time = git_commit_time(commit);
    const char* message = git_commit_message_raw(commit);
    header.message = message ? message : "";
}

}  // namespace roles::git::fastread
