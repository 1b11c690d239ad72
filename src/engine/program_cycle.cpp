// build_program_cycle_report: a cycle report per project, then the program's matrix and seats.
#include <algorithm>
#include <map>
#include <set>

#include "roles/engine/program_cycle.hpp"

namespace roles::engine {
namespace {

double effort_of(const roster::Project& project, const std::string& hat) {
    const auto found = std::ranges::find_if(project.hats, [&](const roster::Hat& h) { return h.def.id == hat; });
    return found == project.hats.end() ? 0.0 : found->def.effort;
}

std::vector<ProgramSeats> seats_of(const roster::Roster& roster, const std::vector<ProgramCycleProject>& projects) {
    std::map<std::string, ProgramSeats> by_key;
    std::map<std::string, std::set<std::string>> projects_of;
    const auto seat = [&](const std::string& key, std::size_t p, const std::string& hat) {
        auto& seats = by_key[key];
        seats.person = key;
        seats.seats.push_back(projects[p].name + "/" + hat);
        seats.effort += effort_of(roster.projects[p], hat);
        projects_of[key].insert(projects[p].name);
    };
    for (std::size_t p = 0; p < projects.size(); ++p) {
        if (projects[p].report) {
            // The current holders at the end of the project's cycle (fallbacks included).
            for (const auto& hat : projects[p].report->hats) {
                for (const auto& holder : hat.holders) seat(holder.key, p, hat.hat);
            }
            continue;
        }
        // A project without history: the roster's holders whose term has not ended.
        for (const auto& hat : roster.projects[p].hats) {
            for (const auto& holder : hat.holders) {
                if (!holder.until) seat(holder.person, p, hat.def.id);
            }
        }
    }
    std::vector<ProgramSeats> out;
    for (auto& [key, seats] : by_key) {
        const auto person = roster.people.find(key);
        seats.name = person == roster.people.end() ? key : person->second.name;
        seats.capacity = person == roster.people.end() ? 1.0 : person->second.capacity;
        seats.commitment = seats.effort / seats.capacity;
        seats.projects = projects_of[key].size();
        out.push_back(std::move(seats));
    }
    std::ranges::sort(out, [](const ProgramSeats& a, const ProgramSeats& b) {
        if (a.seats.size() != b.seats.size()) return a.seats.size() > b.seats.size();
        if (a.commitment != b.commitment) return a.commitment > b.commitment;
        return a.person < b.person;
    });
    return out;
}

}  // namespace

roster::Roster project_roster(const roster::Roster& program, std::size_t index) {
    roster::Roster out = program;
    out.projects = {program.projects[index]};
    out.project = program.projects[index].name;
    out.program = false;
    return out;
}

ProgramCycleReport summarise_program(const roster::Roster& roster, std::vector<ProgramCycleProject> projects,
                                     std::size_t top_people) {
    ProgramCycleReport out;
    out.roster_file = roster.file;
    for (const auto& project : roster.projects) {
        for (const auto& hat : project.hats) {
            if (std::ranges::find(out.hats, hat.def.id) == out.hats.end()) out.hats.push_back(hat.def.id);
        }
    }
    for (const auto& project : projects) {
        std::vector<std::optional<Status>> row(out.hats.size());
        if (project.report) {
            for (const auto& hat : project.report->hats) {
                const auto column = std::ranges::find(out.hats, hat.hat) - out.hats.begin();
                row[static_cast<std::size_t>(column)] = hat.status;
            }
        }
        out.statuses.push_back(std::move(row));
    }
    out.people = seats_of(roster, projects);
    if (out.people.size() > top_people) {
        out.people_left_out = static_cast<std::uint32_t>(out.people.size() - top_people);
        out.people.resize(top_people);
    }
    out.projects = std::move(projects);
    return out;
}

util::Expected<ProgramCycleReport> build_program_cycle_report(const ProgramCycleInput& input, std::size_t top_people) {
    std::vector<ProgramCycleProject> projects;
    for (std::size_t p = 0; p < input.roster.projects.size(); ++p) {
        ProgramCycleProject project{input.roster.projects[p].name, std::nullopt, {}};
        const auto* history = p < input.histories.size() ? input.histories[p] : nullptr;
        if (history == nullptr) {
            project.missing = "no repository to read";
            projects.push_back(std::move(project));
            continue;
        }
        const auto lookup = p < input.lookups.size() ? input.lookups[p] : RepositoryLookup{};
        auto cycle = resolve_cycle(*history, input.cycle, lookup);
        if (!cycle) {
            project.missing = cycle.error().message();
            projects.push_back(std::move(project));
            continue;
        }
        auto report = build_cycle_report(*history, project_roster(input.roster, p), RosterMode::roster, *cycle);
        if (!report) return std::unexpected(report.error());
        project.report = std::move(*report);
        projects.push_back(std::move(project));
    }
    return summarise_program(input.roster, std::move(projects), top_people);
}

}  // namespace roles::engine
