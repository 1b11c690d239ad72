#include "roles/engine/codeowners.hpp"

#include "roles/git/glob.hpp"

namespace roles::engine {

std::optional<std::size_t> deciding_rule(const std::vector<roster::CodeownersRule>& rules, const std::string& path) {
    for (std::size_t i = rules.size(); i-- > 0;) {
        const auto globs = git::GlobSet::compile({rules[i].pattern});
        if (globs && globs->matches(path)) return i;
    }
    return std::nullopt;
}

}  // namespace roles::engine
