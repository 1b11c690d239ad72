#pragma once
// Temporary directories for tests: removed when the test case that made them passed, kept
// (and their path printed on stderr) when it failed, so a failing fixture can be inspected.

#include <string>
#include <vector>

namespace roles::test {

/// Creates a fresh directory under $TMPDIR (or /tmp) and registers it for cleanup at the
/// end of the current test case. Throws std::runtime_error when it cannot be created.
[[nodiscard]] std::string make_temp_dir();

/// The directories registered since the last call, in creation order (used by the Catch2
/// listener in temp_dir.cpp).
[[nodiscard]] std::vector<std::string> take_temp_dirs();

}  // namespace roles::test
