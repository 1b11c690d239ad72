#include "roles/git/graph.hpp"

#include <string_view>
#include <utility>
#include <vector>

#include "commit_reader.hpp"
#include "open_failure.hpp"
#include "roles/git/handles.hpp"
#include "roles/util/text.hpp"

namespace roles::git {
namespace {

util::Error graph_error(const std::string& context, std::string cause) {
    return util::Error{util::ErrorKind::input, context, std::move(cause), {}};
}

util::Expected<git_oid> parse_id(const std::string& hex) {
    git_oid id;
    if (git_oid_fromstr(&id, hex.c_str()) < 0) return std::unexpected(graph_error("commit " + util::quoted(hex), "not a commit id"));
    return id;
}

// `url` with the longest matching insteadOf prefix replaced by its base, as git does
// (url.<base>.insteadOf, git-config(1)); unchanged when none matches.
std::string rewrite_url(const std::string& url,
                        const std::vector<std::pair<std::string, std::string>>& rewrites) {
    const std::pair<std::string, std::string>* longest = nullptr;
    for (const auto& rewrite : rewrites) {
        if (!rewrite.first.empty() && url.starts_with(rewrite.first) &&
            (longest == nullptr || rewrite.first.size() > longest->first.size())) {
            longest = &rewrite;
        }
    }
    return longest == nullptr ? url : longest->second + url.substr(longest->first.size());
}

}  // namespace

util::Expected<RepositoryGraph> RepositoryGraph::open(const std::string& path) {
    ensure_libgit2();
    git_repository* raw = nullptr;
    if (const int rc = git_repository_open_ext(&raw, path.c_str(), 0, nullptr); rc < 0) {
        return std::unexpected(graph_error("opening repository " + util::quoted(path), open_failure_message(rc, path)));
    }
    return RepositoryGraph(std::shared_ptr<git_repository>(raw, git_repository_free));
}

util::Expected<CommitPoint> RepositoryGraph::resolve(const std::string& ref) const {
    ObjectHandle object;
    if (git_revparse_single(out(object), m_repo.get(), ref.c_str()) < 0) {
        return std::unexpected(graph_error("revision " + util::quoted(ref), "names no commit of the repository"));
    }
    ObjectHandle peeled;
    if (git_object_peel(out(peeled), object.get(), GIT_OBJECT_COMMIT) < 0) {
        return std::unexpected(graph_error("revision " + util::quoted(ref), "does not point at a commit"));
    }
    const auto* commit = reinterpret_cast<const git_commit*>(peeled.get());
    const git_signature* author = git_commit_author(commit);
    return CommitPoint{to_hex(*git_object_id(peeled.get())), author != nullptr ? author->when.time : 0};
}

util::Expected<std::optional<std::string>> RepositoryGraph::merge_base(const std::string& a,
                                                                       const std::string& b) const {
    auto first = parse_id(a);
    if (!first) return std::unexpected(first.error());
    auto second = parse_id(b);
    if (!second) return std::unexpected(second.error());
    git_oid base;
    const int rc = git_merge_base(&base, m_repo.get(), &*first, &*second);
    if (rc == GIT_ENOTFOUND) return std::nullopt;
    if (rc < 0) return std::unexpected(graph_error("merge base of " + a.substr(0, 12) + " and " + b.substr(0, 12),
                                                   last_error_message()));
    return std::optional<std::string>(to_hex(base));
}

std::optional<std::string> RepositoryGraph::remote_url(const std::string& name) const {
    ConfigHandle config;
    if (git_repository_config_snapshot(out(config), m_repo.get()) < 0) return std::nullopt;
    // Read from the entries rather than with git_remote_lookup: its url.*.insteadOf lookup
    // matches every config entry with a regex (PCRE2 in libgit2 1.5), which leaks its match
    // data on each entry that does not match, so git's rewriting is applied here instead.
    std::optional<std::string> url;
    std::vector<std::pair<std::string, std::string>> rewrites;  // (insteadOf prefix, base)
    const std::string url_key = "remote." + name + ".url";
    Handle<git_config_iterator, git_config_iterator_free> entries;
    if (git_config_iterator_new(out(entries), config.get()) < 0) return std::nullopt;
    git_config_entry* entry = nullptr;
    while (git_config_next(&entry, entries.get()) == 0) {
        const std::string_view key(entry->name);
        if (key == url_key) {
            url = entry->value;  // the last one wins, as in git
        } else if (key.starts_with("url.") && key.ends_with(".insteadof") && key.size() > 14) {
            rewrites.emplace_back(entry->value, std::string(key.substr(4, key.size() - 14)));
        }
    }
    if (!url) return std::nullopt;
    return rewrite_url(*url, rewrites);
}

util::Expected<std::optional<std::string>> RepositoryGraph::file_at(const std::string& commit,
                                                                    const std::string& path) const {
    auto id = parse_id(commit);
    if (!id) return std::unexpected(id.error());
    CommitHandle found;
    if (git_commit_lookup(out(found), m_repo.get(), &*id) < 0) {
        return std::unexpected(graph_error("commit " + commit.substr(0, 12), last_error_message()));
    }
    TreeHandle tree;
    if (git_commit_tree(out(tree), found.get()) < 0) {
        return std::unexpected(graph_error("commit " + commit.substr(0, 12), last_error_message()));
    }
    TreeEntryHandle entry;
    if (git_tree_entry_bypath(out(entry), tree.get(), path.c_str()) < 0) return std::nullopt;
    if (git_tree_entry_type(entry.get()) != GIT_OBJECT_BLOB || git_tree_entry_filemode(entry.get()) == GIT_FILEMODE_LINK) {
        return std::nullopt;
    }
    BlobHandle blob;
    if (git_blob_lookup(out(blob), m_repo.get(), git_tree_entry_id(entry.get())) < 0) {
        return std::unexpected(graph_error("reading " + util::quoted(path), last_error_message()));
    }
    const auto* bytes = static_cast<const char*>(git_blob_rawcontent(blob.get()));
    return std::optional<std::string>(std::string(bytes, static_cast<std::size_t>(git_blob_rawsize(blob.get()))));
}

}  // namespace roles::git
