// `roles whatif`: each project analysed once, and the people a WHO word names.
#include <algorithm>

#include "roles/engine/factors.hpp"
#include "roles/util/text.hpp"

#include "whatif_parts.hpp"

namespace roles::engine::whatif_detail {
namespace {

const std::vector<roster::Hat>& hats_of(const roster::Roster& roster) {
    static const std::vector<roster::Hat> k_no_hats;
    return roster.projects.empty() ? k_no_hats : roster.hats();
}

// The project section of the audit as it is: the factors on one authorship walk (kept for
// the departures), and who is at high burnout risk.
util::Expected<void> measure_before(ProjectBase& base) {
    const auto& analysis = base.analysis;
    const auto& hats = hats_of(base.roster);
    if (base.mode != RosterMode::roster_only) {
        auto classes = classify_head_files(*base.history, hats);
        if (!classes) return std::unexpected(classes.error());
        base.classes = std::move(*classes);
        const FactorsInput input{*base.history,   analysis.resolution, analysis.activity, hats,
                                 analysis.window, base.active_within_days};
        base.authorship = factor_authorship(input, base.classes);
        base.factors = compute_project_factors(input, base.classes, base.authorship);
    }
    if (base.mode == RosterMode::roster_only) return {};
    const auto rows = assess_people({*base.history, analysis.resolution, analysis.activity, analysis.evidence,
                                     analysis.coverage, analysis.window, base.roster.thresholds});
    for (const auto& row : rows) {
        if (row.risk == RiskLevel::high) base.burnout_high.push_back(row.key);
    }
    std::ranges::sort(base.burnout_high);
    return {};
}

bool has_window_commit(const ProjectBase& base, PersonId person) {
    const auto& commits = base.analysis.activity.commits_by_person;
    if (person >= commits.size()) return false;
    return std::ranges::any_of(commits[person], [&](std::uint32_t index) {
        return base.analysis.window.holds(base.history->commits[index]);
    });
}

// People who matter for --without-each: current holders of a hat, and everyone with a
// credited commit in the window.
std::vector<PersonId> people_who_matter(const ProjectBase& base) {
    const auto& people = base.analysis.resolution.people;
    std::vector<std::uint8_t> matters(people.size(), 0);
    for (const auto& hat : base.analysis.coverage) {
        for (const auto& holder : hat.holders) matters.at(holder.person) = 1;
    }
    std::vector<PersonId> out;
    for (PersonId person = 0; person < people.size(); ++person) {
        if (matters[person] != 0 || has_window_commit(base, person)) out.push_back(person);
    }
    return out;
}

std::string domain_of(const std::string& email) {
    const auto at = email.rfind('@');
    return at == std::string::npos ? std::string() : util::to_lower_ascii(util::trim(email.substr(at + 1)));
}

// The organisation a person is counted in, as the elephant factor counts them (affiliation_of),
// or their roster affiliation, or the domain of their first email (the one the elephant
// factor reads when there is no affiliation): "@redhat.com" also finds a roster person
// whose affiliation is written "Red Hat" and who writes from redhat.com.
bool in_organisation(const PersonInfo& person, const std::string& organisation) {
    const std::string wanted = util::to_lower_ascii(util::trim(organisation));
    if (person.affiliation && util::to_lower_ascii(util::trim(*person.affiliation)) == wanted) return true;
    const auto group = affiliation_of(person);
    if (group.kind == GroupKind::organisation && util::to_lower_ascii(group.name) == wanted) return true;
    return !person.emails.empty() && domain_of(person.emails.front()) == wanted;
}

}  // namespace

util::Expected<std::unique_ptr<ProjectBase>> prepare_project(const git::History& history, roster::Roster roster,
                                                             RosterMode mode, const WindowRequest& request) {
    auto base = std::make_unique<ProjectBase>();
    base->name = roster.projects.empty() ? std::string() : roster.projects.front().name;
    base->mode = mode;
    base->roster = std::move(roster);
    base->active_within_days = request.active_within_days.value_or(k_default_active_within_days);
    const Window window = resolve_window(history, base->roster, request);
    base->cut = history_at_window_end(history, window, request);
    base->history = base->cut ? base->cut.get() : &history;
    auto analysis = analyse_project(*base->history, base->roster, mode, window);
    if (!analysis) return std::unexpected(analysis.error());
    base->analysis = std::move(*analysis);
    if (auto measured = measure_before(*base); !measured) return std::unexpected(measured.error());
    return base;
}

void add_efforts(const ProjectBase& base, Efforts& efforts) {
    for (const auto& hat : base.analysis.coverage) {
        for (const auto& holder : hat.holders) efforts[holder.key] += hat.effort;
    }
}

std::vector<PersonId> people_named(const ProjectBase& base, const std::string& word) {
    const auto& resolution = base.analysis.resolution;
    std::vector<PersonId> out;
    if (!word.empty() && word.front() == '@') {
        const std::string organisation = word.substr(1);
        for (PersonId person = 0; person < resolution.people.size(); ++person) {
            if (in_organisation(resolution.people[person], organisation)) out.push_back(person);
        }
        return out;
    }
    if (auto person = resolution.find(word)) out.push_back(*person);
    if (auto it = resolution.by_email.find(util::to_lower_ascii(word)); it != resolution.by_email.end()) {
        out.push_back(it->second);
    }
    const std::string name = util::normalize_name(word);
    if (auto it = resolution.by_name.find(name); !name.empty() && it != resolution.by_name.end()) {
        out.push_back(it->second);
    }
    for (PersonId person = 0; person < resolution.people.size(); ++person) {
        if (!name.empty() && util::normalize_name(resolution.people[person].name) == name) out.push_back(person);
    }
    std::ranges::sort(out);
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

void add_known_words(const ProjectBase& base, std::vector<std::string>& words) {
    for (const PersonId person : people_who_matter(base)) {
        const auto& info = base.analysis.resolution.people[person];
        words.push_back(info.key);
        if (!info.name.empty()) words.push_back(info.name);
        const auto group = affiliation_of(info);
        if (group.kind == GroupKind::organisation) words.push_back("@" + group.name);
    }
}

void add_organisation_names(const ProjectBase& base, std::set<std::string>& out) {
    const auto& people = base.analysis.resolution.people;
    for (const PersonId person : people_who_matter(base)) {
        const auto group = affiliation_of(people[person]);
        if (group.kind == GroupKind::organisation) out.insert(group.name);
    }
}

void add_people(const ProjectBase& base, std::map<std::string, std::string>& out) {
    for (const PersonId person : people_who_matter(base)) {
        const auto& info = base.analysis.resolution.people[person];
        out.try_emplace(info.key, info.label());
    }
}

}  // namespace roles::engine::whatif_detail
