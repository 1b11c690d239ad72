#include "project_builder.hpp"

#include <algorithm>
#include <set>
#include <string_view>
#include <tuple>

#include "hat_reader.hpp"
#include "roles/util/text.hpp"

namespace roles::roster {

namespace {

const std::vector<std::string> k_holder_keys{"person", "since", "until"};

// What one `hats:` entry is checked against.
struct HatContext {
    const std::map<std::string, Person>& people;
    std::vector<std::string> person_keys;
    std::vector<std::string> known_hats;  ///< catalog hats and every id the roster mentions
    bool catalogs_complete = true;        ///< false when a catalog failed: ids may be missing
};

Hat* find_hat(std::vector<Hat>& hats, std::string_view id) {
    const auto found =
        std::find_if(hats.begin(), hats.end(), [&](const Hat& hat) { return hat.def.id == id; });
    return found == hats.end() ? nullptr : &*found;
}

std::vector<Hat> merge_catalogs(const Doc& doc, const ProjectInput& input, CatalogCache& catalogs,
                                bool& complete) {
    std::vector<Hat> hats;
    std::vector<const Catalog*> merged;
    for (const auto& ref : input.catalogs) {
        const Catalog* catalog = catalogs.get(doc, ref);
        if (catalog == nullptr) {
            complete = false;
            continue;
        }
        if (std::find(merged.begin(), merged.end(), catalog) != merged.end()) {
            doc.warn(ref.mark, "catalog " + util::quoted(ref.text) + " is listed twice");
            continue;
        }
        merged.push_back(catalog);
        for (const auto& def : catalog->hats) {
            if (Hat* earlier = find_hat(hats, def.id)) {
                doc.warn(ref.mark, "hat " + util::quoted(def.id) + " of catalog " +
                                       util::quoted(catalog->name) + " replaces the one of catalog " +
                                       util::quoted(earlier->def.catalog));
                earlier->def = def;
                earlier->pos = def.pos;
            } else {
                hats.push_back(Hat{def, {}, HolderSource::unlisted, {}, def.pos});
            }
        }
    }
    return hats;
}

void check_person(const Doc& doc, const Scalar& person, const std::string& hat, const HatContext& context) {
    if (context.people.contains(person.text)) return;
    auto hint = did_you_mean(person.text, context.person_keys);
    if (hint.empty()) hint = " (not in 'people')";
    doc.error(person.mark,
              "unknown person " + util::quoted(person.text) + " in holders of " + util::quoted(hat) + hint);
}

// `{person: elod, since: 2025-03-01, until: 2025-09-30}`
std::optional<Holder> read_holder_map(const Doc& doc, const YAML::Node& item, const std::string& hat,
                                      const HatContext& context) {
    const auto entries = map_entries(doc, item, "in a holder of " + util::quoted(hat), k_holder_keys);
    const auto* person = find_entry(entries, "person");
    if (person == nullptr) {
        doc.error(item.Mark(), "missing 'person' in a holder of " + util::quoted(hat));
        return std::nullopt;
    }
    auto key = read_string(doc, *person);
    if (!key) return std::nullopt;
    check_person(doc, Scalar{*key, person->value.Mark()}, hat, context);
    Holder holder{*key, std::nullopt, std::nullopt, doc.pos(item.Mark())};
    const auto* since = find_entry(entries, "since");
    const auto* until = find_entry(entries, "until");
    if (since != nullptr) holder.since = read_date(doc, *since);
    if (until != nullptr) holder.until = read_date(doc, *until);
    if (holder.since && holder.until && *holder.since > *holder.until) {
        doc.error(since->value.Mark(), "since " + util::quoted(since->value.Scalar()) + " is after until " +
                                           util::quoted(until->value.Scalar()));
    }
    // A term that did not parse would read as "no term" and pass for another seat.
    const bool bad_term = (since != nullptr && !holder.since) || (until != nullptr && !holder.until);
    if (bad_term) return std::nullopt;
    return holder;
}

// The same person with the same term twice would count twice towards `min`. One ordered set
// of the terms seen: linear in the holders (up to the log), where comparing each holder with
// every earlier one made 50,000 holders of one hat take seconds.
void check_duplicate_holders(const Doc& doc, const std::vector<Holder>& holders, const std::string& hat) {
    using Term = std::tuple<std::string_view, std::optional<Date>, std::optional<Date>>;
    std::set<Term> seen;
    for (const auto& holder : holders) {
        if (!seen.emplace(holder.person, holder.since, holder.until).second) {
            doc.errors.add(holder.pos,
                           util::quoted(holder.person) + " is listed twice in holders of " + util::quoted(hat));
        }
    }
}

std::vector<Holder> read_holders(const Doc& doc, const Entry& entry, const std::string& hat,
                                 const HatContext& context) {
    std::vector<Holder> holders;
    if (entry.value.IsScalar()) {  // `holders: gibi` reads as a list of one
        check_person(doc, Scalar{entry.value.Scalar(), entry.value.Mark()}, hat, context);
        holders.push_back(
            Holder{entry.value.Scalar(), std::nullopt, std::nullopt, doc.pos(entry.value.Mark())});
        return holders;
    }
    if (!entry.value.IsSequence() && !entry.value.IsNull()) {
        doc.error(entry.value_mark(),
                  "expected a list of people for 'holders', got " + describe(entry.value));
        return holders;
    }
    for (const auto& item : entry.value) {
        if (item.IsScalar()) {
            check_person(doc, Scalar{item.Scalar(), item.Mark()}, hat, context);
            holders.push_back(Holder{item.Scalar(), std::nullopt, std::nullopt, doc.pos(item.Mark())});
        } else if (item.IsMap()) {
            if (auto holder = read_holder_map(doc, item, hat, context)) holders.push_back(std::move(*holder));
        } else {
            doc.error(item.Mark(), "expected a person key or {person, since, until} in holders of " +
                                       util::quoted(hat) + ", got " + describe(item));
        }
    }
    check_duplicate_holders(doc, holders, hat);
    return holders;
}

// A hat in no catalog: a project hat when it has a title, otherwise most likely a typo.
Hat* define_project_hat(const Doc& doc, const Entry& entry, const std::vector<Entry>& fields,
                        std::vector<Hat>& hats, const HatContext& context) {
    // Only catalog hats are typo candidates: comparing with the project's own hats defined
    // just before would flag every family of similar names (server-crd-, server-sdk-...).
    std::vector<std::string> catalog_ids;
    for (const auto& hat : hats) {
        if (!hat.def.catalog.empty()) catalog_ids.push_back(hat.def.id);
    }
    const auto hint = did_you_mean(entry.key, catalog_ids);
    if (find_entry(fields, "title") == nullptr) {
        if (context.catalogs_complete) {
            doc.error(entry.key_node.Mark(),
                      "unknown hat " + util::quoted(entry.key) +
                          (hint.empty() ? " (a hat that is in no catalog needs a 'title')" : hint));
        }
        return nullptr;
    }
    if (!hint.empty()) {
        doc.warn(entry.key_node.Mark(), "hat " + util::quoted(entry.key) +
                                            " is in no catalog and is defined here as a project hat" + hint);
    }
    HatDef def;
    def.id = entry.key;
    def.pos = doc.pos(entry.key_node.Mark());
    hats.push_back(Hat{std::move(def), {}, HolderSource::unlisted, {}, {}});
    return &hats.back();
}

void warn_unchanged(const Doc& doc, const std::vector<Entry>& fields, const HatDef& before,
                    const HatDef& after) {
    for (const auto& field : fields) {
        if (field.key == "holders" || !same_field(before, after, field.key)) continue;
        doc.warn(field.key_node.Mark(), util::quoted(field.key) + " of hat " + util::quoted(after.id) +
                                            " is the same as in catalog " + util::quoted(after.catalog));
    }
}

// An unknown hat is reported, and so is everything wrong inside it (a bad `min`, an unknown
// holder): one run of `roles validate` lists every problem, each at its FILE:LINE:COL.
void check_unknown_hat(const Doc& doc, const Entry& entry, const std::vector<Entry>& fields,
                       const HatContext& context) {
    HatDef scratch;
    scratch.id = entry.key;
    read_hat_fields(doc, fields, scratch, context.known_hats);
    if (const auto* holders = find_entry(fields, "holders")) (void)read_holders(doc, *holders, entry.key, context);
}

void apply_hat_entry(const Doc& doc, const Entry& entry, std::vector<Hat>& hats, const HatContext& context) {
    if (!check_hat_id(doc, entry) || !expect_map(doc, entry)) return;
    const auto fields =
        entry.value.IsMap()
            ? map_entries(doc, entry.value, "in hat " + util::quoted(entry.key), roster_hat_keys())
            : std::vector<Entry>{};
    Hat* hat = find_hat(hats, entry.key);
    const bool from_catalog = hat != nullptr;
    if (hat == nullptr) hat = define_project_hat(doc, entry, fields, hats, context);
    if (hat == nullptr) {
        check_unknown_hat(doc, entry, fields, context);
        return;
    }
    const HatDef before = hat->def;
    read_hat_fields(doc, fields, hat->def, context.known_hats);
    if (from_catalog) warn_unchanged(doc, fields, before, hat->def);
    hat->pos = doc.pos(entry.key_node.Mark());
    if (const auto* holders = find_entry(fields, "holders")) {
        hat->holders = read_holders(doc, *holders, entry.key, context);
        hat->source = HolderSource::listed;
    }
}

void apply_roster_hats(const Doc& doc, const Entry& hats_entry, std::vector<Hat>& hats, HatContext& context) {
    if (!expect_map(doc, hats_entry)) return;
    const auto entries = map_entries(doc, hats_entry.value, "in 'hats'", std::nullopt);
    for (const auto& hat : hats) context.known_hats.push_back(hat.def.id);
    for (const auto& entry : entries) context.known_hats.push_back(entry.key);
    for (const auto& entry : entries) apply_hat_entry(doc, entry, hats, context);
}

}  // namespace

Project build_project(const Doc& doc, const ProjectInput& input, const std::map<std::string, Person>& people,
                      CatalogCache& catalogs) {
    HatContext context{people, {}, {}, true};
    for (const auto& [key, person] : people) context.person_keys.push_back(key);
    Project project{input.name, input.repos, {}, input.pos};
    project.hats = merge_catalogs(doc, input, catalogs, context.catalogs_complete);
    if (input.hats != nullptr) apply_roster_hats(doc, *input.hats, project.hats, context);
    apply_fallbacks(project.hats);
    return project;
}

void apply_fallbacks(std::vector<Hat>& hats) {
    for (std::size_t h = 0; h < hats.size(); ++h) {
        for (const auto& target_id : hats[h].def.fallback_for) {
            Hat* target = find_hat(hats, target_id);
            if (target == nullptr || target->source != HolderSource::unlisted) continue;
            target->holders = hats[h].holders;
            target->source = HolderSource::fallback;
            target->fallback_from = hats[h].def.id;
        }
    }
}

}  // namespace roles::roster
