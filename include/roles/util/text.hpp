#pragma once
// Small text helpers with no domain knowledge.

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace roles::util {

/// Edit distance between two byte strings: insertions, deletions, substitutions and
/// swaps of two adjacent bytes each cost 1 (optimal string alignment).
[[nodiscard]] std::size_t edit_distance(std::string_view a, std::string_view b);

/// The candidate closest to `word` when it is close enough to be a plausible typo
/// (distance ≤ max(1, length/3)); nullopt otherwise. Used for "did you mean …".
[[nodiscard]] std::optional<std::string> closest_match(std::string_view word,
                                                       std::span<const std::string> candidates);

/// ASCII lowercase copy.
[[nodiscard]] std::string to_lower_ascii(std::string_view text);

/// True when `a` and `b` are equal once ASCII letters are lowercased (other bytes exactly).
[[nodiscard]] bool equals_ignoring_ascii_case(std::string_view a, std::string_view b);

/// Unicode-aware normalised form of a person's name for matching spellings:
/// NFKD, combining marks dropped, case-folded (utf8proc), punctuation other than
/// letters/digits turned into single spaces, trimmed. "Előd  Illés" -> "elod illes".
/// Leading honorifics (dr, prof, mr, mrs, ms, mx, in any case, with or without a dot) are
/// dropped while at least two words remain: "Dr. Jens Harbott" -> "jens harbott", but
/// "Dr Who" stays "dr who".
[[nodiscard]] std::string normalize_name(std::string_view name);

/// Trim ASCII whitespace from both ends.
[[nodiscard]] std::string_view trim(std::string_view text);

/// `text` made safe to show in a terminal, a CI log or a Markdown cell, so that names from
/// rosters and commits cannot drive a terminal or fake a line of output: C0 controls
/// (newline, ESC, NUL...) and DEL written as \xNN; C1 controls, U+2028/U+2029 and the bidi
/// marks (U+061C, U+200E/F, U+202A-E, U+2066-9) as \uNNNN; each byte that is not part of
/// valid UTF-8 replaced by U+FFFD. Every renderer of text and Markdown passes names through
/// it (util::Table does it for every cell).
[[nodiscard]] std::string printable(std::string_view text);

/// printable() applied to each line of `text`, the line breaks kept: for whole blocks of
/// rendered text (a renderer's output without colour, an error's detail lines).
[[nodiscard]] std::string printable_lines(std::string_view text);

/// Quote a user value for messages: 'value', made printable, cut after 80 bytes ("...").
[[nodiscard]] std::string quoted(std::string_view value);

}  // namespace roles::util
