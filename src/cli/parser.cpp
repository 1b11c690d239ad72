#include <map>
#include <sstream>

#include <CLI/CLI.hpp>

#include "roles/cli/app.hpp"
#include "roles/roster/import.hpp"
#include "roles/util/text.hpp"

namespace roles::cli {
namespace {

const std::map<std::string, Format> k_formats = {{"text", Format::text},         {"json", Format::json},
                                                 {"markdown", Format::markdown}, {"html", Format::html},
                                                 {"sarif", Format::sarif},       {"github", Format::github},
                                                 {"codequality", Format::codequality}};

// CLI11 fills this string and parse_command_line maps it onto Options::format afterwards:
// CLI11 prints the values of an enum map as characters, which garbles --help.
struct ParseState {
    std::string format = "text";
    std::string report_format = "markdown";  ///< `report` has its own default
};

void add_common(CLI::App& command, Options& options, ParseState& state,
                const std::vector<std::string>& formats = {"text", "json"}) {
    // Only the formats these commands render; `report` declares its own.
    std::string names;
    for (std::size_t i = 0; i < formats.size(); ++i) {
        names += (i == 0 ? "" : i + 1 == formats.size() ? " or " : ", ") + formats[i];
    }
    command.add_option("--format", state.format, "output format: " + names)
        ->check(CLI::IsMember(formats, CLI::ignore_case));
    command.add_option("-o,--output", options.output, "write the report to FILE instead of stdout");
    command.add_flag("--no-color", options.no_color, "never colour the output (NO_COLOR is honoured too)");
    command.add_flag("-q,--quiet", options.quiet, "print only what needs attention");
    command.add_flag("-v,--verbose", options.verbosity, "more detail; repeat for more");
}

void add_history(CLI::App& command, Options& options) {
    command.add_option("REPO", options.repo, "repository (any path inside it; default: .)");
    command.add_option("--roster", options.roster, "roster file (default: ROLES.yaml at the repository root)");
    command.add_option("--since", options.since, "window start: YYYY-MM-DD, a tag or a commit id");
    command.add_option("--until", options.until, "window end: YYYY-MM-DD, a tag or a commit id (default: HEAD's time)");
    command.add_option("--ref", options.ref, "what to analyse (default: HEAD)");
    command.add_flag("--stats", options.stats, "print per-phase timings and loader counts to stderr");
    command.add_flag("--no-cache", options.no_cache, "neither read nor write the history cache");
    command.add_option("--cache-dir", options.cache_dir,
                       "where to keep the history cache (default: roles-cache in the git dir)");
    command.add_option("--threads", options.threads, "threads reading history (default: one per core, at most 4)")
        ->check(CLI::Range(0U, 256U));
}

// The roster to import and, for openstack and kubernetes, the one project to keep.
void add_import_picks(CLI::App& command, Options& options) {
    command.add_option("--team", options.team, "openstack import: only this team, as a plain roster");
    command.add_option("--group", options.group, "kubernetes import: only this SIG, working group or committee");
}

void add_import_source(CLI::App& audit, Options& options) {
    auto* spec = audit.add_option("--import", options.import_spec,
                                  "audit a published roster instead of ROLES.yaml: KIND:FILE, KIND one of "
                                  "openstack, kubernetes, maintainers, codeowners");
    add_import_picks(audit, options);
    spec->excludes(audit.get_option("--roster"));
}

void add_import(CLI::App& app, Options& options) {
    auto* command = app.add_subcommand("import", "turn a published roster into a roles roster");
    const auto kinds = roster::import_kind_names();
    command->add_option("KIND", options.import_kind, "openstack, kubernetes, maintainers or codeowners")
        ->required()
        ->check(CLI::IsMember(std::vector<std::string>(kinds.begin(), kinds.end())));
    command->add_option("FILE", options.import_file, "the file: projects.yaml, sigs.yaml, MAINTAINERS, CODEOWNERS")
        ->required();
    command->add_option("-o,--output", options.output, "write the roster to ROSTER instead of stdout");
    command->add_flag("--force", options.force, "replace ROSTER when it exists");
    command->add_flag("-q,--quiet", options.quiet, "no warnings or summary on stderr");
    add_import_picks(*command, options);
    command->footer("Examples:\n  roles import openstack projects.yaml -o programs.yaml\n"
                    "  roles import openstack projects.yaml --team nova -o ROLES.yaml\n"
                    "  roles import kubernetes sigs.yaml --group sig-node\n"
                    "  roles import maintainers MAINTAINERS -o kernel.yaml\n"
                    "  roles import codeowners .github/CODEOWNERS");
    command->callback([&options] { options.command = Command::import; });
}

void add_audit(CLI::App& app, Options& options, ParseState& state) {
    auto* audit = app.add_subcommand("audit", "coverage of every hat, and the CI gate");
    add_history(*audit, options);
    add_common(*audit, options, state, {"text", "json", "markdown", "sarif", "github", "codequality"});
    audit->add_flag("--require-roster", options.require_roster, "fail (exit 2) when the repository has no roster");
    audit->add_flag("--allow-shallow", options.allow_shallow,
                    "audit a shallow clone anyway (otherwise exit 2); its figures are marked as computed on a "
                    "truncated history");
    audit->add_option("--active-within", options.active_within,
                      "absence-aware truck factor: authors idle this long before the window's end are gone "
                      "(90d, 12w, 6m, 1y; default 1y)");
    add_import_source(*audit, options);
    audit->add_option("--fail-on", options.fail_on,
                      "what fails the gate (exit 1): vacant, understaffed, stale, single-point, "
                      "shadowed, burnout-high, any, none (default: vacant)")
        ->delimiter(',');
    audit->footer("Examples:\n  roles audit                      # this repository, its ROLES.yaml\n"
                  "  roles audit ../nova --format json\n"
                  "  roles audit --fail-on vacant,stale --require-roster   # a CI gate");
    audit->callback([&options] { options.command = Command::audit; });
}

void add_load(CLI::App& app, Options& options, ParseState& state) {
    auto* load = app.add_subcommand("load", "per-person load and burnout signals");
    add_history(*load, options);
    add_common(*load, options, state, {"text", "json", "markdown"});
    load->add_option("--person", options.person,
                     "one person's detail: hour and weekday histograms (local time), streak, evidence per hat");
    load->add_option("--project", options.project, "program roster: only this project (default: every project)");
    load->footer("Examples:\n  roles load                       # everyone, riskiest first\n"
                 "  roles load ../nova --person gibi\n"
                 "  roles load --format json -o load.json");
    load->callback([&options] { options.command = Command::load; });
}

void add_validate(CLI::App& app, Options& options, ParseState& state) {
    auto* validate = app.add_subcommand("validate", "check a roster without analysing history");
    validate->add_option("ROSTER", options.roster, "roster file (default: ./ROLES.yaml)");
    add_common(*validate, options, state);
    validate->footer("Example:\n  roles validate ROLES.yaml");
    validate->callback([&options] { options.command = Command::validate; });
}

void add_hats(CLI::App& app, Options& options, ParseState& state) {
    auto* hats = app.add_subcommand("hats", "list the hats of the built-in catalogs");
    hats->add_option("--catalog", options.catalog, "one catalog, by built-in name or path");
    add_common(*hats, options, state);
    hats->footer("Examples:\n  roles hats\n  roles hats --catalog openstack --format json");
    hats->callback([&options] { options.command = Command::hats; });
}

void add_identities(CLI::App& app, Options& options, ParseState& state) {
    auto* identities = app.add_subcommand("identities", "who is who: the identities behind each person, and tools");
    add_history(*identities, options);
    add_common(*identities, options, state);
    identities->footer("Examples:\n  roles identities                 # people with several identities, tools, likely merges\n"
                       "  roles identities ../nova -v      # everyone\n"
                       "  roles identities --format json -o identities.json");
    identities->callback([&options] { options.command = Command::identities; });
}

// `roles report`: the history options of audit and load but --since/--until (the cycle
// decides the window), and --format markdown (default), json or html.
void add_report(CLI::App& app, Options& options, ParseState& state) {
    auto* report = app.add_subcommand("report", "cycle report: hats, load and trends against the previous cycle");
    add_history(*report, options);
    report->remove_option(report->get_option("--since"));
    report->remove_option(report->get_option("--until"));
    report->add_option("--cycle", options.cycle,
                       "the cycle: A..B with each end a tag, branch, commit or YYYY-MM-DD, or 'auto' for the two "
                       "latest release tags (default: auto)");
    report->add_option("--format", state.report_format,
                       "output format: markdown (default), text (the cycle mail, 72 columns), json or html")
        ->check(CLI::IsMember({"markdown", "json", "html", "text"}, CLI::ignore_case));
    report->add_option("-o,--output", options.output, "write the report to FILE instead of stdout");
    report->add_flag("-q,--quiet", options.quiet, "no notes on stderr (such as the no-roster hint)");
    report->add_option("--project", options.project, "program roster: only this project (default: every project)");
    report->footer("Examples:\n  roles report                              # the two latest release tags\n"
                   "  roles report ../nova --cycle 31.0.0..32.0.0 --format html -o cycle.html\n"
                   "  roles report --cycle 2025-04-01..2025-06-30 --format json");
    report->callback([&options] { options.command = Command::report; });
}

// `roles whatif`: the history options, the gate, and who leaves.
void add_whatif(CLI::App& app, Options& options, ParseState& state) {
    auto* whatif = app.add_subcommand("whatif", "the audit once some people or a company have left");
    add_history(*whatif, options);
    add_common(*whatif, options, state);
    whatif->remove_option(whatif->get_option("--format"));
    whatif->add_option("--format", state.format, "output format: text, json or markdown")
        ->check(CLI::IsMember({"text", "json", "markdown"}, CLI::ignore_case));
    auto* without = whatif->add_option("--without", options.without,
                                       "who leaves: person keys, emails, names, or @Affiliation (a roster "
                                       "affiliation or an email domain)");
    whatif->add_option("--without-each", options.without_each,
                       "each case in turn, worst first: @ (every affiliation) or person")
        ->check(CLI::IsMember({"@", "person"}))
        ->excludes(without);
    whatif->add_option("--active-within", options.active_within,
                       "absence-aware truck factor: authors idle this long before the window's end are gone "
                       "(default 1y)");
    whatif->add_flag("--allow-shallow", options.allow_shallow, "analyse a shallow clone anyway (otherwise exit 2)");
    add_import_source(*whatif, options);
    whatif->add_option("--fail-on", options.fail_on,
                       "what fails the gate (exit 1) when a departure newly causes it: vacant, understaffed, "
                       "stale, single-point, shadowed, burnout-high, any, none (default: vacant)")
        ->delimiter(',');
    whatif->footer("Examples:\n  roles whatif --without gibi             # gibi steps down\n"
                   "  roles whatif ../nova --without '@Red Hat' --format markdown\n"
                   "  roles whatif --without-each @ --fail-on vacant   # CI: no company's leaving empties a hat");
    whatif->callback([&options] { options.command = Command::whatif; });
}

// `roles init`: the history options (no --roster: it writes one), where to write and what on.
void add_init(CLI::App& app, Options& options) {
    auto* init = app.add_subcommand("init", "draft a ROLES.yaml from history and the repository's maintainer files");
    add_history(*init, options);
    init->remove_option(init->get_option("--roster"));
    init->add_option("--catalog", options.catalog,
                     "the catalog of hats, built-in name or path (default: openstack with a .zuul.yaml, "
                     "kubernetes-sig with an OWNERS file, else generic)");
    init->add_option("--project", options.project, "the project's name (default: the repository's folder)");
    init->add_option("-o,--output", options.output, "write the roster to FILE, '-' for stdout (default: ROLES.yaml "
                                                    "at the work tree's root)");
    init->add_flag("--force", options.force, "replace the file when it exists");
    init->add_flag("-q,--quiet", options.quiet, "no warnings or summary on stderr");
    init->footer("Examples:\n  roles init                       # writes ./ROLES.yaml (never over an existing one)\n"
                 "  roles init ../nova -o - | less\n"
                 "  roles init --catalog openstack -o nova-roles.yaml");
    init->callback([&options] { options.command = Command::init; });
}

// CLI11 would report a misspelled command as an unexpected positional; say what it is.
std::optional<util::Error> check_command_name(int argc, const char* const* argv, const CLI::App& app) {
    if (argc < 2 || argv[1][0] == '-') return std::nullopt;
    const std::string word = argv[1];
    std::vector<std::string> names;
    for (const auto* sub : app.get_subcommands({})) names.push_back(sub->get_name());
    if (std::find(names.begin(), names.end(), word) != names.end()) return std::nullopt;
    const auto suggestion = util::closest_match(word, names);
    return util::Error{util::ErrorKind::usage, "unknown command " + util::quoted(word),
                       suggestion ? "did you mean " + util::quoted(*suggestion) + "?"
                                  : "run 'roles --help' for the list",
                       {}};
}

// CLI11 capitalises its messages; an upper-case word such as a KIND placeholder stays as is.
std::string lowercase_first(std::string text) {
    const bool word_in_capitals = text.size() > 1 && std::isupper(static_cast<unsigned char>(text[1]));
    if (!text.empty() && !word_in_capitals) {
        text[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(text[0])));
    }
    return text;
}

}  // namespace

util::Expected<ParseOutcome> parse_command_line(int argc, const char* const* argv) {
    Options options;
    ParseState state;
    CLI::App app{"roles: maintainer workload and role coverage from git history and a roster", "roles"};
    app.set_version_flag("--version", std::string("roles ") + ROLES_VERSION);
    app.require_subcommand(1);
    add_audit(app, options, state);
    add_load(app, options, state);
    add_validate(app, options, state);
    add_hats(app, options, state);
    add_import(app, options);
    add_report(app, options, state);
    add_identities(app, options, state);
    add_whatif(app, options, state);
    add_init(app, options);
    app.footer("Run 'roles COMMAND --help' for a command's options and examples.");
    if (auto error = check_command_name(argc, argv, app)) return std::unexpected(*error);
    try {
        app.parse(argc, argv);
    } catch (const CLI::Success& success) {
        std::ostringstream out, err;
        app.exit(success, out, err);
        const auto text = out.str();
        std::fwrite(text.data(), 1, text.size(), stdout);
        return ParseOutcome{std::nullopt, util::ExitCode::ok};
    } catch (const CLI::ParseError& error) {
        return util::fail(util::ErrorKind::usage, "bad usage", lowercase_first(error.what()) +
                                                                   " (run 'roles --help')");
    }
    options.format = k_formats.at(util::to_lower_ascii(options.command == Command::report ? state.report_format
                                                                                           : state.format));
    return ParseOutcome{options, util::ExitCode::ok};
}

}  // namespace roles::cli
