#include "roles/engine/automation.hpp"

#include <set>

namespace roles::engine {

AutomationSummary summarise_automation(const git::History& history, const Resolution& resolution,
                                       const Activity& activity, const Window& window) {
    std::vector<AutomationCount> counts(resolution.rules.size());
    std::vector<std::set<git::IdentityId>> identities(resolution.rules.size());
    AutomationSummary summary;
    const auto rule_of = [&](git::IdentityId id) -> std::optional<RuleId> {
        return id < resolution.rule_of_identity.size() ? resolution.rule_of_identity[id] : std::nullopt;
    };
    for (std::size_t i = 0; i < history.commits.size(); ++i) {
        const auto& commit = history.commits[i];
        if (commit.is_merge() || !window.holds(commit)) continue;
        const bool credited = i < activity.credited.size() && !activity.credited[i].empty();
        bool assisted = false;
        if (auto rule = rule_of(commit.author)) {
            ++counts[*rule].authored;
            if (!credited) ++counts[*rule].removed;
            identities[*rule].insert(commit.author);
            assisted = resolution.rules[*rule].kind == roster::AutomationKind::assistant;
        }
        for (auto co : commit.co_authors) {
            if (auto rule = rule_of(co)) {
                ++counts[*rule].co_authored;
                identities[*rule].insert(co);
                assisted = assisted || resolution.rules[*rule].kind == roster::AutomationKind::assistant;
            }
        }
        if (auto rule = rule_of(commit.committer); rule && commit.committer != commit.author) {
            ++counts[*rule].committed;
            identities[*rule].insert(commit.committer);
        }
        const bool trailer = !commit.trailer_values("Assisted-by").empty() ||
                             !commit.trailer_values("Generated-by").empty();
        if (trailer && credited) ++summary.assisted_by_trailer;
        if ((assisted || trailer) && credited) ++summary.assisted_commits;
    }
    for (std::size_t r = 0; r < counts.size(); ++r) {
        if (identities[r].empty()) continue;
        auto& count = counts[r];
        count.rule = resolution.rules[r].id;
        count.kind = resolution.rules[r].kind;
        count.origin = resolution.rules[r].origin;
        count.identities = static_cast<std::uint32_t>(identities[r].size());
        summary.rules.push_back(std::move(count));
    }
    return summary;
}

}  // namespace roles::engine
