#pragma once
// Renderers for `roles audit` on a program roster. They format; they never compute.

#include <string>
#include <vector>

#include "roles/engine/program.hpp"
#include "roles/report/audit.hpp"

namespace roles::report {

/// A program audit and the gate verdict decided by the caller.
struct ProgramView {
    const engine::ProgramAuditResult& result;
    std::vector<std::string> fail_on;  ///< the --fail-on values as given
    std::vector<std::string> failed;   ///< "project/hat" (and "project/burnout:KEY") that matched
    Detail detail = Detail::normal;
};

/// Each project's audit (as `roles audit` prints it for one project), then the
/// cross-project seats table, the status summary over all projects and the gate.
[[nodiscard]] std::string render_program_text(const ProgramView& view, Color color);

/// The Markdown job summary of render_audit_markdown over the program: the gate, the failing
/// PROJECT/HAT rows, warnings, then (collapsed) a table of projects, every other hat and the
/// people with seats in more than one project or a commitment over 1.
[[nodiscard]] std::string render_program_markdown(const ProgramView& view);
/// Several projects' documents of one schema, each rendered on its own (`roles load` and
/// `roles report` on a program roster), as one document: {"schema": SCHEMA, "program": true,
/// "roster": ROSTER_FILE, "projects": [each document as it is]}.
[[nodiscard]] std::string render_program_documents(const std::string& schema, const std::string& roster_file,
                                                   const std::vector<std::string>& documents);

/// The same facts as JSON: "schema": "roles.audit/1", "program": true, "projects": [...],
/// "people": [...], "totals", "gate", "warnings".
[[nodiscard]] std::string render_program_json(const ProgramView& view);

}  // namespace roles::report
