#include <algorithm>

#include <nlohmann/json.hpp>

#include "ci_parts.hpp"
#include "json_text.hpp"
#include "roles/report/findings.hpp"

#ifndef ROLES_VERSION
#define ROLES_VERSION "0.0.0"
#endif

namespace roles::report {
namespace {

using Json = nlohmann::ordered_json;
using engine::FindingCode;

constexpr const char* k_sarif_schema = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

// Every code but `ok`, which is never a result; a result's ruleIndex is its place here.
std::vector<FindingCode> rule_codes() {
    std::vector<FindingCode> out;
    for (const auto& words : finding_table()) {
        if (words.code != FindingCode::ok) out.push_back(words.code);
    }
    return out;
}

std::string_view default_level(FindingCode code) {
    switch (code) {
        case FindingCode::unassigned:
        case FindingCode::thin_evidence: return "note";
        default: return "warning";
    }
}

// Without a homepage the help stands alone: a made-up or placeholder address would send a
// maintainer reading the code-scanning alert to somebody else's page.
Json rule_json(FindingCode code, std::string_view homepage) {
    const auto& words = finding_words(code);
    const auto uri = finding_help_uri(code, homepage);
    const std::string help(words.help);
    Json rule = {{"id", engine::to_string(code)},
                 {"name", words.name},
                 {"shortDescription", {{"text", words.short_description}}},
                 {"fullDescription", {{"text", words.full_description}}},
                 {"help", {{"text", uri.empty() ? help : help + " See " + uri},
                           {"markdown", uri.empty() ? help
                                                    : help + " [More about `" + std::string(engine::to_string(code)) +
                                                          "`](" + uri + ")"}}},
                 {"defaultConfiguration", {{"level", default_level(code)}}},
                 {"properties", {{"tags", {"maintainership", "roles"}}, {"precision", "high"}}}};
    if (!uri.empty()) rule["helpUri"] = uri;
    return rule;
}

Json tool_json(std::string_view homepage) {
    Json rules = Json::array();
    for (const auto code : rule_codes()) rules.push_back(rule_json(code, homepage));
    Json driver = {{"name", "roles"}, {"version", ROLES_VERSION}, {"semanticVersion", ROLES_VERSION}};
    if (!homepage.empty()) driver["informationUri"] = std::string(homepage);
    driver["rules"] = rules;
    return {{"driver", driver}};
}

std::string_view level_of(engine::FindingGrade grade) {
    switch (grade) {
        case engine::FindingGrade::fails_gate: return "error";
        case engine::FindingGrade::warning: return "warning";
        case engine::FindingGrade::note: return "note";
    }
    return "note";
}

Json physical(const CiPlace& place) {
    Json artifact = {{"uri", place.uri}};
    if (!place.base.empty()) artifact["uriBaseId"] = place.base;
    return {{"artifactLocation", artifact}, {"region", {{"startLine", place.line}, {"startColumn", place.column}}}};
}

Json result_json(const engine::Finding& finding, const engine::AuditResult& audit, const CiView& view) {
    const auto codes = rule_codes();
    const auto index = std::find(codes.begin(), codes.end(), finding.code) - codes.begin();
    const auto location = ci_location(finding, audit, view);
    const auto subject = ci_subject(finding, audit, view);
    // The code and what it is about, never a line: moving the hat in the roster keeps the alert.
    const auto fingerprint = stable_hash(std::string(engine::to_string(finding.code)) + '\0' + subject);
    const auto logical = finding.hat.empty() ? "person " + finding.person : "hat " + finding.hat;
    Json out = {{"ruleId", engine::to_string(finding.code)},
                {"ruleIndex", index},
                {"level", level_of(finding.grade)},
                {"message", {{"text", subject + ": " + finding_message(finding)}}},
                {"locations", {{{"physicalLocation", physical(location.primary)},
                                {"logicalLocations", {{{"name", subject}, {"kind", "member"},
                                                       {"fullyQualifiedName", logical}}}}}}},
                {"partialFingerprints", {{"rolesFinding/v1", fingerprint}, {"primaryLocationLineHash", fingerprint}}},
                {"properties", {{"project", audit.project}, {"subject", subject}}}};
    if (location.definition) {
        out["relatedLocations"] = {{{"id", 1},
                                    {"physicalLocation", physical(*location.definition)},
                                    {"message", {{"text", "the hat's definition in its catalog"}}}}};
    }
    return out;
}

Json base_ids(const CiView& view) {
    Json out = Json::object();
    if (!view.root.empty()) out[k_srcroot] = {{"uri", directory_uri(view.root)}};
    if (!view.catalog_dir.empty()) out[k_catalogs] = {{"uri", directory_uri(view.catalog_dir)}};
    return out;
}

std::string automation_id(const CiView& view) {
    if (view.program || view.audits.empty()) return "roles/audit/program/";
    const auto& project = view.audits.front()->project;
    return "roles/audit/" + (project.empty() ? std::string("project") : project) + "/";
}

}  // namespace

std::string render_sarif(const CiView& view) {
    Json results = Json::array();
    for (const auto* audit : view.audits) {
        for (const auto& finding : audit->findings) results.push_back(result_json(finding, *audit, view));
    }
    Json run = {{"tool", tool_json(view.homepage)},
                {"automationDetails", {{"id", automation_id(view)}}},
                {"originalUriBaseIds", base_ids(view)},
                {"invocations", {{{"executionSuccessful", true},
                                  {"properties", {{"fail_on", view.fail_on}, {"gate_passed", view.passed}}}}}},
                {"columnKind", "unicodeCodePoints"},
                {"results", results}};
    return json_text(Json{{"$schema", k_sarif_schema}, {"version", "2.1.0"}, {"runs", Json::array({run})}});
}

}  // namespace roles::report
