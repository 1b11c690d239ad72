// `roles init`: drafting a roster from history and the repository's own maintainer files
// (docs/roster-format.md, "Drafting a roster").

#include "roles/engine/init.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "roles/engine/identity.hpp"
#include "roles/engine/load.hpp"
#include "roles/roster/loader.hpp"
#include "roles/util/text.hpp"

namespace roles::engine {
namespace {

// At most this many people are proposed for a hat (more when its `min` asks for more).
constexpr std::size_t k_max_proposed = 3;
// One item is an event, not a role: a proposal needs at least this many.
constexpr std::uint32_t k_min_items = 2;
// A draft audited at once may still shift identities (roster people match by name); this
// many rounds add whoever then shadows a hat.
constexpr int k_settle_rounds = 3;

bool has_head_file(const git::History& history, const std::string& path) {
    return std::ranges::any_of(history.head_files, [&](git::PathId id) { return history.paths[id] == path; });
}

bool has_head_dir(const git::History& history, const std::string& dir) {
    return std::ranges::any_of(history.head_files,
                               [&](git::PathId id) { return history.paths[id].starts_with(dir); });
}

// A kebab-case slug of an imported rule's pattern or section title ("all" for "*").
std::string slug_of(const std::string& text) {
    const bool words = std::ranges::any_of(text, [](unsigned char c) { return std::isalnum(c) != 0; });
    return words ? person_slug(text) : "all";
}

std::string unique_id(const std::string& wanted, const std::vector<roster::Hat>& hats) {
    std::string id = wanted;
    const auto taken = [&](const std::string& candidate) {
        return std::ranges::any_of(hats, [&](const roster::Hat& hat) { return hat.def.id == candidate; });
    };
    for (int suffix = 2; taken(id); ++suffix) id = wanted + "-" + std::to_string(suffix);
    return id;
}

// Whether an automation rule matches the person under their name or one of their emails.
bool is_tool(const roster::Person& person, const std::vector<roster::AutomationRule>& rules) {
    const auto matched = [&](const git::Identity& identity) {
        return std::ranges::any_of(
            rules, [&](const roster::AutomationRule& rule) { return matches(rule, identity); });
    };
    if (person.emails.empty()) return matched(git::Identity{person.name, ""});
    return std::ranges::any_of(person.emails, [&](const std::string& email) {
        return matched(git::Identity{person.name, email});
    });
}

// Where each hat of the base roster came from, and which of its holders the import named.
struct HatOrigin {
    std::string from;
    bool imported = false;
};

struct Base {
    roster::Roster roster;
    std::vector<HatOrigin> origins;  // same order as the hats
    std::vector<ImportSummary> imports;
};

// An imported project's hat as a hat of the drafted project: defined by the roster, titled
// after the rule or section ("Code owner: docs/**").
roster::Hat imported_hat(const roster::Hat& hat, const roster::Project& project,
                         const std::vector<roster::Hat>& hats) {
    roster::Hat out = hat;
    out.def.id = unique_id(hat.def.id + "-" + slug_of(project.name), hats);
    out.def.title = (hat.def.title.empty() ? hat.def.id : hat.def.title) + ": " + project.name;
    out.def.catalog.clear();
    out.def.fallback_for.clear();
    out.source = roster::HolderSource::listed;
    out.fallback_from.clear();
    return out;
}

void add_import(Base& base, const ImportedFile& file) {
    ImportSummary summary{file.file, 0, {}, file.result.warnings};
    const auto& imported = file.result.roster;
    std::set<std::string> tools;
    for (const auto& [key, person] : imported.people) {
        if (is_tool(person, base.roster.automation)) tools.insert(key);
    }
    auto& hats = base.roster.projects.front().hats;
    for (const auto& project : imported.projects) {
        for (const auto& hat : project.hats) {
            if (hat.source != roster::HolderSource::listed) continue;
            auto added = imported_hat(hat, project, hats);
            std::erase_if(added.holders,
                          [&](const roster::Holder& holder) { return tools.contains(holder.person); });
            for (const auto& holder : added.holders)
                base.roster.people.try_emplace(holder.person, imported.people.at(holder.person));
            hats.push_back(std::move(added));
            base.origins.push_back(HatOrigin{file.file.path, true});
            ++summary.hats;
        }
    }
    summary.tools.assign(tools.begin(), tools.end());
    base.imports.push_back(std::move(summary));
}

Base build_base(const InitInput& input) {
    Base base{input.base, {}, {}};
    for (auto& hat : base.roster.projects.front().hats) {
        hat.holders.clear();
        hat.source = roster::HolderSource::unlisted;
        hat.fallback_from.clear();
        base.origins.push_back(HatOrigin{hat.def.catalog, false});
    }
    for (const auto& file : input.imports) add_import(base, file);
    return base;
}

// What the drafting reads about one hat.
struct HatContext {
    const HatCoverage& coverage;
    const roster::Hat& hat;
    const Resolution& resolution;
    const Activity& activity;
    const roster::Roster& roster;
    std::int64_t active_since = 0;
};

std::optional<std::int64_t> last_time(const HatContext& context, const Contributor& contributor) {
    const auto last = last_activity(context.activity, contributor.person);
    return last ? std::optional<std::int64_t>(last->time) : std::nullopt;
}

bool active_enough(const HatContext& context, const Contributor& contributor) {
    const auto last = last_time(context, contributor);
    return last && *last >= context.active_since;
}

std::string label_of(const HatContext& context, PersonId person) {
    return context.resolution.people.at(person).label();
}

// Proposals for a catalog hat, from its contributors (most evidence first).
void propose_from_evidence(const HatContext& context, HatDraft& draft) {
    const auto& t = context.roster.thresholds;
    const std::size_t limit =
        std::max<std::size_t>(k_max_proposed, static_cast<std::size_t>(context.hat.def.min));
    for (const auto& contributor : context.coverage.contributors) {
        const auto label = label_of(context, contributor.person);
        std::optional<PassOver> why;
        if (contributor.share >= t.shadowed_share) {
            why = std::nullopt;  // left out, they would shadow the hat
        } else if (contributor.share < t.single_point_backup_share) {
            why = PassOver::small_share;
        } else if (contributor.evidence < k_min_items) {
            why = PassOver::one_item;
        } else if (!active_enough(context, contributor)) {
            why = PassOver::inactive;
        } else if (draft.holders.size() >= limit) {
            why = PassOver::limit;
        }
        if (why) {
            draft.passed_over.push_back(PassedOver{label, contributor.evidence, contributor.share, *why,
                                                   last_time(context, contributor)});
        } else {
            draft.holders.push_back(Proposal{contributor.key, label, contributor.evidence, contributor.share,
                                             ProposalOrigin::evidence});
        }
    }
}

// An imported hat keeps the holders its file names; whoever shadows it joins them.
void propose_imported(const HatContext& context, HatDraft& draft) {
    const auto& t = context.roster.thresholds;
    std::map<std::string, const Contributor*> by_key;
    for (const auto& contributor : context.coverage.contributors)
        by_key.emplace(contributor.key, &contributor);
    for (const auto& holder : context.hat.holders) {
        const auto found = by_key.find(holder.person);
        const auto* contributor = found == by_key.end() ? nullptr : found->second;
        draft.holders.push_back(Proposal{holder.person, holder.person,
                                         contributor ? contributor->evidence : 0,
                                         contributor ? contributor->share : 0.0, ProposalOrigin::imported});
    }
    const bool thin = is_thin(context.coverage.evidence_items, t);
    for (const auto& contributor : context.coverage.contributors) {
        if (contributor.holder) continue;
        const auto label = label_of(context, contributor.person);
        if (!thin && contributor.share >= t.shadowed_share) {
            draft.holders.push_back(Proposal{contributor.key, label, contributor.evidence, contributor.share,
                                             ProposalOrigin::shadow});
        } else {
            draft.passed_over.push_back(PassedOver{label, contributor.evidence, contributor.share,
                                                   thin ? PassOver::thin : PassOver::small_share,
                                                   last_time(context, contributor)});
        }
    }
}

NoHolder why_empty(const HatContext& context, const HatDraft& draft) {
    if (!draft.holders.empty()) return NoHolder::none;
    if (context.hat.def.evidence.empty()) return NoHolder::no_rules;
    if (draft.items == 0) return NoHolder::no_evidence;
    if (is_thin(draft.items, context.roster.thresholds)) return NoHolder::thin_evidence;
    return NoHolder::nobody_eligible;
}

HatDraft draft_hat(const HatContext& context, const HatOrigin& origin) {
    HatDraft draft;
    draft.hat = context.hat.def.id;
    draft.title = context.hat.def.title;
    draft.from = origin.from;
    draft.imported = origin.imported;
    draft.required = context.hat.def.required;
    draft.items = context.coverage.evidence_items;
    draft.needed = static_cast<std::uint32_t>(context.roster.thresholds.min_evidence_items);
    if (origin.imported) {
        propose_imported(context, draft);
    } else if (is_thin(draft.items, context.roster.thresholds)) {
        for (const auto& contributor : context.coverage.contributors) {
            draft.passed_over.push_back(PassedOver{label_of(context, contributor.person),
                                                   contributor.evidence, contributor.share, PassOver::thin,
                                                   last_time(context, contributor)});
        }
    } else {
        propose_from_evidence(context, draft);
    }
    draft.empty = why_empty(context, draft);
    return draft;
}

// A person found in history, as a roster person: the name on most of their commits and
// every email they wrote from (each once, whatever its case).
roster::Person person_from(const PersonInfo& info) {
    roster::Person person;
    person.key = info.key;
    person.name = info.name.empty() ? info.key : info.name;
    std::set<std::string> seen;
    for (const auto& email : info.emails) {
        if (seen.insert(util::to_lower_ascii(email)).second) person.emails.push_back(email);
    }
    return person;
}

void add_person(roster::Roster& roster, const Resolution& resolution, const std::string& key) {
    if (roster.people.contains(key)) return;
    const auto id = resolution.find(key);
    if (id) roster.people.emplace(key, person_from(resolution.people.at(*id)));
}

// The draft roster: proposed holders listed, the other catalog hats left to the catalog (and
// its fallbacks), the people proposed added.
void apply_proposals(roster::Roster& roster, const std::vector<HatDraft>& drafts,
                     const Resolution& resolution) {
    auto& hats = roster.projects.front().hats;
    for (std::size_t i = 0; i < hats.size(); ++i) {
        if (drafts[i].holders.empty() && hats[i].source != roster::HolderSource::listed) continue;
        hats[i].source = roster::HolderSource::listed;
        hats[i].holders.clear();
        for (const auto& proposal : drafts[i].holders) {
            hats[i].holders.push_back(roster::Holder{proposal.person, std::nullopt, std::nullopt, {}});
            add_person(roster, resolution, proposal.person);
        }
    }
    roster::apply_fallbacks(hats);
}

util::Expected<ProjectAnalysis> analyse(const git::History& history, const roster::Roster& roster,
                                        const Window& window) {
    return analyse_project(history, roster, RosterMode::roster, window);
}

// Anyone who still shadows a hat of the draft (identities can regroup once people are on the
// roster) becomes one of its holders.
util::Expected<void> settle(InitDraft& draft, const git::History& history) {
    for (int round = 0; round < k_settle_rounds; ++round) {
        auto analysis = analyse(history, draft.roster, draft.window);
        if (!analysis) return std::unexpected(analysis.error());
        bool changed = false;
        auto& hats = draft.roster.projects.front().hats;
        for (std::size_t i = 0; i < analysis->coverage.size(); ++i) {
            const auto& coverage = analysis->coverage[i];
            if (coverage.status != Status::shadowed) continue;
            for (const auto& contributor : coverage.contributors) {
                if (contributor.holder || contributor.share < draft.roster.thresholds.shadowed_share)
                    continue;
                hats[i].source = roster::HolderSource::listed;
                hats[i].holders.push_back(roster::Holder{contributor.key, std::nullopt, std::nullopt, {}});
                add_person(draft.roster, analysis->resolution, contributor.key);
                draft.hats[i].holders.push_back(Proposal{contributor.key, contributor.label,
                                                         contributor.evidence, contributor.share,
                                                         ProposalOrigin::evidence});
                draft.hats[i].empty = NoHolder::none;
                changed = true;
            }
        }
        if (!changed) return {};
    }
    return {};
}

std::uint32_t tool_identities(const Resolution& resolution) {
    return static_cast<std::uint32_t>(std::ranges::count_if(
        resolution.person_of_identity, [](const auto& person) { return !person.has_value(); }));
}

}  // namespace

std::string_view to_string(CatalogSource source) {
    switch (source) {
        case CatalogSource::given:
            return "given";
        case CatalogSource::zuul:
            return "zuul";
        case CatalogSource::owners:
            return "owners";
        case CatalogSource::fallback:
            return "fallback";
    }
    return "fallback";
}

CatalogChoice detect_catalog(const git::History& history) {
    if (has_head_file(history, ".zuul.yaml") || has_head_file(history, ".zuul.yml") ||
        has_head_dir(history, "zuul.d/")) {
        return {"openstack", CatalogSource::zuul};
    }
    if (has_head_file(history, "OWNERS")) return {"kubernetes-sig", CatalogSource::owners};
    return {"generic", CatalogSource::fallback};
}

std::vector<RosterFile> find_roster_files(const git::History& history) {
    std::vector<RosterFile> files;
    for (const char* path : {".github/CODEOWNERS", "CODEOWNERS", "docs/CODEOWNERS"}) {
        if (has_head_file(history, path)) {
            files.push_back({roster::ImportKind::codeowners, path, ""});
            break;
        }
    }
    if (has_head_file(history, "MAINTAINERS"))
        files.push_back({roster::ImportKind::maintainers, "MAINTAINERS", ""});
    if (has_head_file(history, "OWNERS")) {
        files.push_back({roster::ImportKind::owners, "OWNERS",
                         has_head_file(history, "OWNERS_ALIASES") ? "OWNERS_ALIASES" : ""});
    }
    return files;
}

util::Expected<InitDraft> draft_roster(const InitInput& input) {
    Base base = build_base(input);
    InitDraft draft;
    draft.catalog = input.catalog;
    draft.window = resolve_window(input.history, base.roster, input.request);
    const auto at_end = history_at_window_end(input.history, draft.window, input.request);
    const git::History& history = at_end ? *at_end : input.history;
    auto analysis = analyse(history, base.roster, draft.window);
    if (!analysis) return std::unexpected(analysis.error());
    draft.window = analysis->window;
    const auto& hats = base.roster.projects.front().hats;
    const std::int64_t active_since = draft.window.end - base.roster.stale_after.seconds();
    for (std::size_t i = 0; i < hats.size(); ++i) {
        const HatContext context{analysis->coverage[i], hats[i],     analysis->resolution,
                                 analysis->activity,    base.roster, active_since};
        draft.hats.push_back(draft_hat(context, base.origins[i]));
    }
    draft.commits = counted_commits_in(analysis->activity, history, draft.window);
    draft.tool_identities = tool_identities(analysis->resolution);
    draft.roster = std::move(base.roster);
    draft.imports = std::move(base.imports);
    apply_proposals(draft.roster, draft.hats, analysis->resolution);
    if (auto settled = settle(draft, history); !settled) return std::unexpected(settled.error());
    return draft;
}

}  // namespace roles::engine
