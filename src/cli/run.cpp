#include <cstdio>

#include "command_table.hpp"
#include "roles/cli/app.hpp"
#include "roles/util/text.hpp"

namespace roles::cli {

util::Expected<util::ExitCode> run(const Options& options) {
    const auto* command = find_command(options.command);
    if (command == nullptr || command->run == nullptr) {
        return util::fail(util::ErrorKind::internal, "running command", "unknown command " + util::quoted(options.command));
    }
    return command->run(options);
}

void print_error(const util::Error& error) {
    // Messages quote values already (util::quoted); this also covers causes from libraries.
    std::fprintf(stderr, "roles: error: %s\n", util::printable(error.message()).c_str());
    for (const auto& detail : error.details) std::fprintf(stderr, "%s\n", util::printable(detail).c_str());
}

}  // namespace roles::cli
