#pragma once
// Validates SARIF with tests/support/check_sarif_github.py: the official SARIF 2.1.0 schema
// (tests/data/sarif-schema-2.1.0.json, OASIS) and GitHub code scanning's upload rules.

#include <fstream>
#include <string>

#include "e2e/run_binary.hpp"

namespace roles::test {

inline const std::string k_sarif_schema = std::string(ROLES_SOURCE_DIR) + "/tests/data/sarif-schema-2.1.0.json";
inline const std::string k_sarif_checker = std::string(ROLES_SOURCE_DIR) + "/tests/support/check_sarif_github.py";

/// The checker's verdict on the SARIF document `text`: exit 0 valid, 1 with one problem a
/// line in `out`, 2 unreadable.
inline RunResult check_sarif(const std::string& text) {
    const std::string file = make_temp_dir() + "/roles.sarif";
    std::ofstream(file, std::ios::binary) << text;
    return run_shell("python3 " + shell_quote(k_sarif_checker) + " " + shell_quote(k_sarif_schema) + " " +
                     shell_quote(file));
}

}  // namespace roles::test
