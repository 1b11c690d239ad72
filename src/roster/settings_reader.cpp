#include "settings_reader.hpp"

#include <variant>

#include "automation_reader.hpp"
#include "roles/util/text.hpp"

namespace roles::roster {

namespace {

// A threshold: where it lives in Thresholds and which values make sense.
struct ThresholdField {
    std::string key;
    std::variant<double Thresholds::*, int Thresholds::*> member;
    Range range;
};

const Range k_positive = Range::more_than(0);
const Range k_share = Range::at_least(0).and_at_most(1);
const Range k_at_least_one = Range::at_least(1);
const Range k_at_least_zero = Range::at_least(0);

const std::vector<ThresholdField>& threshold_fields() {
    static const std::vector<ThresholdField> fields{
        {"after_hours_ratio", &Thresholds::after_hours_ratio, k_positive},
        {"after_hours_min_commits", &Thresholds::after_hours_min_commits, k_at_least_zero},
        {"recent_days", &Thresholds::recent_days, k_at_least_one},
        {"baseline_days", &Thresholds::baseline_days, k_at_least_one},
        {"long_streak_days", &Thresholds::long_streak_days, k_at_least_one},
        {"rising_load_ratio", &Thresholds::rising_load_ratio, k_positive},
        {"rising_load_min_days", &Thresholds::rising_load_min_days, k_at_least_zero},
        {"commitment_max", &Thresholds::commitment_max, k_positive},
        {"many_hats", &Thresholds::many_hats, k_at_least_one},
        {"sole_holder_hats", &Thresholds::sole_holder_hats, k_at_least_one},
        {"single_point_backup_share", &Thresholds::single_point_backup_share, k_share},
        {"shadowed_share", &Thresholds::shadowed_share, k_share},
        {"min_evidence_items", &Thresholds::min_evidence_items, k_at_least_one},
        {"checkin_goal", &Thresholds::checkin_goal, k_share},
    };
    return fields;
}

void read_threshold(const Doc& doc, const Entry& entry, const ThresholdField& field, Thresholds& thresholds) {
    if (const auto* real = std::get_if<double Thresholds::*>(&field.member)) {
        const auto value = read_number(doc, entry);
        if (value && check_range(doc, entry, *value, field.range)) thresholds.** real = *value;
    } else {
        const auto whole = std::get<int Thresholds::*>(field.member);
        const auto value = read_integer(doc, entry);
        if (value && check_range(doc, entry, *value, field.range)) thresholds.*whole = *value;
    }
}

void read_thresholds(const Doc& doc, const Entry& entry, Thresholds& thresholds) {
    if (!expect_map(doc, entry)) return;
    for (const auto& field : map_entries(doc, entry.value, "in 'thresholds'", threshold_keys())) {
        for (const auto& known : threshold_fields()) {
            if (known.key == field.key) read_threshold(doc, field, known, thresholds);
        }
    }
}

void read_bots(const Doc& doc, const Entry& entry, Roster& roster) {
    const auto globs = read_scalars(doc, entry);
    if (!globs) return;
    for (const auto& glob : *globs) {
        if (util::trim(glob.text).empty()) {
            doc.error(glob.mark, "a bot pattern cannot be empty");
        } else {
            roster.bots.push_back(glob.text);
        }
    }
}

}  // namespace

const std::vector<std::string>& threshold_keys() {
    static const std::vector<std::string> keys = [] {
        std::vector<std::string> out;
        for (const auto& field : threshold_fields()) out.push_back(field.key);
        return out;
    }();
    return keys;
}

void read_settings(const Doc& doc, const std::vector<Entry>& top, Roster& roster) {
    if (const auto* window = find_entry(top, "window")) roster.window = read_duration(doc, *window);
    if (const auto* stale = find_entry(top, "stale_after")) {
        if (const auto duration = read_duration(doc, *stale)) roster.stale_after = *duration;
    }
    if (const auto* bots = find_entry(top, "bots")) read_bots(doc, *bots, roster);
    if (const auto* automation = find_entry(top, "automation")) read_roster_automation(doc, *automation, roster);
    if (const auto* thresholds = find_entry(top, "thresholds")) {
        read_thresholds(doc, *thresholds, roster.thresholds);
    }
}

}  // namespace roles::roster
