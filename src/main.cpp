// Thin entry point: parse, run, map the result to an exit code. Errors are printed once here.
#include <csignal>
#include <exception>

#include "roles/cli/app.hpp"

int main(int argc, char** argv) {
    using roles::util::ExitCode;
    // A closed pipe (`roles audit | head -1`) is a write error (EPIPE), reported and exit 2 as
    // every other output failure, instead of a kill by SIGPIPE (exit 141).
    std::signal(SIGPIPE, SIG_IGN);
    try {
        auto parsed = roles::cli::parse_command_line(argc, argv);
        if (!parsed) {
            roles::cli::print_error(parsed.error());
            return static_cast<int>(roles::util::exit_code_for(parsed.error()));
        }
        if (!parsed->options) return static_cast<int>(parsed->exit);
        auto result = roles::cli::run(*parsed->options);
        if (!result) {
            roles::cli::print_error(result.error());
            return static_cast<int>(roles::util::exit_code_for(result.error()));
        }
        return static_cast<int>(*result);
    } catch (const std::exception& error) {
        roles::cli::print_error({roles::util::ErrorKind::internal, "internal error", error.what(), {}});
        return static_cast<int>(ExitCode::bad_input);
    }
}
