#include "json_text.hpp"
#include "roles/util/text.hpp"
#include "roles/report/catalog.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace roles::report {
namespace {

using Json = nlohmann::ordered_json;

std::string join(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& item : items) out += (out.empty() ? "" : ", ") + item;
    return out;
}

std::vector<std::string> kind_names(const std::vector<roster::ActivityKind>& kinds) {
    std::vector<std::string> names;
    for (const auto kind : kinds) names.emplace_back(roster::to_string(kind));
    return names;
}

std::string evidence_text(const roster::EvidenceRules& rules) {
    std::vector<std::string> parts;
    if (!rules.paths.empty()) parts.push_back("paths " + join(rules.paths));
    if (!rules.message.empty()) parts.push_back("message matches " + join(rules.message));
    if (!rules.trailers.empty()) parts.push_back("trailers " + join(rules.trailers));
    if (!rules.credit_trailers.empty()) parts.push_back("credits people named in " + join(rules.credit_trailers));
    if (rules.tags) parts.emplace_back("creating tags");
    if (!rules.activity.empty()) parts.push_back("credits " + join(kind_names(rules.activity)));
    if (!rules.exclude_message.empty()) parts.push_back("never a message matching " + join(rules.exclude_message));
    return parts.empty() ? "none (holders only)" : fmt::format("{}", fmt::join(parts, "; "));
}

Json evidence_json(const roster::EvidenceRules& rules) {
    return {{"paths", rules.paths},
            {"message", rules.message},
            {"trailers", rules.trailers},
            {"credit_trailers", rules.credit_trailers},
            {"tags", rules.tags},
            {"activity", kind_names(rules.activity)},
            {"exclude_message", rules.exclude_message}};
}

Json hat_json(const roster::HatDef& hat) {
    return {{"id", hat.id},           {"title", hat.title},     {"description", hat.description},
            {"required", hat.required}, {"min", hat.min},         {"effort", hat.effort},
            {"area", hat.area},       {"fallback_for", hat.fallback_for}, {"evidence", evidence_json(hat.evidence)}};
}

std::size_t count_people_unlisted(const roster::Roster& roster, roster::HolderSource source) {
    std::size_t count = 0;
    for (const auto& project : roster.projects) {
        for (const auto& hat : project.hats) count += hat.source == source ? 1 : 0;
    }
    return count;
}

}  // namespace

std::string render_hats_text(const std::vector<roster::Catalog>& catalogs) {
    std::string out;
    for (const auto& catalog : catalogs) {
        out += fmt::format("catalog {}: {} ({} hats)\n", catalog.name, catalog.description, catalog.hats.size());
        for (const auto& hat : catalog.hats) {
            out += fmt::format("  {:<22} {} ({}, min {}, effort {:.2g})\n", hat.id, hat.title,
                               hat.required ? "required" : "optional", hat.min, hat.effort);
            out += fmt::format("      {}\n", hat.description);
            out += fmt::format("      evidence: {}\n", evidence_text(hat.evidence));
            if (!hat.fallback_for.empty()) out += fmt::format("      fallback for: {}\n", join(hat.fallback_for));
        }
        out += "\n";
    }
    return util::printable_lines(out);
}

std::string render_hats_json(const std::vector<roster::Catalog>& catalogs) {
    Json list = Json::array();
    for (const auto& catalog : catalogs) {
        Json hats = Json::array();
        for (const auto& hat : catalog.hats) hats.push_back(hat_json(hat));
        list.push_back({{"name", catalog.name}, {"description", catalog.description}, {"hats", hats}});
    }
    return json_text(Json{{"schema", "roles.hats/1"}, {"catalogs", list}});
}

std::string render_validate_text(const roster::Roster& roster) {
    std::size_t hats = 0;
    for (const auto& project : roster.projects) hats += project.hats.size();
    std::string out = fmt::format("{}: valid: {} project{}, {} hats ({} not listed in the roster), {} people\n",
                                  roster.file, roster.projects.size(), roster.projects.size() == 1 ? "" : "s",
                                  hats, count_people_unlisted(roster, roster::HolderSource::unlisted),
                                  roster.people.size());
    for (const auto& warning : roster.warnings) out += "warning: " + warning + "\n";
    return util::printable_lines(out);
}

std::string render_validate_json(const roster::Roster& roster) {
    Json projects = Json::array();
    for (const auto& project : roster.projects) {
        Json hats = Json::array();
        for (const auto& hat : project.hats) {
            Json holders = Json::array();
            for (const auto& holder : hat.holders) holders.push_back(holder.person);
            hats.push_back({{"id", hat.def.id}, {"holders", holders}});
        }
        projects.push_back({{"name", project.name}, {"hats", hats}});
    }
    return json_text(Json{{"schema", "roles.validate/1"}, {"roster", roster.file}, {"valid", true},
                {"projects", projects},         {"people", roster.people.size()}, {"warnings", roster.warnings}});
}

std::string render_validate_failure_json(const std::string& file, const std::vector<std::string>& problems) {
    return json_text(Json{{"schema", "roles.validate/1"}, {"roster", file}, {"valid", false}, {"problems", problems}});
}

}  // namespace roles::report
