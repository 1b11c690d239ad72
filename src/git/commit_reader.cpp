#include "commit_reader.hpp"

#include "roles/util/text.hpp"
#include "tree_diff.hpp"

namespace roles::git {

namespace {

constexpr std::string_view k_co_author_key = "co-authored-by";

util::Error commit_error(const git_oid& id) {
    return util::Error{util::ErrorKind::input, "reading commit " + util::quoted(to_hex(id)),
                       last_error_message(), {}};
}

util::Expected<void> read_trailers(const git_commit* commit, FactStore& store, CommitFacts& facts) {
    TrailerArray trailers;
    if (git_message_trailers(trailers.get(), facts.message.c_str()) < 0) {
        return util::fail(util::ErrorKind::input,
                          "parsing trailers of commit " + util::quoted(to_hex(*git_commit_id(commit))),
                          last_error_message());
    }
    for (const git_message_trailer& trailer : trailers) {
        facts.trailers.push_back(Trailer{trailer.key, trailer.value});
        if (util::to_lower_ascii(trailer.key) != k_co_author_key) continue;
        if (auto co_author = parse_co_author(trailer.value)) {
            facts.co_authors.push_back(store.intern_identity(co_author->name, co_author->email));
        }
    }
    return {};
}

// The content of tree `id`; null (and one missing object) when it is absent.
util::Expected<SharedObject> read_tree(ObjectSource& source, const git_oid& id, CommitFacts& facts) {
    auto tree = source.tree(id);
    if (!tree) return std::unexpected(tree.error());
    if (!*tree) ++facts.missing_objects;
    return tree;
}

// The first parent's tree id; nullopt when the parent commit is absent (not counted here:
// the walk met it already and counted it once, or, in a shallow clone, it is where history
// was cut, while several children may share it).
util::Expected<std::optional<git_oid>> first_parent_tree_id(const git_commit* commit) {
    CommitHandle parent;
    const int rc = git_commit_parent(out(parent), commit, 0);
    if (rc == GIT_ENOTFOUND) return std::nullopt;
    if (rc < 0) return std::unexpected(commit_error(*git_commit_id(commit)));
    return *git_commit_tree_id(parent.get());
}

void intern_changes(std::vector<RawChange>& changes, FactStore& store, CommitFacts& facts) {
    facts.changes.reserve(changes.size());
    for (const RawChange& change : changes) {
        const TableIndex path = store.intern_path(change.path);
        const TableIndex old_path = change.kind == ChangeKind::renamed ? store.intern_path(change.old_path) : path;
        facts.changes.push_back(FactChange{path, old_path, change.kind});
    }
}

util::Expected<void> read_changes(ObjectSource& source, const git_commit* commit, FactStore& store,
                                  CommitFacts& facts, ReadCounters& counters) {
    auto tree = read_tree(source, *git_commit_tree_id(commit), facts);
    if (!tree) return std::unexpected(tree.error());
    if (!*tree) return {};
    SharedObject parent_tree;
    if (!facts.parents.empty()) {
        auto parent_id = first_parent_tree_id(commit);
        if (!parent_id) return std::unexpected(parent_id.error());
        if (!*parent_id) {
            facts.complete = false;
            return {};
        }
        auto parent = read_tree(source, **parent_id, facts);
        if (!parent) return std::unexpected(parent.error());
        if (!*parent) return {};
        parent_tree = std::move(*parent);
    }
    auto diff = diff_trees(source, parent_tree.get(), tree->get());
    if (!diff) return std::unexpected(diff.error());
    counters.trees_compared += diff->trees_compared;
    facts.missing_objects += diff->missing_objects;
    pair_exact_renames(diff->changes);
    intern_changes(diff->changes, store, facts);
    return {};
}

void read_header(const git_commit* commit, FactStore& store, CommitFacts& facts) {
    facts.id = *git_commit_id(commit);
    const git_signature* author = git_commit_author(commit);
    const git_signature* committer = git_commit_committer(commit);
    facts.author = store.intern_identity(author->name ? author->name : "", author->email ? author->email : "");
    facts.committer =
        store.intern_identity(committer->name ? committer->name : "", committer->email ? committer->email : "");
    facts.time = author->when.time;
    facts.offset_minutes = author->when.offset;
    facts.commit_time = git_commit_time(commit);
    const unsigned parents = git_commit_parentcount(commit);
    facts.parents.reserve(parents);
    for (unsigned i = 0; i < parents; ++i) facts.parents.push_back(*git_commit_parent_id(commit, i));
    const char* message = git_commit_message_raw(commit);
    facts.message = message ? message : "";
}

}  // namespace

util::Expected<std::optional<CommitFacts>> read_commit(git_repository* repo, ObjectSource& source, FactStore& store,
                                                       const git_oid& id, ReadCounters& counters) {
    CommitHandle commit;
    const int rc = git_commit_lookup(out(commit), repo, &id);
    if (rc == GIT_ENOTFOUND) return std::nullopt;
    if (rc < 0) return std::unexpected(commit_error(id));
    CommitFacts facts;
    read_header(commit.get(), store, facts);
    if (auto trailers = read_trailers(commit.get(), store, facts); !trailers) {
        return std::unexpected(trailers.error());
    }
    if (facts.parents.size() <= 1) {
        if (auto changes = read_changes(source, commit.get(), store, facts, counters); !changes) {
            return std::unexpected(changes.error());
        }
    }
    if (facts.missing_objects > 0) facts.complete = false;
    ++counters.commits;
    return facts;
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
