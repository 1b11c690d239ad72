#include "codequality_places.hpp"

#include <filesystem>
#include <system_error>

#include "roles/git/loader.hpp"

namespace roles::cli {
namespace {

namespace fs = std::filesystem;

std::string path_in_work_tree(const std::string& file) {
    std::error_code error;
    const fs::path absolute = fs::absolute(file, error).lexically_normal();
    if (error) return file;
    const auto workdir = git::find_workdir(absolute.parent_path().string());
    if (!workdir || workdir->empty()) return fs::path(file).lexically_normal().string();
    const auto relative = absolute.lexically_relative(fs::path(*workdir).lexically_normal());
    if (relative.empty() || *relative.begin() == "..") return fs::path(file).lexically_normal().string();
    return relative.string();
}

}  // namespace

report::CodeQualityPlaces codequality_places(const roster::Roster& roster) {
    report::CodeQualityPlaces places;
    if (roster.file.empty()) return places;
    // An imported roster's file is the published FILE, its positions the entries the importer
    // read there (roster_from_import), so it is placed like ROLES.yaml.
    places.roster_path = path_in_work_tree(roster.file);
    for (const auto& project : roster.projects) {
        const auto prefix = roster.program ? project.name + "/" : std::string();
        for (const auto& hat : project.hats) {
            if (hat.pos.file == roster.file && hat.pos.line > 0)
                places.hat_lines[prefix + hat.def.id] = hat.pos.line;
        }
    }
    for (const auto& [key, person] : roster.people) {
        if (person.pos.file == roster.file && person.pos.line > 0) places.person_lines[key] = person.pos.line;
    }
    return places;
}

}  // namespace roles::cli
