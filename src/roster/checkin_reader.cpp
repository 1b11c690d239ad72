// A person's `checkins:` (docs/roster-format.md, "Check-ins"): a list of
// {date: YYYY-MM-DD, answer: not-enough|just-right|too-much|dont-know, note: text}.
#include <algorithm>
#include <array>

#include "people_reader.hpp"
#include "roles/util/text.hpp"

namespace roles::roster {
namespace {

const std::vector<std::string> k_checkin_keys{"date", "answer", "note"};
const std::vector<std::string> k_answers{"not-enough", "just-right", "too-much", "dont-know"};

std::optional<CheckinAnswer> read_answer(const Doc& doc, const Entry& entry) {
    const auto text = read_string(doc, entry);
    if (!text) return std::nullopt;
    for (std::size_t i = 0; i < k_answers.size(); ++i) {
        if (*text == k_answers[i]) return static_cast<CheckinAnswer>(i);
    }
    doc.error(entry.value_mark(), "invalid answer " + util::quoted(*text) +
                                      " (expected not-enough, just-right, too-much or dont-know)" +
                                      did_you_mean(*text, k_answers));
    return std::nullopt;
}

std::optional<Checkin> read_checkin(const Doc& doc, const YAML::Node& item, const std::string& person) {
    if (!item.IsMap()) {
        doc.error(item.Mark(), "expected a map with 'date' and 'answer' for a check-in of " + util::quoted(person) +
                                   ", got " + describe(item));
        return std::nullopt;
    }
    Checkin checkin;
    checkin.pos = doc.pos(item.Mark());
    bool dated = false;
    bool answered = false;
    bool valid = true;
    for (const auto& field : map_entries(doc, item, "in a check-in of " + util::quoted(person), k_checkin_keys)) {
        if (field.key == "date") {
            const auto date = read_date(doc, field);
            if (date) checkin.date = *date;
            dated = true;
            valid = valid && date.has_value();
        } else if (field.key == "answer") {
            const auto answer = read_answer(doc, field);
            if (answer) checkin.answer = *answer;
            answered = true;
            valid = valid && answer.has_value();
        } else if (auto note = read_string(doc, field)) {
            checkin.note = std::move(*note);
        }
    }
    if (!dated) doc.error(item.Mark(), "a check-in of " + util::quoted(person) + " needs a 'date'");
    if (!answered) doc.error(item.Mark(), "a check-in of " + util::quoted(person) + " needs an 'answer'");
    if (!dated || !answered || !valid) return std::nullopt;
    return checkin;
}

}  // namespace

std::vector<Checkin> read_checkins(const Doc& doc, const Entry& entry, const std::string& person) {
    std::vector<Checkin> out;
    if (entry.value.IsNull()) return out;
    if (!entry.value.IsSequence()) {
        doc.error(entry.value_mark(), "expected a list of check-ins for 'checkins', got " + describe(entry.value));
        return out;
    }
    for (const auto& item : entry.value) {
        if (auto checkin = read_checkin(doc, item, person)) out.push_back(std::move(*checkin));
    }
    std::ranges::stable_sort(out, {}, &Checkin::date);
    for (std::size_t i = 1; i < out.size(); ++i) {
        if (out[i].date == out[i - 1].date) {
            doc.errors.add(out[i].pos, "two check-ins of " + util::quoted(person) + " on the same day");
        }
    }
    return out;
}

std::string_view to_string(CheckinAnswer answer) {
    static constexpr std::array<std::string_view, 4> k_names{"not-enough", "just-right", "too-much", "dont-know"};
    return k_names[static_cast<std::size_t>(answer)];
}

}  // namespace roles::roster
