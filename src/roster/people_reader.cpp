#include "people_reader.hpp"

#include <algorithm>

#include "roles/util/text.hpp"

namespace roles::roster {

namespace {

const std::vector<std::string> k_person_keys{"name",     "emails",   "aliases", "logins", "affiliation",
                                             "capacity", "timezone", "checkins"};

// Lowercased email -> key of the person who listed it first, across the whole roster.
using EmailOwners = std::map<std::string, std::string>;

bool plausible_email(const std::string& email) {
    const auto at = email.find('@');
    return at != std::string::npos && at > 0 && at + 1 < email.size() &&
           email.find('@', at + 1) == std::string::npos && email.find_first_of(" \t<>,") == std::string::npos;
}

// Emails identify people in history, so one email must lead to one person.
void add_emails(const Doc& doc, const Entry& entry, Person& person, EmailOwners& owners) {
    const auto items = read_scalars(doc, entry);
    if (!items) return;
    for (const auto& item : *items) {
        if (!plausible_email(item.text)) {
            doc.error(item.mark, "invalid email " + util::quoted(item.text) + " (expected name@domain)");
            continue;
        }
        const auto folded = util::to_lower_ascii(item.text);
        const auto [owner, inserted] = owners.emplace(folded, person.key);
        if (inserted) {
            person.emails.push_back(item.text);
        } else if (owner->second == person.key) {
            doc.warn(item.mark,
                     "email " + util::quoted(item.text) + " is listed twice for " + util::quoted(person.key));
        } else {
            doc.error(item.mark, "email " + util::quoted(item.text) + " is listed for both " +
                                     util::quoted(owner->second) + " and " + util::quoted(person.key));
        }
    }
}

void read_optional_text(const Doc& doc, const Entry& entry, std::optional<std::string>& field) {
    if (auto text = read_string(doc, entry)) field = std::move(*text);
}

void read_person_field(const Doc& doc, const Entry& entry, Person& person, EmailOwners& owners) {
    if (entry.key == "name") {
        if (auto name = read_string(doc, entry)) person.name = std::move(*name);
    } else if (entry.key == "emails") {
        add_emails(doc, entry, person, owners);
    } else if (entry.key == "aliases" || entry.key == "logins") {
        if (auto list = read_strings(doc, entry)) {
            (entry.key == "aliases" ? person.aliases : person.logins) = std::move(*list);
        }
    } else if (entry.key == "affiliation") {
        read_optional_text(doc, entry, person.affiliation);
    } else if (entry.key == "timezone") {
        read_optional_text(doc, entry, person.timezone);
    } else if (entry.key == "checkins") {
        person.checkins = read_checkins(doc, entry, person.key);
    } else if (entry.key == "capacity") {
        const auto capacity = read_number(doc, entry);
        // Commitment divides by capacity: 0 (or a denormal like 5e-324) would make it infinite.
        // One percent of a week is the least a roster can say; more than a full week is not a thing.
        if (capacity && check_range(doc, entry, *capacity, Range::at_least(0.01).and_at_most(1))) {
            person.capacity = *capacity;
        }
    }
}

Person read_person(const Doc& doc, const Entry& entry, EmailOwners& owners) {
    Person person;
    person.key = entry.key;
    person.name = entry.key;  // until `name:` says otherwise
    person.pos = doc.pos(entry.key_node.Mark());
    if (entry.value.IsMap()) {
        const auto where = "in person " + util::quoted(entry.key);
        for (const auto& field : map_entries(doc, entry.value, where, k_person_keys)) {
            read_person_field(doc, field, person, owners);
        }
    }
    if (person.emails.empty() && person.logins.empty()) {
        doc.warn(entry.key_node.Mark(), "person " + util::quoted(entry.key) +
                                            " has no emails: their commits can only be matched by name");
    }
    return person;
}

}  // namespace

std::map<std::string, Person> read_people(const Doc& doc, const Entry& people) {
    std::map<std::string, Person> out;
    if (!expect_map(doc, people)) return out;
    EmailOwners owners;
    // Duplicate keys are caught here: yaml-cpp keeps both entries of a map, in order.
    for (const auto& entry : map_entries(doc, people.value, "in 'people'", std::nullopt)) {
        if (entry.key.empty()) {
            doc.error(entry.key_node.Mark(), "a person key cannot be empty");
            continue;
        }
        if (!expect_map(doc, entry)) continue;
        out.emplace(entry.key, read_person(doc, entry, owners));
    }
    return out;
}

}  // namespace roles::roster
