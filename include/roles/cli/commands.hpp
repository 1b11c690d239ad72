#pragma once
// One function per subcommand; each returns the exit code of a completed run.

#include "roles/cli/options.hpp"
#include "roles/util/error.hpp"

namespace roles::cli {

/// `roles audit`: load the roster (or the discovery roster), then history, assess coverage,
/// render, and return gate_failed when a hat matches --fail-on.
[[nodiscard]] util::Expected<util::ExitCode> run_audit(const Options& options);

/// `roles validate`: parse and check a roster; prints a summary and the warnings.
[[nodiscard]] util::Expected<util::ExitCode> run_validate(const Options& options);

/// `roles hats`: list catalogs and their hats with descriptions and evidence rules.
[[nodiscard]] util::Expected<util::ExitCode> run_hats(const Options& options);

}  // namespace roles::cli
