#pragma once
// A list the engine's digest cut short, as every cycle format writes it: "a, b, c and 4 more".

#include <cstdint>
#include <string>
#include <vector>

#include "roles/engine/cycle_digest.hpp"

namespace roles::report {

/// "4 more" style tail: "" when nothing was left out.
inline std::string more_words(std::uint32_t more) {
    return more == 0 ? std::string() : " and " + std::to_string(more) + " more";
}

/// The names of the items shown, comma-separated, then " and K more"; `none` when the list
/// is empty. `name(i)` formats the item at index i of the full list.
template <typename Name>
std::string shown_list(const engine::Shown& shown, Name name, const std::string& none) {
    if (shown.items.empty() && shown.more == 0) return none;
    std::string out;
    for (const auto i : shown.items) out += (out.empty() ? "" : ", ") + name(i);
    if (out.empty()) return std::to_string(shown.more) + " people";
    return out + more_words(shown.more);
}

}  // namespace roles::report
