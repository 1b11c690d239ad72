#pragma once
// Commit-message trailers read the way git reads them (trailer.c in git 2.39), so that
// roles sees the same `Co-authored-by:`/`Signed-off-by:` lines as
// `git interpret-trailers --parse` and `git log --format=%(trailers)`.

#include <string_view>
#include <vector>

#include "roles/git/history.hpp"

namespace roles::git {

/// Whether a `---` line followed by whitespace ends the message (the start of a patch).
/// `git interpret-trailers` honours it by default (`--no-divider` turns it off); `git log`'s
/// `%(trailers)` never does, since a commit message has no patch part.
enum class Divider { honoured, ignored };

/// The trailers of `message`, in message order, values unfolded (continuation lines joined
/// by one space) and trimmed, keys as written. The rules are git's: the trailer block is
/// the last paragraph after the title (the first paragraph never holds trailers), ignoring
/// trailing blank and `#` comment lines and anything after a scissors line
/// (`# ------------------------ >8 ------------------------`) or an old `Conflicts:` block;
/// the paragraph counts as trailers when every line is a `Key: value` line or a
/// continuation, or when it holds a git-generated line (`Signed-off-by: `,
/// `(cherry picked from commit `) and at least a quarter of its lines are trailers.
/// Non-trailer lines inside an accepted block are dropped. A line of dashes such as
/// `---------` (GitHub squash commits) is ordinary text, not a divider.
[[nodiscard]] std::vector<Trailer> parse_trailers(std::string_view message, Divider divider = Divider::ignored);

}  // namespace roles::git
