#include "commit_reader.hpp"

#include "roles/util/text.hpp"

namespace roles::git {

namespace {

constexpr std::string_view k_co_author_key = "co-authored-by";

util::Error commit_error(const git_oid& id) {
    return util::Error{util::ErrorKind::input, "reading commit " + util::quoted(to_hex(id)),
                       last_error_message(), {}};
}

util::Expected<void> read_trailers(const ReadContext& context, RawCommit& raw) {
    TrailerArray trailers;
    if (git_message_trailers(trailers.get(), raw.message.c_str()) < 0) {
        return util::fail(util::ErrorKind::input, "parsing trailers of commit " + util::quoted(raw.id),
                          last_error_message());
    }
    for (const git_message_trailer& trailer : trailers) {
        raw.trailers.push_back(Trailer{trailer.key, trailer.value});
        if (util::to_lower_ascii(trailer.key) != k_co_author_key) continue;
        if (auto co_author = parse_co_author(trailer.value)) {
            raw.co_authors.push_back(resolve_identity(context.mailmap, co_author->name.c_str(),
                                                      co_author->email.c_str()));
        }
    }
    return {};
}

// The first parent's tree, null for a root commit. An absent parent or tree yields
// nullopt: the commit cannot be compared. An absent parent commit is not counted here: the
// walk met it already and counted it once (or, in a shallow clone, it is where history was
// cut), while several children may share it.
util::Expected<std::optional<TreeHandle>> first_parent_tree(const git_commit* commit, RawCommit& raw) {
    if (raw.parent_count == 0) return TreeHandle{};
    CommitHandle parent;
    int rc = git_commit_parent(out(parent), commit, 0);
    if (rc == GIT_ENOTFOUND) return std::nullopt;
    if (rc < 0) return std::unexpected(commit_error(*git_commit_id(commit)));
    TreeHandle tree;
    rc = git_commit_tree(out(tree), parent.get());
    if (rc == GIT_ENOTFOUND) {
        ++raw.missing_objects;
        return std::nullopt;
    }
    if (rc < 0) return std::unexpected(commit_error(*git_commit_id(parent.get())));
    return tree;
}

util::Expected<void> read_changes(const ReadContext& context, const git_commit* commit,
                                  RawCommit& raw) {
    TreeHandle tree;
    const int rc = git_commit_tree(out(tree), commit);
    if (rc == GIT_ENOTFOUND) {
        ++raw.missing_objects;
        return {};
    }
    if (rc < 0) return std::unexpected(commit_error(*git_commit_id(commit)));
    auto parent_tree = first_parent_tree(commit, raw);
    if (!parent_tree) return std::unexpected(parent_tree.error());
    if (!*parent_tree) return {};
    auto diff = diff_trees(context.repo, (*parent_tree)->get(), tree.get());
    if (!diff) return std::unexpected(diff.error());
    raw.missing_objects += diff->missing_objects;
    raw.changes = std::move(diff->changes);
    pair_exact_renames(raw.changes);
    return {};
}

void read_header(const ReadContext& context, const git_commit* commit, RawCommit& raw) {
    raw.id = to_hex(*git_commit_id(commit));
    const git_signature* author = git_commit_author(commit);
    const git_signature* committer = git_commit_committer(commit);
    raw.author = resolve_identity(context.mailmap, author->name, author->email);
    raw.committer = resolve_identity(context.mailmap, committer->name, committer->email);
    raw.time = author->when.time;
    raw.offset_minutes = author->when.offset;
    raw.parent_count = git_commit_parentcount(commit);
    const char* message = git_commit_message_raw(commit);
    raw.message = message ? message : "";
}

}  // namespace

util::Expected<std::optional<RawCommit>> read_commit(const ReadContext& context, const git_oid& id) {
    CommitHandle commit;
    const int rc = git_commit_lookup(out(commit), context.repo, &id);
    if (rc == GIT_ENOTFOUND) return std::nullopt;
    if (rc < 0) return std::unexpected(commit_error(id));
    RawCommit raw;
    read_header(context, commit.get(), raw);
    if (auto trailers = read_trailers(context, raw); !trailers) return std::unexpected(trailers.error());
    if (raw.parent_count <= 1) {
        if (auto changes = read_changes(context, commit.get(), raw); !changes) {
            return std::unexpected(changes.error());
        }
    }
    return raw;
}

RawIdentity resolve_identity(const git_mailmap* mailmap, const char* name, const char* email) {
    const char* real_name = name;
    const char* real_email = email;
    // Resolution only fails on allocation failure; the identity as written is then kept.
    if (git_mailmap_resolve(&real_name, &real_email, mailmap, name, email) < 0) {
        real_name = name;
        real_email = email;
    }
    return RawIdentity{real_name ? real_name : "", real_email ? real_email : ""};
}

std::optional<RawIdentity> parse_co_author(std::string_view value) {
    const std::string_view text = util::trim(value);
    if (text.empty()) return std::nullopt;
    const auto open = text.rfind('<');
    const auto close = text.rfind('>');
    if (open != std::string_view::npos && close != std::string_view::npos && close > open) {
        return RawIdentity{std::string(util::trim(text.substr(0, open))),
                           std::string(util::trim(text.substr(open + 1, close - open - 1)))};
    }
    if (text.find('@') != std::string_view::npos) return RawIdentity{"", std::string(text)};
    return RawIdentity{std::string(text), ""};
}

std::string to_hex(const git_oid& id) {
    char hex[GIT_OID_HEXSZ + 1] = {};
    git_oid_tostr(hex, sizeof hex, &id);
    return hex;
}

}  // namespace roles::git
