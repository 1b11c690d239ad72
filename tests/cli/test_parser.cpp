// Command-line parsing into Options: defaults, lists, formats, usage errors.
#include <catch2/catch.hpp>

#include <map>
#include <vector>

#include "roles/cli/app.hpp"

using namespace roles;

namespace {
util::Expected<cli::ParseOutcome> parse(std::vector<const char*> args) {
    args.insert(args.begin(), "roles");
    return cli::parse_command_line(static_cast<int>(args.size()), args.data());
}
}  // namespace

TEST_CASE("audit defaults to this directory, text and --fail-on vacant", "[cli][parser]") {
    const auto parsed = parse({"audit"});
    REQUIRE(parsed.has_value());
    REQUIRE(parsed->options.has_value());
    CHECK(parsed->options->command == "audit");
    CHECK(parsed->options->repo == ".");
    CHECK(parsed->options->format == "text");
    CHECK(parsed->options->fail_on == std::vector<std::string>{"vacant"});
}

TEST_CASE("the --fail-on option takes comma-separated and repeated values", "[cli][parser]") {
    const auto parsed = parse({"audit", "repo", "--fail-on", "vacant,stale", "--fail-on", "shadowed", "--format", "JSON"});
    REQUIRE(parsed.has_value());
    CHECK(parsed->options->repo == "repo");
    CHECK(parsed->options->fail_on == std::vector<std::string>{"vacant", "stale", "shadowed"});
    CHECK(parsed->options->format == "json");
}

TEST_CASE("validate takes the roster as a positional", "[cli][parser]") {
    const auto parsed = parse({"validate", "x/ROLES.yaml"});
    REQUIRE(parsed.has_value());
    CHECK(parsed->options->command == "validate");
    CHECK(parsed->options->roster == std::optional<std::string>("x/ROLES.yaml"));
}

TEST_CASE("usage errors are reported, not thrown", "[cli][parser]") {
    const auto unknown_flag = parse({"audit", "--bogus"});
    REQUIRE_FALSE(unknown_flag.has_value());
    CHECK(unknown_flag.error().kind == util::ErrorKind::usage);
    const auto bad_format = parse({"audit", "--format", "pdf"});
    REQUIRE_FALSE(bad_format.has_value());
    const auto typo = parse({"hast"});
    REQUIRE_FALSE(typo.has_value());
    CHECK(typo.error().message() == "unknown command 'hast': did you mean 'hats'?");
    const auto none = parse({});
    REQUIRE_FALSE(none.has_value());
}

namespace {
// The message of a usage error, or a line saying the command line parsed.
std::string usage_message(std::vector<const char*> args) {
    const auto parsed = parse(std::move(args));
    if (parsed) return "(parsed)";
    CHECK(parsed.error().kind == util::ErrorKind::usage);
    return parsed.error().message();
}
}  // namespace

TEST_CASE("each command's default format is the first of its format table", "[cli][parser]") {
    CHECK(parse({"report"})->options->format == "markdown");
    CHECK(parse({"load"})->options->format == "text");
    CHECK(parse({"report", "--format", "HTML"})->options->format == "html");
    CHECK(parse({"report"})->options->command == "report");
}

TEST_CASE("every command that reads history takes the shared history options", "[cli][parser]") {
    for (const char* command : {"audit", "load", "whatif", "identities", "report"}) {
        INFO(command);
        const auto parsed = parse({command, "repo", "--import", "openstack:projects.yaml", "--team", "nova", "--ref",
                                   "main", "--threads", "2", "--no-cache", "--cache-dir", "/tmp/c", "--stats"});
        REQUIRE(parsed.has_value());
        CHECK(parsed->options->command == command);
        CHECK(parsed->options->repo == "repo");
        CHECK(parsed->options->import_spec == std::optional<std::string>("openstack:projects.yaml"));
        CHECK(parsed->options->picks == std::map<std::string, std::string>{{"team", "nova"}});
        CHECK(parsed->options->ref == "main");
        CHECK(parsed->options->threads == 2);
        CHECK(parsed->options->no_cache);
        CHECK(parsed->options->cache_dir == std::optional<std::string>("/tmp/c"));
        CHECK(parsed->options->stats);
    }
    const auto group = parse({"load", "--import", "kubernetes:sigs.yaml", "--group", "sig-node", "--since", "2025-01-01"});
    REQUIRE(group.has_value());
    CHECK(group->options->picks == std::map<std::string, std::string>{{"group", "sig-node"}});
    CHECK(group->options->since == std::optional<std::string>("2025-01-01"));
    // --roster and --import name the same thing: one or the other.
    CHECK(usage_message({"load", "--roster", "r.yaml", "--import", "openstack:p.yaml"}).find("excludes") !=
          std::string::npos);
}

TEST_CASE("every command that prints a report takes the shared output options", "[cli][parser]") {
    for (const char* command : {"audit", "load", "validate", "hats", "report", "identities", "whatif"}) {
        INFO(command);
        const auto parsed = parse({command, "--format", "json", "-o", "out.json", "--no-color", "-q", "-vv"});
        REQUIRE(parsed.has_value());
        CHECK(parsed->options->format == "json");
        CHECK(parsed->options->output == std::optional<std::string>("out.json"));
        CHECK(parsed->options->no_color);
        CHECK(parsed->options->quiet);
        CHECK(parsed->options->verbosity == 2);
    }
}

TEST_CASE("report takes a cycle, not dates", "[cli][parser]") {
    CHECK(parse({"report", "--cycle", "v1..v2"})->options->cycle == "v1..v2");
    CHECK(usage_message({"report", "--since", "2025-01-01"}) ==
          "bad usage: unknown option '--since' for 'roles report' (it is an option of audit, load, identities, "
          "whatif, init); run 'roles report --help'");
}

TEST_CASE("a misspelled option gets a did you mean and the command's own help", "[cli][parser]") {
    // "--formt" is one deletion from "--format"; "--thread" one from "--threads".
    CHECK(usage_message({"load", "--formt", "json"}) ==
          "bad usage: unknown option '--formt' for 'roles load' (did you mean '--format'?); run 'roles load --help'");
    CHECK(usage_message({"audit", "--thread", "2"}) ==
          "bad usage: unknown option '--thread' for 'roles audit' (did you mean '--threads'?); run 'roles audit "
          "--help'");
    // An option's value is skipped, even one that starts with '-': "-o -" is stdout.
    CHECK(usage_message({"init", "-o", "-", "--forse"}) ==
          "bad usage: unknown option '--forse' for 'roles init' (did you mean '--force'?); run 'roles init --help'");
    // In a cluster of short flags, the letter that is no flag; '-q' and '-v' are.
    CHECK(usage_message({"whatif", "-qvx"}) ==
          "bad usage: unknown option '-x' for 'roles whatif'; run 'roles whatif --help'");
    CHECK(usage_message({"import", "openstack"}).ends_with("; run 'roles import --help'"));
}

TEST_CASE("roles help names an unknown command with a did you mean", "[cli][parser]") {
    CHECK(usage_message({"help", "lod"}) == "unknown command 'lod': did you mean 'load'?");
    CHECK(usage_message({"help", "zzzzzz"}) == "unknown command 'zzzzzz': run 'roles --help' for the list");
}
