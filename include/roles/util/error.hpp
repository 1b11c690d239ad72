#pragma once
// The one error model of roles: every operation that can fail returns
// std::expected<T, Error>; main prints it once and maps its kind to an exit code.

#include <expected>
#include <string>
#include <vector>

namespace roles::util {

/// Process exit codes (docs/output-formats.md, "Exit codes"). The only place these numbers live.
enum class ExitCode : int {
    ok = 0,            ///< nothing matched the gate
    gate_failed = 1,   ///< a finding matched --fail-on
    bad_input = 2,     ///< bad usage or bad input (roster, repository, flags)
    interrupted = 130  ///< SIGINT
};

/// What went wrong, coarsely; decides the exit code.
enum class ErrorKind {
    usage,    ///< bad flags or arguments
    input,    ///< unreadable or invalid input: roster, catalog, repository
    internal  ///< a library failed in a way the user could not have caused
};

/// A failure: `context` names what was being done ("loading roster 'ROLES.yaml'"),
/// `cause` says why, lowercase, user values quoted. `details` holds further lines
/// (e.g. every roster problem as "FILE:LINE:COL: message") printed after the headline.
struct Error {
    ErrorKind kind = ErrorKind::input;
    std::string context;
    std::string cause;
    std::vector<std::string> details;

    /// "context: cause" (or just the cause when there is no context).
    [[nodiscard]] std::string message() const;
};

template <typename T>
using Expected = std::expected<T, Error>;

/// Shorthand for returning a failure: `return fail(ErrorKind::input, "ctx", "cause");`
[[nodiscard]] std::unexpected<Error> fail(ErrorKind kind, std::string context, std::string cause);

/// The exit code an error maps to (usage and input errors are 2, internal ones too: the
/// contract in docs/output-formats.md, "Exit codes", has no other code for failures).
[[nodiscard]] ExitCode exit_code_for(const Error& error);

}  // namespace roles::util
