#pragma once
// `roles init`: a first roster drafted from what a repository already shows: the hats of the
// catalog that fits, the people doing each hat's work as proposed holders, and the holders
// named by CODEOWNERS or MAINTAINERS files (docs/roster-format.md, "Drafting a roster").

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "roles/engine/audit.hpp"
#include "roles/engine/coverage.hpp"
#include "roles/git/history.hpp"
#include "roles/roster/import.hpp"
#include "roles/roster/roster.hpp"
#include "roles/util/error.hpp"

namespace roles::engine {

/// How the catalog of a draft was chosen: named with --catalog, a `.zuul.yaml` (or
/// `zuul.d/`) at the root (OpenStack's CI), an `OWNERS` file at the root (Kubernetes), or
/// neither (the generic catalog).
enum class CatalogSource : std::uint8_t { given, zuul, owners, fallback };

/// "given", "zuul", "owners", "fallback".
[[nodiscard]] std::string_view to_string(CatalogSource source);

/// The catalog a draft uses and why.
struct CatalogChoice {
    std::string name;
    CatalogSource source = CatalogSource::fallback;
};

/// The catalog that fits the files at HEAD: openstack with `.zuul.yaml`, `.zuul.yml` or a
/// `zuul.d/` directory at the root; kubernetes-sig with an `OWNERS` file at the root; else
/// generic.
[[nodiscard]] CatalogChoice detect_catalog(const git::History& history);

/// A file at HEAD that names maintainers, and the importer that reads it.
struct RosterFile {
    roster::ImportKind kind = roster::ImportKind::codeowners;
    std::string path;
    std::string companion;  ///< a second file the importer reads (OWNERS_ALIASES), or empty
};

/// The files at HEAD the importers read: the CODEOWNERS GitHub uses (the first of
/// `.github/CODEOWNERS`, `CODEOWNERS`, `docs/CODEOWNERS`), then a root `MAINTAINERS`, then
/// a root `OWNERS` (with the root `OWNERS_ALIASES` as its companion when there is one). The
/// OWNERS files of subdirectories are left to `roles import owners`: a large project has
/// hundreds, and a draft is meant to be read.
[[nodiscard]] std::vector<RosterFile> find_roster_files(const git::History& history);

/// One file imported into a draft: the importer's result (a program roster, one project
/// per rule or section).
struct ImportedFile {
    RosterFile file;
    roster::ImportResult result;
};

/// What a draft is built from.
struct InitInput {
    const git::History& history;
    /// The catalog's hats with no holders, the project's name, the automation rules in force
    /// (roster::catalog_roster).
    roster::Roster base;
    CatalogChoice catalog;  ///< the catalog of `base`, and why it was chosen
    std::vector<ImportedFile> imports;
    WindowRequest request;
};

/// Why someone is a proposed holder.
enum class ProposalOrigin : std::uint8_t {
    evidence,  ///< did at least the backup share of the hat's evidence in the window
    imported,  ///< named by an imported file
    shadow,    ///< added to an imported hat: did at least the shadowed share of its evidence
};

/// Someone put forward as a holder, with their part of the hat's evidence.
struct Proposal {
    std::string person;  ///< key in the draft's people
    std::string label;   ///< how texts name them (the import's key, else the name)
    std::uint32_t items = 0;
    double share = 0.0;
    ProposalOrigin origin = ProposalOrigin::evidence;
};

/// Why someone who did some of a hat's work was not proposed.
enum class PassOver : std::uint8_t {
    small_share,  ///< below the backup share (thresholds.single_point_backup_share)
    one_item,     ///< a single item: an event, not a role
    inactive,     ///< no activity of any kind in the stale_after before the window's end
    limit,        ///< the hat already has its proposed holders (the most of min and 3)
    thin,         ///< the hat's evidence is too thin for shares to mean anything
};

/// Someone not proposed, with their part of the evidence.
struct PassedOver {
    std::string label;
    std::uint32_t items = 0;
    double share = 0.0;
    PassOver why = PassOver::small_share;
    std::optional<std::int64_t> last_active;  ///< their newest activity of any kind, if any
};

/// Why a hat has no proposed holder.
enum class NoHolder : std::uint8_t {
    none,             ///< it has holders
    no_rules,         ///< the hat has no evidence rules: its work is done outside the repository
    no_evidence,      ///< nothing in the window is its evidence
    thin_evidence,    ///< fewer items than thresholds.min_evidence_items
    nobody_eligible,  ///< everyone with evidence was passed over (small shares, inactive)
};

/// One hat of the draft.
struct HatDraft {
    std::string hat;
    std::string title;
    std::string from;       ///< the catalog, or the imported file's path
    bool imported = false;  ///< a rule or section of an imported file
    bool required = true;
    std::uint32_t items = 0;              ///< evidence items in the window
    std::vector<Proposal> holders;        ///< in the order written
    std::vector<PassedOver> passed_over;  ///< by items, most first
    NoHolder empty = NoHolder::none;
    std::uint32_t needed = 0;  ///< thresholds.min_evidence_items, for NoHolder::thin_evidence
};

/// What an imported file contributed.
struct ImportSummary {
    RosterFile file;
    std::uint32_t hats = 0;             ///< hats added to the draft
    std::vector<std::string> tools;     ///< holders left out because automation rules match them
    std::vector<std::string> warnings;  ///< the importer's warnings
};

/// A drafted roster and how it was made.
struct InitDraft {
    roster::Roster roster;  ///< holders listed on the hats that got any; fallbacks applied
    CatalogChoice catalog;
    Window window;
    std::vector<HatDraft> hats;  ///< roster order
    std::vector<ImportSummary> imports;
    std::uint32_t commits = 0;          ///< credited commits in the window
    std::uint32_t tool_identities = 0;  ///< identities of bots, assistants and forges left out
};

/// Drafts the roster. For a catalog hat, the people proposed are those who did at least
/// thresholds.single_point_backup_share of its evidence in the window, two items or more, and were active
/// within stale_after of the window's end, most items first, at most max(min, 3); anyone
/// with at least thresholds.shadowed_share is proposed in any case, so the draft audited at
/// once has no `shadowed` hat. A hat with fewer than thresholds.min_evidence_items items gets
/// nobody. An imported rule or section becomes a hat of the project (`owner-<pattern>`,
/// `maintainer-<section>`, `reviewer-<section>`) held by the people it names, less those
/// the automation rules match, plus anyone with at least the shadowed share. Imported
/// people keep their keys; proposed people from history are written with their name and
/// emails, capacity 1.0. Fails only when an evidence rule does not compile.
[[nodiscard]] util::Expected<InitDraft> draft_roster(const InitInput& input);

}  // namespace roles::engine
