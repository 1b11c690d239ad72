// Where the roster comes from (README.md, "Untrusted input"): a repository's ROLES.yaml is
// read from the repository itself and its catalog paths stay inside it; a path on the
// command line is the user's choice.

#include <filesystem>

#include "roles/cli/commands.hpp"
#include "roles/git/loader.hpp"
#include "roles/git/repository_file.hpp"
#include "roles/roster/loader.hpp"
#include "roles/util/file.hpp"
#include "roles/util/text.hpp"

namespace roles::cli {

namespace {

namespace fs = std::filesystem;

constexpr const char* k_roster_name = "ROLES.yaml";

std::string canonical_or_self(const std::string& path) {
    std::error_code ec;
    const auto canonical = fs::weakly_canonical(path, ec);
    return ec ? path : canonical.string();
}

util::Error link_error(const std::string& path, const std::string& cause) {
    return util::Error{util::ErrorKind::input, "reading roster " + util::quoted(path), cause, {}};
}

// A symbolic link at `path` must stay inside `root` (canonical).
util::Expected<void> check_link(const std::string& path, const std::string& root) {
    if (util::file_kind_no_follow(path) != util::FileKind::symlink) return {};
    std::error_code ec;
    const auto target = fs::canonical(path, ec);
    if (ec) return std::unexpected(link_error(path, "is a symbolic link to nothing"));
    if (util::path_is_inside(target.string(), root)) return {};
    return std::unexpected(link_error(path,
                                      "is a symbolic link that leads outside the repository; roles does not follow it "
                                      "(give --roster PATH to read a file elsewhere on purpose)"));
}

// The work tree holding `dir`, or `dir` itself; canonical.
std::string root_around(const std::string& dir) {
    auto workdir = git::find_workdir(dir);
    return canonical_or_self(workdir && !workdir->empty() ? *workdir : dir);
}

// ROLES.yaml of a work tree: a regular file, or a symbolic link that stays inside.
util::Expected<std::optional<roster::Roster>> work_tree_roster(const std::string& workdir, RosterOrigin& origin) {
    const std::string root = canonical_or_self(workdir);
    const std::string path = (fs::path(workdir) / k_roster_name).lexically_normal().string();
    origin.shown = path;
    if (util::file_kind_no_follow(path) == util::FileKind::missing) return std::nullopt;
    if (auto checked = check_link(path, root); !checked) return std::unexpected(checked.error());
    auto loaded = roster::load_roster(path, roster::RosterContext{root, {}, {}, {}});
    if (!loaded) return std::unexpected(loaded.error());
    return std::move(*loaded);
}

// ROLES.yaml in the tree of `ref` (a bare repository), its catalog paths read from there too.
util::Expected<std::optional<roster::Roster>> committed_roster(const std::string& repo, const std::string& ref,
                                                               RosterOrigin& origin) {
    origin.shown = ref + ":" + k_roster_name;
    auto text = git::read_committed_file(repo, ref, k_roster_name, util::k_max_input_file_bytes);
    if (!text) return std::unexpected(text.error());
    if (!*text) return std::nullopt;
    roster::RosterContext context;
    context.read = [repo, ref](const std::string& path) -> std::expected<std::string, std::string> {
        auto file = git::read_committed_file(repo, ref, path, util::k_max_input_file_bytes);
        if (!file) return std::unexpected(file.error().cause);
        if (!*file) return std::unexpected("no such file in " + util::quoted(ref));
        return std::move(**file);
    };
    context.shown_prefix = ref + ":";
    const auto name = fs::path(canonical_or_self(repo)).filename().string();
    context.default_project = name.empty() ? "project" : name;
    auto loaded = roster::parse_roster(**text, origin.shown, context);
    if (!loaded) return std::unexpected(loaded.error());
    return std::move(*loaded);
}

}  // namespace

util::Expected<std::optional<roster::Roster>> load_repository_roster(const std::string& repo, const std::string& ref,
                                                                     RosterOrigin& origin) {
    auto workdir = git::find_workdir(repo);
    if (!workdir) return std::unexpected(workdir.error());
    if (workdir->empty()) return committed_roster(repo, ref, origin);
    return work_tree_roster(*workdir, origin);
}

util::Expected<roster::Roster> load_named_roster(const std::string& path, PathChoice choice) {
    const auto parent = fs::path(path).parent_path();
    const std::string root = root_around(parent.empty() ? std::string(".") : parent.string());
    if (choice == PathChoice::repository_default) {
        if (auto checked = check_link(path, root); !checked) return std::unexpected(checked.error());
    }
    return roster::load_roster(path, roster::RosterContext{root, {}, {}, {}});
}

}  // namespace roles::cli
