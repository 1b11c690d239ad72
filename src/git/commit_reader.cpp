#include "commit_reader.hpp"

#include "roles/git/trailers.hpp"
#include "roles/util/text.hpp"
#include "tree_diff.hpp"

namespace roles::git {

namespace {

constexpr std::string_view k_co_author_key = "co-authored-by";

// git's own trailer rules (trailers.cpp): libgit2 1.5 stops at a line of dashes, which
// GitHub squash commits put above their Co-authored-by lines.
util::Expected<void> read_trailers(FactStore& store, CommitFacts& facts) {
    facts.trailers = parse_trailers(facts.message);
    for (const Trailer& trailer : facts.trailers) {
        if (util::to_lower_ascii(trailer.key) != k_co_author_key) continue;
        if (auto co_author = parse_co_author(trailer.value)) {
            facts.co_authors.push_back(store.intern_identity(co_author->name, co_author->email));
        }
    }
    return {};
}

// The content of tree `id`; null (and one missing object) when it is absent.
util::Expected<ObjectRef> read_tree(ObjectSource& source, const git_oid& id, CommitFacts& facts) {
    auto tree = source.tree(id);
    if (!tree) return std::unexpected(tree.error());
    if (!*tree) ++facts.missing_objects;
    return tree;
}

// The first parent's tree id; nullopt when the parent commit is absent (not counted here:
// the walk met it already and counted it once, or, in a shallow clone, it is where history
// was cut, while several children may share it).
util::Expected<std::optional<git_oid>> first_parent_tree(ObjectSource& source, const CommitRequest& request,
                                                         const CommitFacts& facts) {
    if (request.parent_tree) return *request.parent_tree;
    auto parent = source.commit(facts.parents.front());
    if (!parent) return std::unexpected(parent.error());
    if (!*parent) return std::nullopt;
    return (*parent)->tree;
}

void intern_changes(const std::vector<RawChange>& changes, FactStore& store, CommitFacts& facts) {
    facts.changes.reserve(changes.size());
    for (const RawChange& change : changes) {
        const TableIndex path = store.intern_path(change.path);
        const TableIndex old_path = change.kind == ChangeKind::renamed ? store.intern_path(change.old_path) : path;
        facts.changes.push_back(FactChange{path, old_path, change.kind});
    }
}

// Absent candidates (a blobless partial clone) are remembered rather than making the facts
// incomplete: one such commit would otherwise keep nova's or rails' whole walk out of the
// cache's fast path on every run.
util::Expected<void> pair_renames(ObjectSource& source, std::vector<RawChange>& changes, CommitFacts& facts,
                                  ReadCounters& counters) {
    std::vector<git_oid>& absent = facts.absent_blobs;
    const BlobLookup lookup{[&source, &absent](const git_oid& id) {
                                auto size = source.blob_size(id);
                                if (size && !*size) absent.push_back(id);
                                return size;
                            },
                            [&source, &absent](const git_oid& id) {
                                auto blob = source.blob(id);
                                if (blob && !*blob) absent.push_back(id);
                                return blob;
                            }};
    if (auto paired = pair_similar_renames(changes, lookup, counters.renames); !paired) return paired;
    facts.rename_fallbacks = static_cast<std::uint32_t>(absent.size());
    return {};
}

util::Expected<void> read_changes(ObjectSource& source, const CommitRequest& request, FactStore& store,
                                  CommitFacts& facts, ReadCounters& counters) {
    auto tree = read_tree(source, facts.tree, facts);
    if (!tree) return std::unexpected(tree.error());
    if (!*tree) return {};
    ObjectRef parent_tree;
    if (!facts.parents.empty()) {
        auto parent_id = first_parent_tree(source, request, facts);
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
    auto diff = diff_trees(source, parent_tree, *tree);
    if (!diff) return std::unexpected(diff.error());
    counters.trees_compared += diff->trees_compared;
    facts.missing_objects += diff->missing_objects;
    pair_exact_renames(diff->changes);
    if (auto paired = pair_renames(source, diff->changes, facts, counters); !paired) return paired;
    intern_changes(diff->changes, store, facts);
    return {};
}

void take_header(CommitHeader&& header, FactStore& store, CommitFacts& facts) {
    facts.tree = header.tree;
    facts.parents = std::move(header.parents);
    facts.author = store.intern_identity(header.author.name, header.author.email);
    facts.committer = store.intern_identity(header.committer.name, header.committer.email);
    facts.time = header.author_time;
    facts.offset_minutes = header.author_offset;
    facts.commit_time = header.commit_time;
    facts.message = std::move(header.message);
}

}  // namespace

util::Expected<std::optional<CommitFacts>> read_commit(ObjectSource& source, FactStore& store, CommitRequest&& request,
                                                       ReadCounters& counters) {
    if (!request.header) {
        auto header = request.location ? source.commit_at(request.id, *request.location) : source.commit(request.id);
        if (!header) return std::unexpected(header.error());
        if (!*header) return std::nullopt;
        request.header = std::make_unique<CommitHeader>(std::move(**header));
    }
    CommitFacts facts;
    facts.id = request.id;
    take_header(std::move(*request.header), store, facts);
    if (auto trailers = read_trailers(store, facts); !trailers) return std::unexpected(trailers.error());
    if (facts.parents.size() <= 1) {
        if (auto changes = read_changes(source, request, store, facts, counters); !changes) {
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
