#include "roles/report/identities.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "json_text.hpp"
#include "roles/roster/automation.hpp"
#include "roles/util/text.hpp"

namespace roles::report {
namespace {

using Json = nlohmann::ordered_json;

std::string identity_text(const engine::IdentityRow& row) {
    return util::printable(row.name) + " <" + util::printable(row.email) + ">";
}

// "email alice@example.com", "github-login alice", "roster-name alice"; "" for the first.
std::string why(const engine::IdentityLink& link) {
    if (link.reason == engine::MergeReason::first) return {};
    return fmt::format("{} {}", engine::to_string(link.reason), util::printable(link.value));
}

std::string person_block(const engine::PersonIdentities& person) {
    std::string out = fmt::format("{} ({}){}: {} commit{}\n", util::printable(person.name), person.key,
                                  person.on_roster ? ", on the roster" : "", person.commits,
                                  person.commits == 1 ? "" : "s");
    for (const auto& row : person.identities) {
        const auto reason = why(row.link);
        out += fmt::format("    {}  {}{}\n", identity_text(row), row.commits,
                           reason.empty() ? std::string() : "  (" + reason + ")");
    }
    return out;
}

Json row_json(const engine::IdentityRow& row, bool with_link) {
    Json out = {{"name", row.name}, {"email", row.email}, {"commits", row.commits}};
    if (with_link) {
        out["reason"] = engine::to_string(row.link.reason);
        out["value"] = row.link.value.empty() ? Json(nullptr) : Json(row.link.value);
    }
    return out;
}

}  // namespace

std::string render_identities_text(const engine::IdentityReport& report, bool verbose) {
    std::size_t tool_identities = 0;
    for (const auto& tool : report.tools) tool_identities += tool.identities.size();
    std::string out = fmt::format("{} identities: {} people, {} identities of tools ({} rules)\n",
                                  report.identities, report.people.size(), tool_identities, report.tools.size());
    std::size_t hidden = 0;
    for (const auto& person : report.people) {
        if (!verbose && person.identities.size() < 2) {
            ++hidden;
            continue;
        }
        out += "\n" + person_block(person);
    }
    if (hidden > 0) out += fmt::format("\n({} people with a single identity not shown; -v shows them)\n", hidden);
    if (!report.tools.empty()) out += "\ntools (not people; rules in roles/automation.yaml and the roster):\n";
    for (const auto& tool : report.tools) {
        out += fmt::format("  {} ({}, {}):", tool.rule, roster::to_string(tool.kind), tool.origin);
        for (std::size_t i = 0; i < tool.identities.size(); ++i) {
            out += fmt::format("{} {} ({})", i == 0 ? "" : ",", identity_text(tool.identities[i]),
                               tool.identities[i].commits);
        }
        out += "\n";
    }
    if (!report.likely.empty()) {
        out += "\nlikely the same person, not merged (settle with roster 'emails', 'aliases' or 'logins'):\n";
    }
    for (const auto& merge : report.likely) {
        std::string people;
        for (const auto& key : merge.people) people += (people.empty() ? "" : ", ") + key;
        out += fmt::format("  {}: {} {}\n", people, engine::to_string(merge.reason), util::quoted(merge.value));
    }
    for (const auto& warning : report.warnings) out += "warning: " + warning + "\n";
    return out;
}

std::string render_identities_json(const engine::IdentityReport& report) {
    Json people = Json::array();
    for (const auto& person : report.people) {
        Json rows = Json::array();
        for (const auto& row : person.identities) rows.push_back(row_json(row, true));
        people.push_back({{"person", person.key}, {"name", person.name}, {"on_roster", person.on_roster},
                          {"commits", person.commits}, {"identities", rows}});
    }
    Json tools = Json::array();
    for (const auto& tool : report.tools) {
        Json rows = Json::array();
        for (const auto& row : tool.identities) rows.push_back(row_json(row, false));
        tools.push_back({{"rule", tool.rule}, {"kind", roster::to_string(tool.kind)}, {"origin", tool.origin},
                         {"identities", rows}});
    }
    Json likely = Json::array();
    for (const auto& merge : report.likely) {
        likely.push_back({{"reason", engine::to_string(merge.reason)}, {"value", merge.value}, {"people", merge.people}});
    }
    const Json out = {{"schema", "roles.identities/1"}, {"identities", report.identities}, {"people", people},
                      {"tools", tools}, {"likely_merges", likely}, {"warnings", report.warnings}};
    return json_text(out);
}

}  // namespace roles::report
