#include "roles/cli/output.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <cstdio>

#include "roles/util/text.hpp"

namespace roles::cli {

report::Color color_for(const Options& options) {
    const char* no_color = std::getenv("NO_COLOR");
    const bool wanted = options.format == "text" && !options.no_color && !options.output &&
                        (no_color == nullptr || *no_color == '\0') && isatty(STDOUT_FILENO) == 1;
    return wanted ? report::Color::on : report::Color::off;
}

util::Expected<void> emit(const Options& options, const std::string& text) {
    errno = 0;
    if (!options.output) {
        // A full disk or a closed pipe must not pass for a clean run (or a gate verdict).
        const bool written = std::fwrite(text.data(), 1, text.size(), stdout) == text.size();
        if (!written || std::fflush(stdout) != 0 || std::ferror(stdout) != 0) {
            return util::fail(util::ErrorKind::input, "writing stdout", util::to_lower_ascii(std::strerror(errno)));
        }
        return {};
    }
    // Each step checked: a short output fails only when the file is flushed or closed.
    std::FILE* file = std::fopen(options.output->c_str(), "wb");
    int error = file == nullptr ? errno : 0;
    if (file != nullptr && (std::fwrite(text.data(), 1, text.size(), file) != text.size() || std::fflush(file) != 0)) {
        error = errno;
    }
    if (file != nullptr && std::fclose(file) != 0 && error == 0) error = errno;
    if (error != 0) {
        return util::fail(util::ErrorKind::input, "writing " + util::quoted(*options.output),
                          util::to_lower_ascii(std::strerror(error)));
    }
    return {};
}

}  // namespace roles::cli
