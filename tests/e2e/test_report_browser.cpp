// A real browser check of the HTML cycle report: headless Chromium (Debian `chromium`,
// installed by scripts/install-deps.sh) loads the report of examples/cycles, which must load
// without console messages; the page's own self-check (an inline script that measures each
// chart once loaded) must report every chart with a non-zero size and the expected number of
// bars and cells; and a PNG screenshot (light, dark) and a PDF print are saved under
// <build>/test-artifacts/ for people to look at. Then the same at scale, on examples/crowd
// built at the size of an OpenStack team (30 people, 10 hats) and at 100 people and 15 hats,
// at a 1280-px window, light and dark: no two texts overlap (bounding boxes), no text is
// smaller than 10 px, nothing is wider than the viewport outside a scrolling container.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "e2e/run_binary.hpp"

using roles::test::run_shell;
using roles::test::shell_quote;

namespace {

namespace fs = std::filesystem;

// Headless, offline, no first-run work; every run in a fresh profile. The compositor flag
// and the virtual time budget make the screenshot wait until the page is fully painted.
std::string chromium(const std::string& args) {
    const auto profile = roles::test::make_temp_dir();
    return "timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run "
           "--disable-background-networking --disable-component-update --disable-sync --user-data-dir=" +
           shell_quote(profile) + " --run-all-compositor-stages-before-draw --virtual-time-budget=3000 " + args;
}

void require_chromium() {
    const auto found = run_shell("command -v chromium");
    if (found.exit_code != 0) {
        FAIL("chromium is not installed: run scripts/install-deps.sh (as root) to install Debian's chromium");
    }
}

// The DOM after load, and Chromium's log on stderr (console messages appear there as
// "INFO:CONSOLE" lines, uncaught exceptions as "Uncaught ...").
roles::test::RunResult load_page(const std::string& file) {
    return run_shell(chromium("--enable-logging=stderr --v=0 --dump-dom " + shell_quote("file://" + file)));
}

std::vector<std::string> console_lines(const std::string& log) {
    std::vector<std::string> out;
    std::istringstream in(log);
    for (std::string line; std::getline(in, line);) {
        if (line.find(":CONSOLE") != std::string::npos || line.find("Uncaught") != std::string::npos) out.push_back(line);
    }
    return out;
}

nlohmann::json self_check(const std::string& dom) {
    std::smatch m;
    REQUIRE(std::regex_search(dom, m, std::regex(R"(<pre id="self-check" hidden="">([^<]*)</pre>)")));
    auto parsed = nlohmann::json::parse(m[1].str(), nullptr, false);
    REQUIRE_FALSE(parsed.is_discarded());
    return parsed;
}

std::string artifacts_dir() {
    const auto dir = fs::path(ROLES_BINARY).parent_path().parent_path() / "test-artifacts";
    fs::create_directories(dir);
    return dir.string();
}

// A PNG's width and height from its IHDR chunk (bytes 16-23, big-endian).
std::pair<std::uint32_t, std::uint32_t> png_size(const std::string& path) {
    std::ifstream file(path, std::ios::binary);
    std::string head(24, '\0');
    file.read(head.data(), 24);
    REQUIRE(file.gcount() == 24);
    REQUIRE(head.substr(1, 3) == "PNG");
    const auto be = [&](std::size_t at) {
        std::uint32_t v = 0;
        for (std::size_t i = 0; i < 4; ++i) v = (v << 8) | static_cast<unsigned char>(head[at + i]);
        return v;
    };
    return {be(16), be(20)};
}

}  // namespace

TEST_CASE("the console check catches a page that throws", "[e2e][browser]") {
    require_chromium();
    const auto page = roles::test::make_temp_dir() + "/broken.html";
    std::ofstream(page) << "<!DOCTYPE html><html><body><p>x</p><script>no_such_function();</script></body></html>\n";
    const auto run = load_page(page);
    REQUIRE(run.exit_code == 0);
    const auto lines = console_lines(run.err);
    REQUIRE(lines.size() == 1);
    CHECK(lines[0].find("Uncaught ReferenceError: no_such_function is not defined") != std::string::npos);
}

// examples/cycles: 6 hats x 4 people (ana, ben, cai, dee) = 24 matrix cells; 3 load bars with
// 3 capacity marks (dee holds no hat: an all-zero row, left out); 13 weeks in the 91-day cycle;
// 11 summary figures with a trend arrow each.
TEST_CASE("the html report loads in chromium with sized charts and no console errors", "[e2e][browser]") {
    require_chromium();
    const auto repo = roles::test::build_example("cycles");
    const auto page = roles::test::make_temp_dir() + "/report.html";
    const auto made = roles::test::run_roles("report " + shell_quote(repo) + " --format html -o " + shell_quote(page));
    REQUIRE(made.exit_code == 0);

    const auto run = load_page(page);
    INFO(run.err.substr(0, 2000));
    REQUIRE(run.exit_code == 0);
    CHECK(console_lines(run.err).empty());
    const auto check = self_check(run.out);
    INFO(check.dump());
    REQUIRE(check["charts"].size() == 3);
    std::map<std::string, nlohmann::json> charts;
    for (const auto& chart : check["charts"]) {
        CHECK(chart["width"].get<int>() > 0);
        CHECK(chart["height"].get<int>() > 0);
        CHECK_FALSE(chart["title"].get<std::string>().empty());
        charts[chart["id"]] = chart;
    }
    CHECK(charts["weekly-chart"]["bars"] == 13);
    CHECK(charts["coverage-matrix"]["cells"] == 24);
    CHECK(charts["load-chart"]["bars"] == 3);
    CHECK(charts["load-chart"]["capacity_marks"] == 3);
    CHECK(check["trend_icons"].get<int>() >= 11);

    const auto dir = artifacts_dir();
    const auto light = dir + "/report.png";
    const auto dark = dir + "/report-dark.png";
    const auto pdf = dir + "/report.pdf";
    fs::remove(light);
    fs::remove(dark);
    fs::remove(pdf);
    const auto url = shell_quote("file://" + page);
    CHECK(run_shell(chromium("--screenshot=" + shell_quote(light) + " --window-size=1280,2000 " + url)).exit_code == 0);
    CHECK(run_shell(chromium("--force-dark-mode --screenshot=" + shell_quote(dark) + " --window-size=1280,2000 " + url))
              .exit_code == 0);
    CHECK(run_shell(chromium("--no-pdf-header-footer --print-to-pdf=" + shell_quote(pdf) + " " + url)).exit_code == 0);
    CHECK(png_size(light) == std::pair<std::uint32_t, std::uint32_t>(1280, 2000));
    CHECK(png_size(dark) == std::pair<std::uint32_t, std::uint32_t>(1280, 2000));
    REQUIRE(fs::exists(pdf));
    CHECK(fs::file_size(pdf) > 10000);
}

namespace {

// examples/crowd at PEOPLExHATS, its HTML report written to a file.
std::string crowd_report(const std::string& size) {
    const auto repo = roles::test::make_temp_dir() + "/crowd";
    const auto built = run_shell("CROWD_SIZE=" + size + " " + shell_quote(std::string(ROLES_SOURCE_DIR) + "/examples/build.sh") +
                                 " crowd " + shell_quote(repo));
    REQUIRE(built.exit_code == 0);
    const auto page = roles::test::make_temp_dir() + "/report-" + size + ".html";
    const auto made = roles::test::run_roles("report " + shell_quote(repo) + " --format html -o " + shell_quote(page));
    REQUIRE(made.exit_code == 0);
    return page;
}

void check_geometry(const nlohmann::json& check) {
    INFO(check.dump());
    CHECK(check["viewport"].get<int>() <= 1280);
    CHECK(check["overlap_count"].get<int>() == 0);
    CHECK(check["min_font_px"].get<double>() >= 10.0);
    CHECK(check["too_wide"].empty());
    CHECK(check["scroll_width"].get<int>() <= check["viewport"].get<int>());
}

}  // namespace

TEST_CASE("the html report of 30 and 100 people reads at 1280 px: no overlap, no tiny text", "[e2e][browser]") {
    require_chromium();
    const auto dir = artifacts_dir();
    for (const std::string size : {"30x10", "100x15"}) {
        INFO("size " << size);
        const auto page = crowd_report(size);
        const auto url = shell_quote("file://" + page);
        for (const std::string mode : {"", "--force-dark-mode "}) {
            INFO("mode '" << mode << "'");
            const auto run = run_shell(chromium(mode + "--window-size=1280,2000 --enable-logging=stderr --v=0 --dump-dom " + url));
            REQUIRE(run.exit_code == 0);
            CHECK(console_lines(run.err).empty());
            const auto check = self_check(run.out);
            check_geometry(check);
            std::map<std::string, nlohmann::json> charts;
            for (const auto& chart : check["charts"]) charts[chart["id"]] = chart;
            // The matrix is wider than the page at 100 people: it scrolls in its own container.
            CHECK(charts["coverage-matrix"]["scrolls"] == true);
            CHECK(charts["coverage-matrix"]["cells"].get<int>() > 0);
        }
        const auto name = dir + "/report-crowd-" + size;
        fs::remove(name + ".png");
        fs::remove(name + "-dark.png");
        fs::remove(name + ".pdf");
        CHECK(run_shell(chromium("--screenshot=" + shell_quote(name + ".png") + " --window-size=1280,2400 " + url)).exit_code == 0);
        CHECK(run_shell(chromium("--force-dark-mode --screenshot=" + shell_quote(name + "-dark.png") +
                                 " --window-size=1280,2400 " + url))
                  .exit_code == 0);
        CHECK(run_shell(chromium("--no-pdf-header-footer --print-to-pdf=" + shell_quote(name + ".pdf") + " " + url)).exit_code == 0);
        CHECK(png_size(name + ".png") == std::pair<std::uint32_t, std::uint32_t>(1280, 2400));
        REQUIRE(fs::exists(name + ".pdf"));
        CHECK(fs::file_size(name + ".pdf") > 10000);
    }
}

TEST_CASE("the geometry check catches overlapping and tiny text", "[e2e][browser]") {
    require_chromium();
    // Two texts at the same place, one at 8 px, and a block wider than the window, put into a
    // real report: its own self-check script must see all three.
    const auto repo = roles::test::build_example("cycles");
    const auto made = roles::test::run_roles("report " + shell_quote(repo) + " --format html");
    REQUIRE(made.exit_code == 0);
    auto html = made.out;
    const auto body = html.find("<body>\n");
    REQUIRE(body != std::string::npos);
    html.insert(body + 7, R"(<svg class="chart" id="bad" width="300" height="60"><text x="10" y="20">overlap</text>)"
                          R"(<text x="12" y="22">overlap</text><text x="10" y="50" style="font-size:8px">tiny</text>)"
                          R"(</svg><div style="width:3000px">wide</div>)");
    const auto page = roles::test::make_temp_dir() + "/bad.html";
    std::ofstream(page) << html;
    const auto run = run_shell(chromium("--window-size=1280,800 --dump-dom " + shell_quote("file://" + page)));
    REQUIRE(run.exit_code == 0);
    const auto check = self_check(run.out);
    INFO(check.dump());
    CHECK(check["overlap_count"].get<int>() == 1);
    CHECK(check["min_font_px"].get<double>() == Approx(8.0));
    CHECK_FALSE(check["too_wide"].empty());
}
