#include "support/repo_fixture.hpp"

#include <zlib.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <stdexcept>
#include <string_view>

#include "support/temp_dir.hpp"

namespace roles::test {

namespace {

using TreeEntryHandle = git::Handle<git_tree_entry, git_tree_entry_free>;

void check(int rc, std::string_view what) {
    if (rc < 0) throw std::runtime_error(std::string(what) + ": " + git::last_error_message());
}

// The fixtures must not depend on the developer's ~/.gitconfig (a mailmap.file there would
// change identities), so libgit2 is pointed away from global and system configuration.
void isolate_from_user_config() {
    static const bool isolated = [] {
        git::ensure_libgit2();
        for (const int level : {GIT_CONFIG_LEVEL_SYSTEM, GIT_CONFIG_LEVEL_XDG, GIT_CONFIG_LEVEL_GLOBAL}) {
            check(git_libgit2_opts(GIT_OPT_SET_SEARCH_PATH, level, "/nonexistent/roles-test-config"),
                  "isolating libgit2 from user configuration");
        }
        return true;
    }();
    (void)isolated;
}

git_oid parse_id(const std::string& id) {
    git_oid oid;
    check(git_oid_fromstr(&oid, id.c_str()), "parsing object id '" + id + "'");
    return oid;
}

std::string to_hex(const git_oid& id) {
    char hex[GIT_OID_HEXSZ + 1] = {};
    git_oid_tostr(hex, sizeof hex, &id);
    return hex;
}

git_filemode_t filemode(EntryMode mode) {
    switch (mode) {
        case EntryMode::executable: return GIT_FILEMODE_BLOB_EXECUTABLE;
        case EntryMode::submodule: return GIT_FILEMODE_COMMIT;
        case EntryMode::file: break;
    }
    return GIT_FILEMODE_BLOB;
}

template <typename Files>
git_oid write_tree(git_repository* repo, const Files& files, const std::string& prefix);

// One entry of a tree: a blob, or a gitlink whose "content" is the commit id.
template <typename Entry>
void insert_entry(git_repository* repo, git_treebuilder* builder, const std::string& name, const Entry& entry) {
    git_oid id;
    if (entry.mode == EntryMode::submodule) {
        id = parse_id(entry.content);
    } else {
        check(git_blob_create_from_buffer(&id, repo, entry.content.data(), entry.content.size()), "writing blob");
    }
    check(git_treebuilder_insert(nullptr, builder, name.c_str(), &id, filemode(entry.mode)), "adding '" + name + "'");
}

// Writes the files below `prefix` as a tree (recursively for subdirectories).
template <typename Files>
git_oid write_tree(git_repository* repo, const Files& files, const std::string& prefix) {
    git::TreeBuilderHandle builder;
    check(git_treebuilder_new(git::out(builder), repo, nullptr), "creating a tree builder");
    std::set<std::string> subdirs;
    for (auto it = files.lower_bound(prefix); it != files.end() && it->first.starts_with(prefix); ++it) {
        const std::string rest = it->first.substr(prefix.size());
        if (const auto slash = rest.find('/'); slash != std::string::npos) {
            subdirs.insert(rest.substr(0, slash));
        } else {
            insert_entry(repo, builder.get(), rest, it->second);
        }
    }
    for (const std::string& dir : subdirs) {
        const git_oid subtree = write_tree(repo, files, prefix + dir + "/");
        check(git_treebuilder_insert(nullptr, builder.get(), dir.c_str(), &subtree, GIT_FILEMODE_TREE),
              "adding '" + prefix + dir + "'");
    }
    git_oid tree;
    check(git_treebuilder_write(&tree, builder.get()), "writing tree");
    return tree;
}

git::SignatureHandle signature(const std::string& name, const std::string& email, std::int64_t time,
                               int offset_minutes) {
    git::SignatureHandle result;
    check(git_signature_new(git::out(result), name.c_str(), email.c_str(), time, offset_minutes),
          "creating signature for '" + name + "'");
    return result;
}

}  // namespace

TempRepo::TempRepo(Bare bare) {
    isolate_from_user_config();
    m_path = make_temp_dir() + (bare == Bare::yes ? "/repo.git" : "/repo");
    git_repository_init_options options = GIT_REPOSITORY_INIT_OPTIONS_INIT;
    options.flags = GIT_REPOSITORY_INIT_MKPATH;
    if (bare == Bare::yes) options.flags |= GIT_REPOSITORY_INIT_BARE;
    options.initial_head = "main";
    check(git_repository_init_ext(git::out(m_repo), m_path.c_str(), &options), "creating " + m_path);
}

std::string TempRepo::git_dir() const {
    std::string dir = git_repository_path(m_repo.get());
    if (dir.size() > 1 && dir.back() == '/') dir.pop_back();
    return dir;
}

std::string TempRepo::first_parent(const CommitSpec& spec) const {
    if (!spec.parent.empty()) return spec.parent;
    git_oid tip;
    const std::string ref = "refs/heads/" + spec.branch;
    if (git_reference_name_to_id(&tip, m_repo.get(), ref.c_str()) == GIT_ENOTFOUND) return "";
    return to_hex(tip);
}

std::string TempRepo::commit(const CommitSpec& spec) {
    std::vector<std::string> parent_ids;
    if (std::string first = first_parent(spec); !first.empty()) parent_ids.push_back(first);
    parent_ids.insert(parent_ids.end(), spec.extra_parents.begin(), spec.extra_parents.end());
    Files files = parent_ids.empty() ? Files{} : m_snapshots.at(parent_ids.front());
    for (const FileWrite& write : spec.files) {
        if (write.content) files[write.path] = Entry{*write.content, write.mode};
        else files.erase(write.path);
    }
    git::TreeHandle tree;
    const git_oid tree_id = write_tree(m_repo.get(), files, "");
    check(git_tree_lookup(git::out(tree), m_repo.get(), &tree_id), "reading the new tree");
    std::vector<git::CommitHandle> parents(parent_ids.size());
    std::vector<const git_commit*> raw_parents;
    for (std::size_t i = 0; i < parent_ids.size(); ++i) {
        const git_oid id = parse_id(parent_ids[i]);
        check(git_commit_lookup(git::out(parents[i]), m_repo.get(), &id), "reading parent " + parent_ids[i]);
        raw_parents.push_back(parents[i].get());
    }
    const auto author = signature(spec.author_name, spec.author_email, spec.time, spec.offset_minutes);
    const auto committer = signature(spec.committer_name.empty() ? spec.author_name : spec.committer_name,
                                     spec.committer_email.empty() ? spec.author_email : spec.committer_email,
                                     spec.commit_time.value_or(spec.time), spec.offset_minutes);
    git_oid id;
    const std::string ref = "refs/heads/" + spec.branch;
    check(git_commit_create(&id, m_repo.get(), ref.c_str(), author.get(), committer.get(), nullptr,
                            spec.message.c_str(), tree.get(), raw_parents.size(), raw_parents.data()),
          "committing '" + spec.message + "'");
    m_snapshots[to_hex(id)] = std::move(files);
    return to_hex(id);
}

std::string TempRepo::tag_annotated(const std::string& name, const std::string& target, const std::string& tagger_name,
                             const std::string& tagger_email, std::int64_t time, int offset_minutes,
                             const std::string& message) {
    git::ObjectHandle object;
    const git_oid id = parse_id(target);
    check(git_object_lookup(git::out(object), m_repo.get(), &id, GIT_OBJECT_ANY), "reading " + target);
    const auto tagger = signature(tagger_name, tagger_email, time, offset_minutes);
    git_oid tag;
    check(git_tag_create(&tag, m_repo.get(), name.c_str(), object.get(), tagger.get(), message.c_str(), 0),
          "tagging " + name);
    return to_hex(tag);
}

void TempRepo::tag_lightweight(const std::string& name, const std::string& target) {
    git::ObjectHandle object;
    const git_oid id = parse_id(target);
    check(git_object_lookup(git::out(object), m_repo.get(), &id, GIT_OBJECT_ANY), "reading " + target);
    git_oid tag;
    check(git_tag_create_lightweight(&tag, m_repo.get(), name.c_str(), object.get(), 0), "tagging " + name);
}

void TempRepo::note(const std::string& notes_ref, const std::string& commit, const std::string& text,
                    const std::string& name, const std::string& email, std::int64_t time) {
    const git_oid id = parse_id(commit);
    const auto author = signature(name, email, time, 0);
    git_oid note_id;
    check(git_note_create(&note_id, m_repo.get(), notes_ref.c_str(), author.get(), author.get(), &id, text.c_str(), 0),
          "adding a note to " + commit);
}

void TempRepo::write_workdir_file(const std::string& path, const std::string& content) {
    const std::filesystem::path file = std::filesystem::path(m_path) / path;
    std::filesystem::create_directories(file.parent_path());
    std::ofstream stream(file, std::ios::binary);
    stream << content;
    if (!stream) throw std::runtime_error("cannot write " + file.string());
}

void TempRepo::detach_head(const std::string& commit) {
    const git_oid id = parse_id(commit);
    check(git_repository_set_head_detached(m_repo.get(), &id), "detaching HEAD at " + commit);
}

std::string TempRepo::object_id(const std::string& commit, const std::string& path) const {
    git::CommitHandle handle;
    git::TreeHandle tree;
    const git_oid id = parse_id(commit);
    check(git_commit_lookup(git::out(handle), m_repo.get(), &id), "reading " + commit);
    check(git_commit_tree(git::out(tree), handle.get()), "reading the tree of " + commit);
    if (path.empty()) return to_hex(*git_tree_id(tree.get()));
    TreeEntryHandle entry;
    check(git_tree_entry_bypath(git::out(entry), tree.get(), path.c_str()), "finding '" + path + "'");
    return to_hex(*git_tree_entry_id(entry.get()));
}

void TempRepo::remove_object(const std::string& id) {
    const std::filesystem::path file =
        std::filesystem::path(git_dir()) / "objects" / id.substr(0, 2) / id.substr(2);
    if (!std::filesystem::remove(file)) throw std::runtime_error("no loose object " + id);
}

void TempRepo::mark_partial_clone() {
    git::ConfigHandle config;
    check(git_repository_config(git::out(config), m_repo.get()), "opening the config");
    check(git_config_set_bool(config.get(), "remote.origin.promisor", 1), "setting remote.origin.promisor");
}

namespace {

std::filesystem::path loose_path(const std::string& git_dir, const std::string& id) {
    return std::filesystem::path(git_dir) / "objects" / id.substr(0, 2) / id.substr(2);
}

}  // namespace

std::string TempRepo::write_loose(const std::string& type, const std::string& content, const std::string& id,
                                  std::optional<std::size_t> declared_size) {
    const std::string raw =
        type + " " + std::to_string(declared_size.value_or(content.size())) + std::string(1, '\0') + content;
    std::string name = id;
    if (name.empty()) {
        git_oid hash;
        check(git_odb_hash(&hash, content.data(), content.size(), git_object_string2type(type.c_str())), "hashing");
        name = to_hex(hash);
    }
    uLongf size = compressBound(static_cast<uLong>(raw.size()));
    std::string compressed(size, '\0');
    if (compress(reinterpret_cast<Bytef*>(compressed.data()), &size, reinterpret_cast<const Bytef*>(raw.data()),
                 static_cast<uLong>(raw.size())) != Z_OK) {
        throw std::runtime_error("compressing an object");
    }
    compressed.resize(size);
    const auto path = loose_path(git_dir(), name);
    std::filesystem::create_directories(path.parent_path());
    std::filesystem::remove(path);
    std::ofstream(path, std::ios::binary) << compressed;
    return name;
}

void TempRepo::truncate_loose(const std::string& id, std::size_t bytes) {
    const auto path = loose_path(git_dir(), id);
    std::filesystem::permissions(path, std::filesystem::perms::owner_write, std::filesystem::perm_options::add);
    std::filesystem::resize_file(path, bytes);
}

void TempRepo::set_branch(const std::string& branch, const std::string& id) {
    const git_oid target = parse_id(id);
    git::ReferenceHandle reference;
    check(git_reference_create(git::out(reference), m_repo.get(), ("refs/heads/" + branch).c_str(), &target, 1,
                               "fixture"),
          "setting " + branch);
}

std::string raw_tree_entry(const std::string& mode, const std::string& name, const std::string& id) {
    git_oid oid;
    if (git_oid_fromstr(&oid, id.c_str()) < 0) throw std::runtime_error("not an id: " + id);
    return mode + " " + name + std::string(1, '\0') + std::string(reinterpret_cast<const char*>(oid.id), GIT_OID_RAWSZ);
}

std::string raw_commit(const std::string& tree, const std::vector<std::string>& parents, std::int64_t time,
                       const std::string& message) {
    std::string text = "tree " + tree + "\n";
    for (const std::string& parent : parents) text += "parent " + parent + "\n";
    const std::string when = std::to_string(time) + " +0000\n";
    text += "author Alice Example <alice@example.com> " + when;
    text += "committer Alice Example <alice@example.com> " + when;
    return text + "\n" + message;
}

std::string make_shallow_clone(const std::string& source, int depth) {
    const std::string destination = make_temp_dir() + "/clone";
    // file:// makes git use the pack protocol, which honours --depth (a plain path would not).
    const std::string command = "git -c protocol.file.allow=always clone --quiet --depth " +
                                std::to_string(depth) + " 'file://" + source + "' '" + destination + "'";
    if (std::system(command.c_str()) != 0) throw std::runtime_error("failed: " + command);
    return destination;
}

}  // namespace roles::test
