#pragma once
// Writing the roster `roles init` drafted (docs/roster-format.md, "Drafting a roster"): the
// roster writer's YAML with comments saying where each proposal comes from. Nothing is
// decided here; the engine's InitDraft says who is proposed and why.

#include <string>
#include <vector>

#include "roles/engine/init.hpp"
#include "roles/util/error.hpp"

namespace roles::report {

/// What the draft renderer shows.
struct InitView {
    const engine::InitDraft& draft;
    std::string repository;  ///< how the header names the repository analysed
};

/// The drafted roster as YAML (roster::write_roster, yaml-cpp's emitter), with a header of
/// comments (window, catalog and why, hats left without a holder and why, imported files,
/// tools left out, what to do next), each proposed hat's holders followed by a comment
/// giving their share of its evidence, and every person's `capacity: 1.0` marked as a
/// placeholder. Fails only when the roster's catalogs cannot be loaded.
[[nodiscard]] util::Expected<std::string> render_init_yaml(const InitView& view);

/// The lines `roles init` prints on stderr once the draft is written to `written_to`: a
/// summary (hats with proposed holders, people, imports) and the next steps.
[[nodiscard]] std::vector<std::string> init_summary(const InitView& view, const std::string& written_to);

}  // namespace roles::report
