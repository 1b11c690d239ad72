#include <algorithm>
#include <cstdint>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "json_text.hpp"
#include "markdown_text.hpp"
#include "roles/report/codequality.hpp"
#include "roles/report/load.hpp"

namespace roles::report {
namespace {

using engine::Status;
using Json = nlohmann::ordered_json;

// FNV-1a, 64 bits: the same bytes give the same fingerprint on every platform and run.
std::string fingerprint(const std::string& key) {
    std::uint64_t hash = 14695981039346656037ULL;
    for (const unsigned char c : key) {
        hash ^= c;
        hash *= 1099511628211ULL;
    }
    return fmt::format("{:016x}", hash);
}

const char* severity_of(Status status, bool gated) {
    if (gated) return "critical";
    return status == Status::vacant || status == Status::understaffed ? "major" : "minor";
}

struct Scope {
    const std::vector<std::string>& failed;
    const CodeQualityPlaces& places;
    std::string project;
    std::string prefix;  ///< "" for a project, "PROJECT/" in a program
};

Json issue(const Scope& scope, const std::string& check, const std::string& subject,
           const std::string& description, const char* severity, int line) {
    return Json{
        {"description", description},
        {"check_name", "roles/" + check},
        {"fingerprint", fingerprint("roles\n" + scope.project + "\n" + check + "\n" + subject)},
        {"severity", severity},
        {"location", {{"path", scope.places.roster_path}, {"lines", {{"begin", std::max(line, 1)}}}}}};
}

int line_of(const std::map<std::string, int>& lines, const std::string& key) {
    const auto it = lines.find(key);
    return it == lines.end() ? 1 : it->second;
}

bool gated(const Scope& scope, const std::string& id) {
    return std::ranges::find(scope.failed, scope.prefix + id) != scope.failed.end();
}

void add_project(const engine::AuditResult& audit, const Scope& scope, Json& issues) {
    for (const auto& hat : audit.hats) {
        const auto name = scope.prefix + hat.hat;
        const int line = line_of(scope.places.hat_lines, name);
        if (hat.status != Status::ok && hat.status != Status::unassigned) {
            const auto status = std::string(engine::to_string(hat.status));
            issues.push_back(issue(scope, status, hat.hat,
                                   fmt::format("hat {} is {}: {}", name, status, hat_reason(hat)),
                                   severity_of(hat.status, gated(scope, hat.hat)), line));
        }
        if (hat.thin_evidence) {
            issues.push_back(
                issue(scope, "thin-evidence", hat.hat,
                      fmt::format("hat {} has {} evidence item{} where {} are needed for shares to "
                                  "decide its status",
                                  name, hat.thin_evidence->items, hat.thin_evidence->items == 1 ? "" : "s",
                                  hat.thin_evidence->needed),
                      "info", line));
        }
    }
    for (const auto& row : audit.health.burnout_high) {
        const bool failing = gated(scope, "burnout:" + row.key);
        issues.push_back(issue(
            scope, "burnout-high", row.key,
            fmt::format("{}{} is at high burnout risk: {}", scope.prefix, row.key, signals_brief(row.load)),
            failing ? "critical" : "minor", line_of(scope.places.person_lines, row.key)));
    }
}

}  // namespace

std::string render_audit_codequality(const AuditView& view, const CodeQualityPlaces& places) {
    Json issues = Json::array();
    add_project(view.result, Scope{view.failed_hats, places, view.result.project, ""}, issues);
    return json_text(issues);
}

std::string render_program_codequality(const ProgramView& view, const CodeQualityPlaces& places) {
    Json issues = Json::array();
    for (const auto& project : view.result.projects) {
        add_project(project.audit,
                    Scope{view.failed, places, project.audit.project, project.audit.project + "/"}, issues);
    }
    return json_text(issues);
}

}  // namespace roles::report
