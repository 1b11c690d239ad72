#!/usr/bin/env python3
"""Runs the commands of every CI example in examples/ci/ with the built roles binary on
fixtures built by examples/build.sh, and checks their exit codes and outputs.

usage: test_ci_examples.py ROLES_BINARY SOURCE_DIR

The YAML files are read with python3-yaml, Zuul's Jinja templates with python3-jinja2. One
command is not run, on purpose, and is named here:
  - GitHub Actions step `install-roles`: it downloads and builds roles; the test puts the
    built binary on PATH instead (GitLab's and Zuul's examples expect roles installed).
"""

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import unittest

import jinja2
import jsonschema
import yaml

ROLES = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else ""
SOURCE = os.path.abspath(sys.argv[2]) if len(sys.argv) > 2 else ""
CI = os.path.join(SOURCE, "examples", "ci")

# step id -> why the test does not run it (see the module docstring).
GITHUB_NOT_RUN = {
    "install-roles": "downloads and builds roles: the built binary is on PATH instead",
}

REQUIRED_CODEQUALITY = ("description", "check_name", "fingerprint", "severity")
SEVERITIES = {"info", "minor", "major", "critical", "blocker"}


def load(path):
    with open(path, encoding="utf-8") as f:
        return yaml.safe_load(f)


class Fixture:
    """An examples/ project built into a temporary directory, with roles on PATH."""

    def __init__(self, name):
        self.tmp = tempfile.mkdtemp(prefix="roles-ci-")
        self.repo = os.path.join(self.tmp, name)
        subprocess.run([os.path.join(SOURCE, "examples", "build.sh"), name, self.repo], check=True)
        self.bin = os.path.join(self.tmp, "bin")
        os.mkdir(self.bin)
        os.symlink(ROLES, os.path.join(self.bin, "roles"))
        self.env = dict(os.environ, PATH=self.bin + os.pathsep + os.environ["PATH"], NO_COLOR="1")

    def shell(self, command, env, cwd=None):
        """One `run:`/`script:` line as CI runs it: bash, stopping at the first error."""
        return subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", command],
                              cwd=cwd or self.repo, env={**self.env, **env}, capture_output=True, text=True)

    def close(self):
        shutil.rmtree(self.tmp, ignore_errors=True)


def strings(mapping):
    return {str(k): str(v) for k, v in (mapping or {}).items()}


class GitHubActions(unittest.TestCase):
    def setUp(self):
        self.workflow = load(os.path.join(CI, "github-actions.yml"))
        self.job = self.workflow["jobs"]["audit"]

    def test_shape(self):
        steps = self.job["steps"]
        checkout = next(s for s in steps if s.get("uses", "").startswith("actions/checkout@"))
        self.assertEqual(checkout["with"]["fetch-depth"], 0)
        restore = next(s for s in steps if s.get("uses", "").startswith("actions/cache/restore@"))
        save = next(s for s in steps if s.get("uses", "").startswith("actions/cache/save@"))
        self.assertEqual(restore["with"]["path"], self.job["env"]["ROLES_CACHE"])
        self.assertEqual(save["with"]["path"], self.job["env"]["ROLES_CACHE"])
        self.assertEqual(save["with"]["key"], restore["with"]["key"])
        self.assertEqual(save["if"], "always()")
        # Saved after the audits wrote it and before the gate can fail the job.
        order = [s.get("name") for s in steps]
        self.assertLess(order.index("Job summary"), steps.index(save))
        self.assertLess(steps.index(save), order.index("Gate"))
        upload = next(s for s in steps if s.get("uses", "").startswith("github/codeql-action/upload-sarif@"))
        sarif = shlex.split(next(s for s in steps if s.get("id") == "sarif")["run"].split("||")[0])
        self.assertEqual(sarif[sarif.index("-o") + 1], upload["with"]["sarif_file"])
        self.assertIn("security-events", self.workflow["permissions"])
        for step in steps:
            if "roles audit" in step.get("run", ""):
                self.assertIn('--cache-dir "$ROLES_CACHE"', step["run"])
        # Every step not run is named, and every name is a step.
        ids = {s.get("id") for s in steps}
        self.assertTrue(set(GITHUB_NOT_RUN) <= ids)

    def run_job(self, example):
        fixture = Fixture(example)
        self.addCleanup(fixture.close)
        summary = os.path.join(fixture.tmp, "step_summary.md")
        open(summary, "w").close()
        env = {**strings(self.job.get("env")), "GITHUB_STEP_SUMMARY": summary, "RUNNER_TEMP": fixture.tmp}
        results = []
        for step in self.job["steps"]:
            if "run" not in step or step.get("id") in GITHUB_NOT_RUN:
                continue
            result = fixture.shell(step["run"], {**env, **strings(step.get("env"))})
            results.append((step["name"], result))
            if result.returncode != 0:
                break  # the job stops at a failing step, as GitHub does
        with open(summary, encoding="utf-8") as f:
            return fixture, results, f.read()

    def test_failing_gate(self):
        fixture, results, summary = self.run_job("liaisons")
        names = [name for name, _ in results]
        self.assertEqual(names, ["Validate the roster", "Job summary", "SARIF", "Gate"])
        codes = [r.returncode for _, r in results]
        # security-liaison is vacant, release-liaison understaffed: the gate step fails the job;
        # the SARIF step writes its file whatever the gate says.
        self.assertEqual(codes, [0, 0, 0, 1], [r.stderr for _, r in results])
        with open(os.path.join(fixture.repo, "roles.sarif"), encoding="utf-8") as f:
            sarif = json.load(f)
        self.assertEqual(sarif["version"], "2.1.0")
        levels = {r["ruleId"]: r["level"] for r in sarif["runs"][0]["results"] if r["level"] == "error"}
        self.assertEqual(levels, {"vacant": "error", "understaffed": "error"})
        self.assertTrue(summary.startswith("## roles audit: nova-mini\n\n**Gate: failed** "
                                           "(`--fail-on vacant,understaffed`): 2 hats.\n"))
        self.assertIn("| security-liaison | vacant |", summary)
        self.assertIn("| release-liaison | understaffed |", summary)
        self.assertIn("<details>", summary)
        # --quiet: only the failing rows and the gate line.
        self.assertTrue(results[-1][1].stdout.endswith(
            "gate: failed (--fail-on vacant,understaffed): release-liaison, security-liaison\n"))
        # The history cache that actions/cache keeps is where the steps wrote it.
        cache = os.path.join(fixture.repo, self.job["env"]["ROLES_CACHE"])
        self.assertTrue(os.path.isdir(cache) and os.listdir(cache))

    def test_passing_gate(self):
        _, results, summary = self.run_job("healthy")
        self.assertEqual([r.returncode for _, r in results], [0, 0, 0, 0])
        self.assertIn("**Gate: passed** (`--fail-on vacant,understaffed`): nothing matched.", summary)

    def test_install_needs_the_repository_variable(self):
        # Only its first line runs: without ROLES_GIT_URL the step stops before any network
        # access, naming the variable to set (GitHub gives an unset variable as "").
        install = next(s for s in self.job["steps"] if s.get("id") == "install-roles")
        self.assertEqual(install["env"]["ROLES_GIT_URL"], "${{ vars.ROLES_GIT_URL }}")
        self.assertIn("|| 'main'", install["env"]["ROLES_GIT_REF"])
        first = install["run"].splitlines()[0]
        fixture = Fixture("healthy")
        self.addCleanup(fixture.close)
        result = fixture.shell(first, {"ROLES_GIT_URL": "", "ROLES_GIT_REF": "main"})
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("set the repository variable ROLES_GIT_URL", result.stderr)
        self.assertEqual(fixture.shell(first, {"ROLES_GIT_URL": "/somewhere/roles.git"}).returncode, 0)


class GitLabCI(unittest.TestCase):
    def setUp(self):
        self.job = load(os.path.join(CI, "gitlab-ci.yml"))["roles-audit"]

    def run_job(self, example):
        fixture = Fixture(example)
        self.addCleanup(fixture.close)
        env = strings(self.job["variables"])
        self.assertEqual(env["GIT_DEPTH"], "0")
        self.assertEqual(self.job["cache"]["paths"], [env["ROLES_CACHE"] + "/"])
        self.assertEqual(self.job["cache"]["when"], "always")
        results = []
        for line in self.job["before_script"] + self.job["script"]:
            result = fixture.shell(line, env)
            results.append(result)
            if result.returncode != 0:
                break
        return fixture, results

    def check_report(self, fixture, issues):
        with open(os.path.join(SOURCE, "tests", "support", "gitlab-codequality.schema.json"), encoding="utf-8") as f:
            jsonschema.Draft202012Validator(json.load(f)).validate(issues)
        with open(os.path.join(fixture.repo, "ROLES.yaml"), encoding="utf-8") as f:
            lines = f.read().split("\n")
        for issue in issues:
            for field in REQUIRED_CODEQUALITY:
                self.assertIsInstance(issue[field], str)
                self.assertTrue(issue[field])
            self.assertIn(issue["severity"], SEVERITIES)
            self.assertEqual(issue["location"]["path"], "ROLES.yaml")
            begin = issue["location"]["lines"]["begin"]
            self.assertIsInstance(begin, int)
            self.assertTrue(1 <= begin <= len(lines))
        self.assertEqual(len({i["fingerprint"] for i in issues}), len(issues))
        return lines

    def test_failing_gate(self):
        fixture, results = self.run_job("liaisons")
        self.assertEqual([r.returncode for r in results], [0, 0, 0, 0, 1], [r.stderr for r in results])
        report = os.path.join(fixture.repo, self.job["artifacts"]["reports"]["codequality"])
        with open(report, encoding="utf-8") as f:
            issues = json.load(f)
        lines = self.check_report(fixture, issues)
        vacant = next(i for i in issues if i["check_name"] == "roles/vacant")
        self.assertEqual(vacant["severity"], "critical")
        self.assertTrue(vacant["description"].startswith("hat security-liaison is vacant: required hat with no holder"))
        self.assertIn("security-liaison", lines[vacant["location"]["lines"]["begin"] - 1])
        checks = sorted(i["check_name"] for i in issues)
        # ptl and bug-liaison shadowed, docs-liaison stale, release-liaison understaffed.
        self.assertEqual(checks.count("roles/shadowed"), 2)
        self.assertIn("roles/stale", checks)
        understaffed = next(i for i in issues if i["check_name"] == "roles/understaffed")
        self.assertEqual(understaffed["severity"], "critical")
        stale = next(i for i in issues if i["check_name"] == "roles/stale")
        self.assertEqual(stale["severity"], "minor")
        for path in self.job["artifacts"]["paths"]:
            self.assertTrue(os.path.isfile(os.path.join(fixture.repo, path)))

    def test_passing_gate(self):
        fixture, results = self.run_job("healthy")
        self.assertEqual([r.returncode for r in results], [0, 0, 0, 0, 0])
        with open(os.path.join(fixture.repo, "gl-code-quality-report.json"), encoding="utf-8") as f:
            issues = json.load(f)
        self.check_report(fixture, issues)
        self.assertEqual([i for i in issues if i["severity"] == "critical"], [])


class Zuul(unittest.TestCase):
    """Runs the playbook's tasks as Ansible would: Jinja templates, `command` without a shell,
    `file` with `state: directory`, `register` and `failed_when`. Any other module fails."""

    def setUp(self):
        config = load(os.path.join(CI, "zuul.yaml"))
        self.job = next(item["job"] for item in config if "job" in item)
        self.project = next(item["project"] for item in config if "project" in item)
        self.jinja = jinja2.Environment(undefined=jinja2.StrictUndefined)

    def render(self, text, context):
        return self.jinja.from_string(text).render(context)

    def run_job(self, example):
        fixture = Fixture(example)
        self.addCleanup(fixture.close)
        home = os.path.join(fixture.tmp, "home")
        os.mkdir(home)
        context = {**self.job["vars"], "zuul": {"project": {"src_dir": fixture.repo}}, "ansible_user_dir": home}
        plays = load(os.path.join(CI, self.job["run"]))
        results = []
        for play in plays:
            for name, value in play.get("vars", {}).items():
                context[name] = self.render(value, context)
            for task in play["tasks"]:
                results.append((task["name"], self.run_task(task, context, fixture)))
                if results[-1][1] != "ok":
                    return home, results
        return home, results

    def run_task(self, task, context, fixture):
        if "file" in task:
            self.assertEqual(task["file"]["state"], "directory")
            os.makedirs(self.render(task["file"]["path"], context), exist_ok=True)
            return "ok"
        self.assertIn("command", task, "a module this test does not know: " + task["name"])
        argv = shlex.split(self.render(task["command"], context))
        cwd = self.render(task.get("args", {}).get("chdir", "."), context)
        result = subprocess.run(argv, cwd=cwd, env=fixture.env, capture_output=True, text=True)
        if "register" in task:
            context[task["register"]] = {"rc": result.returncode, "stdout": result.stdout}
        if "failed_when" in task:
            failed = self.jinja.compile_expression(task["failed_when"])(**context)
        else:
            failed = result.returncode != 0
        return f"failed rc={result.returncode}: {result.stderr}" if failed else "ok"

    def test_shape(self):
        self.assertEqual(self.job["name"], "roles-audit")
        self.assertIn("roles-audit", self.project["check"]["jobs"])
        self.assertTrue(re.search(self.job["files"][0], "ROLES.yaml"))

    def test_failing_gate(self):
        home, results = self.run_job("liaisons")
        self.assertEqual([name for name, _ in results][-1], "Gate")
        self.assertEqual([r for _, r in results][:-1], ["ok"] * 4)
        self.assertTrue(results[-1][1].startswith("failed rc=1"))
        logs = os.path.join(home, "zuul-output", "logs")
        with open(os.path.join(logs, "roles-audit.md"), encoding="utf-8") as f:
            self.assertIn("**Gate: failed** (`--fail-on vacant,understaffed`): 2 hats.", f.read())
        with open(os.path.join(logs, "roles-audit.json"), encoding="utf-8") as f:
            audit = json.load(f)
        self.assertEqual(audit["schema"], "roles.audit/1")
        self.assertEqual(audit["gate"]["failed"], ["release-liaison", "security-liaison"])

    def test_passing_gate(self):
        _, results = self.run_job("healthy")
        self.assertEqual([r for _, r in results], ["ok"] * 5)


class PreCommit(unittest.TestCase):
    """Runs the hook as pre-commit does: entry + args + the files matching `files`."""

    def setUp(self):
        self.hooks = {h["id"]: h for h in load(os.path.join(SOURCE, ".pre-commit-hooks.yaml"))}
        self.config = load(os.path.join(CI, "pre-commit-config.yaml"))

    def run_hooks(self, fixture):
        files = sorted(os.path.relpath(os.path.join(d, f), fixture.repo)
                       for d, dirs, names in os.walk(fixture.repo) if ".git" not in d.split(os.sep) for f in names)
        results = []
        for repo in self.config["repos"]:
            self.assertEqual(repo["repo"], "local")  # no address of roles is made up
            for hook in repo["hooks"]:
                definition = hook
                published = self.hooks[hook["id"]]
                for key in ("entry", "language", "files", "pass_filenames"):
                    self.assertEqual(definition[key], published[key], key)
                self.assertEqual(definition["language"], "system")
                matched = [f for f in files if re.search(definition["files"], f)]
                self.assertEqual(matched, ["ROLES.yaml"])
                argv = shlex.split(definition["entry"]) + hook.get("args", definition.get("args", [])) + matched
                results.append(subprocess.run(argv, cwd=fixture.repo, env=fixture.env, capture_output=True, text=True))
        return results

    def test_valid_and_invalid_roster(self):
        fixture = Fixture("liaisons")
        self.addCleanup(fixture.close)
        (valid,) = self.run_hooks(fixture)
        self.assertEqual(valid.returncode, 0, valid.stderr)
        self.assertTrue(valid.stdout.startswith("ROLES.yaml: valid:"))
        path = os.path.join(fixture.repo, "ROLES.yaml")
        with open(path, encoding="utf-8") as f:
            roster = f.read()
        self.assertIn("stale_after: 90d\n", roster)
        with open(path, "w", encoding="utf-8") as f:
            f.write(roster.replace("stale_after: 90d\n", "stale_after: soon\n"))
        (invalid,) = self.run_hooks(fixture)
        self.assertEqual(invalid.returncode, 2)
        self.assertIn("ROLES.yaml:", invalid.stderr)


class Readme(unittest.TestCase):
    def test_links_each_example(self):
        with open(os.path.join(CI, "README.md"), encoding="utf-8") as f:
            readme = f.read()
        for name in ("github-actions.yml", "gitlab-ci.yml", "zuul.yaml", "playbooks/roles-audit.yaml",
                     "pre-commit-config.yaml", "../../.pre-commit-hooks.yaml"):
            self.assertIn("](" + name + ")", readme)
        with open(os.path.join(SOURCE, "README.md"), encoding="utf-8") as f:
            self.assertIn("](examples/ci/README.md)", f.read())


if __name__ == "__main__":
    if not (os.access(ROLES, os.X_OK) and os.path.isdir(CI)):
        sys.exit(__doc__)
    unittest.main(argv=sys.argv[:1], verbosity=2)
