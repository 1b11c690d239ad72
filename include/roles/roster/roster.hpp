#pragma once
// Plain data for rosters and hat catalogs (docs/roster-format.md, docs/catalogs.md), as the
// loaders produce them.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace roles::roster {

/// Where something was written: 1-based line and column in `file`.
struct SourcePos {
    std::string file;
    int line = 0;
    int column = 0;
};

/// A calendar date, days since 1970-01-01 (UTC).
struct Date {
    std::int64_t days = 0;
    auto operator<=>(const Date&) const = default;
    /// Seconds since the epoch at 00:00 UTC of that day.
    [[nodiscard]] std::int64_t seconds() const { return days * 86400; }
};

/// A length of time in days ("90d", "12w", "6m" = 180 days, "1y" = 365 days).
struct Duration {
    std::int64_t days = 0;
    auto operator<=>(const Duration&) const = default;
    [[nodiscard]] std::int64_t seconds() const { return days * 86400; }
};

/// The kinds of activity a person can show in history (README "Activity"). `authored`:
/// author or co-author of a commit; `committed`: committer of someone else's commit (not a
/// forge committer such as GitHub's web-flow); `signed-off`, `reviewed`, `acked`: a
/// `Signed-off-by`, `Reviewed-by`, `Acked-by` trailer on someone else's commit; `tagged`:
/// tagger of an annotated tag; `gerrit-review`: a `Code-Review`/`Workflow` vote or
/// `Submitted-by` line in the commit's Gerrit review note (refs/notes/review).
enum class ActivityKind : std::uint8_t { authored, committed, signed_off, reviewed, acked, tagged, gerrit_review };

/// How many ActivityKind values there are (for per-kind arrays).
inline constexpr std::size_t k_activity_kinds = 7;

/// "authored", "committed", "signed-off", "reviewed", "acked", "tagged", "gerrit-review".
[[nodiscard]] std::string_view to_string(ActivityKind kind);
/// The inverse of to_string; nullopt for anything else.
[[nodiscard]] std::optional<ActivityKind> parse_activity_kind(std::string_view text);
/// Every kind's name, in enum order.
[[nodiscard]] const std::vector<std::string>& activity_kind_names();

/// Which commits count as doing a hat's work. Any matching rule makes a commit evidence,
/// unless its message matches an `exclude_message` regex.
struct EvidenceRules {
    std::vector<std::string> paths;           ///< gitignore-style globs on touched paths
    std::vector<std::string> message;         ///< RE2 regexes searched in the message
    std::vector<std::string> trailers;        ///< trailer keys, case-insensitive
    std::vector<std::string> credit_trailers; ///< trailer keys whose value names who gets credit
    bool tags = false;                        ///< creating a tag counts (credit to the tagger)
    /// Who a matching commit credits; empty means [authored]. `tagged` also makes tags count
    /// (as `tags: true`). With no paths, message or trailers, every commit matches.
    std::vector<ActivityKind> activity;
    std::vector<std::string> exclude_message; ///< RE2 regexes: a commit matching one is never evidence

    [[nodiscard]] bool empty() const {
        return paths.empty() && message.empty() && trailers.empty() && credit_trailers.empty() && !tags &&
               activity.empty();
    }
    bool operator==(const EvidenceRules&) const = default;
};

/// A hat definition from a catalog, possibly overridden by a roster.
struct HatDef {
    std::string id;             ///< kebab-case
    std::string title;
    std::string description;
    int min = 1;                ///< holders needed
    bool required = true;
    double effort = 0.1;        ///< share of a full-time week
    std::vector<std::string> area;         ///< path globs the hat is responsible for
    EvidenceRules evidence;
    std::vector<std::string> fallback_for; ///< hats that default to this hat's holders
    std::string catalog;        ///< catalog it came from; empty when defined by the roster
    SourcePos pos;
};

/// What kind of tool an automation rule names; decides how its commits are counted.
enum class AutomationKind {
    bot,              ///< works on its own: its commits are nobody's work
    assistant,        ///< an AI tool credited beside humans: the humans get the credit
    forge_committer,  ///< the committer a forge writes for merges and web edits
};

/// One automation rule (roles/automation.yaml, or a roster's `automation: add:` / `bots:`).
/// `email` and `name` are shell-style globs ('*', '?'; brackets literal; case ignored); an
/// empty glob is not checked and at least one is non-empty. An identity matches when every
/// non-empty glob matches.
struct AutomationRule {
    std::string id;
    AutomationKind kind = AutomationKind::bot;
    std::string email;
    std::string name;
    std::string about;
    std::string origin;  ///< "built-in", or the roster file that added the rule
    SourcePos pos;
};

/// A named set of hats (roles/*.yaml or a catalog file named by a roster).
struct Catalog {
    std::string name;
    std::string description;
    std::string file;
    std::vector<HatDef> hats;
};

/// Someone wearing a hat, with an optional term. A holder is current at time t when
/// since ≤ t and (no until or t ≤ until end of day).
struct Holder {
    std::string person;  ///< key into Roster::people
    std::optional<Date> since;
    std::optional<Date> until;
    SourcePos pos;
};

/// Whether holders were given, and how.
enum class HolderSource {
    unlisted,     ///< the roster says nothing: fallbacks may apply
    listed,       ///< `holders:` given (possibly empty = explicitly vacant)
    fallback      ///< filled from another hat's `fallback_for`
};

/// A hat as the project has it: its definition and who holds it.
struct Hat {
    HatDef def;
    std::vector<Holder> holders;
    HolderSource source = HolderSource::unlisted;
    std::string fallback_from;  ///< hat id whose holders were borrowed, when source == fallback
    SourcePos pos;              ///< where the roster mentions it (catalog position otherwise)
};

/// One human.
/// A person's answer to the per-cycle question "how does your load feel?" (a check-in).
enum class CheckinAnswer : std::uint8_t { not_enough, just_right, too_much, dont_know };

/// One check-in (`checkins:` of a person): when it was given, the answer, an optional note.
struct Checkin {
    Date date;
    CheckinAnswer answer = CheckinAnswer::dont_know;
    std::optional<std::string> note;
    SourcePos pos;
};

/// "not-enough", "just-right", "too-much", "dont-know".
[[nodiscard]] std::string_view to_string(CheckinAnswer answer);

struct Person {
    std::string key;
    std::string name;
    std::vector<std::string> emails;
    std::vector<std::string> aliases;  ///< other spellings of the name
    std::vector<std::string> logins;   ///< forge/IRC handles (e.g. GitHub login), kept as written
    std::optional<std::string> affiliation;
    double capacity = 1.0;
    std::optional<std::string> timezone;
    std::vector<Checkin> checkins;     ///< by date, oldest first
    SourcePos pos;
};

/// Thresholds (docs/formulas.md, "Thresholds"), overridable under `thresholds:`.
struct Thresholds {
    double after_hours_ratio = 1.5;
    int after_hours_min_commits = 20;
    int recent_days = 90;
    int baseline_days = 365;
    int long_streak_days = 21;
    double rising_load_ratio = 1.5;
    int rising_load_min_days = 10;
    double commitment_max = 1.0;
    int many_hats = 3;
    int sole_holder_hats = 2;
    double single_point_backup_share = 0.10;
    double shadowed_share = 0.50;
    /// Evidence items a hat needs before someone else's share of them can decide its status
    /// (`shadowed`, or a backup that saves it from `single-point`).
    int min_evidence_items = 5;
    /// The share of people answering `just-right` in their check-ins that a project aims for.
    double checkin_goal = 0.8;
};

/// A project inside a program roster (or the only project of a plain roster).
struct Project {
    std::string name;
    std::vector<std::string> repos;  ///< local paths, may be empty
    std::vector<Hat> hats;           ///< catalog hats merged with overrides, fallbacks applied
    SourcePos pos;
};

/// A validated roster.
struct Roster {
    std::string file;                      ///< empty for the built-in discovery roster
    std::string project;                   ///< name of a single-project roster
    std::vector<std::string> catalogs;     ///< as named in the file
    std::optional<Duration> window;
    Duration stale_after{90};
    std::vector<std::string> bots;         ///< `bots:` globs as written (also in `automation`)
    /// The automation rules in force, first match wins: the roster's own rules (`automation:
    /// add:`, then `bots:`), then the built-in list minus `automation: cancel:`.
    std::vector<AutomationRule> automation;
    std::vector<AutomationRule> automation_added;   ///< `automation: add:` as written
    std::vector<std::string> automation_cancelled;  ///< built-in rule ids cancelled
    std::map<std::string, Person> people;  ///< by key
    std::vector<Project> projects;         ///< one entry for a plain roster
    Thresholds thresholds;
    bool program = false;                  ///< written with `projects:`
    std::vector<std::string> warnings;     ///< "FILE:LINE:COL: message" lines

    /// The hats of the single project (the first project of a program).
    [[nodiscard]] const std::vector<Hat>& hats() const { return projects.front().hats; }
};

}  // namespace roles::roster
