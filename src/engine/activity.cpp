#include "roles/engine/activity.hpp"

#include <algorithm>
#include <charconv>
#include <string_view>
#include <unordered_map>

#include "roles/util/text.hpp"

namespace roles::engine {
namespace {

std::vector<PersonId> credited_people(const git::Commit& commit, const Resolution& resolution) {
    std::vector<PersonId> people;
    auto credit = [&](git::IdentityId identity) {
        if (identity >= resolution.person_of_identity.size()) return;
        const auto person = resolution.person_of_identity[identity];
        if (person && std::find(people.begin(), people.end(), *person) == people.end()) {
            people.push_back(*person);
        }
    };
    credit(commit.author);
    for (auto co_author : commit.co_authors) credit(co_author);
    return people;
}

// `Code-Review+2`, `Workflow+1`, `Code-Review-1`: a Gerrit vote other than 0 on one of the
// labels that are review work (Verified is the CI's).
bool is_review_vote(std::string_view key) {
    const auto sign = key.find_last_of("+-");
    if (sign == std::string_view::npos || sign == 0 || sign + 1 == key.size()) return false;
    int value = 0;
    const auto digits = key.substr(sign + 1);
    const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    if (error != std::errc() || end != digits.data() + digits.size() || value == 0) return false;
    const auto label = util::to_lower_ascii(key.substr(0, sign));
    return label == "code-review" || label == "workflow";
}

std::optional<ActivityKind> trailer_kind(std::string_view key) {
    const auto lower = util::to_lower_ascii(key);
    if (lower == "signed-off-by") return ActivityKind::signed_off;
    if (lower == "reviewed-by") return ActivityKind::reviewed;
    if (lower == "acked-by") return ActivityKind::acked;
    return std::nullopt;
}

// Everything collect_activity reads: forge committers per identity, and trailer values
// resolved with resolve_text, each distinct value once (git/git has thousands of sign-offs
// by the same few hundred people).
class Crediting {
public:
    Crediting(const git::History& history, const Resolution& resolution)
        : m_history(history), m_resolution(resolution), m_forge(history.identities.size(), 0) {
        for (std::size_t i = 0; i < history.identities.size(); ++i) {
            m_forge[i] = is_forge_committer(resolution, static_cast<git::IdentityId>(i)) ? 1 : 0;
        }
    }

    // The person behind an identity used as a committer; nullopt for bots and forges.
    [[nodiscard]] std::optional<PersonId> committer(git::IdentityId identity) const {
        if (identity >= m_forge.size() || m_forge[identity] != 0) return std::nullopt;
        return m_resolution.person_of_identity.at(identity);
    }

    [[nodiscard]] std::optional<PersonId> resolve(const std::string& value) {
        const auto [it, added] = m_resolved.try_emplace(value);
        if (added) it->second = resolve_text(value, m_history, m_resolution);
        return it->second;
    }

    [[nodiscard]] std::vector<ActivityCredit> others(const git::Commit& commit, const std::vector<PersonId>& authors);
    // Who made a merge: its committer, or its author when a forge committed it (a web-flow
    // merge is authored by whoever pressed the button).
    [[nodiscard]] std::optional<PersonId> merger(const git::Commit& commit) const {
        if (commit.committer < m_forge.size() && m_forge[commit.committer] != 0) {
            return commit.author < m_resolution.person_of_identity.size()
                       ? m_resolution.person_of_identity[commit.author]
                       : std::nullopt;
        }
        return committer(commit.committer);
    }

private:
    const git::History& m_history;
    const Resolution& m_resolution;
    std::vector<char> m_forge;  // per identity
    std::unordered_map<std::string, std::optional<PersonId>> m_resolved;
};

void add_credit(std::vector<ActivityCredit>& credits, const std::vector<PersonId>& authors, ActivityKind kind,
                std::optional<PersonId> person) {
    if (!person || std::ranges::find(authors, *person) != authors.end()) return;
    const ActivityCredit credit{kind, *person};
    if (std::ranges::find(credits, credit) == credits.end()) credits.push_back(credit);
}

std::vector<ActivityCredit> Crediting::others(const git::Commit& commit, const std::vector<PersonId>& authors) {
    std::vector<ActivityCredit> credits;
    if (commit.is_merge()) {
        if (const auto person = merger(commit)) credits.push_back({ActivityKind::committed, *person});
        return credits;
    }
    add_credit(credits, authors, ActivityKind::committed, committer(commit.committer));
    for (const auto& trailer : commit.trailers) {
        if (const auto kind = trailer_kind(trailer.key)) add_credit(credits, authors, *kind, resolve(trailer.value));
    }
    for (const auto& field : commit.review_note) {
        const bool review = is_review_vote(field.key) || util::to_lower_ascii(field.key) == "submitted-by";
        if (review) add_credit(credits, authors, ActivityKind::gerrit_review, resolve(field.value));
    }
    return credits;
}

void add_tag_events(const git::History& history, const Resolution& resolution, Activity& activity) {
    for (std::size_t i = 0; i < history.tags.size(); ++i) {
        const auto& tag = history.tags[i];
        if (!tag.annotated || !tag.tagger || *tag.tagger >= resolution.person_of_identity.size()) continue;
        if (const auto person = resolution.person_of_identity[*tag.tagger]) {
            activity.events_by_person[*person].push_back(
                {ActivityKind::tagged, static_cast<std::uint32_t>(i), tag.time});
        }
    }
}

bool earlier(const ActivityEvent& a, const ActivityEvent& b) {
    if (a.time != b.time) return a.time < b.time;
    const bool a_tag = a.kind == ActivityKind::tagged;
    const bool b_tag = b.kind == ActivityKind::tagged;
    if (a_tag != b_tag) return b_tag;
    return a.index != b.index ? a.index > b.index : a.kind < b.kind;  // commits: older have higher indexes
}

void add_commit(const git::Commit& commit, std::uint32_t index, Crediting& crediting, const Resolution& resolution,
                Activity& activity) {
    auto people = commit.is_merge() ? std::vector<PersonId>() : credited_people(commit, resolution);
    auto others = crediting.others(commit, people);
    for (const auto& credit : others) {
        activity.events_by_person[credit.person].push_back({credit.kind, index, commit.commit_time});
    }
    activity.other_credits[index] = std::move(others);
    if (people.empty()) return;
    activity.counted_commits.push_back(index);
    for (auto person : people) {
        activity.commits_by_person[person].push_back(index);
        activity.events_by_person[person].push_back({ActivityKind::authored, index, commit.time});
    }
    activity.credited[index] = std::move(people);
}

}  // namespace

bool is_forge_committer(const Resolution& resolution, git::IdentityId identity) {
    return identity < resolution.person_of_identity.size() &&
           resolution.automation_kind(identity) == roster::AutomationKind::forge_committer;
}

Activity collect_activity(const git::History& history, const Resolution& resolution) {
    Activity activity;
    activity.commits_by_person.resize(resolution.people.size());
    activity.events_by_person.resize(resolution.people.size());
    activity.credited.resize(history.commits.size());
    activity.other_credits.resize(history.commits.size());
    activity.counted_commits.reserve(history.commits.size());
    Crediting crediting(history, resolution);
    // History is newest first; walking it backwards yields oldest-first lists.
    for (std::size_t i = history.commits.size(); i-- > 0;) {
        add_commit(history.commits[i], static_cast<std::uint32_t>(i), crediting, resolution, activity);
    }
    add_tag_events(history, resolution, activity);
    for (auto& events : activity.events_by_person) std::ranges::stable_sort(events, earlier);
    return activity;
}

std::optional<LastActivity> last_activity(const Activity& activity, PersonId person) {
    if (person >= activity.events_by_person.size()) return std::nullopt;
    const auto& events = activity.events_by_person[person];
    if (events.empty()) return std::nullopt;
    // Oldest first: the newest time's first event is the one the kind is named after.
    auto newest = events.end() - 1;
    while (newest != events.begin() && (newest - 1)->time == newest->time) --newest;
    return LastActivity{newest->time, newest->kind};
}

std::optional<std::int64_t> last_active(const git::History& /*history*/, const Activity& activity,
                                        PersonId person) {
    const auto last = last_activity(activity, person);
    if (!last) return std::nullopt;
    return last->time;
}

ActivityCounts activity_counts(const Activity& activity, PersonId person, const Window& window) {
    ActivityCounts counts{};
    if (person >= activity.events_by_person.size()) return counts;
    for (const auto& event : activity.events_by_person[person]) {
        if (window.contains(event.time)) ++counts.at(static_cast<std::size_t>(event.kind));
    }
    return counts;
}

std::vector<PersonId> credited_for(const Activity& activity, std::uint32_t index,
                                   const std::vector<ActivityKind>& kinds) {
    const bool authored = kinds.empty() || std::ranges::find(kinds, ActivityKind::authored) != kinds.end();
    std::vector<PersonId> people;
    if (authored) people = activity.credited.at(index);
    for (const auto& credit : activity.other_credits.at(index)) {
        const bool wanted = std::ranges::find(kinds, credit.kind) != kinds.end();
        if (wanted && std::ranges::find(people, credit.person) == people.end()) people.push_back(credit.person);
    }
    return people;
}

}  // namespace roles::engine
