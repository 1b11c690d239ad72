#include "roles/engine/whatif.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <tuple>

#include "roles/util/parallel.hpp"
#include "roles/util/text.hpp"

#include "whatif_parts.hpp"

namespace roles::engine {
namespace {

using whatif_detail::Efforts;
using whatif_detail::ProjectBase;

using Bases = std::vector<std::unique_ptr<ProjectBase>>;

std::string joined(const std::vector<std::string>& words) {
    std::string out;
    for (const auto& word : words) out += (out.empty() ? "" : ", ") + word;
    return out;
}

std::string label_of(const Bases& bases, const std::string& key) {
    for (const auto& base : bases) {
        if (auto person = base->analysis.resolution.find(key)) return base->analysis.resolution.people[*person].label();
    }
    return key;
}

void add_keys(const ProjectBase& base, const std::string& word, std::set<std::string>& keys) {
    for (const PersonId person : whatif_detail::people_named(base, word)) {
        keys.insert(base.analysis.resolution.people[person].key);
    }
}

Departure departure_of(const Bases& bases, std::string subject, const std::set<std::string>& keys) {
    Departure out{std::move(subject), {keys.begin(), keys.end()}, {}};
    for (const auto& key : out.people) out.labels.push_back(label_of(bases, key));
    return out;
}

util::Error unknown_word(const Bases& bases, const std::string& word) {
    std::vector<std::string> known;
    for (const auto& base : bases) whatif_detail::add_known_words(*base, known);
    const auto suggestion = util::closest_match(word, known);
    return util::Error{util::ErrorKind::usage, "--without",
                       "nobody is " + util::quoted(word) +
                           (suggestion ? " (did you mean " + util::quoted(*suggestion) + "?)"
                                       : " (give a person key, an email, a name, or @Affiliation)"),
                       {}};
}

util::Expected<std::vector<Departure>> listed_departure(const Bases& bases, const std::vector<std::string>& words) {
    if (words.empty()) {
        return util::fail(util::ErrorKind::usage, "whatif", "say who leaves: --without WHO... or --without-each @|person");
    }
    std::set<std::string> keys;
    for (const auto& word : words) {
        if (word == "@") {
            return util::fail(util::ErrorKind::usage, "--without",
                              "'@' needs an affiliation after it (@Example Corp); every affiliation in turn is "
                              "--without-each @");
        }
        bool matched = false;
        for (const auto& base : bases) {
            add_keys(*base, word, keys);
            matched = matched || !whatif_detail::people_named(*base, word).empty();
        }
        if (!matched) return std::unexpected(unknown_word(bases, word));
    }
    return std::vector<Departure>{departure_of(bases, joined(words), keys)};
}

std::vector<Departure> each_departure(const Bases& bases, EachKind each) {
    std::vector<Departure> out;
    if (each == EachKind::affiliation) {
        std::set<std::string> organisations;
        for (const auto& base : bases) whatif_detail::add_organisation_names(*base, organisations);
        for (const auto& organisation : organisations) {
            std::set<std::string> keys;
            for (const auto& base : bases) add_keys(*base, "@" + organisation, keys);
            out.push_back(departure_of(bases, "@" + organisation, keys));
        }
        return out;
    }
    std::map<std::string, std::string> people;
    for (const auto& base : bases) whatif_detail::add_people(*base, people);
    for (const auto& [key, label] : people) out.push_back(Departure{label, {key}, {label}});
    return out;
}

Severity severity_of(const Scenario& scenario) {
    Severity out;
    out.failures = static_cast<std::uint32_t>(scenario.failures.size());
    for (const auto& project : scenario.projects) {
        for (const auto& hat : project.hats) {
            if (hat.after == hat.before) continue;
            out.vacant += hat.after == Status::vacant && hat.required ? 1 : 0;
            out.understaffed += hat.after == Status::understaffed ? 1 : 0;
            out.single_point += hat.after == Status::single_point ? 1 : 0;
        }
        out.hats_left += static_cast<std::uint32_t>(project.handovers.size());
        out.orphaned += static_cast<std::uint32_t>(project.repository.orphaned.size());
        out.commits_lost += project.contributor_absence.commits_before - project.contributor_absence.commits_after;
        const auto drop = [](const Shift& s) { return s.before > s.after ? s.before - s.after : 0U; };
        out.truck_factor_drop += drop(project.repository.truck_factor);
        out.elephant_drop += drop(project.elephant.factor);
    }
    return out;
}

// Worst first: more gate failures, hats made vacant, understaffed, single-point, hats left,
// files orphaned, then the larger truck-factor drop, commits lost and elephant-factor drop;
// ties by subject.
bool worse(const Scenario& a, const Scenario& b) {
    const auto rank = [](const Scenario& s) {
        const auto& v = s.severity;
        return std::make_tuple(v.failures, v.vacant, v.understaffed, v.single_point, v.hats_left, v.orphaned,
                               v.truck_factor_drop, v.commits_lost, v.elephant_drop);
    };
    if (rank(a) != rank(b)) return rank(a) > rank(b);
    return a.departure.subject < b.departure.subject;
}

util::Expected<WhatIfResult> run_on(const Bases& bases, const WhatIfRequest& request, bool program) {
    auto departures = request.each == EachKind::none ? listed_departure(bases, request.without)
                                                     : util::Expected<std::vector<Departure>>(each_departure(bases, request.each));
    if (!departures) return std::unexpected(departures.error());
    Efforts efforts;
    for (const auto& base : bases) whatif_detail::add_efforts(*base, efforts);
    WhatIfResult result;
    result.program = program;
    result.each = request.each;
    result.scenarios.resize(departures->size());
    util::for_each_index(departures->size(), request.threads, [&](std::size_t i) {
        Scenario& scenario = result.scenarios[i];
        scenario.departure = std::move((*departures)[i]);
        const whatif_detail::ShiftInput input{scenario.departure.people, efforts, request.fail_on, program};
        for (const auto& base : bases) {
            scenario.projects.push_back(whatif_detail::shift_project(*base, input, scenario.failures));
        }
        scenario.severity = severity_of(scenario);
    });
    std::ranges::stable_sort(result.scenarios, worse);
    if (!bases.empty()) {
        const auto& first = *bases.front();
        result.roster_file = first.roster.file;
        result.mode = program ? RosterMode::roster : first.mode;
        result.window = first.analysis.window;
        result.window_rule = window_rule(request.window);
        result.head_id = program ? std::string() : first.history->head_id;
    }
    return result;
}

// A program's roster with only `project` in it (and, without history, only its holders:
// resolving the whole people map per project would make a large program quadratic).
roster::Roster project_roster(const roster::Roster& roster, const roster::Project& project, bool with_history) {
    roster::Roster out = roster;
    out.projects = {project};
    out.warnings.clear();
    if (with_history) return out;
    out.people.clear();
    for (const auto& hat : project.hats) {
        for (const auto& holder : hat.holders) {
            if (auto it = roster.people.find(holder.person); it != roster.people.end()) out.people.insert(*it);
        }
    }
    return out;
}

}  // namespace

util::Expected<WhatIfResult> run_whatif(const git::History& history, const roster::Roster& roster, RosterMode mode,
                                        const WhatIfRequest& request) {
    if (roster.projects.empty()) return util::fail(util::ErrorKind::input, "whatif", "the roster has no project");
    Bases bases;
    auto base = whatif_detail::prepare_project(history, roster, mode, request.window);
    if (!base) return std::unexpected(base.error());
    bases.push_back(std::move(*base));
    auto result = run_on(bases, request, false);
    if (result) result->warnings = bases.front()->analysis.warnings;
    return result;
}

util::Expected<WhatIfResult> run_program_whatif(const ProgramInput& input, const WhatIfRequest& request) {
    static const git::History k_no_history;
    Bases bases;
    std::vector<std::string> warnings = input.roster.warnings;
    for (std::size_t i = 0; i < input.roster.projects.size(); ++i) {
        const auto& project = input.roster.projects[i];
        const git::History* history = i < input.histories.size() ? input.histories[i] : nullptr;
        const auto mode = history != nullptr ? RosterMode::roster : RosterMode::roster_only;
        auto base = whatif_detail::prepare_project(history != nullptr ? *history : k_no_history,
                                                   project_roster(input.roster, project, history != nullptr), mode,
                                                   request.window);
        if (!base) {
            base.error().context = "project " + project.name + ": " + base.error().context;
            return std::unexpected(base.error());
        }
        for (const auto& warning : (*base)->analysis.warnings) warnings.push_back(project.name + ": " + warning);
        bases.push_back(std::move(*base));
    }
    auto result = run_on(bases, request, true);
    if (result) {
        result->roster_file = input.roster.file;
        result->warnings = std::move(warnings);
    }
    return result;
}

std::string_view to_string(HandoverNote note) {
    static constexpr std::array<std::string_view, 4> k_names = {"none", "no-evidence-rules", "nobody-else",
                                                                "thin-evidence"};
    return k_names.at(static_cast<std::size_t>(note));
}

std::string_view to_string(ScopeKind kind) {
    static constexpr std::array<std::string_view, 3> k_names = {"repository", "directory", "hat-area"};
    return k_names.at(static_cast<std::size_t>(kind));
}

std::string_view to_string(EachKind kind) {
    static constexpr std::array<std::string_view, 3> k_names = {"none", "affiliation", "person"};
    return k_names.at(static_cast<std::size_t>(kind));
}

}  // namespace roles::engine
