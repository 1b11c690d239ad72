#pragma once
// Renderers for `roles whatif`. They format a WhatIfResult; they never compute.

#include <string>
#include <vector>

#include "roles/engine/whatif.hpp"
#include "roles/report/audit.hpp"

namespace roles::report {

/// A what-if result and the gate verdict decided by the caller.
struct WhatIfView {
    const engine::WhatIfResult& result;
    std::vector<std::string> fail_on;  ///< the --fail-on values as given
    std::vector<std::string> failed;   ///< "SUBJECT: hat" (program "SUBJECT: project/hat") for every case
    Detail detail = Detail::normal;
};

/// Text: for --without, the one departure in full (hats before → after, project health
/// before → after with the files and areas left without an author, where each hat's work
/// lands); for --without-each, a table of every case, worst first, then the cases that fail
/// the gate (at least the worst one; -v: all) in full. Quiet: the failing cases' rows only.
/// Ends with the gate line.
[[nodiscard]] std::string render_whatif_text(const WhatIfView& view, Color color);

/// The same as GitHub-flavoured Markdown (a CI job summary or a pull-request comment).
[[nodiscard]] std::string render_whatif_markdown(const WhatIfView& view);

/// Every case in full as JSON with "schema": "roles.whatif/1".
[[nodiscard]] std::string render_whatif_json(const WhatIfView& view);

}  // namespace roles::report
