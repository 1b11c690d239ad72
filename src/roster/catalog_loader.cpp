// Built-in and file catalogs (DESIGN §2.3).

#include "catalog_loader.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "hat_reader.hpp"
#include "roles/roster/loader.hpp"
#include "roles/util/text.hpp"

namespace roles::roster {

namespace fs = std::filesystem;

namespace {

const std::vector<std::string> k_catalog_keys{"catalog", "description", "hats"};

// The hats of a catalog, in file order. Every id is known before any hat is read so that
// `fallback_for` may name a hat written further down.
void read_catalog_hats(const Doc& doc, const Entry& hats_entry, Catalog& catalog) {
    if (!expect_map(doc, hats_entry)) return;
    const auto hats = map_entries(doc, hats_entry.value, "in 'hats'", std::nullopt);
    std::vector<std::string> ids;
    for (const auto& hat : hats) ids.push_back(hat.key);
    for (const auto& hat : hats) {
        if (!check_hat_id(doc, hat) || !expect_map(doc, hat)) continue;
        HatDef def;
        def.id = hat.key;
        def.catalog = catalog.name;
        def.pos = doc.pos(hat.key_node.Mark());
        const auto where = "in hat " + util::quoted(hat.key);
        if (hat.value.IsMap()) {
            read_hat_fields(doc, map_entries(doc, hat.value, where, hat_def_keys()), def, ids);
        }
        if (def.title.empty()) def.title = default_title(def.id);
        catalog.hats.push_back(std::move(def));
    }
    if (hats.empty()) doc.error(hats_entry.key_node.Mark(), "the catalog has no hats");
}

}  // namespace

std::vector<std::string> catalog_search_dirs() {
    std::vector<std::string> dirs;
    if (const char* env = std::getenv("ROLES_CATALOG_DIR"); env != nullptr && *env != '\0') {
        dirs.emplace_back(env);
    }
    std::error_code ec;
    const auto exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        const auto exe_dir = exe.parent_path();
        dirs.push_back((exe_dir / "roles").string());
        dirs.push_back((exe_dir / ".." / "share" / "roles" / "catalogs").lexically_normal().string());
    }
#ifdef ROLES_INSTALL_CATALOG_DIR
    dirs.emplace_back(ROLES_INSTALL_CATALOG_DIR);
#endif
    return dirs;
}

std::vector<std::string> builtin_catalog_names() {
    std::set<std::string> names;
    for (const auto& dir : catalog_search_dirs()) {
        std::error_code ec;
        for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
            // automation.yaml beside the catalogs is the automation list, not a catalog.
            if (it->path().extension() == ".yaml" && it->path().filename() != "automation.yaml") {
                names.insert(it->path().stem().string());
            }
        }
    }
    return {names.begin(), names.end()};
}

bool is_catalog_path(const std::string& name_or_path) {
    const auto ext = fs::path(name_or_path).extension();
    return name_or_path.find('/') != std::string::npos || ext == ".yaml" || ext == ".yml";
}

std::optional<std::string> catalog_file(const std::string& name_or_path, const std::string& relative_to) {
    if (is_catalog_path(name_or_path)) {
        const fs::path path(name_or_path);
        return (path.is_absolute() ? path : fs::path(relative_to) / path).lexically_normal().string();
    }
    for (const auto& dir : catalog_search_dirs()) {
        const auto candidate = fs::path(dir) / (name_or_path + ".yaml");
        std::error_code ec;
        if (fs::is_regular_file(candidate, ec)) return candidate.string();
    }
    return std::nullopt;
}

std::string unknown_catalog_message(const std::string& name) {
    const auto names = builtin_catalog_names();
    auto hint = did_you_mean(name, names);
    if (hint.empty()) {
        hint = names.empty() ? " (no built-in catalogs found: set ROLES_CATALOG_DIR)"
                             : " (built-in catalogs: " + join(names) + ")";
    }
    return "unknown catalog " + util::quoted(name) + hint;
}

std::expected<std::string, std::string> read_text_file(const std::string& path) {
    std::error_code ec;
    if (!fs::exists(path, ec)) return std::unexpected("no such file");
    if (fs::is_directory(path, ec)) return std::unexpected("is a directory, not a file");
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    if (!in || !(text << in.rdbuf())) {
        // An empty file makes `<<` fail too, but it is readable: let the parser call it empty.
        if (in && fs::file_size(path, ec) == 0 && !ec) return std::string{};
        return std::unexpected("cannot read file");
    }
    return text.str();
}

Catalog parse_catalog(const Doc& doc, const std::string& text) {
    Catalog catalog;
    catalog.file = doc.file;
    catalog.name = fs::path(doc.file).stem().string();
    const auto root = load_document(doc, text, "catalog");
    if (!root) return catalog;
    const auto entries = map_entries(doc, *root, "at the top level", k_catalog_keys);
    if (const auto* name = find_entry(entries, "catalog")) {
        if (auto text_name = read_string(doc, *name)) catalog.name = *text_name;
    }
    if (const auto* description = find_entry(entries, "description")) {
        if (auto text_description = read_string(doc, *description)) catalog.description = *text_description;
    }
    if (const auto* hats = find_entry(entries, "hats")) {
        read_catalog_hats(doc, *hats, catalog);
    } else {
        doc.error(YAML::Mark{}, "missing 'hats' (a catalog lists its hats under 'hats')");
    }
    return catalog;
}

const Catalog* CatalogCache::get(const Doc& roster, const Scalar& ref) {
    if (const auto found = m_by_ref.find(ref.text); found != m_by_ref.end()) {
        return found->second ? &*found->second : nullptr;
    }
    auto& slot = m_by_ref[ref.text];
    const auto file = catalog_file(ref.text, m_relative_to);
    if (!file) {
        roster.error(ref.mark, unknown_catalog_message(ref.text));
        return nullptr;
    }
    const auto text = read_text_file(*file);
    if (!text) {
        roster.error(ref.mark, "cannot read catalog " + util::quoted(*file) + ": " + text.error());
        return nullptr;
    }
    const auto before = roster.errors.size();
    const Doc doc{*file, roster.errors, roster.warnings};
    auto catalog = parse_catalog(doc, *text);
    if (roster.errors.size() != before) return nullptr;
    slot = std::move(catalog);
    return &*slot;
}

util::Expected<Catalog> load_catalog(const std::string& name_or_path, const std::string& relative_to) {
    const auto file = catalog_file(name_or_path, relative_to);
    if (!file) {
        return util::fail(util::ErrorKind::input, "loading catalog " + util::quoted(name_or_path),
                          unknown_catalog_message(name_or_path));
    }
    const auto text = read_text_file(*file);
    if (!text) {
        return util::fail(util::ErrorKind::input, "reading catalog " + util::quoted(*file), text.error());
    }
    Problems errors;
    Problems warnings;
    auto catalog = parse_catalog(Doc{*file, errors, warnings}, *text);
    if (errors.empty()) return catalog;
    return std::unexpected(util::Error{util::ErrorKind::input, "invalid catalog " + util::quoted(*file),
                                       problem_count(errors.size()), errors.lines()});
}

}  // namespace roles::roster
