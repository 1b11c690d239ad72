#pragma once
// Typed, position-aware access to yaml-cpp nodes for the roster and catalog loaders.
// Every problem is recorded as "FILE:LINE:COL: message" and reading goes on, so that one
// pass reports everything wrong with a file. Internal to src/roster.

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "roles/roster/roster.hpp"

namespace roles::roster {

/// Problems (errors or warnings) found in one or more files, each with its position.
class Problems {
public:
    /// Records `message` at `pos` (1-based line and column).
    void add(const SourcePos& pos, std::string message);
    [[nodiscard]] bool empty() const { return m_entries.empty(); }
    [[nodiscard]] std::size_t size() const { return m_entries.size(); }
    /// "FILE:LINE:COL: message" lines: files in the order they first had a problem, and
    /// within a file by line then column (the order a reader scans the file in).
    [[nodiscard]] std::vector<std::string> lines() const;

private:
    struct Entry {
        std::size_t file_index;
        SourcePos pos;
        std::string message;
    };
    std::vector<std::string> m_files;
    std::vector<Entry> m_entries;
};

/// The file being read and where its problems go.
struct Doc {
    std::string file;
    Problems& errors;
    Problems& warnings;

    /// Position of a node in this file, 1-based (yaml-cpp marks are 0-based).
    [[nodiscard]] SourcePos pos(const YAML::Mark& mark) const;
    void error(const YAML::Mark& mark, std::string message) const;
    void warn(const YAML::Mark& mark, std::string message) const;
};

/// One `key: value` of a map. `key` is the key's text.
struct Entry {
    std::string key;
    YAML::Node key_node;
    YAML::Node value;

    /// Where a problem with the value is shown: the value, or the key when the value is
    /// empty (yaml-cpp puts an empty value's mark on the next line).
    [[nodiscard]] YAML::Mark value_mark() const;
};

/// A string item read from YAML, with where it was written.
struct Scalar {
    std::string text;
    YAML::Mark mark;
};

/// Parses a whole file. Reports invalid YAML ("invalid YAML: <parser message>" at the parser's
/// position), an empty document ("the KIND is empty" at 1:1) and a top level that is not a map
/// ("expected a map at the top level, got ..."); nullopt after any of those.
[[nodiscard]] std::optional<YAML::Node> load_document(const Doc& doc, const std::string& text,
                                                      std::string_view kind);

/// "1 problem", "3 problems": the cause of an invalid-file error.
[[nodiscard]] std::string problem_count(std::size_t count);

/// "a, b, c".
[[nodiscard]] std::string join(std::span<const std::string> words);

/// " (did you mean 'x'?)" when a candidate is close to `word`, otherwise "".
[[nodiscard]] std::string did_you_mean(std::string_view word, std::span<const std::string> candidates);

/// "a list", "a map", "nothing" or the quoted scalar: what was found instead of the expected.
[[nodiscard]] std::string describe(const YAML::Node& node);

/// The entries of `map` in document order. Duplicate keys are reported ("duplicate key 'k'
/// WHERE (first at L:C)") and only the first is kept. When `allowed` is given, other keys are
/// reported as unknown with a suggestion and left out. `where` reads like "in hat 'ptl'".
[[nodiscard]] std::vector<Entry> map_entries(const Doc& doc, const YAML::Node& map, std::string_view where,
                                             std::optional<std::span<const std::string>> allowed);

/// The entry with this key, if present.
[[nodiscard]] const Entry* find_entry(const std::vector<Entry>& entries, std::string_view key);

/// True when the entry's value is a map or empty (an empty value reads as an empty map);
/// otherwise reports "expected a map for 'KEY', got ...".
[[nodiscard]] bool expect_map(const Doc& doc, const Entry& entry);

/// Typed readers: the value, or nullopt after reporting "expected a number for 'KEY', got ...".
[[nodiscard]] std::optional<std::string> read_string(const Doc& doc, const Entry& entry);
[[nodiscard]] std::optional<double> read_number(const Doc& doc, const Entry& entry);
[[nodiscard]] std::optional<int> read_integer(const Doc& doc, const Entry& entry);
[[nodiscard]] std::optional<bool> read_bool(const Doc& doc, const Entry& entry);
[[nodiscard]] std::optional<Duration> read_duration(const Doc& doc, const Entry& entry);
[[nodiscard]] std::optional<Date> read_date(const Doc& doc, const Entry& entry);

/// A list of strings; a single string reads as a list of one and an empty value as an
/// empty list. Items that are not strings are reported and skipped.
[[nodiscard]] std::optional<std::vector<Scalar>> read_scalars(const Doc& doc, const Entry& entry);
/// The same, texts only.
[[nodiscard]] std::optional<std::vector<std::string>> read_strings(const Doc& doc, const Entry& entry);

/// An allowed interval for a number: Range::more_than(0).and_at_most(1).
class Range {
public:
    [[nodiscard]] static Range at_least(double low) { return Range(low, false); }
    [[nodiscard]] static Range more_than(double low) { return Range(low, true); }
    [[nodiscard]] Range and_at_most(double high) const {
        Range out = *this;
        out.m_high = high;
        return out;
    }

    [[nodiscard]] bool contains(double value) const;
    /// "more than 0 and at most 1", "at least 0".
    [[nodiscard]] std::string text() const;

private:
    Range(double low, bool low_open) : m_low(low), m_low_open(low_open) {}
    double m_low;
    bool m_low_open;
    std::optional<double> m_high;
};

/// Reports "'KEY' must be RANGE, got 'VALUE'" and returns false when out of range.
bool check_range(const Doc& doc, const Entry& entry, double value, const Range& range);

}  // namespace roles::roster
