#!/usr/bin/env python3
"""Seeds for the git-side fuzz targets (fuzz/README.md), from real objects.

    fuzz/make_git_seeds.py OUT_DIR [REPO...]

Writes OUT_DIR/<target>/<name> for pack_index, delta, inflater, commit_parser, tree_parser and
cache_decoder. Without REPO, a small synthetic repository is built with git (fixed identities
and dates, so the seeds are the same every time): that is what fuzz/corpus/ holds. With REPO
(a real clone, e.g. a mirror of git/git), its newest commits and trees are used too; such
seeds stay in the build directory (scripts/fuzz.sh passes $ROLES_FUZZ_SEED_REPO), since they
are that project's content.
"""
import os
import struct
import subprocess
import sys
import tempfile
import zlib

ENV = dict(os.environ, GIT_AUTHOR_NAME="Ada Lovelace", GIT_AUTHOR_EMAIL="ada@example.com",
           GIT_COMMITTER_NAME="Ada Lovelace", GIT_COMMITTER_EMAIL="ada@example.com",
           GIT_CONFIG_GLOBAL="/dev/null", GIT_CONFIG_NOSYSTEM="1")


def git(repo, *args, data=None):
    return subprocess.run(["git", "-C", repo, *args], input=data, env=ENV, check=True,
                          stdout=subprocess.PIPE).stdout


def synthetic_repo(where):
    repo = os.path.join(where, "synthetic")
    subprocess.run(["git", "init", "-q", "-b", "main", repo], env=ENV, check=True)
    for i in range(12):
        env = dict(ENV, GIT_AUTHOR_DATE=f"{1700000000 + i * 3600} +0000",
                   GIT_COMMITTER_DATE=f"{1700000000 + i * 3600} +0000")
        for path, text in ((f"src/core/engine.c", "".join(f"line {k}{'+' if k >= 40 - i else ''}\n" for k in range(40))),
                           (f"docs/guide/round{i % 3}.md", f"round {i}\n"),
                           (f"a/b/c/d/deep{i % 2}.txt", f"deep {i}\n")):
            full = os.path.join(repo, path)
            os.makedirs(os.path.dirname(full), exist_ok=True)
            with open(full, "w") as out:
                out.write(text)
        subprocess.run(["git", "-C", repo, "add", "-A"], env=env, check=True)
        message = f"change {i}\n\nCo-authored-by: Eve Adams <eve@example.org>\n" if i % 4 == 0 else f"change {i}\n"
        subprocess.run(["git", "-C", repo, "commit", "-q", "-m", message], env=env, check=True)
    return repo


def write(out_dir, target, name, data):
    folder = os.path.join(out_dir, target)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, name), "wb") as out:
        out.write(data)


def simple_delta(base, target):
    """A git delta: copy the common prefix from the base, insert the rest."""
    def varint(n):
        out = bytearray()
        while True:
            byte = n & 0x7F
            n >>= 7
            out.append(byte | (0x80 if n else 0))
            if not n:
                return bytes(out)
    common = 0
    while common < min(len(base), len(target), 0xFFFF) and base[common] == target[common]:
        common += 1
    out = bytearray(varint(len(base)) + varint(len(target)))
    if common:
        out += bytes([0x80 | 0x10 | 0x20, common & 0xFF, common >> 8])
    rest = target[common:]
    for start in range(0, len(rest), 127):
        chunk = rest[start:start + 127]
        out += bytes([len(chunk)]) + chunk
    return bytes(out)


def seeds_from(repo, out_dir, prefix, count):
    commits = git(repo, "rev-list", f"--max-count={count}", "HEAD").split()
    trees = []
    for n, commit in enumerate(commits):
        raw = git(repo, "cat-file", "commit", commit.decode())
        write(out_dir, "commit_parser", f"{prefix}commit-{n}", raw)
        write(out_dir, "inflater", f"{prefix}commit-{n}", struct.pack(">I", len(raw)) + zlib.compress(raw))
        tree = git(repo, "rev-parse", f"{commit.decode()}^{{tree}}").strip().decode()
        trees.append(git(repo, "cat-file", "tree", tree))
    for n in range(len(trees) - 1):
        old, new = trees[n + 1], trees[n]
        if len(old) < 0x10000:
            write(out_dir, "tree_parser", f"{prefix}trees-{n}", struct.pack(">H", len(old)) + old + new)
        if len(old) < 0x10000:
            write(out_dir, "delta", f"{prefix}delta-{n}", struct.pack(">H", len(old)) + old + simple_delta(old, new))
        write(out_dir, "inflater", f"{prefix}tree-{n}", struct.pack(">I", len(new)) + zlib.compress(new, 9))
    # A small pack with deltas: the first commits' commits and trees.
    objects = git(repo, "rev-list", "--objects", "--no-object-names", f"--max-count={min(count, 6)}", "HEAD")
    listed = b"\n".join(objects.split()[:40]) + b"\n"
    with tempfile.TemporaryDirectory() as scratch:
        base = os.path.join(scratch, "pack")
        name = git(repo, "pack-objects", "-q", "--window=10", "--depth=5", base, data=listed).strip().decode()
        with open(f"{base}-{name}.idx", "rb") as f:
            idx = f.read()
        with open(f"{base}-{name}.pack", "rb") as f:
            pack = f.read()
    if len(idx) < 0x8000:
        write(out_dir, "pack_index", f"{prefix}pack", struct.pack(">H", len(idx)) + idx + pack)
        write(out_dir, "pack_index", f"{prefix}pack-fixed-crcs", struct.pack(">H", len(idx) | 0x8000) + idx + pack)


def cache_seeds(repo, out_dir, roles_binary):
    """Cache files of a real run: whole (kind byte | 0x80) and payload only (kind byte)."""
    if not roles_binary or not os.path.exists(roles_binary):
        return
    with tempfile.TemporaryDirectory() as cache:
        subprocess.run([roles_binary, "audit", repo, "--cache-dir", cache, "--format", "json", "-q"],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        kinds = {b"ROLESFC\n": 0, b"ROLESTL\n": 1, b"ROLESOR\n": 2}
        n = 0
        for root, _, files in os.walk(cache):
            for file in sorted(files):
                with open(os.path.join(root, file), "rb") as f:
                    data = f.read()
                kind = kinds.get(data[:8])
                if kind is None:
                    continue
                # magic, format, version and key (length-prefixed), payload size, checksum
                (length,) = struct.unpack("<I", data[12:16])
                at = 16 + length
                (key_length,) = struct.unpack("<I", data[at:at + 4])
                payload = at + 4 + key_length + 8 + 8
                write(out_dir, "cache_decoder", f"whole-{n}", bytes([0x80 | kind]) + data)
                write(out_dir, "cache_decoder", f"payload-{n}", bytes([kind]) + data[payload:])
                n += 1


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    out_dir = sys.argv[1]
    with tempfile.TemporaryDirectory() as where:
        repo = synthetic_repo(where)
        seeds_from(repo, out_dir, "", 12)
        # Entries naming the tree target's scratch trees (ids 01..01 to 04..04: a cycle, a chain).
        entry = lambda mode, name, byte: mode + b" " + name + b"\0" + bytes([byte]) * 20
        old = entry(b"40000", b"d", 3) + entry(b"100644", b"f", 0x21)
        new = entry(b"40000", b"d", 4) + entry(b"100644", b"f", 0x22) + entry(b"40000", b"loop", 2)
        write(out_dir, "tree_parser", "scratch-trees", struct.pack(">H", len(old)) + old + new)
        cache_seeds(repo, out_dir, os.environ.get("ROLES_BINARY"))
    for real in sys.argv[2:]:
        seeds_from(real, out_dir, "real-", 40)


if __name__ == "__main__":
    main()
