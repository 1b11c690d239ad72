#pragma once
// What the automation rules removed from a window: commits by bots, commits AI assistants
// helped with, commits forges wrote for people. Visible in `-v`, `--stats` and JSON so that
// every exclusion can be checked.

#include <cstdint>
#include <string>
#include <vector>

#include "roles/engine/activity.hpp"
#include "roles/engine/identity.hpp"
#include "roles/git/history.hpp"

namespace roles::engine {

/// One rule's effect on the window's non-merge commits.
struct AutomationCount {
    std::string rule;                 ///< rule id
    roster::AutomationKind kind = roster::AutomationKind::bot;
    std::string origin;               ///< "built-in" or the roster file
    std::uint32_t identities = 0;     ///< distinct identities it matched in those commits
    std::uint32_t authored = 0;       ///< commits it authored (credited only to human co-authors, if any)
    std::uint32_t removed = 0;        ///< of those, commits left with nobody to credit
    std::uint32_t co_authored = 0;    ///< commits naming it in a Co-authored-by trailer
    std::uint32_t committed = 0;      ///< commits it committed for a different author
};

/// The automation rules' effect on a window.
struct AutomationSummary {
    std::vector<AutomationCount> rules;  ///< rules that matched anything, in rule order
    /// Credited commits an assistant authored or co-authored, or whose trailers say a tool
    /// helped (`Assisted-by:`, `Generated-by:`, any value: they name tools, never people).
    std::uint32_t assisted_commits = 0;
    std::uint32_t assisted_by_trailer = 0;  ///< of those, commits with such a trailer
};

/// Counts, over the non-merge commits of `window`, what each rule of `resolution` matched.
[[nodiscard]] AutomationSummary summarise_automation(const git::History& history, const Resolution& resolution,
                                                     const Activity& activity, const Window& window);

}  // namespace roles::engine
