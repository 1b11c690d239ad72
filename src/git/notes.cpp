#include "notes.hpp"

#include <string>
#include <unordered_map>
#include <utility>

#include "commit_reader.hpp"
#include "roles/util/text.hpp"

namespace roles::git {
namespace {

// (note blob, annotated object) pairs, as git_note_foreach hands them out.
using NoteRefs = std::vector<std::pair<git_oid, git_oid>>;

int collect_note(const git_oid* blob_id, const git_oid* annotated_id, void* payload) {
    static_cast<NoteRefs*>(payload)->emplace_back(*blob_id, *annotated_id);
    return 0;
}

util::Error notes_error(std::string context) {
    return util::Error{util::ErrorKind::input, std::move(context), last_error_message(), {}};
}

// Whether the ref exists; an error for anything but "not found".
util::Expected<bool> has_notes_ref(git_repository* repo) {
    ReferenceHandle ref;
    const int rc = git_reference_lookup(git::out(ref), repo, k_review_notes_ref);
    if (rc == GIT_ENOTFOUND) return false;
    if (rc < 0) return std::unexpected(notes_error(std::string("reading ") + k_review_notes_ref));
    return true;
}

util::Expected<std::string> note_text(git_repository* repo, const git_oid& blob_id) {
    BlobHandle blob;
    if (git_blob_lookup(git::out(blob), repo, &blob_id) < 0) {
        return std::unexpected(notes_error("reading review note " + to_hex(blob_id)));
    }
    const auto* bytes = static_cast<const char*>(git_blob_rawcontent(blob.get()));
    return std::string(bytes, static_cast<std::size_t>(git_blob_rawsize(blob.get())));
}

}  // namespace

std::vector<Trailer> parse_note_fields(std::string_view text) {
    std::vector<Trailer> fields;
    while (!text.empty()) {
        const auto end = text.find('\n');
        const std::string_view line = text.substr(0, end);
        text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
        const auto colon = line.find(':');
        if (colon == std::string_view::npos) continue;
        const auto key = util::trim(line.substr(0, colon));
        if (key.empty() || key.find_first_of(" \t") != std::string_view::npos) continue;
        fields.push_back({std::string(key), std::string(util::trim(line.substr(colon + 1)))});
    }
    return fields;
}

util::Expected<void> read_review_notes(git_repository* repo, History& history) {
    auto present = has_notes_ref(repo);
    if (!present) return std::unexpected(present.error());
    if (!*present) return {};
    NoteRefs notes;
    if (git_note_foreach(repo, k_review_notes_ref, collect_note, &notes) < 0) {
        return std::unexpected(notes_error(std::string("listing ") + k_review_notes_ref));
    }
    history.review_notes = true;
    std::unordered_map<std::string, std::size_t> by_id;
    by_id.reserve(history.commits.size());
    for (std::size_t i = 0; i < history.commits.size(); ++i) by_id.emplace(history.commits[i].id, i);
    for (const auto& [blob_id, annotated_id] : notes) {
        const auto found = by_id.find(to_hex(annotated_id));
        if (found == by_id.end()) continue;
        auto text = note_text(repo, blob_id);
        if (!text) return std::unexpected(text.error());
        history.commits[found->second].review_note = parse_note_fields(*text);
    }
    return {};
}

}  // namespace roles::git
