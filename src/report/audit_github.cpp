#include <fmt/format.h>

#include "ci_parts.hpp"
#include "roles/report/findings.hpp"

namespace roles::report {
namespace {

std::string_view command_of(engine::FindingGrade grade) {
    switch (grade) {
        case engine::FindingGrade::fails_gate: return "error";
        case engine::FindingGrade::warning: return "warning";
        case engine::FindingGrade::note: return "notice";
    }
    return "notice";
}

// "file=ROLES.yaml,line=3,col=3,title=..." (no file for a place outside the repository).
std::string properties(const CiPlace& place, const std::string& title) {
    std::string out;
    if (place.in_repository()) {
        out = fmt::format("file={},line={},col={},", escape_github_property(place.uri), place.line, place.column);
    }
    return out + "title=" + escape_github_property(title);
}

std::string annotation(const engine::Finding& finding, const engine::AuditResult& audit, const CiView& view) {
    const auto location = ci_location(finding, audit, view);
    const auto subject = ci_subject(finding, audit, view);
    const auto title = fmt::format("roles: {} ({})", subject, engine::to_string(finding.code));
    return fmt::format("::{} {}::{}\n", command_of(finding.grade), properties(location.primary, title),
                       escape_github_data(subject + ": " + finding_message(finding)));
}

std::string gate_annotation(const CiView& view) {
    std::string fail_on;
    for (const auto& value : view.fail_on) fail_on += (fail_on.empty() ? "" : ",") + value;
    std::size_t failing = 0;
    for (const auto* audit : view.audits) {
        for (const auto& f : audit->findings) failing += f.grade == engine::FindingGrade::fails_gate ? 1 : 0;
    }
    if (view.passed) return fmt::format("::notice title=roles gate::{}\n", escape_github_data("gate: passed (--fail-on " + fail_on + ")"));
    return fmt::format("::error title=roles gate::{}\n",
                       escape_github_data(fmt::format("gate: failed (--fail-on {}): {} finding{}", fail_on, failing,
                                                      failing == 1 ? "" : "s")));
}

}  // namespace

std::string render_github(const CiView& view) {
    std::string out;
    for (const auto* audit : view.audits) {
        for (const auto& finding : audit->findings) out += annotation(finding, *audit, view);
    }
    return out + gate_annotation(view);
}

}  // namespace roles::report
