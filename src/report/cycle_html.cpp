// The HTML cycle report: one self-contained page. Everything inline (CSS, SVG, one small
// script that only measures the charts); no URL anywhere, so nothing is fetched.
#include <algorithm>

#include <fmt/format.h>

#include "roles/report/findings.hpp"
#include "roles/report/cycle.hpp"
#include "roles/report/load.hpp"
#include "roles/util/time.hpp"
#include "checkin_words.hpp"
#include "cycle_html_parts.hpp"
#include "svg.hpp"

namespace roles::report {
namespace {

using engine::Figure;
using svg::escape;

constexpr std::int64_t k_day = 86400;

constexpr std::string_view k_style = R"css(
:root { color-scheme: light dark; --fg:#1f2328; --bg:#ffffff; --muted:#59636e; --line:#d1d9e0; --card:#f6f8fa;
  --ok:#1a7f37; --risk:#9a6700; --vacant:#cf222e; --none:#6e7781; --bar:#0969da; --over:#cf222e; --cell:#0969da; }
@media (prefers-color-scheme: dark) {
  :root { --fg:#e6edf3; --bg:#0d1117; --muted:#9198a1; --line:#3d444d; --card:#151b23;
    --ok:#3fb950; --risk:#d29922; --vacant:#f85149; --none:#9198a1; --bar:#4493f8; --over:#f85149; --cell:#4493f8; } }
body { font: 15px/1.45 "DejaVu Sans", system-ui, sans-serif; color: var(--fg); background: var(--bg);
  margin: 0 auto; padding: 24px; max-width: 1180px; }
h1 { font-size: 1.6em; margin: 0 0 6px; } h2 { font-size: 1.25em; border-bottom: 1px solid var(--line);
  padding-bottom: 4px; margin-top: 32px; }
p.meta, .note { color: var(--muted); }
.warning { border-left: 4px solid var(--risk); padding: 4px 10px; background: var(--card); }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(200px, 1fr)); gap: 10px; }
.card { background: var(--card); border: 1px solid var(--line); border-radius: 6px; padding: 10px 12px; }
.card .label { color: var(--muted); font-size: .85em; } .card .value { font-size: 1.8em; font-weight: bold; }
.card .trend { font-size: .9em; } .card .was { color: var(--muted); font-size: .85em; }
table { border-collapse: collapse; width: 100%; margin: 8px 0; font-size: .92em; }
th, td { border: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: var(--card); } td.num { text-align: right; white-space: nowrap; }
.trend-icon { vertical-align: -3px; fill: var(--muted); } .trend-icon.better { fill: var(--ok); }
.trend-icon.worse { fill: var(--vacant); } .better { color: var(--ok); } .worse { color: var(--vacant); }
.status { white-space: nowrap; font-weight: bold; } .status-icon { vertical-align: -2px; margin-right: 4px; }
.st-ok { fill: var(--ok); color: var(--ok); } .st-risk { fill: var(--risk); color: var(--risk); }
.st-vacant { fill: var(--vacant); color: var(--vacant); stroke: var(--vacant); }
.st-none { fill: var(--none); color: var(--none); } .hollow { fill: none; stroke: var(--none); stroke-width: 2; }
.cross { stroke-width: 3; fill: none; }
svg.chart { display: block; margin: 12px 0; max-width: 100%; height: auto; overflow: visible; }
.scroll { overflow-x: auto; max-width: 100%; } .scroll svg.chart { max-width: none; }
svg.chart text { fill: var(--fg); font-size: 12px; } svg.chart .chart-title { font-size: 14px; font-weight: bold; }
svg.chart .axis-label, svg.chart .legend { fill: var(--muted); font-size: 12px; }
svg.chart .grid { stroke: var(--line); stroke-width: 1; } svg.chart .axis { stroke: var(--fg); stroke-width: 1; }
svg.chart .bar { fill: var(--bar); } svg.chart .bar.over { fill: var(--over); }
svg.chart .bar-note.over { fill: var(--over); font-weight: bold; }
svg.chart .capacity { stroke: var(--fg); stroke-width: 3; }
svg.chart .cell { fill: var(--cell); stroke: var(--line); stroke-width: 1; }
svg.chart .cell.holder { stroke: var(--fg); stroke-width: 2.5; }
svg.chart .cell.inactive { stroke-dasharray: 4 3; }
svg.chart .cell-label { font-weight: bold; }
ol.asks li { margin: 4px 0; } del { color: var(--muted); } details summary { cursor: pointer; color: var(--muted); }
@media print {
  :root { --fg:#000; --bg:#fff; --muted:#444; --line:#999; --card:#f2f2f2; }
  body { font-size: 10.5pt; padding: 0; max-width: none; }
  h2 { break-after: avoid; } table, svg.chart, .card { break-inside: avoid; }
  .scroll { overflow: visible; } .scroll svg.chart { max-width: 100%; }
  #self-check { display: none; } }
)css";

// Measures every chart once the page has loaded, for the browser test. The page reads the
// same without it; it changes nothing but the hidden <pre>.
constexpr std::string_view k_self_check = R"js(
function roles_text_boxes(chart) {
  var boxes = [];
  chart.querySelectorAll('text').forEach(function (t) {
    var r = t.getBoundingClientRect();
    if (r.width > 0 && r.height > 0) boxes.push({ text: t.textContent, r: r, el: t });
  });
  return boxes;
}
function roles_overlaps(boxes, out) {
  for (var i = 0; i < boxes.length; ++i) for (var j = i + 1; j < boxes.length; ++j) {
    var a = boxes[i].r, b = boxes[j].r;
    var w = Math.min(a.right, b.right) - Math.max(a.left, b.left), h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
    if (w > 1 && h > 1) out.push(boxes[i].text + ' / ' + boxes[j].text);
  }
}
function roles_font_px(el) {
  var size = parseFloat(getComputedStyle(el).fontSize);
  var m = el.getScreenCTM ? el.getScreenCTM() : null;
  return m ? size * Math.sqrt(m.a * m.a + m.b * m.b) : size;
}
function roles_scrolls(el) {
  for (var p = el.parentElement; p; p = p.parentElement) {
    var o = getComputedStyle(p).overflowX;
    if (o === 'auto' || o === 'scroll') return true;
  }
  return false;
}
window.addEventListener('load', function () {
  var out = { charts: [], trend_icons: document.querySelectorAll('svg.trend-icon').length, overlaps: [],
    min_font_px: 1000, min_font_text: '', too_wide: [], viewport: document.documentElement.clientWidth,
    scroll_width: document.documentElement.scrollWidth };
  document.querySelectorAll('svg.chart').forEach(function (chart) {
    var box = chart.getBoundingClientRect();
    out.charts.push({ id: chart.id, width: Math.round(box.width), height: Math.round(box.height),
      bars: chart.querySelectorAll('.bar').length, cells: chart.querySelectorAll('.cell').length,
      capacity_marks: chart.querySelectorAll('.capacity').length,
      scrolls: roles_scrolls(chart),
      title: chart.querySelector('title') ? chart.querySelector('title').textContent : '' });
    roles_overlaps(roles_text_boxes(chart), out.overlaps);
  });
  var cards = [];
  document.querySelectorAll('.card div').forEach(function (d) { cards.push({ text: d.textContent, r: d.getBoundingClientRect() }); });
  roles_overlaps(cards, out.overlaps);
  document.querySelectorAll('body *').forEach(function (el) {
    if (el.closest('#self-check') || el.closest('head')) return;
    var r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) return;
    var own = Array.prototype.some.call(el.childNodes, function (n) { return n.nodeType === 3 && n.textContent.trim() !== ''; });
    if (own || el.tagName === 'text') {
      var px = roles_font_px(el);
      if (px < out.min_font_px) { out.min_font_px = Math.round(px * 10) / 10; out.min_font_text = el.textContent.slice(0, 40); }
    }
    if (r.right > out.viewport + 0.5 && !roles_scrolls(el)) out.too_wide.push(el.tagName + (el.id ? '#' + el.id : ''));
  });
  out.too_wide = out.too_wide.slice(0, 10);
  out.overlap_count = out.overlaps.length;
  out.overlaps = out.overlaps.slice(0, 10);
  document.getElementById('self-check').textContent = JSON.stringify(out);
});
)js";

std::string day(std::int64_t seconds) { return util::format_date(seconds); }

std::int64_t days(const engine::Window& w) { return (w.end - w.begin + 1 + k_day / 2) / k_day; }

std::string join(const std::vector<std::string>& items, const std::string& none = "—") {
    if (items.empty()) return none;
    std::string out;
    for (const auto& item : items) out += (out.empty() ? "" : ", ") + item;
    return out;
}

// The icon draws the arrow, so the words go without the arrow glyph: "up, worse".
std::string trend_span(const Figure& f) {
    const auto words = std::string(engine::to_string(f.trend)) +
                       (f.assessment == engine::Assessment::neutral ? "" : ", " + std::string(engine::to_string(f.assessment)));
    return fmt::format(R"({} <span class="{}">{}</span>)", svg::trend_icon(f.trend, f.assessment),
                       engine::to_string(f.assessment), words);
}

// "7 ↑ up from 4" as a table cell.
std::string figure_cell(const Figure& f) {
    const auto was = f.previous && f.trend != engine::Trend::same
                         ? " from " + figure_value(*f.previous, f.scale)
                         : std::string();
    return fmt::format("{} {}{}", figure_value(f.current, f.scale), trend_span(f), was);
}

std::string status_html(engine::Status status) {
    const auto name = engine::to_string(status);
    return fmt::format(R"(<span class="status {}">{}{}</span>)",
                       status == engine::Status::ok             ? "st-ok"
                       : status == engine::Status::vacant       ? "st-vacant"
                       : status == engine::Status::unassigned   ? "st-none"
                                                                : "st-risk",
                       svg::status_icon(status), name);
}

std::string header(const engine::CycleReport& r) {
    const auto& c = r.cycle;
    auto out = fmt::format("<h1>Cycle report: {}, {}</h1>\n", escape(r.project.empty() ? "(no roster)" : r.project),
                           escape(c.label));
    out += fmt::format(R"(<p class="meta">This cycle: {} to {}, {} days ({}{}, rule {}). Compared with the previous )"
                       R"(cycle, {}: {} to {}, {} days. HEAD {}.</p>)",
                       day(c.window.begin), day(c.window.end), days(c.window), escape(c.label),
                       c.automatic ? ", picked by auto" : "", engine::to_string(c.rule), escape(c.previous_label),
                       day(c.previous.begin), day(c.previous.end), days(c.previous), escape(r.head_id.substr(0, 12)));
    if (!c.picked_by.empty()) out += R"(<p class="meta">How the ends were chosen: )" + escape(c.picked_by) + ".</p>\n";
    for (const auto& w : r.warnings) out += R"(<p class="warning"><strong>Warning:</strong> )" + escape(w) + "</p>\n";
    return out + "\n";
}

std::string card(const std::string& label, const Figure& f) {
    const auto was = f.previous ? "last cycle: " + figure_value(*f.previous, f.scale) : std::string("no last cycle");
    return fmt::format(R"(<div class="card"><div class="label">{}</div><div class="value">{}</div>)"
                       R"(<div class="trend">{}</div><div class="was">{}</div></div>)",
                       escape(label), figure_value(f.current, f.scale), trend_span(f), was);
}

std::string summary(const engine::CycleReport& r) {
    const auto& s = r.summary;
    std::string out = "<section id=\"summary\"><h2>Summary</h2>\n<div class=\"cards\">";
    out += card(fmt::format("hats ok (of {})", s.hats), s.hats_ok) + card("hats at risk", s.hats_at_risk) +
           card("hats vacant", s.hats_vacant) + card("hats unassigned", s.hats_unassigned) +
           card("truck factor", s.truck_factor) + card("contributor absence factor", s.contributor_absence) +
           card("elephant factor", s.elephant) + card("commits", s.commits) + card("contributors", s.contributors) +
           card("releases", s.releases) + card("people at high burnout risk", s.high_risk);
    out += "</div>\n<p class=\"note\">At risk: understaffed, stale, single-point or shadowed. Arrows compare with "
           "the previous cycle; green is better, red is worse, and the words say so too.</p>\n";
    std::vector<std::string> truck;
    for (const auto& p : r.truck_factor.people) truck.push_back(fmt::format("{} ({} files)", escape(p.label), p.files));
    out += fmt::format("<p>Truck factor {}: {} of {} source files.</p>\n", r.truck_factor.truck_factor,
                       join(truck, "nobody"), r.truck_factor.files);
    return out + svg::weekly_chart(r) + "</section>\n";
}

std::string holders_html(const engine::HatCycle& hat) {
    std::vector<std::string> names;
    for (const auto& h : hat.holders) names.push_back(escape(h.key) + (h.active ? "" : " (inactive)"));
    for (const auto& f : hat.former_holders) {
        names.push_back("<del>" + escape(f.key) + "</del>" + (f.until ? " (until " + day(*f.until) + ")" : ""));
    }
    return join(names);
}

std::string coverage(const engine::CycleReport& r) {
    std::string out = "<section id=\"coverage\"><h2>Coverage</h2>\n<div class=\"scroll\">" + svg::coverage_matrix(r) +
                      "</div>\n";
    const auto left_out = r.digest.matrix_left_out;
    if (left_out > 0) {
        out += fmt::format("<p class=\"note\">The matrix shows the {} people who hold a hat or are among a hat's top "
                           "{} with at least {:.0f}% of its items; {} {} left out. The table lists everyone who did "
                           "a hat's work.</p>\n",
                           r.digest.matrix_people.size(), r.digest.limits.workers_per_hat,
                           r.digest.limits.meaningful_share * 100.0, left_out, left_out == 1 ? "other is" : "others are");
    }
    out += "<table><tr><th>hat</th><th>status</th><th>last cycle</th><th>holders</th><th>evidence</th>"
           "<th>who did the work</th><th>why, and what changed</th></tr>\n";
    for (std::size_t i = 0; i < r.hats.size(); ++i) {
        const auto& hat = r.hats[i];
        std::vector<std::string> workers;
        for (const auto& c : hat.contributors) {
            workers.push_back(fmt::format("{} {} ({:.0f}%){}", escape(c.label), c.evidence, c.share * 100.0,
                                          c.holder ? "" : " not a holder"));
        }
        // The digest's top contributors first; the others folded, one click away.
        const auto shown = std::min(workers.size(), r.digest.hats[i].workers.items.size());
        std::string work = workers.empty() ? "nobody" : "";
        for (std::size_t w = 0; w < shown; ++w) work += (w == 0 ? "" : ", ") + workers[w];
        if (shown < workers.size()) {
            std::string rest;
            for (std::size_t w = shown; w < workers.size(); ++w) rest += (w == shown ? "" : ", ") + workers[w];
            work += fmt::format("<details><summary>and {} more</summary>{}</details>", workers.size() - shown, rest);
        }
        std::string why = escape(finding_message(hat.finding));
        for (const auto& change : hat.changes) why += "<br>• " + escape(change.text);
        out += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td class=\"num\">{}</td><td>{}</td>"
                           "<td>{}</td></tr>\n",
                           escape(hat.hat), status_html(hat.status),
                           hat.previous_status ? status_html(*hat.previous_status) : "—", holders_html(hat),
                           figure_cell(hat.evidence), work, why);
    }
    return out + "</table></section>\n";
}

std::string risk_html(const engine::PersonCycle& p) {
    std::string out(engine::to_string(p.risk));
    if (!p.previous_risk) return out + " " + svg::trend_icon(engine::Trend::fresh, engine::Assessment::neutral) + " new";
    if (p.risk_trend == engine::Trend::same) return out;
    return fmt::format("{} {} <span class=\"{}\">from {}, {}</span>", out, svg::trend_icon(p.risk_trend, p.risk_assessment),
                       engine::to_string(p.risk_assessment), engine::to_string(*p.previous_risk),
                       engine::to_string(p.risk_assessment));
}

std::string load(const engine::CycleReport& r) {
    std::string out = "<section id=\"load\"><h2>Load</h2>\n" + svg::load_chart(r);
    if (r.digest.load_left_out > 0) {
        out += fmt::format("<p class=\"note\">The chart leaves out {} {} with no hat effort (all zero); the table lists "
                           "everyone.</p>\n",
                           r.digest.load_left_out, r.digest.load_left_out == 1 ? "person" : "people");
    }
    out += "<table><tr><th>person</th><th>risk</th><th>commitment</th><th>hats (sole: only active holder)</th>"
           "<th>commits</th><th>active days</th><th>signals</th></tr>\n";
    for (const auto& p : r.people) {
        std::vector<std::string> hats;
        for (const auto& hat : p.hats) {
            const bool sole = std::find(p.sole_hats.begin(), p.sole_hats.end(), hat) != p.sole_hats.end();
            hats.push_back(escape(hat) + (sole ? " (sole)" : ""));
        }
        const auto signals = signals_brief(p.load);
        out += fmt::format("<tr><td>{}</td><td>{}</td><td class=\"num\">{}</td><td>{}</td><td class=\"num\">{}</td>"
                           "<td class=\"num\">{}</td><td>{}</td></tr>\n",
                           escape(p.label()), risk_html(p), figure_cell(p.commitment), join(hats),
                           figure_cell(p.commits), figure_cell(p.active_days), signals == "-" ? "—" : escape(signals));
    }
    return out + "</table><p class=\"note\">Commitment = effort of the hats held (share of a full-time week) ÷ "
                 "capacity; above 1.00 is over-committed.</p></section>\n";
}

std::string checkins(const engine::CycleReport& r) {
    if (r.checkins.people == 0) return {};
    std::string out = "<section id=\"checkins\"><h2>Check-ins</h2>\n<p>" + escape(checkin_summary_words(r.checkins)) +
                      "</p>\n<table><tr><th>person</th><th>says</th><th>measured load</th><th>commitment</th>"
                      "<th>risk</th><th>note</th></tr>\n";
    for (const auto& p : r.people) {
        if (!p.checkin) continue;
        const auto& c = *p.checkin;
        out += fmt::format("<tr><td>{}</td><td>{}</td><td class=\"{}\">{}</td><td class=\"num\">{}</td><td>{}</td>"
                           "<td>{}</td></tr>\n",
                           escape(p.label()), escape(checkin_answer_words(c)), c.disagrees() ? "worse" : "",
                           escape(checkin_measured_words(c)), figure_value(p.commitment.current, p.commitment.scale),
                           engine::to_string(p.risk), c.checkin.note ? escape(*c.checkin.note) : "—");
    }
    return out + "</table><p class=\"note\">Light: commitment at most half of the maximum and no burnout signal; "
                 "heavy: over-committed or at high risk; moderate: between.</p></section>\n";
}

std::string people_changes(const engine::CycleReport& r) {
    std::string out = "<section id=\"people\"><h2>Newcomers and leavers</h2>\n<h3>New this cycle</h3><ul>";
    for (const auto& n : r.newcomers) {
        out += fmt::format("<li>{} ({}): first commit {}, {} commit{} this cycle</li>", escape(n.key), escape(n.name),
                           day(n.first_commit), n.commits, n.commits == 1 ? "" : "s");
    }
    if (r.newcomers.empty()) out += "<li>nobody</li>";
    out += "</ul>\n<h3>Stopped contributing (commits last cycle, none this cycle)</h3><ul>";
    for (const auto& l : r.leavers) {
        out += fmt::format("<li>{} ({}): last commit {}, {} commit{} last cycle{}</li>", escape(l.key), escape(l.name),
                           day(l.last_commit), l.previous_commits, l.previous_commits == 1 ? "" : "s",
                           l.hats.empty() ? "" : "; still holds " + escape(join(l.hats)));
    }
    if (r.leavers.empty()) out += "<li>nobody</li>";
    return out + "</ul></section>\n";
}

std::string releases(const engine::CycleReport& r) {
    std::string out = "<section id=\"releases\"><h2>Releases</h2>\n";
    if (r.releases.empty()) return out + "<p>No tag was made in this cycle.</p></section>\n";
    out += "<table><tr><th>tag</th><th>date</th><th>by</th><th>kind</th></tr>\n";
    for (const auto& t : r.releases) {
        out += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n", escape(t.tag), day(t.time),
                           t.by.empty() ? "—" : escape(t.by), t.release ? "release" : "other tag");
    }
    return out + "</table></section>\n";
}

std::string asks(const engine::CycleReport& r) {
    std::string out = "<section id=\"asks\"><h2>Asks</h2>\n";
    if (r.asks.empty()) return out + "<p>Nothing to ask: no finding calls for action this cycle.</p></section>\n";
    out += "<ol class=\"asks\">";
    for (const auto& ask : r.asks) out += "<li>" + escape(ask.text) + ".</li>";
    return out + "</ol></section>\n";
}

}  // namespace

std::string html_page(const std::string& title, const std::string& body) {
    std::string out = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
                      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                      "<meta name=\"color-scheme\" content=\"light dark\">\n";
    out += fmt::format("<title>{}</title>\n<style>{}</style>\n</head>\n<body>\n", escape(title), k_style);
    out += body;
    out += "<pre id=\"self-check\" hidden></pre>\n<script>" + std::string(k_self_check) + "</script>\n";
    return out + "</body></html>\n";
}

std::string cycle_html_sections(const engine::CycleReport& report) {
    return header(report) + summary(report) + coverage(report) + load(report) + checkins(report) +
           people_changes(report) + releases(report) + asks(report);
}

std::string status_html_of(engine::Status status) { return status_html(status); }

std::string render_cycle_html(const engine::CycleReport& report) {
    return html_page("Cycle report: " + report.project + ", " + report.cycle.label, cycle_html_sections(report));
}

}  // namespace roles::report
