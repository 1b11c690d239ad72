#pragma once
// Runs the real `roles` binary and captures its exit code, stdout and stderr.

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "support/temp_dir.hpp"

namespace roles::test {

struct RunResult {
    int exit_code = -1;
    std::string out;
    std::string err;
};

/// Single-quotes `text` for /bin/sh.
inline std::string shell_quote(const std::string& text) {
    std::string out = "'";
    for (char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

/// Runs `command` with /bin/sh, NO_COLOR set, stdin closed.
inline RunResult run_shell(const std::string& command) {
    const std::string err_file = make_temp_dir() + "/stderr";
    // The subshell keeps the redirections off the last command of a pipeline in `command`.
    const std::string full = "export NO_COLOR=1; (" + command + ") 2>" + shell_quote(err_file) + " </dev/null";
    FILE* pipe = popen(full.c_str(), "r");
    if (pipe == nullptr) throw std::runtime_error("popen failed: " + full);
    RunResult result;
    std::array<char, 4096> buffer{};
    std::size_t read = 0;
    while ((read = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0) result.out.append(buffer.data(), read);
    const int status = pclose(pipe);
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    std::ifstream err(err_file);
    std::stringstream text;
    text << err.rdbuf();
    result.err = text.str();
    return result;
}

/// Runs the roles binary built next to the tests with `args` (already shell-quoted).
inline RunResult run_roles(const std::string& args) {
    return run_shell(shell_quote(ROLES_BINARY) + " " + args);
}

/// Builds examples/NAME into a fresh temporary directory; returns its path.
inline std::string build_example(const std::string& name, bool with_roster = true) {
    const std::string dest = make_temp_dir() + "/" + name;
    const auto result = run_shell(std::string(with_roster ? "" : "NO_ROSTER=1 ") +
                                  shell_quote(std::string(ROLES_SOURCE_DIR) + "/examples/build.sh") + " " +
                                  shell_quote(name) + " " + shell_quote(dest));
    if (result.exit_code != 0) throw std::runtime_error("building example " + name + " failed: " + result.err);
    return dest;
}

/// The published schemas (schemas/ of the source tree) and their validator.
inline const std::string k_schema_dir = std::string(ROLES_SOURCE_DIR) + "/schemas";
inline const std::string k_schema_validator = std::string(ROLES_SOURCE_DIR) + "/tests/support/validate_json.py";

/// Validates the JSON document `text` with python3-jsonschema's Draft202012Validator against
/// `schema_file`, or, when it is empty, against the schema its "schema" field names
/// ("roles.audit/1": schemas/roles.audit.1.schema.json). Returns the validator's exit code
/// (0 valid, 1 invalid, 2 unreadable) and its messages, one violation a line, in `out`.
inline RunResult validate_against_schema(const std::string& text, const std::string& schema_file = {}) {
    const std::string file = make_temp_dir() + "/document.json";
    std::ofstream(file, std::ios::binary) << text;
    const std::string schema = schema_file.empty() ? shell_quote(k_schema_dir) : "--schema " + shell_quote(schema_file);
    return run_shell("python3 " + shell_quote(k_schema_validator) + " " + schema + " " + shell_quote(file));
}

/// The test fails unless `text` is valid against the schema its "schema" field names.
inline void check_schema(const std::string& text) {
    const auto result = validate_against_schema(text);
    INFO(result.out + result.err);
    CHECK(result.exit_code == 0);
}

/// `text` parsed as JSON; the test fails when it is not JSON or not valid against the schema
/// its "schema" field names ("roles.NAME/1": schemas/roles.NAME.1.schema.json).
inline nlohmann::json parse_json(const std::string& text) {
    auto json = nlohmann::json::parse(text, nullptr, false);
    REQUIRE_FALSE(json.is_discarded());
    check_schema(text);
    return json;
}

/// The first line of a text table that starts with `key` and a space (empty if none).
inline std::string text_row(const std::string& text, const std::string& key) {
    const auto at = text.find('\n' + key + ' ');
    if (at == std::string::npos) return {};
    return text.substr(at + 1, text.find('\n', at + 1) - at - 1);
}

}  // namespace roles::test
