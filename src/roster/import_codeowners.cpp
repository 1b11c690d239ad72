// GitHub CODEOWNERS: each rule (a gitignore-style pattern and its owners) becomes a project
// whose `owner` hat holds the owners and has the pattern, as written, as its area. GitHub
// reads the file bottom-up, the last matching rule winning: a rule that a later one always
// overrides (the same pattern again, or a catch-all) can never apply and is left out with a
// warning. A rule with no owners is an intentionally un-owned area: its hat is optional and
// explicitly empty. Teams (@org/team) are kept as one holder each, their members unresolved.

#include <algorithm>
#include <set>

#include <fmt/format.h>
#include <re2/re2.h>

#include "import_common.hpp"
#include "roles/util/text.hpp"

namespace roles::roster {

namespace {

std::vector<std::string> split_words(std::string_view line) {
    std::vector<std::string> words;
    std::size_t i = 0;
    while (i < line.size()) {
        while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
        std::string word;
        // "\ " is an escaped space inside a pattern; the backslash is kept as written.
        while (i < line.size() && line[i] != ' ' && line[i] != '\t') {
            if (line[i] == '\\' && i + 1 < line.size()) word.push_back(line[i++]);
            word.push_back(line[i++]);
        }
        if (!word.empty()) words.push_back(std::move(word));
    }
    return words;
}

bool valid_owner(const std::string& owner) {
    // GitHub logins are letters, digits and single dashes; team slugs may add '_' and '.'.
    static const RE2 k_user(R"(@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)");
    static const RE2 k_team(R"(@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?/[A-Za-z0-9_.-]+)");
    return RE2::FullMatch(owner, k_user) || RE2::FullMatch(owner, k_team) ||
           (owner.front() != '@' && plausible_email(owner));
}

void read_rule(std::string_view text, int line, std::vector<CodeownersRule>& rules, ImportProblems& problems) {
    auto words = split_words(text);
    if (words.empty() || words.front().starts_with('#')) return;
    const auto comment = std::find_if(words.begin() + 1, words.end(),
                                      [](const std::string& word) { return word.starts_with('#'); });
    words.erase(comment, words.end());
    const auto& pattern = words.front();
    if (pattern.starts_with('[') || pattern.starts_with("^[")) {
        problems.error(line, "GitLab section headers such as " + util::quoted(pattern) + " are not CODEOWNERS syntax");
        return;
    }
    if (pattern.starts_with('!')) {
        problems.error(line, "negated pattern " + util::quoted(pattern) + " is not supported by CODEOWNERS");
        return;
    }
    CodeownersRule rule{line, pattern, {}};
    for (auto it = words.begin() + 1; it != words.end(); ++it) {
        if (!valid_owner(*it)) {
            problems.error(line, "invalid owner " + util::quoted(*it) + " (expected @user, @org/team or an email)");
            continue;
        }
        if (std::find(rule.owners.begin(), rule.owners.end(), *it) == rule.owners.end()) rule.owners.push_back(*it);
    }
    rules.push_back(std::move(rule));
}

std::vector<CodeownersRule> read_rules(const std::string& text, ImportProblems& problems) {
    std::vector<CodeownersRule> rules;
    int line = 0;
    std::size_t begin = 0;
    while (begin < text.size()) {
        auto end = text.find('\n', begin);
        if (end == std::string::npos) end = text.size();
        read_rule(util::trim(std::string_view(text).substr(begin, end - begin)), ++line, rules, problems);
        begin = end + 1;
    }
    return rules;
}

bool catch_all(const std::string& pattern) {
    return pattern == "*" || pattern == "**" || pattern == "/**" || pattern == "**/*";
}

// Rules that can apply: a later rule with the same pattern, or a later catch-all, always wins.
std::vector<CodeownersRule> live_rules(std::vector<CodeownersRule> rules, ImportProblems& problems) {
    std::vector<CodeownersRule> live;
    for (std::size_t i = 0; i < rules.size(); ++i) {
        const auto later = std::find_if(rules.begin() + static_cast<std::ptrdiff_t>(i) + 1, rules.end(),
                                        [&](const CodeownersRule& r) {
                                            return r.pattern == rules[i].pattern || catch_all(r.pattern);
                                        });
        if (later != rules.end()) {
            problems.warn(rules[i].line, fmt::format("rule {} never applies: the rule at line {} ({}) matches every "
                                                     "path it matches and wins, being later; left out",
                                                     util::quoted(rules[i].pattern), later->line,
                                                     util::quoted(later->pattern)));
            continue;
        }
        live.push_back(std::move(rules[i]));
    }
    return live;
}

Contact owner_contact(const std::string& owner) {
    if (owner.front() != '@') return Contact{{}, {owner}, {}, std::nullopt, email_key_hint(owner, {})};
    const auto handle = owner.substr(1);
    if (handle.find('/') != std::string::npos) return Contact{owner, {}, {handle}, std::nullopt, handle};  // a team
    return Contact{{}, {}, {handle}, std::nullopt, handle};
}

util::Expected<Project> rule_project(const CodeownersRule& rule, PeopleRegistry& people, CatalogShelf& shelf,
                                     ImportProblems& problems, std::set<std::string>& teams) {
    auto project = project_from_catalogs(rule.pattern, {"codeowners"}, shelf);
    if (!project) return std::unexpected(project.error());
    project->pos = SourcePos{problems.file(), rule.line, 1};
    Hat* owner = find_hat(*project, "owner");
    owner->def.area = {rule.pattern};
    owner->def.evidence.paths = {rule.pattern};
    std::vector<std::string> keys;
    for (const auto& handle : rule.owners) {
        if (handle.starts_with('@') && handle.find('/') != std::string::npos && teams.insert(handle).second) {
            problems.warn(rule.line, "team " + util::quoted(handle) + " kept as one holder (its members are not resolved)");
        }
        keys.push_back(people.add(owner_contact(handle)));
    }
    if (keys.empty()) {
        owner->def.required = false;
        owner->def.description = fmt::format("Left without owners on purpose (line {}): changes here need no code "
                                             "owner's review.", rule.line);
    } else {
        owner->def.description = fmt::format("Owners of {} (line {}); a later rule matching the same path decides "
                                             "instead.", rule.pattern, rule.line);
    }
    set_holders(*owner, keys);
    return std::move(*project);
}

}  // namespace

util::Expected<std::vector<CodeownersRule>> parse_codeowners(const std::string& text, const std::string& file_name) {
    ImportProblems problems(file_name);
    auto rules = read_rules(text, problems);
    if (problems.has_errors()) return std::unexpected(problems.failure("CODEOWNERS"));
    return rules;
}

util::Expected<ImportResult> import_codeowners(const std::string& text, const std::string& file,
                                               const ImportOptions& options) {
    ImportProblems problems(file);
    auto rules = live_rules(read_rules(text, problems), problems);
    if (rules.empty() && !problems.has_errors()) problems.error(1, "the file has no rule");
    if (problems.has_errors()) return std::unexpected(problems.failure("CODEOWNERS"));
    Roster roster;
    roster.file = file;
    roster.program = true;
    roster.catalogs = {"codeowners"};
    PeopleRegistry people;
    CatalogShelf shelf;
    std::set<std::string> teams;
    for (const auto& rule : rules) {
        auto project = rule_project(rule, people, shelf, problems, teams);
        if (!project) return std::unexpected(project.error());
        roster.projects.push_back(std::move(*project));
    }
    return finish_import(std::move(roster), people, {}, problems.warnings(), options, {});
}

}  // namespace roles::roster
