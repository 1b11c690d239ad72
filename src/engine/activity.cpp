#include "roles/engine/activity.hpp"

#include <algorithm>

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

}  // namespace

Activity collect_activity(const git::History& history, const Resolution& resolution) {
    Activity activity;
    activity.commits_by_person.resize(resolution.people.size());
    activity.credited.resize(history.commits.size());
    activity.counted_commits.reserve(history.commits.size());
    // History is newest first; walking it backwards yields oldest-first lists.
    for (std::size_t i = history.commits.size(); i-- > 0;) {
        const auto& commit = history.commits[i];
        if (commit.is_merge()) continue;
        auto people = credited_people(commit, resolution);
        if (people.empty()) continue;
        const auto index = static_cast<std::uint32_t>(i);
        activity.counted_commits.push_back(index);
        for (auto person : people) activity.commits_by_person[person].push_back(index);
        activity.credited[i] = std::move(people);
    }
    return activity;
}

std::optional<std::int64_t> last_active(const git::History& history, const Activity& activity,
                                        PersonId person) {
    if (person >= activity.commits_by_person.size()) return std::nullopt;
    std::optional<std::int64_t> latest;
    for (auto index : activity.commits_by_person[person]) {
        const auto time = history.commits[index].time;
        if (!latest || time > *latest) latest = time;
    }
    return latest;
}

}  // namespace roles::engine
