// Matching identities against automation rules (roles/automation.yaml and the roster's own).

#include <fnmatch.h>

#include "automation_match.hpp"

#include <algorithm>

#include "roles/util/text.hpp"

namespace roles::engine {
namespace {

// fnmatch treats '[' as a character class; automation globs are written as plain text with
// '*' and '?' only ("*[bot]@*"), so brackets and backslashes are escaped before matching.
std::string escape_brackets(std::string_view glob) {
    std::string out;
    out.reserve(glob.size() + 4);
    for (char c : glob) {
        if (c == '[' || c == ']' || c == '\\') out.push_back('\\');
        out.push_back(c);
    }
    return out;
}

bool glob_matches(const std::string& pattern, const std::string& text) {
    return pattern.empty() || fnmatch(pattern.c_str(), text.c_str(), FNM_CASEFOLD) == 0;
}

}  // namespace

std::vector<std::pair<std::string, std::string>> compile_rules(const std::vector<roster::AutomationRule>& rules) {
    std::vector<std::pair<std::string, std::string>> out;
    out.reserve(rules.size());
    for (const auto& rule : rules) out.emplace_back(escape_brackets(rule.email), escape_brackets(rule.name));
    return out;
}

std::optional<RuleId> first_matching_rule(const std::vector<std::pair<std::string, std::string>>& patterns,
                                          const git::Identity& identity) {
    for (std::size_t i = 0; i < patterns.size(); ++i) {
        const auto& [email, name] = patterns[i];
        if (email.empty() && name.empty()) continue;
        if (glob_matches(email, identity.email) && glob_matches(name, identity.name)) return static_cast<RuleId>(i);
    }
    return std::nullopt;
}

bool matches(const roster::AutomationRule& rule, const git::Identity& identity) {
    return first_matching_rule(compile_rules({rule}), identity).has_value();
}

std::optional<std::string> github_login(std::string_view email) {
    constexpr std::string_view k_domain = "@users.noreply.github.com";
    if (email.size() <= k_domain.size()) return std::nullopt;
    const auto domain = email.substr(email.size() - k_domain.size());
    if (!util::equals_ignoring_ascii_case(domain, k_domain)) return std::nullopt;
    auto local = email.substr(0, email.size() - k_domain.size());
    // GitHub's newer form prefixes the account id: "12345+login".
    if (const auto plus = local.find('+'); plus != std::string_view::npos) {
        const auto id = local.substr(0, plus);
        if (!id.empty() && std::ranges::all_of(id, [](char c) { return c >= '0' && c <= '9'; })) {
            local = local.substr(plus + 1);
        }
    }
    if (local.empty()) return std::nullopt;
    return util::to_lower_ascii(local);
}

std::string person_slug(std::string_view name) {
    std::string slug = util::normalize_name(name);
    std::replace(slug.begin(), slug.end(), ' ', '-');
    return slug.empty() ? std::string("person") : slug;
}

std::optional<roster::AutomationKind> Resolution::automation_kind(git::IdentityId identity) const {
    if (identity >= rule_of_identity.size() || !rule_of_identity[identity]) return std::nullopt;
    return rules[*rule_of_identity[identity]].kind;
}

std::string_view to_string(MergeReason reason) {
    switch (reason) {
        case MergeReason::first: return "first";
        case MergeReason::email: return "email";
        case MergeReason::github_login: return "github-login";
        case MergeReason::name: return "name";
        case MergeReason::roster_email: return "roster-email";
        case MergeReason::roster_login: return "roster-login";
        case MergeReason::roster_name: return "roster-name";
    }
    return "first";
}

}  // namespace roles::engine
