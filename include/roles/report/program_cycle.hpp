#pragma once
// Renderers for `roles report` on a program roster: the program summary (a project × hat
// status matrix, the people with the most seats and their commitment), then each project's
// own cycle report. They format an engine::ProgramCycleReport; they compute nothing.

#include <string>

#include "roles/engine/program_cycle.hpp"

namespace roles::report {

/// Markdown: "# Program cycle report", "## Hats per project" (a table: project, cycle, then
/// one column per hat with its status), "## People with the most seats", then each project's
/// Markdown report with its headings one level down.
[[nodiscard]] std::string render_program_cycle_markdown(const engine::ProgramCycleReport& report);

/// The program mail, 72 columns: HATS PER PROJECT (each project's counts and the hats not
/// ok), PEOPLE WITH THE MOST SEATS, then each project's mail under "PROJECT NAME".
[[nodiscard]] std::string render_program_cycle_text(const engine::ProgramCycleReport& report);

/// One page: the matrix as a table with status shapes, the seats table, then each project's
/// sections.
[[nodiscard]] std::string render_program_cycle_html(const engine::ProgramCycleReport& report);

}  // namespace roles::report
