// The program cycle report: summary first, then each project's report.
#include <fmt/format.h>

#include "cycle_html_parts.hpp"
#include "roles/report/cycle.hpp"
#include "roles/report/program_cycle.hpp"
#include "svg.hpp"

namespace roles::report {
namespace {

using engine::ProgramCycleReport;

std::string status_word(const std::optional<engine::Status>& status) {
    return status ? std::string(engine::to_string(*status)) : "—";
}

std::string cycle_label(const engine::ProgramCycleProject& project) {
    return project.report ? project.report->cycle.label : "no report: " + project.missing;
}

// "nova/ptl, nova/release-liaison and 2 more": the first three seats.
std::string seats_words(const engine::ProgramSeats& p) {
    std::string out;
    for (std::size_t i = 0; i < p.seats.size() && i < 3; ++i) out += (out.empty() ? "" : ", ") + p.seats[i];
    if (p.seats.size() > 3) out += fmt::format(" and {} more", p.seats.size() - 3);
    return out;
}

std::string left_out_words(const ProgramCycleReport& r) {
    if (r.people_left_out == 0) return {};
    return fmt::format("{} other {} a seat.", r.people_left_out, r.people_left_out == 1 ? "person holds" : "people hold");
}

// Headings one level down, so that a project's report sits under the program's title.
std::string demoted(const std::string& markdown) {
    std::string out;
    std::size_t at = 0;
    while (at < markdown.size()) {
        const auto end = markdown.find('\n', at);
        auto line = markdown.substr(at, end == std::string::npos ? std::string::npos : end - at + 1);
        if (line.starts_with("#")) line.insert(0, "#");
        out += line;
        at = end == std::string::npos ? markdown.size() : end + 1;
    }
    return out;
}

std::string markdown_matrix(const ProgramCycleReport& r) {
    std::string out = "## Hats per project\n\n| project | cycle |";
    std::string rule = "|---|---|";
    for (const auto& hat : r.hats) {
        out += " " + hat + " |";
        rule += "---|";
    }
    out += "\n" + rule + "\n";
    for (std::size_t p = 0; p < r.projects.size(); ++p) {
        out += "| " + r.projects[p].name + " | " + cycle_label(r.projects[p]) + " |";
        for (const auto& status : r.statuses[p]) out += " " + status_word(status) + " |";
        out += "\n";
    }
    return out + "\n";
}

std::string markdown_people(const ProgramCycleReport& r) {
    std::string out = "## People with the most seats\n\n";
    if (r.people.empty()) return out + "Nobody holds a hat.\n\n";
    out += "| person | seats | projects | commitment |\n|---|---|--:|--:|\n";
    for (const auto& p : r.people) {
        out += fmt::format("| {} | {} ({}) | {} | {:.2f} |\n", p.person, p.seats.size(), seats_words(p), p.projects,
                           p.commitment);
    }
    const auto more = left_out_words(r);
    return out + (more.empty() ? "" : "\n" + more + "\n") +
           "\nCommitment: the seats' effort over all projects ÷ capacity; above 1.00 is over-committed.\n\n";
}

std::string text_project_line(const ProgramCycleReport& r, std::size_t p) {
    const auto& project = r.projects[p];
    if (!project.report) return fmt::format("{}: no report ({}).", project.name, project.missing);
    std::size_t ok = 0;
    std::string others;
    for (const auto& hat : project.report->hats) {
        if (hat.status == engine::Status::ok) {
            ++ok;
        } else if (hat.status != engine::Status::unassigned) {
            others += fmt::format("{}{} {}", others.empty() ? "" : ", ", hat.hat, engine::to_string(hat.status));
        }
    }
    return fmt::format("{} ({}): {} of {} hats ok{}.", project.name, project.report->cycle.label, ok,
                       project.report->hats.size(), others.empty() ? "" : "; " + others);
}

// Wrapped like the cycle mail: the project mail's own wrapping applies to its part.
std::string wrapped(const std::string& text) {
    std::string out = "  ";
    std::size_t column = 2;
    std::size_t at = 0;
    while (at < text.size()) {
        const auto space = text.find(' ', at);
        const auto word = text.substr(at, space == std::string::npos ? std::string::npos : space - at);
        at = space == std::string::npos ? text.size() : space + 1;
        if (column > 2 && column + 1 + word.size() > 72) {
            out += "\n  ";
            column = 2;
        } else if (column > 2) {
            out += ' ';
            ++column;
        }
        out += word;
        column += word.size();
    }
    return out + "\n";
}

std::string html_matrix(const ProgramCycleReport& r) {
    std::string out = "<section id=\"program\"><h2>Hats per project</h2>\n<div class=\"scroll\"><table><tr>"
                      "<th>project</th><th>cycle</th>";
    for (const auto& hat : r.hats) out += "<th>" + svg::escape(hat) + "</th>";
    out += "</tr>\n";
    for (std::size_t p = 0; p < r.projects.size(); ++p) {
        out += "<tr><td><a href=\"#project-" + svg::escape(r.projects[p].name) + "\">" +
               svg::escape(r.projects[p].name) + "</a></td><td>" + svg::escape(cycle_label(r.projects[p])) + "</td>";
        for (const auto& status : r.statuses[p]) out += "<td>" + (status ? status_html_of(*status) : "—") + "</td>";
        out += "</tr>\n";
    }
    out += "</table></div>\n<h2>People with the most seats</h2>\n<table><tr><th>person</th><th>seats</th>"
           "<th>projects</th><th>commitment</th></tr>\n";
    for (const auto& p : r.people) {
        std::string seats;
        for (const auto& seat : p.seats) seats += (seats.empty() ? "" : ", ") + svg::escape(seat);
        out += fmt::format("<tr><td>{}</td><td>{}: {}</td><td class=\"num\">{}</td><td class=\"num\">{:.2f}</td></tr>\n",
                           svg::escape(p.person), p.seats.size(), seats, p.projects, p.commitment);
    }
    const auto more = left_out_words(r);
    return out + "</table>" + (more.empty() ? "" : "<p class=\"note\">" + more + "</p>") + "</section>\n";
}

}  // namespace

std::string render_program_cycle_markdown(const ProgramCycleReport& report) {
    std::string out = fmt::format("# Program cycle report: {}\n\nEach project's cycle is resolved in its own "
                                  "history.\n\n",
                                  report.roster_file.empty() ? "(no roster)" : report.roster_file);
    out += markdown_matrix(report) + markdown_people(report);
    for (const auto& project : report.projects) {
        if (project.report) out += "---\n\n" + demoted(render_cycle_markdown(*project.report)) + "\n";
    }
    return out;
}

std::string render_program_cycle_text(const ProgramCycleReport& report) {
    std::string out = fmt::format("Program cycle report: {}\n\nHATS PER PROJECT\n\n",
                                  report.roster_file.empty() ? "(no roster)" : report.roster_file);
    for (std::size_t p = 0; p < report.projects.size(); ++p) out += wrapped(text_project_line(report, p));
    out += "\nPEOPLE WITH THE MOST SEATS\n\n";
    for (const auto& person : report.people) {
        out += wrapped(fmt::format("{}: {} seats in {} projects ({}), commitment {:.2f}.", person.person,
                                   person.seats.size(), person.projects, seats_words(person), person.commitment));
    }
    if (report.people.empty()) out += "  Nobody holds a hat.\n";
    if (const auto more = left_out_words(report); !more.empty()) out += wrapped(more);
    for (const auto& project : report.projects) {
        if (project.report) out += "\n\nPROJECT " + project.name + "\n\n" + render_cycle_text(*project.report);
    }
    return out;
}

std::string render_program_cycle_html(const ProgramCycleReport& report) {
    std::string body = "<h1>Program cycle report: " + svg::escape(report.roster_file) + "</h1>\n" + html_matrix(report);
    for (const auto& project : report.projects) {
        if (!project.report) continue;
        body += "<section id=\"project-" + svg::escape(project.name) + "\">\n" + cycle_html_sections(*project.report) +
                "</section>\n";
    }
    return html_page("Program cycle report: " + report.roster_file, body);
}

}  // namespace roles::report
