// Command-line parsing into Options: defaults, lists, formats, usage errors.
#include <catch2/catch.hpp>

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
    CHECK(parsed->options->command == cli::Command::audit);
    CHECK(parsed->options->repo == ".");
    CHECK(parsed->options->format == cli::Format::text);
    CHECK(parsed->options->fail_on == std::vector<std::string>{"vacant"});
}

TEST_CASE("the --fail-on option takes comma-separated and repeated values", "[cli][parser]") {
    const auto parsed = parse({"audit", "repo", "--fail-on", "vacant,stale", "--fail-on", "shadowed", "--format", "JSON"});
    REQUIRE(parsed.has_value());
    CHECK(parsed->options->repo == "repo");
    CHECK(parsed->options->fail_on == std::vector<std::string>{"vacant", "stale", "shadowed"});
    CHECK(parsed->options->format == cli::Format::json);
}

TEST_CASE("validate takes the roster as a positional", "[cli][parser]") {
    const auto parsed = parse({"validate", "x/ROLES.yaml"});
    REQUIRE(parsed.has_value());
    CHECK(parsed->options->command == cli::Command::validate);
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
