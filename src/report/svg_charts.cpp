// The three charts of the HTML cycle report. Pixel arithmetic only.
#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "roles/report/cycle.hpp"
#include "roles/util/text.hpp"
#include "roles/util/time.hpp"
#include "svg.hpp"

namespace roles::report::svg {
namespace {

// Matrix layout. Column labels are vertical (rotated -90 degrees), so neighbouring labels
// never overlap; the header is as tall as the longest key. Text is 12 px at 1:1 scale: the
// matrix scrolls in its own container instead of shrinking.
constexpr int k_column_width = 46;
constexpr int k_row_height = 30;
constexpr int k_title_height = 28;
constexpr double k_char_width = 7.6;  // an upper bound of a 12 px DejaVu Sans character

// Bar chart layouts.
constexpr int k_load_min_label_width = 110;
constexpr int k_load_plot_width = 520;
constexpr int k_load_note_width = 250;
constexpr int k_load_row_height = 30;
constexpr int k_week_left = 56;
constexpr int k_week_plot_width = 680;
constexpr int k_week_plot_height = 180;
constexpr int k_axis_height = 56;

std::string status_class(engine::Status status) {
    switch (status) {
        case engine::Status::ok: return "st-ok";
        case engine::Status::vacant: return "st-vacant";
        case engine::Status::unassigned: return "st-none";
        default: return "st-risk";
    }
}

// The status shape centred on (cx, cy), radius r.
std::string status_shape(engine::Status status, double cx, double cy, double r) {
    const auto cls = status_class(status);
    switch (status) {
        case engine::Status::ok: return fmt::format(R"(<circle class="{}" cx="{}" cy="{}" r="{}"/>)", cls, cx, cy, r);
        case engine::Status::unassigned:
            return fmt::format(R"(<circle class="{} hollow" cx="{}" cy="{}" r="{}"/>)", cls, cx, cy, r - 1);
        case engine::Status::vacant:
            return fmt::format(R"(<path class="{} cross" d="M{} {}L{} {}M{} {}L{} {}"/>)", cls, cx - r, cy - r, cx + r,
                               cy + r, cx - r, cy + r, cx + r, cy - r);
        default:
            return fmt::format(R"(<path class="{}" d="M{} {}L{} {}L{} {}Z"/>)", cls, cx, cy - r, cx + r, cy + r * 0.8,
                               cx - r, cy + r * 0.8);
    }
}

std::string open_chart(const std::string& id, int width, int height, const std::string& title) {
    return fmt::format(R"(<svg class="chart" id="{}" width="{}" height="{}" viewBox="0 0 {} {}" role="img" )"
                       R"(aria-labelledby="{}-title"><title id="{}-title">{}</title>)"
                       R"(<text class="chart-title" x="0" y="18">{}</text>)",
                       id, width, height, width, height, id, id, escape(title), escape(title));
}

const engine::Contributor* work_of(const engine::HatCycle& hat, const std::string& key) {
    const auto found = std::ranges::find(hat.contributors, key, &engine::Contributor::key);
    return found == hat.contributors.end() ? nullptr : &*found;
}

const engine::HolderState* holder_of(const engine::HatCycle& hat, const std::string& key) {
    const auto found = std::ranges::find(hat.holders, key, &engine::HolderState::key);
    return found == hat.holders.end() ? nullptr : &*found;
}

std::string matrix_cell(const engine::HatCycle& hat, const std::string& key, int x, int y) {
    const auto* holder = holder_of(hat, key);
    const auto* work = work_of(hat, key);
    std::string cls = "cell";
    std::string label;
    if (holder != nullptr) {
        cls += holder->active ? " holder" : " holder inactive";
        label = "H";
    }
    // "1.2k" above 999, so that the label fits its cell.
    if (work != nullptr) {
        label += (label.empty() ? "" : " ") + (work->evidence < 1000 ? std::to_string(work->evidence)
                                                                    : fmt::format("{:.1f}k", work->evidence / 1000.0));
    }
    const double shade = work != nullptr ? 0.12 + 0.6 * std::min(1.0, work->share) : 0.0;
    auto out = fmt::format(R"(<rect class="{}" x="{}" y="{}" width="{}" height="{}" rx="3" )"
                           R"(style="fill-opacity:{:.2f}"><title>{}</title></rect>)",
                           cls, x + 2, y + 2, k_column_width - 4, k_row_height - 4, shade,
                           escape(hat.hat + " / " + key + ": " + (holder ? "holder" : "not a holder") +
                                  (work ? fmt::format(", {} items", work->evidence) : std::string(", no items"))));
    if (!label.empty()) {
        out += fmt::format(R"(<text class="cell-label" x="{}" y="{}" text-anchor="middle">{}</text>)",
                           x + k_column_width / 2, y + k_row_height / 2 + 5, label);
    }
    return out;
}

int text_width(std::string_view text) { return static_cast<int>(static_cast<double>(text.size()) * k_char_width) + 1; }

// Where the matrix's parts go: row labels, then one column per person the digest shows.
struct MatrixLayout {
    int label_width = 0;
    int header_height = 0;
};

MatrixLayout matrix_layout(const engine::CycleReport& report) {
    // At least as wide as the axis label "hat · status ↓ / person →" under the first column.
    MatrixLayout layout{200, 40};
    for (const auto& hat : report.hats) {
        layout.label_width = std::max(layout.label_width, 28 + text_width(hat.hat + " · " +
                                                                          std::string(engine::to_string(hat.status))));
    }
    for (const auto i : report.digest.matrix_people) {
        layout.header_height = std::max(layout.header_height, 16 + text_width(report.people[i].key));
    }
    return layout;
}

std::string matrix_header(const engine::CycleReport& report, const MatrixLayout& layout, int top) {
    std::string out;
    const int y = top + layout.header_height - 8;
    const auto& columns = report.digest.matrix_people;
    for (std::size_t i = 0; i < columns.size(); ++i) {
        const int x = layout.label_width + static_cast<int>(i) * k_column_width + k_column_width / 2 + 4;
        out += fmt::format(R"svg(<text class="axis-value" x="{}" y="{}" transform="rotate(-90 {} {})">{}</text>)svg", x,
                           y, x, y, escape(report.people[columns[i]].key));
    }
    return out + fmt::format(R"(<text class="axis-label" x="0" y="{}">hat · status ↓ / person →</text>)", y);
}

std::string legend(int y) {
    return fmt::format(R"(<text class="legend" x="0" y="{}">H = holder (solid outline active, dashed inactive); )"
                       R"(a number = evidence items this cycle; darker = larger share.</text>)",
                       y);
}

// "0", "0.25", "1.5": tick labels without trailing zeros.
std::string tick(double value) {
    auto text = fmt::format("{:.2f}", value);
    while (text.back() == '0') text.pop_back();
    if (text.back() == '.') text.pop_back();
    return text;
}

double load_scale(const engine::CycleReport& report) {
    double top = 1.0;
    for (const auto& p : report.people) top = std::max({top, p.effort, p.capacity});
    return std::ceil(top * 4.0) / 4.0;
}

std::string load_axis(double scale, int label_width, int top, int rows) {
    const int bottom = top + rows * k_load_row_height;
    std::string out = fmt::format(R"(<line class="axis" x1="{}" y1="{}" x2="{}" y2="{}"/>)", label_width, bottom,
                                  label_width + k_load_plot_width, bottom);
    for (double v = 0.0; v <= scale + 1e-9; v += 0.25) {
        const double x = label_width + v / scale * k_load_plot_width;
        out += fmt::format(R"(<line class="grid" x1="{:.1f}" y1="{}" x2="{:.1f}" y2="{}"/>)", x, top, x, bottom);
        out += fmt::format(R"(<text class="axis-value" x="{:.1f}" y="{}" text-anchor="middle">{}</text>)", x,
                           bottom + 16, tick(v));
    }
    return out + fmt::format(R"(<text class="axis-label" x="{}" y="{}">hat effort, share of a full-time week )"
                             R"((| marks the person's capacity)</text>)",
                             label_width, bottom + 40);
}

std::string load_row(const engine::PersonCycle& p, double scale, int label_width, int y) {
    const double width = p.effort / scale * k_load_plot_width;
    const double cap = label_width + p.capacity / scale * k_load_plot_width;
    const bool over = p.load.signals.over_committed;
    auto out = fmt::format(R"(<text class="axis-value" x="{}" y="{}" text-anchor="end">{}</text>)",
                           label_width - 8, y + 19, escape(p.key));
    out += fmt::format(R"(<rect class="bar{}" x="{}" y="{}" width="{:.1f}" height="18"><title>{}</title></rect>)",
                       over ? " over" : "", label_width, y + 6, width,
                       escape(fmt::format("{}: effort {:.2f}, capacity {:.2f}", p.key, p.effort, p.capacity)));
    out += fmt::format(R"(<line class="capacity" x1="{:.1f}" y1="{}" x2="{:.1f}" y2="{}"/>)", cap, y + 1, cap, y + 29);
    out += fmt::format(R"(<text class="bar-note{}" x="{}" y="{}">{:.2f} / {:.2f} = {}{}</text>)", over ? " over" : "",
                       label_width + k_load_plot_width + 10, y + 19, p.effort, p.capacity,
                       figure_value(p.commitment.current, p.commitment.scale), over ? " over capacity" : "");
    return out;
}

// The vertical scale of the weekly chart: y_max commits at the top, a grid line every step.
struct WeekScale {
    int y_max = 1;
    int step = 1;
    int top = 0;
    int bottom = 0;
};

std::string week_grid(const WeekScale& scale) {
    std::string out;
    for (int v = 0; v <= scale.y_max; v += scale.step) {
        const double y = scale.bottom - static_cast<double>(v) / scale.y_max * k_week_plot_height;
        out += fmt::format(R"(<line class="grid" x1="{}" y1="{:.1f}" x2="{}" y2="{:.1f}"/>)", k_week_left, y,
                           k_week_left + k_week_plot_width, y);
        out += fmt::format(R"(<text class="axis-value" x="{}" y="{:.1f}" text-anchor="end">{}</text>)", k_week_left - 6,
                           y + 4, v);
    }
    return out;
}

// A bar per week with its count above it; a date under every few bars (at most 8 labels).
std::string week_bars(const std::vector<engine::WeekBucket>& weeks, const WeekScale& scale) {
    const int n = std::max<int>(1, static_cast<int>(weeks.size()));
    const double slot = static_cast<double>(k_week_plot_width) / n;
    const int label_every = std::max(1, (n + 7) / 8);
    // A count above each bar only where the widest count fits its slot (the bar's tooltip has it).
    const bool values = slot >= text_width(std::to_string(scale.y_max)) + 4;
    std::string out;
    for (int i = 0; i < static_cast<int>(weeks.size()); ++i) {
        const auto& w = weeks[static_cast<std::size_t>(i)];
        const double h = static_cast<double>(w.commits) / scale.y_max * k_week_plot_height;
        const double x = k_week_left + i * slot + slot * 0.15;
        const auto day = util::format_date(w.begin);
        out += fmt::format(R"(<rect class="bar" x="{:.1f}" y="{:.1f}" width="{:.1f}" height="{:.1f}">)"
                           R"(<title>week of {}: {} commits</title></rect>)",
                           x, scale.bottom - h, slot * 0.7, h, day, w.commits);
        if (values) {
            out += fmt::format(R"(<text class="bar-value" x="{:.1f}" y="{:.1f}" text-anchor="middle">{}</text>)",
                               x + slot * 0.35, scale.bottom - h - 4, w.commits);
        }
        if (i % label_every == 0) {
            out += fmt::format(R"(<text class="axis-value" x="{:.1f}" y="{}" text-anchor="middle">{}</text>)",
                               x + slot * 0.35, scale.bottom + 16, day.substr(5));
        }
    }
    return out;
}

}  // namespace

std::string escape(std::string_view text) {
    // Printable first (controls as \xNN, bidi marks as \uNNNN, invalid UTF-8 as U+FFFD), so
    // that a name can neither reorder what the page shows nor put a NUL or ESC in the file;
    // line breaks become spaces, which is how HTML shows them anyway.
    std::string flat(text);
    std::ranges::replace(flat, '\r', ' ');
    std::ranges::replace(flat, '\n', ' ');
    const auto shown = util::printable(flat);
    std::string out;
    out.reserve(shown.size());
    for (const char c : shown) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out += c;
        }
    }
    return out;
}

std::string coverage_matrix(const engine::CycleReport& report) {
    const auto& people = report.digest.matrix_people;
    const int columns = static_cast<int>(people.size());
    const int rows = static_cast<int>(report.hats.size());
    const auto layout = matrix_layout(report);
    const int top = k_title_height;
    // The legend is one line of about 100 characters: the chart is at least that wide.
    const int width = std::max(layout.label_width + std::max(columns, 1) * k_column_width + 10, 700);
    const int height = top + layout.header_height + rows * k_row_height + 30;
    auto out = open_chart("coverage-matrix", width, height, "Who holds and who does each hat, this cycle");
    out += matrix_header(report, layout, top);
    for (int r = 0; r < rows; ++r) {
        const auto& hat = report.hats[static_cast<std::size_t>(r)];
        const int y = top + layout.header_height + r * k_row_height;
        out += status_shape(hat.status, 8, y + k_row_height / 2.0, 6);
        out += fmt::format(R"(<text class="row-label" x="20" y="{}">{} · {}</text>)", y + k_row_height / 2 + 5,
                           escape(hat.hat), engine::to_string(hat.status));
        for (int c = 0; c < columns; ++c) {
            out += matrix_cell(hat, report.people[people[static_cast<std::size_t>(c)]].key,
                               layout.label_width + c * k_column_width, y);
        }
    }
    return out + legend(height - 8) + "</svg>";
}

int load_label_width(const engine::CycleReport& report) {
    int width = k_load_min_label_width;
    for (const auto i : report.digest.load_rows) width = std::max(width, 8 + text_width(report.people[i].key));
    return width;
}

std::string load_chart(const engine::CycleReport& report) {
    const auto& shown = report.digest.load_rows;
    const int rows = static_cast<int>(shown.size());
    const int top = k_title_height + 6;
    const int label = load_label_width(report);
    const int width = label + k_load_plot_width + k_load_note_width;
    const int height = top + rows * k_load_row_height + k_axis_height;
    const double scale = load_scale(report);
    auto out = open_chart("load-chart", width, height, "Hat effort against capacity, per person");
    for (int r = 0; r < rows; ++r) {
        out += load_row(report.people[shown[static_cast<std::size_t>(r)]], scale, label, top + r * k_load_row_height);
    }
    return out + load_axis(scale, label, top, rows) + "</svg>";
}

std::string weekly_chart(const engine::CycleReport& report) {
    std::uint32_t most = 1;
    for (const auto& w : report.weeks) most = std::max(most, w.commits);
    const int step = static_cast<int>(std::ceil(most / 5.0));
    const WeekScale scale{((static_cast<int>(most) + step - 1) / step) * step, step, k_title_height + 18,
                          k_title_height + 18 + k_week_plot_height};
    auto out = open_chart("weekly-chart", k_week_left + k_week_plot_width + 10, scale.bottom + k_axis_height,
                          "Commits per week over the cycle");
    out += week_grid(scale) + week_bars(report.weeks, scale);
    out += fmt::format(R"(<line class="axis" x1="{}" y1="{}" x2="{}" y2="{}"/>)", k_week_left, scale.bottom,
                       k_week_left + k_week_plot_width, scale.bottom);
    out += fmt::format(R"(<text class="axis-label" x="{}" y="{}">week starting (month-day)</text>)", k_week_left,
                       scale.bottom + 40);
    const int middle = scale.top + k_week_plot_height / 2;
    out += fmt::format(R"svg(<text class="axis-label" transform="rotate(-90 14 {})" x="14" y="{}" )svg"
                       R"(text-anchor="middle">commits</text>)",
                       middle, middle);
    return out + "</svg>";
}

std::string trend_icon(engine::Trend trend, engine::Assessment assessment) {
    static constexpr std::string_view k_up = "M8 2L14 9H10V14H6V9H2Z";
    static constexpr std::string_view k_down = "M8 14L14 7H10V2H6V7H2Z";
    static constexpr std::string_view k_same = "M2 5H14V7H2ZM2 9H14V11H2Z";
    static constexpr std::string_view k_new = "M8 1L10 6H15L11 9.5L12.5 15L8 11.5L3.5 15L5 9.5L1 6H6Z";
    std::string_view path = k_new;
    if (trend == engine::Trend::up) path = k_up;
    if (trend == engine::Trend::down) path = k_down;
    if (trend == engine::Trend::same) path = k_same;
    const auto words = std::string(engine::to_string(trend)) +
                       (assessment == engine::Assessment::neutral ? "" : ", " + std::string(engine::to_string(assessment)));
    return fmt::format(R"(<svg class="trend-icon {}" width="16" height="16" viewBox="0 0 16 16" role="img" )"
                       R"(aria-label="{}"><path d="{}"/></svg>)",
                       engine::to_string(assessment), words, path);
}

std::string status_icon(engine::Status status) {
    return fmt::format(R"(<svg class="status-icon" width="14" height="14" viewBox="0 0 14 14" aria-hidden="true">{}</svg>)",
                       status_shape(status, 7, 7, 5));
}

}  // namespace roles::report::svg
