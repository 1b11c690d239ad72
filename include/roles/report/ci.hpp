#pragma once
// Renderers for CI: SARIF 2.1.0 for code scanning and GitHub Actions workflow commands.
// They format the graded findings (engine::grade_findings); they never compute.

#include <string>
#include <string_view>
#include <vector>

#include "roles/engine/audit.hpp"
#include "roles/report/findings.hpp"

namespace roles::report {

/// The audits of one run (one project, or each project of a program) and where the
/// repository is: roster paths under `root` are written relative to it.
struct CiView {
    std::vector<const engine::AuditResult*> audits;
    std::vector<std::string> fail_on;  ///< the --fail-on values as given
    bool passed = true;                ///< the gate verdict
    bool program = false;              ///< a program roster: results name their project
    std::string root;                  ///< absolute repository root (empty: unknown)
    std::string catalog_dir;           ///< absolute directory of the built-in catalogs
    /// The README's web address, for SARIF help links (report::project_uri(), the build's
    /// ROLES_HOMEPAGE); empty: SARIF carries no URI at all, the help text stands alone.
    std::string homepage = std::string(project_uri());
};

/// One SARIF 2.1.0 log with one run: a rule per finding code (help text; a help URI into the
/// README when `view.homepage` is set), a result per finding but `ok`, located in the roster
/// (README "SARIF").
[[nodiscard]] std::string render_sarif(const CiView& view);

/// `::error file=ROLES.yaml,line=N,col=C,title=...::message` per finding (`::warning`,
/// `::notice` by grade), then one line for the gate.
[[nodiscard]] std::string render_github(const CiView& view);

/// GitHub workflow-command escaping of a message: % → %25, CR → %0D, LF → %0A.
[[nodiscard]] std::string escape_github_data(std::string_view text);

/// ... of a property value (file, title): escape_github_data plus : → %3A and , → %2C.
[[nodiscard]] std::string escape_github_property(std::string_view text);

/// A path as SARIF and GitHub want it: relative to `root` with '/' separators when the
/// path lies under it, otherwise empty.
[[nodiscard]] std::string path_under(const std::string& path, const std::string& root);

/// 64-bit FNV-1a of `text` as 16 lowercase hex digits (stable across runs and platforms).
[[nodiscard]] std::string stable_hash(std::string_view text);

}  // namespace roles::report
