#include <cstdio>

#include "roles/util/text.hpp"
#include "roles/cli/app.hpp"
#include "roles/cli/commands.hpp"

namespace roles::cli {

util::Expected<util::ExitCode> run(const Options& options) {
    switch (options.command) {
        case Command::audit: return run_audit(options);
        case Command::load: return run_load(options);
        case Command::validate: return run_validate(options);
        case Command::hats: return run_hats(options);
        case Command::import: return run_import(options);
        case Command::report: return run_report(options);
        case Command::identities: return run_identities(options);
        case Command::whatif: return run_whatif(options);
        case Command::init: return run_init(options);
    }
    return util::fail(util::ErrorKind::internal, "running command", "unknown command");
}

void print_error(const util::Error& error) {
    // Messages quote values already (util::quoted); this also covers causes from libraries.
    std::fprintf(stderr, "roles: error: %s\n", util::printable(error.message()).c_str());
    for (const auto& detail : error.details) std::fprintf(stderr, "%s\n", util::printable(detail).c_str());
}

}  // namespace roles::cli
