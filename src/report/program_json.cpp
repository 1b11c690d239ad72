#include "json_text.hpp"
#include "audit_parts.hpp"
#include "roles/report/program.hpp"

namespace roles::report {
namespace {

using Json = nlohmann::ordered_json;

Json people_json(const std::vector<engine::SeatRow>& people) {
    Json out = Json::array();
    for (const auto& row : people) {
        out.push_back({{"person", row.person},
                       {"name", row.name},
                       {"affiliation", row.affiliation ? Json(*row.affiliation) : Json(nullptr)},
                       {"capacity", row.capacity},
                       {"seats", row.seats},
                       {"projects", row.projects},
                       {"effort", row.effort},
                       {"commitment", row.commitment}});
    }
    return out;
}

Json totals_json(const engine::ProgramAuditResult& result) {
    Json by_status = Json::object();
    for (std::size_t s = 0; s < std::size(result.by_status); ++s) {
        by_status[std::string(engine::to_string(static_cast<engine::Status>(s)))] = result.by_status[s];
    }
    return {{"projects", result.projects.size()}, {"hats", result.hats}, {"by_status", by_status}};
}

}  // namespace

std::string render_program_json(const ProgramView& view) {
    Json projects = Json::array();
    for (const auto& project : view.result.projects) {
        Json object = audit_json_object({project.audit, view.fail_on, {}, ""});
        object["repos"] = project.repos;
        projects.push_back(std::move(object));
    }
    Json out = {{"schema", "roles.audit/1"},
                {"program", true},
                {"roster", view.result.roster_file},
                {"projects", projects},
                {"people", people_json(view.result.people)},
                {"totals", totals_json(view.result)},
                {"gate", {{"fail_on", view.fail_on}, {"failed", view.failed}, {"passed", view.failed.empty()}}},
                {"warnings", view.result.warnings}};
    return json_text(out);
}

}  // namespace roles::report

namespace roles::report {

std::string render_program_documents(const std::string& schema, const std::string& roster_file,
                                     const std::vector<std::string>& documents) {
    using Json = nlohmann::ordered_json;
    Json projects = Json::array();
    for (const auto& document : documents) projects.push_back(Json::parse(document));
    const Json out = {{"schema", schema}, {"program", true}, {"roster", roster_file}, {"projects", projects}};
    return json_text(out);
}

}  // namespace roles::report
