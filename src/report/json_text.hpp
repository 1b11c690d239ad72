#pragma once
// The one way report JSON is serialised (internal to report/).

#include <string>

#include <nlohmann/json.hpp>

namespace roles::report {

/// Two-space indented JSON and a final newline. Bytes that are not valid UTF-8 (author
/// names in old commits often are not) become U+FFFD instead of failing the whole report.
[[nodiscard]] inline std::string json_text(const nlohmann::ordered_json& json) {
    return json.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace roles::report
