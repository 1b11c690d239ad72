#pragma once
// What a cycle report shows at scale (docs/cycles.md, "Reading at scale"): which people the
// hat × person matrix and the load chart have rows for, which names a table cell or a mail
// lists, and how many are left out. Computed here, once, so that every format leaves out
// the same people and says the same "and K more"; renderers only render it.

#include <cstddef>
#include <cstdint>
#include <vector>

namespace roles::engine {

struct CycleReport;  // cycle.hpp

/// How much a short format lists. The defaults are what every format uses.
struct DigestLimits {
    std::size_t workers_per_hat = 3;    ///< matrix columns a hat's work adds, and names in a "who did the work" cell
    std::size_t holders_per_cell = 4;   ///< holders named in a cell
    std::size_t people_per_list = 4;    ///< newcomers and leavers a short format lists
    double meaningful_share = 0.10;     ///< a share of a hat's items that puts a non-holder in the matrix
};

/// A list shown in part: indexes of the items shown, in order, and how many are not.
struct Shown {
    std::vector<std::size_t> items;
    std::uint32_t more = 0;
};

/// One hat's cells: indexes into HatCycle::holders and HatCycle::contributors.
struct HatDigest {
    Shown holders;   ///< the first holders_per_cell current holders
    Shown workers;   ///< the top workers_per_hat contributors (most evidence first)
    /// Whether the hat needs someone: vacant, understaffed, stale, single-point or shadowed.
    bool needs_someone = false;
    /// The asks about this hat (appoint, add-holders, confirm-holders, recognise-holder naming
    /// it first), indexes into report.asks.
    std::vector<std::size_t> asks;
    /// Nobody held it, nobody did its work and nothing changed: the short formats name it in
    /// one line instead of a row.
    bool idle = false;
    /// Worth a line of its own under the short formats' table: it needs someone and no ask
    /// says so, or a change other than the status (a holder added, left or gone quiet, a new
    /// implicit holder).
    bool explain = false;
};

/// The selections of one report. Every index is into the report's own vectors.
struct CycleDigest {
    DigestLimits limits;                    ///< the limits it was made with
    /// Matrix columns, in report.people order: every current holder of a hat, and for each hat
    /// its top workers_per_hat contributors whose share is at least meaningful_share.
    std::vector<std::size_t> matrix_people;
    std::uint32_t matrix_left_out = 0;      ///< people of the report not in the matrix
    /// Load chart rows: people with hat effort above zero (a bar to draw).
    std::vector<std::size_t> load_rows;
    std::uint32_t load_left_out = 0;        ///< people with no hat effort
    /// Load table rows of the short formats (Markdown, text), in report order: people who hold
    /// a hat, have a risk other than none, or had one last cycle. The others (no hat, no
    /// signal) are counted in `load_table.more`.
    Shown load_table;
    std::vector<HatDigest> hats;            ///< parallel to report.hats
    Shown newcomers;                        ///< most commits first, then key
    Shown leavers;                          ///< those still holding hats first, then most previous commits, then key
    std::vector<std::size_t> other_asks;    ///< asks not in any HatDigest::asks, in report order
    /// Check-ins the short formats list, in report order: answers that disagree with the
    /// measured load, then the other too-much and not-enough answers. just-right and
    /// dont-know are only counted (report.checkins).
    std::vector<std::size_t> checkins;
    /// The people behind the truck factor the short formats name (the first workers_per_hat),
    /// indexes into report.truck_factor.people.
    Shown truck_people;
};

/// The digest of a report whose other fields are filled.
[[nodiscard]] CycleDigest digest_cycle(const CycleReport& report, const DigestLimits& limits = {});

}  // namespace roles::engine
