// The roster `roles init` drafted, as YAML with comments (docs/roster-format.md, "Drafting
// a roster"). The YAML itself is the roster writer's; this file only words the comments.

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "roles/report/init.hpp"
#include "roles/roster/import.hpp"
#include "roles/roster/writer.hpp"
#include "roles/util/time.hpp"

namespace roles::report {
namespace {

constexpr std::size_t k_names_listed = 3;

std::string percent(double share) {
    return fmt::format("{}%", static_cast<int>(std::lround(share * 100)));
}

std::string items_word(std::uint32_t items) {
    return fmt::format("{} item{}", items, items == 1 ? "" : "s");
}

// "20 items in the window: gibi 12 (60%), elod 5 (25%)"; an imported holder with none of
// them "none", someone added to an imported hat "(60%, not in CODEOWNERS)".
std::string proposal_words(const engine::HatDraft& hat) {
    std::string text = items_word(hat.items) + " in the window: ";
    for (std::size_t i = 0; i < hat.holders.size(); ++i) {
        const auto& proposal = hat.holders[i];
        text += i == 0 ? "" : ", ";
        // Holders by key, as the list before the comment names them.
        if (proposal.items == 0) {
            text += proposal.person + (proposal.origin == engine::ProposalOrigin::imported
                                           ? " none (no commit of theirs is matched: add their emails)"
                                           : " none");
        } else if (proposal.origin == engine::ProposalOrigin::shadow) {
            text += fmt::format("{} {} ({}, not in {})", proposal.person, proposal.items,
                                percent(proposal.share), hat.from);
        } else {
            text += fmt::format("{} {} ({})", proposal.person, proposal.items, percent(proposal.share));
        }
    }
    return text;
}

// "; not proposed: Ulises Gascón 6 (35%, last active 2026-01-05)": people with a backup's
// share left out because they were inactive or the hat had its holders already.
std::string passed_over_words(const engine::HatDraft& hat) {
    std::string text;
    for (const auto& person : hat.passed_over) {
        if (person.why != engine::PassOver::inactive && person.why != engine::PassOver::limit) continue;
        text += text.empty() ? "; not proposed: " : ", ";
        text += fmt::format("{} {} ({}", person.label, person.items, percent(person.share));
        if (person.why == engine::PassOver::inactive && person.last_active) {
            text += ", last active " + util::format_date(*person.last_active);
        }
        text += person.why == engine::PassOver::limit ? ", beyond the first three)" : ")";
    }
    return text;
}

std::string holders_comment(const engine::HatDraft& hat) {
    const std::string from = hat.imported ? "from " + hat.from + "; " : std::string();
    if (hat.holders.empty()) return from + "nobody left to hold it: name a holder";
    return from + proposal_words(hat) + passed_over_words(hat);
}

// "dee (100%, 1 item)" for the first few people passed over.
std::string passed_words(const std::vector<engine::PassedOver>& people) {
    std::string text;
    for (std::size_t i = 0; i < people.size() && i < k_names_listed; ++i) {
        text += fmt::format("{}{} ({}, {}", i == 0 ? "" : ", ", people[i].label, percent(people[i].share),
                            items_word(people[i].items));
        const bool gone = people[i].why == engine::PassOver::inactive && people[i].last_active;
        text += gone ? ", last active " + util::format_date(*people[i].last_active) + ")" : ")";
    }
    if (people.size() > k_names_listed) text += fmt::format(" and {} more", people.size() - k_names_listed);
    return text;
}

std::string empty_reason(const engine::HatDraft& hat) {
    switch (hat.empty) {
        case engine::NoHolder::no_rules:
            return "its work happens outside the repository: name its holder";
        case engine::NoHolder::no_evidence:
            return "nothing in the window is its work";
        case engine::NoHolder::thin_evidence:
            return fmt::format("too little evidence to propose anyone ({} of the {} needed: {})",
                               items_word(hat.items), hat.needed, passed_words(hat.passed_over));
        case engine::NoHolder::nobody_eligible:
            return fmt::format(
                "{} spread thin: nobody with two items or more, 10% of them and recent activity: {}",
                items_word(hat.items), passed_words(hat.passed_over));
        case engine::NoHolder::none:
            break;
    }
    return {};
}

std::string fallback_of(const engine::InitDraft& draft, const std::string& hat) {
    for (const auto& entry : draft.roster.projects.front().hats) {
        if (entry.def.id == hat && entry.source == roster::HolderSource::fallback && !entry.holders.empty()) {
            return entry.fallback_from;
        }
    }
    return {};
}

std::string catalog_reason(const engine::CatalogChoice& choice) {
    switch (choice.source) {
        case engine::CatalogSource::given:
            return "named with --catalog";
        case engine::CatalogSource::zuul:
            return "the repository has Zuul CI configuration, as OpenStack projects do";
        case engine::CatalogSource::owners:
            return "the repository has an OWNERS file, as Kubernetes projects do";
        case engine::CatalogSource::fallback:
            return "no .zuul.yaml or OWNERS file, so the generic catalog";
    }
    return {};
}

void import_lines(const engine::InitDraft& draft, std::vector<std::string>& lines) {
    for (const auto& import : draft.imports) {
        const auto kind = roster::import_kind_name(import.file.kind);
        if (import.hats == 0) {
            lines.push_back(fmt::format("{} ({}): nothing imported (no rule or section names a holder)",
                                        import.file.path, kind));
            continue;
        }
        lines.push_back(fmt::format("{} ({}): {} hat{} imported with the holders it names", import.file.path,
                                    kind, import.hats, import.hats == 1 ? "" : "s"));
        for (const auto& tool : import.tools) lines.push_back("  left out, a bot or assistant: " + tool);
    }
}

std::vector<std::string> header(const InitView& view) {
    const auto& draft = view.draft;
    std::vector<std::string> lines{
        fmt::format("Drafted by `roles init` from {}: {} credited commits from {} to {}.", view.repository,
                    draft.commits, util::format_date(draft.window.begin),
                    util::format_date(draft.window.end)),
        fmt::format("Catalog {}: {} (--catalog NAME picks another).", draft.catalog.name,
                    catalog_reason(draft.catalog)),
        "A proposed holder is someone who did the hat's work in that window, not someone who agreed",
        "to wear it: check every hat with its people, set capacities, then run `roles validate`",
        "and `roles audit`.",
    };
    import_lines(draft, lines);
    if (draft.tool_identities > 0) {
        lines.push_back(
            fmt::format("{} identities of bots, AI assistants and forges are nobody's work and were left out "
                        "(roles/automation.yaml).",
                        draft.tool_identities));
    }
    std::vector<std::string> empty;
    for (const auto& hat : draft.hats) {
        if (hat.empty == engine::NoHolder::none) continue;
        const auto from = fallback_of(draft, hat.hat);
        empty.push_back(
            fmt::format("  {}{}: {}{}", hat.hat, hat.required ? "" : " (optional)", empty_reason(hat),
                        from.empty() ? "" : "; until then its holders are " + from + "'s (fallback)"));
    }
    if (!empty.empty()) {
        lines.emplace_back("");
        lines.emplace_back("Hats with no holder proposed (a required one is reported vacant):");
        lines.insert(lines.end(), empty.begin(), empty.end());
    }
    return lines;
}

}  // namespace

util::Expected<std::string> render_init_yaml(const InitView& view) {
    roster::WriteOptions options;
    options.comments = header(view);
    options.capacity = roster::CapacityOutput::always;
    for (const auto& hat : view.draft.hats) {
        if (!hat.holders.empty() || hat.imported) {
            options.line_comments["hats/" + hat.hat + "/holders"] = holders_comment(hat);
        }
    }
    for (const auto& [key, person] : view.draft.roster.people) {
        options.line_comments["people/" + key + "/capacity"] =
            "a placeholder: the share of a full-time week they give";
    }
    return roster::write_roster(view.draft.roster, options);
}

std::vector<std::string> init_summary(const InitView& view, const std::string& written_to) {
    const auto& draft = view.draft;
    std::size_t proposed = 0;
    for (const auto& hat : draft.hats) proposed += hat.holders.empty() ? 0 : 1;
    std::vector<std::string> lines{
        fmt::format("roles: drafted {} for {}: catalog {}, {} of {} hats with proposed holders, {} {}",
                    written_to, view.repository, draft.catalog.name, proposed, draft.hats.size(),
                    draft.roster.people.size(), draft.roster.people.size() == 1 ? "person" : "people")};
    for (const auto& import : draft.imports) {
        lines.push_back(fmt::format("roles: imported {}: {} hat{}", import.file.path, import.hats,
                                    import.hats == 1 ? "" : "s"));
    }
    lines.emplace_back(
        "roles: review the holders and capacities, then run 'roles validate' and 'roles audit'");
    return lines;
}

}  // namespace roles::report
