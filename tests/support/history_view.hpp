#pragma once
// Readable views of a loaded History for assertions: strings instead of interned ids.

#include <algorithm>
#include <stdexcept>
#include <string>
#include <vector>

#include "roles/git/history.hpp"
#include "roles/git/loader.hpp"

namespace roles::test {

/// "Name <email>" of an interned identity.
inline std::string identity_text(const git::History& history, git::IdentityId id) {
    const git::Identity& identity = history.identities.at(id);
    return identity.name + " <" + identity.email + ">";
}

/// A commit's changes as sorted "A path", "M path", "D path", "R old -> new".
inline std::vector<std::string> change_texts(const git::History& history, const git::Commit& commit) {
    std::vector<std::string> texts;
    for (const git::PathChange& change : commit.changes) {
        const std::string& path = history.paths.at(change.path);
        switch (change.kind) {
            case git::ChangeKind::added: texts.push_back("A " + path); break;
            case git::ChangeKind::modified: texts.push_back("M " + path); break;
            case git::ChangeKind::deleted: texts.push_back("D " + path); break;
            case git::ChangeKind::renamed:
                texts.push_back("R " + history.paths.at(change.old_path) + " -> " + path);
                break;
        }
    }
    std::sort(texts.begin(), texts.end());
    return texts;
}

/// Summaries of all commits, in history order (newest first).
inline std::vector<std::string> summaries(const git::History& history) {
    std::vector<std::string> texts;
    for (const git::Commit& commit : history.commits) texts.push_back(commit.summary());
    return texts;
}

/// HEAD's files as sorted paths.
inline std::vector<std::string> head_file_texts(const git::History& history) {
    std::vector<std::string> texts;
    for (const git::PathId id : history.head_files) texts.push_back(history.paths.at(id));
    std::sort(texts.begin(), texts.end());
    return texts;
}

/// The commit with `id`; throws std::out_of_range when absent.
inline const git::Commit& commit_by_id(const git::History& history, const std::string& id) {
    const auto found = std::find_if(history.commits.begin(), history.commits.end(),
                                    [&](const git::Commit& commit) { return commit.id == id; });
    if (found == history.commits.end()) throw std::out_of_range("no commit " + id);
    return *found;
}

/// load_history on `path` from `ref`; throws std::runtime_error with the error's message.
inline git::History load_or_throw(const std::string& path, const std::string& ref = "HEAD") {
    git::LoadOptions options;
    options.path = path;
    options.ref = ref;
    auto history = git::load_history(options);
    if (!history) throw std::runtime_error(history.error().message());
    return std::move(*history);
}

}  // namespace roles::test
