#pragma once
// The command-line entry points main uses.

#include <optional>
#include <string>

#include "roles/cli/options.hpp"
#include "roles/util/error.hpp"

namespace roles::cli {

/// The outcome of parsing: options to run, or an exit code when parsing already
/// answered (--help, --version print and exit 0).
struct ParseOutcome {
    std::optional<Options> options;
    util::ExitCode exit = util::ExitCode::ok;
};

/// Parses argv with CLI11. Usage errors (unknown flag, unknown command with a
/// "did you mean", bad value) come back as ErrorKind::usage.
[[nodiscard]] util::Expected<ParseOutcome> parse_command_line(int argc, const char* const* argv);

/// Runs the command; returns the exit code for a completed run (ok or gate_failed).
[[nodiscard]] util::Expected<util::ExitCode> run(const Options& options);

/// Prints "roles: error: <context>: <cause>" and each detail line to stderr.
void print_error(const util::Error& error);

}  // namespace roles::cli
