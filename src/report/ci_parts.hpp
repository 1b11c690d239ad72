#pragma once
// What the SARIF and GitHub renderers share (internal to report/): where a finding is shown.

#include <optional>
#include <string>

#include "roles/report/ci.hpp"

namespace roles::report {

/// SARIF's uriBaseId for paths under the repository root.
inline constexpr const char* k_srcroot = "%SRCROOT%";
/// ... and for the built-in catalogs, which live outside the repository.
inline constexpr const char* k_catalogs = "ROLESCATALOGS";

/// A file position as SARIF writes it: `uri` relative to `base` (k_srcroot, k_catalogs) or,
/// with `base` empty, an absolute file:// URI.
struct CiPlace {
    std::string uri;
    std::string base;
    int line = 1;
    int column = 1;
    [[nodiscard]] bool in_repository() const { return base == k_srcroot; }
};

/// Where a finding is shown, and where its hat is defined when that is elsewhere.
struct CiLocation {
    CiPlace primary;
    std::optional<CiPlace> definition;  ///< a catalog hat shown at the roster: its catalog entry
};

/// The roster file when the roster names the subject; a hat only its catalog defines is shown
/// at the top of the roster (the file to change), with its catalog entry as `definition`,
/// unless that catalog is itself in the repository; without a roster, at its catalog; a
/// person the roster does not list, at the top of the roster (or of ROLES.yaml, to write).
[[nodiscard]] CiLocation ci_location(const engine::Finding& finding, const engine::AuditResult& audit,
                                     const CiView& view);

/// `path` (absolute) as a file:// URI of a directory, ending in '/'.
[[nodiscard]] std::string directory_uri(const std::string& path);

/// "ptl", "nova/ptl", "burnout:gibi", "nova/burnout:gibi": what a finding is about.
[[nodiscard]] std::string ci_subject(const engine::Finding& finding, const engine::AuditResult& audit,
                                     const CiView& view);

}  // namespace roles::report
