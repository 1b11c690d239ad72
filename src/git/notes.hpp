#pragma once
// Internal to src/git: Gerrit review notes (refs/notes/review).

#include <string_view>
#include <vector>

#include "roles/git/handles.hpp"
#include "roles/git/history.hpp"
#include "roles/util/error.hpp"

namespace roles::git {

/// The notes ref Gerrit's reviewnotes plugin writes.
inline constexpr const char* k_review_notes_ref = "refs/notes/review";

/// The `Key: value` lines of a note, in order; other lines (blank, free text) are skipped.
/// Keys and values are trimmed; a line whose key is empty or holds a space is not a field.
[[nodiscard]] std::vector<Trailer> parse_note_fields(std::string_view text);

/// When `repo` has refs/notes/review, sets History::review_notes and fills each commit's
/// `review_note` from its note (notes of commits outside `history` are ignored). Without
/// the ref nothing changes. Fails when the ref exists but a note cannot be read.
[[nodiscard]] util::Expected<void> read_review_notes(git_repository* repo, History& history);

}  // namespace roles::git
