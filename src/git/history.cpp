#include "roles/git/history.hpp"

#include <string_view>

#include "roles/util/text.hpp"

namespace roles::git {

std::string Commit::summary() const {
    // Raw messages may start with blank lines (git strips them when it prints a subject).
    std::string_view rest(message);
    while (!rest.empty()) {
        const auto end = rest.find('\n');
        const std::string_view line = util::trim(rest.substr(0, end));
        if (!line.empty()) return std::string(line);
        if (end == std::string_view::npos) break;
        rest.remove_prefix(end + 1);
    }
    return {};
}

std::vector<std::string_view> Commit::trailer_values(std::string_view key) const {
    const std::string wanted = util::to_lower_ascii(key);
    std::vector<std::string_view> values;
    for (const Trailer& trailer : trailers) {
        if (trailer.key.size() == wanted.size() && util::to_lower_ascii(trailer.key) == wanted) {
            values.emplace_back(trailer.value);
        }
    }
    return values;
}

}  // namespace roles::git
