#pragma once
// What `roles audit` can write: one table from format to renderer, for a project roster and
// a program roster alike (docs/output-formats.md, "Formats per command").

#include <string>
#include <vector>

#include "roles/cli/format_table.hpp"
#include "roles/cli/options.hpp"
#include "roles/report/audit.hpp"
#include "roles/report/ci.hpp"
#include "roles/report/program.hpp"
#include "roles/roster/roster.hpp"
#include "roles/util/error.hpp"

namespace roles::cli {

/// What an audit renderer gets: the options, the audit (`project`) or program audit
/// (`program`, the other null), and the CI view of both.
struct AuditOutput {
    const Options& options;
    const report::AuditView* project = nullptr;
    const report::ProgramView* program = nullptr;
    const report::CiView& ci;
    const roster::Roster* roster = nullptr;  ///< the audited roster (Code Quality places)
};

/// The audit format table's formats, in table order (the first is the default).
[[nodiscard]] std::vector<FormatInfo> audit_format_infos();

/// Fails with a usage error when `audit` does not write options.format.
[[nodiscard]] util::Expected<void> require_audit_format(const Options& options);

/// The report in options.format (a usage error for a format audit does not write).
[[nodiscard]] util::Expected<std::string> render_audit_output(const AuditOutput& output);

/// The CI view of audits: the repository root (the work tree holding `path`, empty for a
/// bare repository) and the built-in catalog directory, for relative SARIF/GitHub paths.
[[nodiscard]] report::CiView ci_view(const std::string& path, std::vector<const engine::AuditResult*> audits,
                                     const std::vector<std::string>& fail_on, bool passed);

}  // namespace roles::cli
