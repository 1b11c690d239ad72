#pragma once
// Finding, reading and validating hat catalogs. Internal to src/roster.

#include <expected>
#include <map>
#include <optional>
#include <utility>
#include <string>

#include "roles/roster/loader.hpp"
#include "roles/roster/roster.hpp"
#include "yaml_reader.hpp"

namespace roles::roster {

/// True when a catalog reference is a path (contains '/' or ends in .yaml/.yml) rather
/// than a built-in name.
[[nodiscard]] bool is_catalog_path(const std::string& name_or_path);

/// The file a catalog reference points at: a path is taken relative to `relative_to`
/// (unless absolute) and need not exist; a built-in name is looked up in
/// catalog_search_dirs(). nullopt for an unknown built-in name.
[[nodiscard]] std::optional<std::string> catalog_file(const std::string& name_or_path,
                                                      const std::string& relative_to);

/// "unknown catalog 'X' (did you mean 'Y'?)", or with the list of built-in names when
/// none is close.
[[nodiscard]] std::string unknown_catalog_message(const std::string& name);

/// The whole content of a regular file under util::k_max_input_file_bytes, or a lowercase
/// reason (util::read_regular_file).
[[nodiscard]] std::expected<std::string, std::string> read_text_file(const std::string& path);

/// Reads a catalog from text; every problem goes to `doc` (whose file names the catalog).
/// The catalog is complete only when no error was added.
[[nodiscard]] Catalog parse_catalog(const Doc& doc, const std::string& text);

/// Catalogs loaded while reading one roster, each file read and validated once.
class CatalogCache {
public:
    /// `relative_to`: the directory paths in the roster are relative to; `context`: where
    /// they may lead and how they are read.
    CatalogCache(std::string relative_to, const RosterContext& context);

    /// The catalog `ref` names, or nullptr after reporting why not: an unknown name or an
    /// unreadable file at `ref` in `roster`, the catalog's own problems in the catalog file.
    /// A reference that failed is reported the first time only.
    const Catalog* get(const Doc& roster, const Scalar& ref);

private:
    // The file a catalog path names and its text, or nullopt after reporting why not.
    std::optional<std::pair<std::string, std::string>> read_path(const Doc& roster, const Scalar& ref) const;
    std::optional<std::pair<std::string, std::string>> read_through_context(const Doc& roster, const Scalar& ref) const;

    std::string m_relative_to;
    const RosterContext& m_context;
    std::map<std::string, std::optional<Catalog>> m_by_ref;
};

}  // namespace roles::roster
