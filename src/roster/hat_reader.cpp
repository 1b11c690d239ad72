#include "hat_reader.hpp"

#include <algorithm>
#include <cctype>

#include <re2/re2.h>

#include "roles/util/text.hpp"

namespace roles::roster {

namespace {

const std::vector<std::string> k_evidence_keys{"paths",    "message",  "trailers",       "credit_trailers",
                                               "tags",     "activity", "exclude_message"};

std::string kebab_suggestion(std::string_view id) {
    std::string out;
    for (unsigned char c : id) {
        if (std::isalnum(c)) {
            out.push_back(static_cast<char>(std::tolower(c)));
        } else if (!out.empty() && out.back() != '-') {
            out.push_back('-');  // '_', ' ', '.' and repeated dashes become one dash
        }
    }
    while (!out.empty() && out.back() == '-') out.pop_back();
    return out;
}

std::string in_hat(const HatDef& def) {
    return "of hat " + util::quoted(def.id);
}

// RE2 is what the engine matches with, so a pattern RE2 refuses would fail later anyway.
void check_regexes(const Doc& doc, const std::vector<Scalar>& patterns, const HatDef& def) {
    RE2::Options options;
    options.set_log_errors(false);  // library code never prints; the error goes in the report
    for (const auto& pattern : patterns) {
        const RE2 regex(pattern.text, options);
        if (!regex.ok()) {
            doc.error(pattern.mark, "invalid regular expression " + util::quoted(pattern.text) +
                                        " in evidence " + in_hat(def) + ": " + regex.error());
        }
    }
}

// Trailer keys are single tokens ("Closes-Bug"); a space or colon means a typo'd rule.
void check_trailer_keys(const Doc& doc, const std::vector<Scalar>& keys) {
    for (const auto& key : keys) {
        const bool bad = key.text.empty() || key.text.find_first_of(" \t:") != std::string::npos;
        if (bad) {
            doc.error(key.mark, "invalid trailer key " + util::quoted(key.text) +
                                    " (a trailer key has no spaces or colons, e.g. 'Closes-Bug')");
        }
    }
}

// libgit2's pathspec accepts almost anything, so only the mistakes it would silently accept
// are caught: an empty glob matches nothing, and '!' is literal rather than a negation.
void check_globs(const Doc& doc, const std::vector<Scalar>& globs) {
    for (const auto& glob : globs) {
        if (util::trim(glob.text).empty()) {
            doc.error(glob.mark, "a path glob cannot be empty");
        } else if (glob.text.front() == '!') {
            doc.error(glob.mark, "negated glob " + util::quoted(glob.text) + " is not supported");
        }
    }
}

std::vector<std::string> texts(const std::vector<Scalar>& items) {
    std::vector<std::string> out;
    for (const auto& item : items) out.push_back(item.text);
    return out;
}

// `activity: [authored, committed, ...]`: each a kind name, listed once.
std::vector<ActivityKind> read_activity_kinds(const Doc& doc, const std::vector<Scalar>& items, const HatDef& def) {
    std::vector<ActivityKind> kinds;
    for (const auto& item : items) {
        const auto kind = parse_activity_kind(item.text);
        if (!kind) {
            doc.error(item.mark, "unknown activity kind " + util::quoted(item.text) + " in evidence " + in_hat(def) +
                                     did_you_mean(item.text, activity_kind_names()));
        } else if (std::ranges::find(kinds, *kind) != kinds.end()) {
            doc.error(item.mark, "activity kind " + util::quoted(item.text) + " listed twice in evidence " + in_hat(def));
        } else {
            kinds.push_back(*kind);
        }
    }
    return kinds;
}

void read_evidence_entry(const Doc& doc, const Entry& entry, const HatDef& def, EvidenceRules& rules) {
    if (entry.key == "tags") {
        if (auto tags = read_bool(doc, entry)) rules.tags = *tags;
        return;
    }
    const auto items = read_scalars(doc, entry);
    if (!items) return;
    if (entry.key == "activity") rules.activity = read_activity_kinds(doc, *items, def);
    if (entry.key == "exclude_message") {
        check_regexes(doc, *items, def);
        rules.exclude_message = texts(*items);
    }
    if (entry.key == "paths") {
        check_globs(doc, *items);
        rules.paths = texts(*items);
    }
    if (entry.key == "message") {
        check_regexes(doc, *items, def);
        rules.message = texts(*items);
    }
    if (entry.key == "trailers" || entry.key == "credit_trailers") {
        check_trailer_keys(doc, *items);
        (entry.key == "trailers" ? rules.trailers : rules.credit_trailers) = texts(*items);
    }
}

void read_evidence(const Doc& doc, const Entry& entry, HatDef& def) {
    if (!expect_map(doc, entry)) return;
    EvidenceRules rules;  // an override replaces the whole rule set, never merges into it
    for (const auto& field : map_entries(doc, entry.value, "in evidence " + in_hat(def), k_evidence_keys)) {
        read_evidence_entry(doc, field, def, rules);
    }
    def.evidence = std::move(rules);
}

void read_fallbacks(const Doc& doc, const Entry& entry, HatDef& def,
                    std::span<const std::string> known_hats) {
    const auto items = read_scalars(doc, entry);
    if (!items) return;
    def.fallback_for.clear();
    for (const auto& item : *items) {
        if (item.text == def.id) {
            doc.error(item.mark, "hat " + util::quoted(def.id) + " cannot be a fallback for itself");
        } else if (std::find(known_hats.begin(), known_hats.end(), item.text) == known_hats.end()) {
            doc.error(item.mark, "unknown hat " + util::quoted(item.text) + " in 'fallback_for' " +
                                     in_hat(def) + did_you_mean(item.text, known_hats));
        } else {
            def.fallback_for.push_back(item.text);
        }
    }
}

void read_numbers(const Doc& doc, const Entry& entry, HatDef& def) {
    if (entry.key == "min") {
        const auto min = read_integer(doc, entry);
        if (min && check_range(doc, entry, *min, Range::at_least(0))) def.min = *min;
    } else if (entry.key == "effort") {
        const auto effort = read_number(doc, entry);
        if (effort && check_range(doc, entry, *effort, Range::at_least(0).and_at_most(1))) {
            def.effort = *effort;
        }
    } else if (entry.key == "required") {
        if (const auto required = read_bool(doc, entry)) def.required = *required;
    }
}

}  // namespace

const std::vector<std::string>& hat_def_keys() {
    static const std::vector<std::string> keys{"title",  "description", "min",      "required",
                                               "effort", "area",        "evidence", "fallback_for"};
    return keys;
}

const std::vector<std::string>& roster_hat_keys() {
    static const std::vector<std::string> keys = [] {
        auto all = hat_def_keys();
        all.emplace_back("holders");
        return all;
    }();
    return keys;
}

bool is_kebab_case(std::string_view id) {
    if (id.empty() || id.front() == '-' || id.back() == '-') return false;
    for (std::size_t i = 0; i < id.size(); ++i) {
        const char c = id[i];
        const bool word = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if (!word && !(c == '-' && id[i - 1] != '-')) return false;
    }
    return true;
}

bool check_hat_id(const Doc& doc, const Entry& hat) {
    if (is_kebab_case(hat.key)) return true;
    const auto suggestion = kebab_suggestion(hat.key);
    doc.error(hat.key_node.Mark(),
              "hat id " + util::quoted(hat.key) + " is not kebab-case" +
                  (suggestion.empty() ? std::string(" (use lowercase words joined by dashes)")
                                      : " (try " + util::quoted(suggestion) + ")"));
    return false;
}

std::string default_title(std::string_view id) {
    std::string title(id);
    std::replace(title.begin(), title.end(), '-', ' ');
    if (!title.empty())
        title.front() = static_cast<char>(std::toupper(static_cast<unsigned char>(title.front())));
    return title;
}

void read_hat_fields(const Doc& doc, const std::vector<Entry>& entries, HatDef& def,
                     std::span<const std::string> known_hats) {
    for (const auto& entry : entries) {
        if (entry.key == "title" || entry.key == "description") {
            if (auto text = read_string(doc, entry)) {
                (entry.key == "title" ? def.title : def.description) = std::move(*text);
            }
        } else if (entry.key == "area") {
            if (const auto globs = read_scalars(doc, entry)) {
                check_globs(doc, *globs);
                def.area = texts(*globs);
            }
        } else if (entry.key == "evidence") {
            read_evidence(doc, entry, def);
        } else if (entry.key == "fallback_for") {
            read_fallbacks(doc, entry, def, known_hats);
        } else {
            read_numbers(doc, entry, def);
        }
    }
}

bool same_field(const HatDef& a, const HatDef& b, std::string_view key) {
    if (key == "title") return a.title == b.title;
    if (key == "description") return a.description == b.description;
    if (key == "min") return a.min == b.min;
    if (key == "required") return a.required == b.required;
    if (key == "effort") return a.effort == b.effort;
    if (key == "area") return a.area == b.area;
    if (key == "fallback_for") return a.fallback_for == b.fallback_for;
    if (key == "evidence") {
        return a.evidence == b.evidence;
    }
    return false;
}

}  // namespace roles::roster
