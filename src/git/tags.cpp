#include "tags.hpp"

#include <algorithm>
#include <string_view>
#include <utility>
#include <vector>

#include "commit_reader.hpp"
#include "object_checks.hpp"
#include "roles/util/text.hpp"

namespace roles::git {

namespace {

constexpr std::string_view k_tags_prefix = "refs/tags/";

using TagRef = std::pair<std::string, git_oid>;

int collect_tag(const char* name, git_oid* id, void* payload) {
    auto* refs = static_cast<std::vector<TagRef>*>(payload);
    std::string_view short_name(name);
    if (short_name.starts_with(k_tags_prefix)) short_name.remove_prefix(k_tags_prefix.size());
    refs->emplace_back(std::string(short_name), *id);
    return 0;
}

util::Error tag_error(const std::string& name) {
    return util::Error{util::ErrorKind::input, "reading tag " + util::quoted(name),
                       last_error_message(), {}};
}

// The commit a tag object leads to; nullopt for a tag of a tree or blob, or when an
// object on the way is absent (counted).
util::Expected<std::optional<CommitHandle>> peel_to_commit(git_object* object, const std::string& name,
                                                           RawTags& out) {
    ObjectHandle peeled;
    const int rc = git_object_peel(git::out(peeled), object, GIT_OBJECT_COMMIT);
    if (rc == GIT_ENOTFOUND) {
        ++out.missing_objects;
        return std::nullopt;
    }
    if (rc == GIT_EINVALIDSPEC || rc == GIT_EPEEL) return std::nullopt;
    if (rc < 0) return std::unexpected(tag_error(name));
    CommitHandle commit;
    if (git_commit_lookup(git::out(commit), git_object_owner(object), git_object_id(peeled.get())) < 0) {
        return std::unexpected(tag_error(name));
    }
    return commit;
}

util::Expected<void> read_tag(git_repository* repo, const TagRef& ref, RawTags& out) {
    // libgit2 does not survive a truncated loose object: checked before it reads one.
    const std::string objects = std::string(git_repository_commondir(repo)) + "objects";
    if (auto checked = check_loose_object(objects, ref.second); !checked) return checked;
    ObjectHandle object;
    const int rc = git_object_lookup(git::out(object), repo, &ref.second, GIT_OBJECT_ANY);
    if (rc == GIT_ENOTFOUND) {
        ++out.missing_objects;
        return {};
    }
    if (rc < 0) return std::unexpected(tag_error(ref.first));
    if (git_object_type(object.get()) == GIT_OBJECT_TAG) {
        const git_oid* target = git_tag_target_id(reinterpret_cast<const git_tag*>(object.get()));
        if (auto checked = check_loose_object(objects, *target); !checked) return checked;
    }
    auto commit = peel_to_commit(object.get(), ref.first, out);
    if (!commit) return std::unexpected(commit.error());
    if (!*commit) return {};
    RawTag tag;
    tag.name = ref.first;
    tag.target = to_hex(*git_commit_id((*commit)->get()));
    tag.annotated = git_object_type(object.get()) == GIT_OBJECT_TAG;
    // An annotated tag without a tagger line (old tools wrote some) falls back like a
    // lightweight one for its time, and has no tagger.
    const git_signature* tagger =
        tag.annotated ? git_tag_tagger(reinterpret_cast<const git_tag*>(object.get())) : nullptr;
    const git_signature* signature = tagger ? tagger : git_commit_author((*commit)->get());
    tag.time = signature->when.time;
    tag.offset_minutes = signature->when.offset;
    if (!tag.annotated || tagger != nullptr) {
        tag.tagger = RawIdentity{signature->name ? signature->name : "", signature->email ? signature->email : ""};
    }
    out.tags.push_back(std::move(tag));
    return {};
}

}  // namespace

util::Expected<RawTags> read_tags(git_repository* repo) {
    std::vector<TagRef> refs;
    if (git_tag_foreach(repo, collect_tag, &refs) < 0) {
        return util::fail(util::ErrorKind::input, "listing tags", last_error_message());
    }
    std::sort(refs.begin(), refs.end(), [](const TagRef& a, const TagRef& b) { return a.first < b.first; });
    RawTags out;
    out.tags.reserve(refs.size());
    for (const TagRef& ref : refs) {
        if (auto read = read_tag(repo, ref, out); !read) return std::unexpected(read.error());
    }
    return out;
}

std::future<util::Expected<RawTags>> read_tags_async(std::string git_dir) {
    return std::async(std::launch::async, [dir = std::move(git_dir)]() -> util::Expected<RawTags> {
        RepositoryHandle repo;
        // The loader opened this very directory already: a failure now is a vanished repository.
        const unsigned flags = GIT_REPOSITORY_OPEN_NO_SEARCH | GIT_REPOSITORY_OPEN_BARE;
        if (git_repository_open_ext(git::out(repo), dir.c_str(), flags, nullptr) < 0) {
            return util::fail(util::ErrorKind::input, "listing tags", last_error_message());
        }
        return read_tags(repo.get());
    });
}

void add_tags(RawTags&& raw, HistoryBuilder& builder) {
    builder.add_missing(raw.missing_objects);
    auto& tags = builder.history().tags;
    tags.reserve(tags.size() + raw.tags.size());
    for (RawTag& read : raw.tags) {
        Tag tag;
        tag.name = std::move(read.name);
        tag.target = std::move(read.target);
        if (read.tagger) tag.tagger = builder.raw_identity(read.tagger->name.c_str(), read.tagger->email.c_str());
        tag.time = read.time;
        tag.offset_minutes = read.offset_minutes;
        tag.annotated = read.annotated;
        tags.push_back(std::move(tag));
    }
}

}  // namespace roles::git
