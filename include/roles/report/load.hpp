#pragma once
// Renderers for `roles load`, and the signal wording `roles audit` shares. They format a
// LoadResult; they never compute findings.

#include <string>

#include "roles/engine/burnout.hpp"
#include "roles/engine/load.hpp"
#include "roles/report/audit.hpp"

namespace roles::report {

/// What a load renderer shows.
struct LoadView {
    const engine::LoadResult& result;
    const engine::PersonLoadRow* person = nullptr;  ///< --person: that person's detail only
    Detail detail = Detail::normal;                 ///< text only; quiet keeps people at risk
};

/// A signal with the short figures behind it, as the tables show it: "after-hours 45% vs
/// 20%", "weekend 30% vs 10%", "long-streak 24d", "rising-load 30d vs 12d",
/// "over-committed 1.25", "many-hats 4", "sole-holder 2".
[[nodiscard]] std::string signal_brief(const engine::BurnoutSignals& signals,
                                       const engine::TimeProfile& profile, engine::Signal signal);

/// The signals that are on, each with signal_brief, comma-separated; "-" when none is.
[[nodiscard]] std::string signals_brief(const engine::PersonLoad& load);

/// Without a person: a header, one aligned row per person (person, risk, commitment,
/// effort, capacity, hats with sole ones starred, commits, active days, share, signals)
/// and the thresholds. With a person: their figures, every signal with the test behind
/// it, hour-of-day and weekday histograms (local time), the longest streak and their
/// evidence per hat.
[[nodiscard]] std::string render_load_text(const LoadView& view, Color color);

/// A compact Markdown job summary: the people at high or medium risk with their signals,
/// then (collapsed, left out with Detail::quiet) those with one signal or on the roster; people
/// off the roster without a signal are only counted. With a person: their row, signals and
/// evidence per hat.
[[nodiscard]] std::string render_load_markdown(const LoadView& view);

/// The same facts as JSON with "schema": "roles.load/1"; every person carries the full
/// detail (histograms, streak, evidence per hat); with a person, only that person.
[[nodiscard]] std::string render_load_json(const LoadView& view);

}  // namespace roles::report
