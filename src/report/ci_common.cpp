#include <algorithm>
#include <cstdint>
#include <filesystem>

#include <fmt/format.h>

#include "ci_parts.hpp"

namespace roles::report {
namespace {

namespace fs = std::filesystem;

// Percent-encodes what may not stand in a URI path (RFC 3986 unreserved characters and '/'
// are kept).
std::string uri_path(std::string_view path) {
    std::string out;
    for (const char c : path) {
        const auto u = static_cast<unsigned char>(c);
        const bool keep = (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') ||
                          c == '-' || c == '.' || c == '_' || c == '~' || c == '/';
        out += keep ? std::string(1, c) : fmt::format("%{:02X}", u);
    }
    return out;
}

std::string file_uri(const std::string& path) {
    std::error_code error;
    const auto absolute = fs::absolute(path, error).lexically_normal().generic_string();
    return "file://" + uri_path(absolute.empty() ? path : absolute);
}

// `path` under the repository root, under the catalog directory, or as an absolute URI.
CiPlace place(const roster::SourcePos& pos, const CiView& view) {
    CiPlace out{{}, {}, std::max(pos.line, 1), std::max(pos.column, 1)};
    if (auto rel = path_under(pos.file, view.root); !rel.empty()) {
        out.uri = uri_path(rel);
        out.base = k_srcroot;
    } else if (auto in_catalogs = path_under(pos.file, view.catalog_dir); !in_catalogs.empty()) {
        out.uri = uri_path(in_catalogs);
        out.base = k_catalogs;
    } else {
        out.uri = file_uri(pos.file);
    }
    return out;
}

// The top of the roster file, or of the ROLES.yaml to write when there is none.
CiPlace roster_top(const engine::AuditResult& audit, const CiView& view) {
    if (!audit.roster_file.empty()) return place(roster::SourcePos{audit.roster_file, 1, 1}, view);
    return CiPlace{"ROLES.yaml", k_srcroot, 1, 1};
}

}  // namespace

std::string escape_github_data(std::string_view text) {
    std::string out;
    for (const char c : text) {
        switch (c) {
            case '%': out += "%25"; break;
            case '\r': out += "%0D"; break;
            case '\n': out += "%0A"; break;
            default: out += c;
        }
    }
    return out;
}

std::string escape_github_property(std::string_view text) {
    std::string out;
    for (const char c : escape_github_data(text)) {
        switch (c) {
            case ':': out += "%3A"; break;
            case ',': out += "%2C"; break;
            default: out += c;
        }
    }
    return out;
}

std::string path_under(const std::string& path, const std::string& root) {
    if (path.empty() || root.empty()) return {};
    std::error_code error;
    const auto file = fs::weakly_canonical(fs::absolute(path, error), error);
    const auto base = fs::weakly_canonical(fs::absolute(root, error), error);
    if (error) return {};
    const auto rel = file.lexically_relative(base);
    if (rel.empty() || *rel.begin() == "..") return {};
    return rel.generic_string();
}

std::string stable_hash(std::string_view text) {
    std::uint64_t hash = 14695981039346656037ULL;
    for (const char c : text) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 1099511628211ULL;
    }
    return fmt::format("{:016x}", hash);
}

std::string directory_uri(const std::string& path) {
    const auto uri = file_uri(path);
    return uri.ends_with('/') ? uri : uri + "/";
}

CiLocation ci_location(const engine::Finding& finding, const engine::AuditResult& audit, const CiView& view) {
    switch (finding.location.origin) {
        case engine::LocationOrigin::roster: return {place(finding.location.pos, view), std::nullopt};
        case engine::LocationOrigin::catalog: {
            auto definition = place(finding.location.pos, view);
            if (definition.in_repository() || audit.roster_file.empty()) return {definition, std::nullopt};
            return {roster_top(audit, view), definition};
        }
        case engine::LocationOrigin::none: break;
    }
    return {roster_top(audit, view), std::nullopt};
}

std::string ci_subject(const engine::Finding& finding, const engine::AuditResult& audit, const CiView& view) {
    const auto about = finding.hat.empty() ? "burnout:" + finding.person : finding.hat;
    return view.program ? audit.project + "/" + about : about;
}

}  // namespace roles::report
