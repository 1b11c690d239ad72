// Built-in and file catalogs (docs/catalogs.md).

#include "catalog_loader.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <set>

#include "hat_reader.hpp"
#include "roles/roster/loader.hpp"
#include "roles/util/file.hpp"
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
    return util::read_regular_file(path);
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

CatalogCache::CatalogCache(std::string relative_to, const RosterContext& context)
    : m_relative_to(std::move(relative_to)), m_context(context) {}

std::optional<std::pair<std::string, std::string>> CatalogCache::read_through_context(const Doc& roster,
                                                                                      const Scalar& ref) const {
    const auto relative = (fs::path(m_relative_to) / ref.text).lexically_normal();
    if (fs::path(ref.text).is_absolute() || relative.empty() || *relative.begin() == "..") {
        roster.error(ref.mark, "catalog path " + util::quoted(ref.text) +
                                   " leads outside the repository (a roster reads catalogs from inside it only)");
        return std::nullopt;
    }
    const auto shown = m_context.shown_prefix + relative.string();
    auto text = m_context.read(relative.string());
    if (!text) {
        roster.error(ref.mark, "cannot read catalog " + util::quoted(shown) + ": " + text.error());
        return std::nullopt;
    }
    return std::pair{shown, std::move(*text)};
}

std::optional<std::pair<std::string, std::string>> CatalogCache::read_path(const Doc& roster, const Scalar& ref) const {
    if (m_context.read && is_catalog_path(ref.text)) return read_through_context(roster, ref);
    const auto file = catalog_file(ref.text, m_relative_to);
    if (!file) {
        roster.error(ref.mark, unknown_catalog_message(ref.text));
        return std::nullopt;
    }
    if (is_catalog_path(ref.text)) {
        std::error_code ec;
        const auto root = fs::weakly_canonical(m_context.root.empty() ? m_relative_to : m_context.root, ec);
        const auto target = fs::weakly_canonical(*file, ec);
        if (!util::path_is_inside(target.string(), root.string())) {
            roster.error(ref.mark, "catalog path " + util::quoted(ref.text) + " leads outside " +
                                       util::quoted(root.string()) +
                                       " (a roster reads catalogs from inside its repository only)");
            return std::nullopt;
        }
    }
    auto text = read_text_file(*file);
    if (!text) {
        roster.error(ref.mark, "cannot read catalog " + util::quoted(*file) + ": " + text.error());
        return std::nullopt;
    }
    return std::pair{*file, std::move(*text)};
}

const Catalog* CatalogCache::get(const Doc& roster, const Scalar& ref) {
    if (const auto found = m_by_ref.find(ref.text); found != m_by_ref.end()) {
        return found->second ? &*found->second : nullptr;
    }
    auto& slot = m_by_ref[ref.text];
    const auto file = read_path(roster, ref);
    if (!file) return nullptr;
    const auto before = roster.errors.size();
    const Doc doc{file->first, roster.errors, roster.warnings};
    auto catalog = parse_catalog(doc, file->second);
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
