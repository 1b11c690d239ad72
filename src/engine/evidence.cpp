#include "roles/engine/evidence.hpp"

#include <algorithm>
#include <memory>
#include <optional>

#include <re2/re2.h>

#include "roles/git/glob.hpp"
#include "roles/util/text.hpp"

namespace roles::engine {
namespace {

// A hat's rules, compiled once. Path verdicts are cached per interned path id because the
// same few thousand paths recur across tens of thousands of commits.
struct CompiledRules {
    git::GlobSet paths;
    std::vector<std::unique_ptr<re2::RE2>> messages;
    std::vector<std::string> trailer_keys;  // lowercase
    std::vector<std::string> credit_keys;   // lowercase
    std::vector<std::unique_ptr<re2::RE2>> excluded;  // exclude_message
    std::vector<ActivityKind> kinds;        // who a matching commit credits; empty = authored
    bool every_commit = false;              // `activity:` with no paths, message or trailers
    bool tags = false;
    mutable std::vector<std::int8_t> path_cache;  // -1 unknown, 0 no, 1 yes
};

util::Expected<void> compile_regexes(const std::vector<std::string>& sources,
                                    std::vector<std::unique_ptr<re2::RE2>>& out) {
    for (const auto& source : sources) {
        auto regex = std::make_unique<re2::RE2>(source, re2::RE2::Quiet);
        if (!regex->ok()) {
            return util::fail(util::ErrorKind::input, "compiling regex " + util::quoted(source),
                              regex->error());
        }
        out.push_back(std::move(regex));
    }
    return {};
}

bool lists(const std::vector<ActivityKind>& kinds, ActivityKind kind) {
    return std::find(kinds.begin(), kinds.end(), kind) != kinds.end();
}

util::Expected<CompiledRules> compile_rules(const roster::EvidenceRules& rules, std::size_t paths) {
    auto globs = git::GlobSet::compile(rules.paths);
    if (!globs) return std::unexpected(globs.error());
    CompiledRules out;
    out.paths = std::move(*globs);
    if (auto compiled = compile_regexes(rules.message, out.messages); !compiled) return std::unexpected(compiled.error());
    if (auto compiled = compile_regexes(rules.exclude_message, out.excluded); !compiled) {
        return std::unexpected(compiled.error());
    }
    for (const auto& key : rules.trailers) out.trailer_keys.push_back(util::to_lower_ascii(key));
    for (const auto& key : rules.credit_trailers) out.credit_keys.push_back(util::to_lower_ascii(key));
    out.kinds = rules.activity;
    const bool commit_kinds = std::any_of(rules.activity.begin(), rules.activity.end(),
                                          [](ActivityKind kind) { return kind != ActivityKind::tagged; });
    out.every_commit = commit_kinds && rules.paths.empty() && rules.message.empty() && rules.trailers.empty();
    out.tags = rules.tags || lists(rules.activity, ActivityKind::tagged);
    out.path_cache.assign(paths, -1);
    return out;
}

bool path_matches(const CompiledRules& rules, const git::History& history, git::PathId path) {
    auto& cached = rules.path_cache[path];
    if (cached < 0) cached = rules.paths.matches(history.paths[path]) ? 1 : 0;
    return cached == 1;
}

bool has_key(const std::vector<std::string>& keys, const std::string& key) {
    return std::find(keys.begin(), keys.end(), util::to_lower_ascii(key)) != keys.end();
}

bool excluded(const CompiledRules& rules, const git::Commit& commit) {
    return std::any_of(rules.excluded.begin(), rules.excluded.end(),
                       [&](const auto& regex) { return re2::RE2::PartialMatch(commit.message, *regex); });
}

bool commit_matches(const CompiledRules& rules, const git::History& history, const git::Commit& commit) {
    if (rules.every_commit) return true;
    if (!rules.paths.empty()) {
        for (const auto& change : commit.changes) {
            if (path_matches(rules, history, change.path)) return true;
            if (change.kind == git::ChangeKind::renamed && path_matches(rules, history, change.old_path)) {
                return true;
            }
        }
    }
    for (const auto& regex : rules.messages) {
        if (re2::RE2::PartialMatch(commit.message, *regex)) return true;
    }
    for (const auto& trailer : commit.trailers) {
        if (has_key(rules.trailer_keys, trailer.key)) return true;
    }
    return false;
}

std::vector<PersonId> credit_trailer_people(const CompiledRules& rules, const git::History& history,
                                            const Resolution& resolution, const git::Commit& commit) {
    std::vector<PersonId> people;
    for (const auto& trailer : commit.trailers) {
        if (!has_key(rules.credit_keys, trailer.key)) continue;
        const auto person = resolve_text(trailer.value, history, resolution);
        if (person && std::find(people.begin(), people.end(), *person) == people.end()) {
            people.push_back(*person);
        }
    }
    return people;
}

void add_item(HatEvidence& evidence, EvidenceItem item) {
    for (auto person : item.credited) ++evidence.by_person[person];
    evidence.items.push_back(std::move(item));
}

void collect_commits(const CompiledRules& rules, const git::History& history,
                     const Resolution& resolution, const Activity& activity, const Window& window,
                     HatEvidence& evidence) {
    for (std::size_t i = 0; i < history.commits.size(); ++i) {
        const auto& commit = history.commits[i];
        if (commit.is_merge() || !window.holds(commit) || excluded(rules, commit)) continue;
        const auto index = static_cast<std::uint32_t>(i);
        std::vector<PersonId> credited;
        if (commit_matches(rules, history, commit)) credited = credited_for(activity, index, rules.kinds);
        if (!rules.credit_keys.empty()) {
            for (auto person : credit_trailer_people(rules, history, resolution, commit)) {
                if (std::find(credited.begin(), credited.end(), person) == credited.end()) {
                    credited.push_back(person);
                }
            }
        }
        if (!credited.empty()) {
            add_item(evidence, {EvidenceItem::Kind::commit, index, credited});
        }
    }
}

void collect_tags(const git::History& history, const Resolution& resolution, const Window& window,
                  HatEvidence& evidence) {
    for (std::size_t i = 0; i < history.tags.size(); ++i) {
        const auto& tag = history.tags[i];
        if (!tag.tagger || !window.contains(tag.time)) continue;
        const auto person = resolution.person_of_identity.at(*tag.tagger);
        if (!person) continue;
        add_item(evidence, {EvidenceItem::Kind::tag, static_cast<std::uint32_t>(i), {*person}});
    }
}

}  // namespace

double HatEvidence::share(PersonId person) const {
    if (items.empty() || person >= by_person.size()) return 0.0;
    return static_cast<double>(by_person[person]) / static_cast<double>(items.size());
}

util::Expected<std::vector<HatEvidence>> collect_evidence(const git::History& history,
                                                         const Resolution& resolution,
                                                         const Activity& activity,
                                                         const std::vector<roster::Hat>& hats,
                                                         const Window& window) {
    std::vector<HatEvidence> out;
    out.reserve(hats.size());
    for (const auto& hat : hats) {
        auto rules = compile_rules(hat.def.evidence, history.paths.size());
        if (!rules) {
            rules.error().context = "hat " + util::quoted(hat.def.id) + ": " + rules.error().context;
            return std::unexpected(rules.error());
        }
        HatEvidence evidence;
        evidence.by_person.assign(resolution.people.size(), 0);
        collect_commits(*rules, history, resolution, activity, window, evidence);
        if (rules->tags) collect_tags(history, resolution, window, evidence);
        out.push_back(std::move(evidence));
    }
    return out;
}

}  // namespace roles::engine
