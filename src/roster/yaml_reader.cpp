#include "yaml_reader.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <sstream>
#include <vector>

#include <fmt/format.h>
#include <yaml-cpp/eventhandler.h>

#include "roles/roster/loader.hpp"
#include "roles/util/text.hpp"

namespace roles::roster {

void Problems::add(const SourcePos& pos, std::string message) {
    auto file = std::find(m_files.begin(), m_files.end(), pos.file);
    if (file == m_files.end()) file = m_files.insert(m_files.end(), pos.file);
    const auto index = static_cast<std::size_t>(file - m_files.begin());
    m_entries.push_back(Entry{index, pos, std::move(message)});
}

std::vector<std::string> Problems::lines() const {
    auto sorted = m_entries;
    std::stable_sort(sorted.begin(), sorted.end(), [](const Entry& a, const Entry& b) {
        return std::tie(a.file_index, a.pos.line, a.pos.column) <
               std::tie(b.file_index, b.pos.line, b.pos.column);
    });
    std::vector<std::string> out;
    out.reserve(sorted.size());
    for (const auto& entry : sorted) {
        out.push_back(
            fmt::format("{}:{}:{}: {}", entry.pos.file, entry.pos.line, entry.pos.column, entry.message));
    }
    return out;
}

SourcePos Doc::pos(const YAML::Mark& mark) const {
    // Nodes built outside the parser carry a null mark (-1); show them at the file start.
    return SourcePos{file, std::max(mark.line, 0) + 1, std::max(mark.column, 0) + 1};
}

void Doc::error(const YAML::Mark& mark, std::string message) const {
    errors.add(pos(mark), std::move(message));
}

void Doc::warn(const YAML::Mark& mark, std::string message) const {
    warnings.add(pos(mark), std::move(message));
}

YAML::Mark Entry::value_mark() const {
    return value.IsNull() ? key_node.Mark() : value.Mark();
}

namespace {

// Where the documents after the first one start, read as events (no nodes built).
// yaml-cpp 0.7's LoadAll never ends on some inputs (`,- B`: the parser yields empty documents
// without reading on) and builds a node for each, so it is not used: documents whose start
// does not move on from the previous one end the scan, reported as stuck.
class DocumentScan : public YAML::EventHandler {
public:
    enum class Outcome { one_document, second_document, stuck };

    Outcome run(const std::string& text) {
        std::istringstream in(text);
        YAML::Parser parser(in);
        for (std::size_t index = 0;; ++index) {
            m_content = false;
            if (!parser.HandleNextDocument(*this)) return Outcome::one_document;
            if (index > 0 && m_content) return Outcome::second_document;
            if (index > 0 && m_start.pos <= m_previous_pos) return Outcome::stuck;
            m_previous_pos = m_start.pos;
        }
    }
    /// Where the second document's first node is (second_document) or where the parser
    /// stopped moving on (stuck).
    [[nodiscard]] const YAML::Mark& where() const { return m_content ? m_content_mark : m_start; }

    void OnDocumentStart(const YAML::Mark& mark) override { m_start = mark; }
    void OnDocumentEnd() override {}
    void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
    void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override { content(mark); }
    void OnScalar(const YAML::Mark& mark, const std::string&, YAML::anchor_t, const std::string&) override {
        content(mark);
    }
    void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                         YAML::EmitterStyle::value) override {
        content(mark);
    }
    void OnSequenceEnd() override {}
    void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {
        content(mark);
    }
    void OnMapEnd() override {}

private:
    void content(const YAML::Mark& mark) {
        if (m_content) return;
        m_content = true;
        m_content_mark = mark;
    }

    YAML::Mark m_start;
    YAML::Mark m_content_mark;
    int m_previous_pos = -1;
    bool m_content = false;
};

}  // namespace

std::optional<YAML::Node> load_document(const Doc& doc, const std::string& text, std::string_view kind) {
    YAML::Node root;
    try {
        // Every document is looked at: a second one would otherwise be dropped without a word.
        DocumentScan scan;
        switch (scan.run(text)) {
            case DocumentScan::Outcome::second_document:
                doc.error(scan.where(), "a " + std::string(kind) +
                                            " is one YAML document, and this is another one (after a '---' line)");
                return std::nullopt;
            case DocumentScan::Outcome::stuck:
                doc.error(scan.where(), "invalid YAML: the parser cannot read on from here");
                return std::nullopt;
            case DocumentScan::Outcome::one_document:
                break;
        }
        root = YAML::Load(text);
    } catch (const YAML::ParserException& e) {
        doc.error(e.mark, "invalid YAML: " + e.msg);
        return std::nullopt;
    } catch (const YAML::Exception& e) {
        doc.error(e.mark, "invalid YAML: " + e.msg);
        return std::nullopt;
    }
    if (root.IsNull()) {
        doc.error(YAML::Mark{}, "the " + std::string(kind) + " is empty");
        return std::nullopt;
    }
    if (!root.IsMap()) {
        // Not quoted: a file whose top level is not a map is not a roster, and whatever it
        // holds (a credentials file read by mistake) must not reach a CI log.
        doc.error(root.Mark(), std::string("expected a map at the top level, got ") +
                                   (root.IsSequence() ? "a list" : "a single value (not shown)"));
        return std::nullopt;
    }
    return root;
}

std::string did_you_mean(std::string_view word, std::span<const std::string> candidates) {
    const auto match = util::closest_match(word, candidates);
    if (!match || *match == word) return {};
    return " (did you mean " + util::quoted(*match) + "?)";
}

std::string describe(const YAML::Node& node) {
    switch (node.Type()) {
        case YAML::NodeType::Sequence:
            return "a list";
        case YAML::NodeType::Map:
            return "a map";
        case YAML::NodeType::Scalar:
            return util::quoted(node.Scalar());
        default:
            return "nothing";
    }
}

std::string problem_count(std::size_t count) {
    return std::to_string(count) + (count == 1 ? " problem" : " problems");
}

std::string join(std::span<const std::string> words) {
    std::string out;
    for (const auto& word : words) out += (out.empty() ? "" : ", ") + word;
    return out;
}

namespace {

void report_unknown_key(const Doc& doc, const Entry& entry, std::string_view where,
                        std::span<const std::string> allowed) {
    auto hint = did_you_mean(entry.key, allowed);
    if (hint.empty()) hint = " (expected one of: " + join(allowed) + ")";
    doc.error(entry.key_node.Mark(),
              "unknown key " + util::quoted(entry.key) + " " + std::string(where) + hint);
}

void report_type(const Doc& doc, const Entry& entry, std::string_view expected) {
    doc.error(entry.value_mark(), "expected " + std::string(expected) + " for " + util::quoted(entry.key) +
                                      ", got " + describe(entry.value));
}

}  // namespace

std::vector<Entry> map_entries(const Doc& doc, const YAML::Node& map, std::string_view where,
                               std::optional<std::span<const std::string>> allowed) {
    std::vector<Entry> entries;
    std::map<std::string, YAML::Mark> seen;
    for (auto it = map.begin(); it != map.end(); ++it) {
        Entry entry{it->first.IsScalar() ? it->first.Scalar() : std::string{}, it->first, it->second};
        if (!it->first.IsScalar()) {
            doc.error(it->first.Mark(),
                      "expected a plain key " + std::string(where) + ", got " + describe(it->first));
            continue;
        }
        if (const auto first = seen.find(entry.key); first != seen.end()) {
            const auto at = doc.pos(first->second);
            doc.error(entry.key_node.Mark(), fmt::format("duplicate key {} {} (first at {}:{})",
                                                         util::quoted(entry.key), where, at.line, at.column));
            continue;
        }
        seen.emplace(entry.key, entry.key_node.Mark());
        if (allowed && std::find(allowed->begin(), allowed->end(), entry.key) == allowed->end()) {
            report_unknown_key(doc, entry, where, *allowed);
            continue;
        }
        entries.push_back(std::move(entry));
    }
    return entries;
}

const Entry* find_entry(const std::vector<Entry>& entries, std::string_view key) {
    const auto found =
        std::find_if(entries.begin(), entries.end(), [&](const Entry& entry) { return entry.key == key; });
    return found == entries.end() ? nullptr : &*found;
}

bool expect_map(const Doc& doc, const Entry& entry) {
    if (entry.value.IsMap() || entry.value.IsNull()) return true;
    report_type(doc, entry, "a map");
    return false;
}

std::optional<std::string> read_string(const Doc& doc, const Entry& entry) {
    if (entry.value.IsScalar()) return entry.value.Scalar();
    report_type(doc, entry, "a string");
    return std::nullopt;
}

std::optional<double> read_number(const Doc& doc, const Entry& entry) {
    if (entry.value.IsScalar()) {
        const auto& text = entry.value.Scalar();
        double value = 0;
        const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
        // from_chars accepts "inf" and "nan": neither is a sensible capacity or effort.
        if (ec == std::errc{} && end == text.data() + text.size() && std::isfinite(value)) {
            return value;
        }
    }
    report_type(doc, entry, "a number");
    return std::nullopt;
}

std::optional<int> read_integer(const Doc& doc, const Entry& entry) {
    if (entry.value.IsScalar()) {
        const auto& text = entry.value.Scalar();
        int value = 0;
        const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
        if (ec == std::errc{} && end == text.data() + text.size()) return value;
    }
    report_type(doc, entry, "a whole number");
    return std::nullopt;
}

std::optional<bool> read_bool(const Doc& doc, const Entry& entry) {
    bool value = false;
    // yaml-cpp's own conversion: true/false, yes/no, on/off in the usual spellings.
    if (entry.value.IsScalar() && YAML::convert<bool>::decode(entry.value, value)) return value;
    report_type(doc, entry, "true or false");
    return std::nullopt;
}

std::optional<Duration> read_duration(const Doc& doc, const Entry& entry) {
    const auto text = read_string(doc, entry);
    if (!text) return std::nullopt;
    if (auto duration = parse_duration(*text)) return duration;
    doc.error(entry.value_mark(),
              "invalid duration " + util::quoted(*text) + " for " + util::quoted(entry.key) +
                  " (expected a whole number of days, weeks, months or years: 90d, 12w, 6m, 1y)");
    return std::nullopt;
}

std::optional<Date> read_date(const Doc& doc, const Entry& entry) {
    const auto text = read_string(doc, entry);
    if (!text) return std::nullopt;
    if (auto date = parse_date(*text)) return date;
    doc.error(entry.value_mark(), "invalid date " + util::quoted(*text) + " for " + util::quoted(entry.key) +
                                      " (expected a real calendar date as YYYY-MM-DD)");
    return std::nullopt;
}

std::optional<std::vector<Scalar>> read_scalars(const Doc& doc, const Entry& entry) {
    if (entry.value.IsNull()) return std::vector<Scalar>{};
    if (entry.value.IsScalar()) return std::vector<Scalar>{{entry.value.Scalar(), entry.value.Mark()}};
    if (!entry.value.IsSequence()) {
        report_type(doc, entry, "a list of strings");
        return std::nullopt;
    }
    std::vector<Scalar> items;
    for (const auto& item : entry.value) {
        if (item.IsScalar()) {
            items.push_back({item.Scalar(), item.Mark()});
        } else {
            doc.error(item.Mark(),
                      "expected a string in " + util::quoted(entry.key) + ", got " + describe(item));
        }
    }
    return items;
}

std::optional<std::vector<std::string>> read_strings(const Doc& doc, const Entry& entry) {
    auto items = read_scalars(doc, entry);
    if (!items) return std::nullopt;
    std::vector<std::string> texts;
    texts.reserve(items->size());
    for (auto& item : *items) texts.push_back(std::move(item.text));
    return texts;
}

bool Range::contains(double value) const {
    const bool above = m_low_open ? value > m_low : value >= m_low;
    return above && (!m_high || value <= *m_high);
}

std::string Range::text() const {
    auto out = fmt::format("{} {}", m_low_open ? "more than" : "at least", m_low);
    if (m_high) out += fmt::format(" and at most {}", *m_high);
    return out;
}

bool check_range(const Doc& doc, const Entry& entry, double value, const Range& range) {
    if (range.contains(value)) return true;
    doc.error(entry.value_mark(), util::quoted(entry.key) + " must be " + range.text() + ", got " +
                                      util::quoted(entry.value.Scalar()));
    return false;
}

}  // namespace roles::roster
