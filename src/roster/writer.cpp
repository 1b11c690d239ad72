// Roster -> roster YAML. The document is built as a yaml-cpp node tree (maps keep insertion
// order) and written by YAML::Emitter, which decides quoting; numbers are turned into text
// first so that 0.1 is written "0.1", not "0.10000000000000001".

#include "roles/roster/writer.hpp"

#include <algorithm>
#include <filesystem>
#include <map>
#include <variant>

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include "hat_reader.hpp"
#include "roles/roster/automation.hpp"
#include "roles/roster/loader.hpp"
#include "roles/util/text.hpp"
#include "roles/util/time.hpp"

namespace roles::roster {

namespace {

// The catalogs the roster's hats came from, loaded to diff hats against.
class CatalogIndex {
public:
    explicit CatalogIndex(std::string base) : m_base(std::move(base)) {}

    /// Loads the top-level references; remembers which name each one carries.
    util::Expected<std::vector<std::string>> load_refs(const std::vector<std::string>& refs) {
        std::vector<std::string> names;
        for (const auto& ref : refs) {
            auto catalog = load_catalog(ref, m_base);
            if (!catalog) return std::unexpected(catalog.error());
            m_ref_by_name.emplace(catalog->name, ref);
            names.push_back(catalog->name);
            m_by_name.emplace(catalog->name, std::move(*catalog));
        }
        return names;
    }

    /// The definition of `id` in catalog `name` (a built-in, unless a top-level ref named it).
    util::Expected<const HatDef*> def(const std::string& name, const std::string& id) {
        auto it = m_by_name.find(name);
        if (it == m_by_name.end()) {
            auto catalog = load_catalog(name, m_base);
            if (!catalog) return std::unexpected(catalog.error());
            it = m_by_name.emplace(name, std::move(*catalog)).first;
        }
        for (const auto& def : it->second.hats) {
            if (def.id == id) return &def;
        }
        return util::fail(util::ErrorKind::input, "writing roster",
                          "hat " + util::quoted(id) + " is not in catalog " + util::quoted(name));
    }

    /// How a project's catalog list names `name`: the top-level reference, else the name.
    [[nodiscard]] std::string ref_for(const std::string& name) const {
        const auto it = m_ref_by_name.find(name);
        return it == m_ref_by_name.end() ? name : it->second;
    }

private:
    std::string m_base;
    std::map<std::string, Catalog> m_by_name;
    std::map<std::string, std::string> m_ref_by_name;
};

std::string number(double value) { return fmt::format("{}", value); }

std::string days(const Duration& duration) { return fmt::format("{}d", duration.days); }

YAML::Node flow_list(const std::vector<std::string>& items) {
    YAML::Node node(YAML::NodeType::Sequence);
    for (const auto& item : items) node.push_back(item);
    node.SetStyle(YAML::EmitterStyle::Flow);
    return node;
}

YAML::Node block_list(const std::vector<std::string>& items) {
    YAML::Node node(YAML::NodeType::Sequence);
    for (const auto& item : items) node.push_back(item);
    return node;
}

YAML::Node evidence_node(const EvidenceRules& rules) {
    YAML::Node node(YAML::NodeType::Map);
    if (!rules.paths.empty()) node["paths"] = block_list(rules.paths);
    if (!rules.message.empty()) node["message"] = flow_list(rules.message);
    if (!rules.trailers.empty()) node["trailers"] = flow_list(rules.trailers);
    if (!rules.credit_trailers.empty()) node["credit_trailers"] = flow_list(rules.credit_trailers);
    if (rules.tags) node["tags"] = "true";
    if (!rules.activity.empty()) {
        std::vector<std::string> kinds;
        for (const auto kind : rules.activity) kinds.emplace_back(to_string(kind));
        node["activity"] = flow_list(kinds);
    }
    if (!rules.exclude_message.empty()) node["exclude_message"] = flow_list(rules.exclude_message);
    if (node.size() == 0) node.SetStyle(YAML::EmitterStyle::Flow);  // `evidence: {}`
    return node;
}

// The fields of `def` that differ from `base`, in the order a catalog writes them.
void write_differences(YAML::Node& node, const HatDef& def, const HatDef& base) {
    if (def.title != base.title) node["title"] = def.title;
    if (def.description != base.description) node["description"] = def.description;
    if (def.required != base.required) node["required"] = def.required ? "true" : "false";
    if (def.min != base.min) node["min"] = std::to_string(def.min);
    if (def.effort != base.effort) node["effort"] = number(def.effort);
    if (def.area != base.area) node["area"] = block_list(def.area);
    if (!same_field(def, base, "evidence")) node["evidence"] = evidence_node(def.evidence);
    if (def.fallback_for != base.fallback_for) node["fallback_for"] = flow_list(def.fallback_for);
}

YAML::Node holders_node(const std::vector<Holder>& holders) {
    const bool plain = std::none_of(holders.begin(), holders.end(), [](const Holder& h) { return h.since || h.until; });
    YAML::Node node(YAML::NodeType::Sequence);
    for (const auto& holder : holders) {
        if (plain) {
            node.push_back(holder.person);
            continue;
        }
        YAML::Node term(YAML::NodeType::Map);
        term["person"] = holder.person;
        if (holder.since) term["since"] = util::format_date(holder.since->seconds());
        if (holder.until) term["until"] = util::format_date(holder.until->seconds());
        term.SetStyle(YAML::EmitterStyle::Flow);
        node.push_back(term);
    }
    if (plain) node.SetStyle(YAML::EmitterStyle::Flow);
    return node;
}

// One entry of `hats:`, or a null node when the hat needs no entry.
util::Expected<YAML::Node> hat_node(const Hat& hat, CatalogIndex& catalogs) {
    YAML::Node node(YAML::NodeType::Map);
    if (hat.def.catalog.empty()) {
        node["title"] = hat.def.title.empty() ? default_title(hat.def.id) : hat.def.title;
        HatDef defaults;
        defaults.title = node["title"].as<std::string>();
        write_differences(node, hat.def, defaults);
    } else {
        auto base = catalogs.def(hat.def.catalog, hat.def.id);
        if (!base) return std::unexpected(base.error());
        write_differences(node, hat.def, **base);
    }
    if (hat.source == HolderSource::listed) node["holders"] = holders_node(hat.holders);
    if (node.size() == 0) return YAML::Node{};
    return node;
}

util::Expected<YAML::Node> hats_node(const Project& project, CatalogIndex& catalogs) {
    YAML::Node node(YAML::NodeType::Map);
    for (const auto& hat : project.hats) {
        auto entry = hat_node(hat, catalogs);
        if (!entry) return std::unexpected(entry.error());
        if (!entry->IsNull()) node.force_insert(hat.def.id, *entry);
    }
    return node;
}

std::vector<std::string> project_catalog_names(const Project& project) {
    std::vector<std::string> names;
    for (const auto& hat : project.hats) {
        const auto& name = hat.def.catalog;
        if (!name.empty() && std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
    }
    return names;
}

util::Expected<YAML::Node> project_node(const Project& project, const std::vector<std::string>& top_names,
                                        CatalogIndex& catalogs) {
    YAML::Node node(YAML::NodeType::Map);
    if (const auto names = project_catalog_names(project); names != top_names) {
        std::vector<std::string> refs;
        for (const auto& name : names) refs.push_back(catalogs.ref_for(name));
        node["catalogs"] = flow_list(refs);
    }
    if (!project.repos.empty()) node["repos"] = block_list(project.repos);
    auto hats = hats_node(project, catalogs);
    if (!hats) return std::unexpected(hats.error());
    if (hats->size() > 0) node["hats"] = *hats;
    return node;
}

YAML::Node person_node(const Person& person, CapacityOutput capacity) {
    YAML::Node node(YAML::NodeType::Map);
    node["name"] = person.name;
    if (!person.emails.empty()) node["emails"] = flow_list(person.emails);
    if (!person.aliases.empty()) node["aliases"] = flow_list(person.aliases);
    if (!person.logins.empty()) node["logins"] = flow_list(person.logins);
    if (person.affiliation) node["affiliation"] = *person.affiliation;
    if (person.capacity != 1.0) {
        node["capacity"] = number(person.capacity);
    } else if (capacity == CapacityOutput::always) {
        node["capacity"] = "1.0";
    }
    if (person.timezone) node["timezone"] = *person.timezone;
    return node;
}

// Thresholds that differ from the defaults, under the keys settings_reader reads.
YAML::Node thresholds_node(const Thresholds& t) {
    using Member = std::variant<double Thresholds::*, int Thresholds::*>;
    static const std::vector<std::pair<std::string, Member>> k_fields{
        {"after_hours_ratio", &Thresholds::after_hours_ratio},
        {"after_hours_min_commits", &Thresholds::after_hours_min_commits},
        {"recent_days", &Thresholds::recent_days},
        {"baseline_days", &Thresholds::baseline_days},
        {"long_streak_days", &Thresholds::long_streak_days},
        {"rising_load_ratio", &Thresholds::rising_load_ratio},
        {"rising_load_min_days", &Thresholds::rising_load_min_days},
        {"commitment_max", &Thresholds::commitment_max},
        {"many_hats", &Thresholds::many_hats},
        {"sole_holder_hats", &Thresholds::sole_holder_hats},
        {"single_point_backup_share", &Thresholds::single_point_backup_share},
        {"shadowed_share", &Thresholds::shadowed_share},
        {"min_evidence_items", &Thresholds::min_evidence_items},
        {"checkin_goal", &Thresholds::checkin_goal},
    };
    const Thresholds defaults;
    YAML::Node node(YAML::NodeType::Map);
    for (const auto& [key, member] : k_fields) {
        if (const auto* real = std::get_if<double Thresholds::*>(&member)) {
            if (t.**real != defaults.**real) node[key] = number(t.**real);
        } else {
            const auto whole = std::get<int Thresholds::*>(member);
            if (t.*whole != defaults.*whole) node[key] = std::to_string(t.*whole);
        }
    }
    return node;
}

// `automation:` as the roster wrote it: its own rules and the built-in ids it cancels.
YAML::Node automation_node(const Roster& roster) {
    YAML::Node node(YAML::NodeType::Map);
    if (!roster.automation_added.empty()) {
        YAML::Node rules(YAML::NodeType::Sequence);
        for (const auto& rule : roster.automation_added) {
            YAML::Node item(YAML::NodeType::Map);
            item["id"] = rule.id;
            item["kind"] = std::string(to_string(rule.kind));
            if (!rule.email.empty()) item["email"] = rule.email;
            if (!rule.name.empty()) item["name"] = rule.name;
            if (!rule.about.empty()) item["about"] = rule.about;
            rules.push_back(item);
        }
        node["add"] = rules;
    }
    if (!roster.automation_cancelled.empty()) node["cancel"] = flow_list(roster.automation_cancelled);
    return node;
}

void write_settings(YAML::Node& doc, const Roster& roster) {
    if (roster.window) doc["window"] = days(*roster.window);
    if (roster.stale_after != Roster{}.stale_after) doc["stale_after"] = days(roster.stale_after);
    if (!roster.bots.empty()) doc["bots"] = flow_list(roster.bots);
    if (auto automation = automation_node(roster); automation.size() > 0) doc["automation"] = automation;
    if (auto thresholds = thresholds_node(roster.thresholds); thresholds.size() > 0) doc["thresholds"] = thresholds;
}

util::Expected<void> write_projects(YAML::Node& doc, const Roster& roster, const std::vector<std::string>& top_names,
                                    CatalogIndex& catalogs) {
    if (!roster.program) {
        auto hats = hats_node(roster.projects.front(), catalogs);
        if (!hats) return std::unexpected(hats.error());
        if (hats->size() > 0) doc["hats"] = *hats;
        return {};
    }
    YAML::Node projects(YAML::NodeType::Map);
    for (const auto& project : roster.projects) {
        auto node = project_node(project, top_names, catalogs);
        if (!node) return std::unexpected(node.error());
        projects.force_insert(project.name, *node);  // names are unique; no lookup
    }
    doc["projects"] = projects;
    return {};
}

// Block maps are walked key by key so that a comment can follow a value on its line; flow
// nodes, sequences and scalars are written whole.
void emit_node(YAML::Emitter& out, const YAML::Node& node, const std::string& path,
               const std::map<std::string, std::string>& comments) {
    if (comments.empty() || !node.IsMap() || node.Style() == YAML::EmitterStyle::Flow || node.size() == 0) {
        out << node;
        return;
    }
    out << YAML::BeginMap;
    for (const auto& entry : node) {
        const auto key = entry.first.as<std::string>();
        const auto child = path.empty() ? key : path + "/" + key;
        out << YAML::Key << key << YAML::Value;
        emit_node(out, entry.second, child, comments);
        if (const auto it = comments.find(child); it != comments.end()) out << YAML::Comment(it->second);
    }
    out << YAML::EndMap;
}

}  // namespace

util::Expected<std::string> write_roster(const Roster& roster, const WriteOptions& options) {
    if (roster.projects.empty()) {
        return util::fail(util::ErrorKind::internal, "writing roster", "the roster has no project");
    }
    CatalogIndex catalogs(options.catalog_base);
    auto top_names = catalogs.load_refs(roster.catalogs);
    if (!top_names) return std::unexpected(top_names.error());
    YAML::Node doc(YAML::NodeType::Map);
    if (!roster.program) doc["project"] = roster.project.empty() ? roster.projects.front().name : roster.project;
    doc["catalogs"] = flow_list(roster.catalogs);
    write_settings(doc, roster);
    if (auto written = write_projects(doc, roster, *top_names, catalogs); !written) {
        return std::unexpected(written.error());
    }
    YAML::Node people(YAML::NodeType::Map);
    for (const auto& [key, person] : roster.people) people.force_insert(key, person_node(person, options.capacity));
    if (people.size() > 0) doc["people"] = people;
    YAML::Emitter out;
    emit_node(out, doc, "", options.line_comments);
    if (!out.good()) return util::fail(util::ErrorKind::internal, "writing roster", out.GetLastError());
    std::string text;
    for (const auto& line : options.comments) text += line.empty() ? "#\n" : "# " + line + "\n";
    return text + out.c_str() + "\n";
}

}  // namespace roles::roster
