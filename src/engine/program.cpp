#include "roles/engine/program.hpp"

#include <algorithm>
#include <map>

namespace roles::engine {
namespace {

// The roster without its projects, copied once: each project is audited with this shell and
// its own project slotted in, so a program of thousands of projects is not copied per project.
roster::Roster roster_shell(const roster::Roster& roster) {
    roster::Roster shell;
    shell.file = roster.file;
    shell.catalogs = roster.catalogs;
    shell.window = roster.window;
    shell.stale_after = roster.stale_after;
    shell.bots = roster.bots;
    shell.automation = roster.automation;
    shell.automation_added = roster.automation_added;
    shell.automation_cancelled = roster.automation_cancelled;
    shell.thresholds = roster.thresholds;
    // Warnings are reported once for the whole program, not once per project.
    return shell;
}

std::map<std::string, roster::Person> holders_of(const roster::Project& project, const roster::Roster& roster) {
    std::map<std::string, roster::Person> people;
    for (const auto& hat : project.hats) {
        for (const auto& holder : hat.holders) {
            if (const auto it = roster.people.find(holder.person); it != roster.people.end()) people.insert(*it);
        }
    }
    return people;
}

void add_seats(const ProjectAudit& project, const roster::Roster& roster, std::map<std::string, SeatRow>& rows) {
    for (const auto& hat : project.audit.hats) {
        for (const auto& holder : hat.holders) {
            auto& row = rows[holder.key];
            row.person = holder.key;
            row.seats.push_back(project.audit.project + "/" + hat.hat);
            row.effort += hat.effort;
            if (const auto it = roster.people.find(holder.key); it != roster.people.end()) {
                row.name = it->second.name;
                row.affiliation = it->second.affiliation;
                row.capacity = it->second.capacity;
            }
        }
    }
}

std::vector<SeatRow> seat_rows(const std::vector<ProjectAudit>& projects, const roster::Roster& roster) {
    std::map<std::string, SeatRow> rows;
    for (const auto& project : projects) add_seats(project, roster, rows);
    std::vector<SeatRow> out;
    for (auto& [key, row] : rows) {
        std::vector<std::string> names;
        for (const auto& seat : row.seats) {
            const auto name = seat.substr(0, seat.rfind('/'));
            if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
        }
        row.projects = names.size();
        row.commitment = row.capacity > 0 ? row.effort / row.capacity : 0.0;
        out.push_back(std::move(row));
    }
    std::sort(out.begin(), out.end(), [](const SeatRow& a, const SeatRow& b) {
        if (a.commitment != b.commitment) return a.commitment > b.commitment;
        if (a.seats.size() != b.seats.size()) return a.seats.size() > b.seats.size();
        return a.person < b.person;
    });
    return out;
}

}  // namespace

util::Expected<ProgramAuditResult> run_program_audit(const ProgramInput& input) {
    ProgramAuditResult result;
    result.roster_file = input.roster.file;
    result.warnings = input.roster.warnings;
    static const git::History k_no_history;
    auto shell = roster_shell(input.roster);
    for (std::size_t i = 0; i < input.roster.projects.size(); ++i) {
        const auto& project = input.roster.projects[i];
        const git::History* history = i < input.histories.size() ? input.histories[i] : nullptr;
        const auto mode = history != nullptr ? RosterMode::roster : RosterMode::roster_only;
        shell.projects = {project};
        // With no history to match, only the holders matter; resolving the whole people map
        // per project made programs of thousands of projects quadratic.
        shell.people = history != nullptr ? input.roster.people : holders_of(project, input.roster);
        auto audit = run_audit(history != nullptr ? *history : k_no_history, shell, mode, input.request);
        if (!audit) {
            audit.error().context = "project " + project.name + ": " + audit.error().context;
            return std::unexpected(audit.error());
        }
        for (const auto& warning : audit->warnings) result.warnings.push_back(project.name + ": " + warning);
        result.hats += audit->totals.hats;
        for (std::size_t s = 0; s < std::size(result.by_status); ++s) result.by_status[s] += audit->totals.by_status[s];
        result.projects.push_back({history != nullptr ? project.repos : std::vector<std::string>{}, std::move(*audit)});
    }
    result.people = seat_rows(result.projects, input.roster);
    return result;
}

std::vector<std::string> gate_failures(const ProgramAuditResult& result, const FailOn& fail_on) {
    std::vector<std::string> out;
    for (const auto& project : result.projects) {
        for (const auto& failure : gate_failures(project.audit, fail_on)) {
            out.push_back(project.audit.project + "/" + failure);
        }
    }
    return out;
}

}  // namespace roles::engine
