// The automation list (README "Bots, assistants and forge committers"): roles/automation.yaml
// and a roster's additions and cancellations.

#include <algorithm>
#include <filesystem>
#include <set>

#include "automation_reader.hpp"
#include "catalog_loader.hpp"
#include "roles/roster/automation.hpp"
#include "roles/roster/loader.hpp"
#include "roles/util/text.hpp"

namespace roles::roster {

namespace fs = std::filesystem;

namespace {

const std::vector<std::string> k_file_keys{"schema", "rules"};
const std::vector<std::string> k_rule_keys{"id", "kind", "email", "name", "about"};
const std::vector<std::string> k_roster_automation_keys{"add", "cancel"};
const std::vector<std::string> k_kind_names{"bot", "assistant", "forge-committer"};
constexpr std::string_view k_schema = "roles.automation/1";
constexpr std::string_view k_file_name = "automation.yaml";

std::optional<AutomationKind> parse_kind(std::string_view text) {
    if (text == "bot") return AutomationKind::bot;
    if (text == "assistant") return AutomationKind::assistant;
    if (text == "forge-committer") return AutomationKind::forge_committer;
    return std::nullopt;
}

void read_glob(const Doc& doc, const Entry& entry, std::string& glob) {
    auto text = read_string(doc, entry);
    if (!text) return;
    if (util::trim(*text).empty()) {
        doc.error(entry.value_mark(), "'" + entry.key + "' cannot be empty");
        return;
    }
    glob = *text;
}

void read_rule_field(const Doc& doc, const Entry& field, AutomationRule& rule) {
    if (field.key == "id") {
        if (auto id = read_string(doc, field)) rule.id = *id;
    } else if (field.key == "kind") {
        const auto text = read_string(doc, field);
        if (!text) return;
        if (auto kind = parse_kind(*text)) {
            rule.kind = *kind;
        } else {
            doc.error(field.value_mark(), "unknown automation kind " + util::quoted(*text) +
                                              did_you_mean(*text, k_kind_names) + " (expected " +
                                              join(k_kind_names) + ")");
        }
    } else if (field.key == "email" || field.key == "name") {
        read_glob(doc, field, field.key == "email" ? rule.email : rule.name);
    } else if (field.key == "about") {
        if (auto about = read_string(doc, field)) rule.about = *about;
    }
}

std::optional<AutomationRule> read_rule(const Doc& doc, const YAML::Node& node, const std::string& origin) {
    if (!node.IsMap()) {
        doc.error(node.Mark(), "expected a map for an automation rule (id, kind, email, name), got " + describe(node));
        return std::nullopt;
    }
    AutomationRule rule;
    rule.origin = origin;
    rule.pos = doc.pos(node.Mark());
    for (const auto& field : map_entries(doc, node, "in an automation rule", k_rule_keys)) {
        read_rule_field(doc, field, rule);
    }
    if (util::trim(rule.id).empty()) {
        doc.error(node.Mark(), "an automation rule needs an 'id'");
        return std::nullopt;
    }
    if (rule.email.empty() && rule.name.empty()) {
        doc.error(node.Mark(), "automation rule " + util::quoted(rule.id) + " needs 'email' or 'name' (or both)");
        return std::nullopt;
    }
    return rule;
}

}  // namespace

std::string_view to_string(AutomationKind kind) {
    switch (kind) {
        case AutomationKind::bot: return "bot";
        case AutomationKind::assistant: return "assistant";
        case AutomationKind::forge_committer: return "forge-committer";
    }
    return "bot";
}

std::vector<AutomationRule> read_automation_rules(const Doc& doc, const Entry& list, const std::string& origin) {
    std::vector<AutomationRule> rules;
    if (!list.value.IsSequence()) {
        if (list.value.IsDefined() && !list.value.IsNull()) {
            doc.error(list.value_mark(), "expected a list of rules for '" + list.key + "', got " + describe(list.value));
        }
        return rules;
    }
    std::set<std::string> ids;
    for (const auto& node : list.value) {
        auto rule = read_rule(doc, node, origin);
        if (!rule) continue;
        if (!ids.insert(rule->id).second) {
            doc.error(node.Mark(), "automation rule id " + util::quoted(rule->id) + " is given twice");
            continue;
        }
        rules.push_back(std::move(*rule));
    }
    return rules;
}

void read_roster_automation(const Doc& doc, const Entry& entry, Roster& roster) {
    if (!expect_map(doc, entry)) return;
    if (!entry.value.IsMap()) return;
    for (const auto& part : map_entries(doc, entry.value, "in 'automation'", k_roster_automation_keys)) {
        if (part.key == "add") {
            roster.automation_added = read_automation_rules(doc, part, doc.file);
            continue;
        }
        const auto ids = read_scalars(doc, part);
        if (!ids) continue;
        const auto& builtin = builtin_automation();
        std::vector<std::string> known;
        if (builtin) {
            for (const auto& rule : *builtin) known.push_back(rule.id);
        }
        for (const auto& id : *ids) {
            if (builtin && std::ranges::find(known, id.text) == known.end()) {
                doc.error(id.mark, "no built-in automation rule " + util::quoted(id.text) + did_you_mean(id.text, known));
                continue;
            }
            roster.automation_cancelled.push_back(id.text);
        }
    }
}

util::Expected<std::vector<AutomationRule>> parse_automation(const std::string& text, const std::string& file_name) {
    Problems errors;
    Problems warnings;
    const Doc doc{file_name, errors, warnings};
    std::vector<AutomationRule> rules;
    if (const auto root = load_document(doc, text, "automation list")) {
        const auto top = map_entries(doc, *root, "at the top level", k_file_keys);
        const auto* schema = find_entry(top, "schema");
        const auto version = schema != nullptr ? read_string(doc, *schema) : std::nullopt;
        if (schema == nullptr) {
            doc.error(root->Mark(), "missing 'schema: " + std::string(k_schema) + "'");
        } else if (version && *version != k_schema) {
            doc.error(schema->value_mark(), "unsupported schema " + util::quoted(*version) + " (expected " +
                                                std::string(k_schema) + ")");
        }
        if (const auto* list = find_entry(top, "rules")) rules = read_automation_rules(doc, *list, "built-in");
    }
    if (!errors.empty()) {
        return std::unexpected(util::Error{util::ErrorKind::input, "invalid automation list " + util::quoted(file_name),
                                           problem_count(errors.size()), errors.lines()});
    }
    return rules;
}

const util::Expected<std::vector<AutomationRule>>& builtin_automation() {
    static const util::Expected<std::vector<AutomationRule>> list = []() -> util::Expected<std::vector<AutomationRule>> {
        std::vector<std::string> looked;
        for (const auto& dir : catalog_search_dirs()) {
            const auto candidate = (fs::path(dir) / k_file_name).string();
            looked.push_back(candidate);
            std::error_code ec;
            if (!fs::is_regular_file(candidate, ec)) continue;
            const auto text = read_text_file(candidate);
            if (!text) return util::fail(util::ErrorKind::input, "reading " + util::quoted(candidate), text.error());
            return parse_automation(*text, candidate);
        }
        return util::fail(util::ErrorKind::input, "built-in automation list",
                          "no automation.yaml found (looked in " + join(looked) +
                              "; set ROLES_CATALOG_DIR to the roles/ folder of the source tree)");
    }();
    return list;
}

void adopt_builtin_automation(Roster& roster) {
    std::vector<AutomationRule> rules = roster.automation_added;
    for (std::size_t i = 0; i < roster.bots.size(); ++i) {
        const auto& glob = roster.bots[i];
        AutomationRule rule;
        rule.id = "bots:" + glob;
        rule.kind = AutomationKind::bot;
        (glob.find('@') != std::string::npos ? rule.email : rule.name) = glob;
        rule.about = "roster 'bots:' entry";
        rule.origin = roster.file.empty() ? std::string("roster") : roster.file;
        rules.push_back(std::move(rule));
    }
    const auto& builtin = builtin_automation();
    if (!builtin) {
        roster.warnings.push_back("built-in automation list not read (" + builtin.error().context + ": " +
                                  builtin.error().cause + "): bots and AI assistants are counted as people");
    } else {
        for (const auto& rule : *builtin) {
            if (std::ranges::find(roster.automation_cancelled, rule.id) == roster.automation_cancelled.end()) {
                rules.push_back(rule);
            }
        }
    }
    roster.automation = std::move(rules);
}

}  // namespace roles::roster
