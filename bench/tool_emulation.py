#!/usr/bin/env python3
"""Replays the truck-factor rules of the paper's tool (aserg-ufmg/Truck-Factor, the version of
2016-04: DOACalculator, NewAliasHandler, GreedyTruckFactor) on a repository, written from the
tool's rules for the README's "Truck factor validation" (it shares no code with the tool and
none with roles). It checks roles' figures against the tool's own way of building authorship:

- history: `git log --name-status` of every commit reachable from REF (merges list no files);
  A, M and R lines count, D (and T, C) are ignored, as the tool's log.awk does;
- a file's history is every entry whose new path is the file's path, plus, for every rename
  into it, every entry whose new path is the old path (recursively), whatever their dates;
- every developer with an A entry has FA = 1 (first or "secondary" author); M and R entries are
  deliveries and changes; DOA, the 0.75 / 3.293 thresholds and the greedy as in the paper;
- identities: the tool's rule (raw `%an`/`%ae`, no .mailmap; equal emails or equal names, case
  ignored, are one developer), or, with --identities, the people of `roles identities --format
  json` (each name and email after .mailmap looked up, else the raw ones).

Renames: the exact ones from `git log -M100%` (no blob read), then, for each commit that still
adds and deletes files, `git diff-tree -M` (git's default 50% similarity); a commit whose blobs
are absent (partial clone) keeps its exact renames only and is counted as a fallback.

  bench/tool_emulation.py REPO REF FILES [--identities roles-identities.json] [--exact-only]
                          [--shuffle N]

Ties (developers with as many files) are broken by the smaller developer key, as roles breaks
them after its commit count; the tool took the first of a HashMap keyed by objects without a
hashCode, an order that can change from run to run: --shuffle N reruns the greedy with N
random tie orders and prints how often each truck factor comes out.

FILES lists the counted paths, one a line (for roles' own set: the `orphaned` paths of
`roles whatif REPO --ref REF --without <every person key> --format json`, which are the counted
files that have an author). Prints the truck factor and the people removed with their files.
"""
import argparse
import collections
import json
import math
import random
import subprocess
import sys


def git(repo, *args, check=True):
    result = subprocess.run(['git', '-C', repo, '-c', 'diff.renameLimit=999999', *args],
                            capture_output=True, text=True, errors='replace')
    if check and result.returncode != 0:
        sys.exit(result.stderr)
    return result


def read_history(repo, ref, exact_only):
    log = git(repo, 'log', '--name-status', '-M100%',
              '--format=commit\t%H\t%an\t%ae\t%aN\t%aE', ref).stdout
    commits, entries, statuses, current = {}, [], collections.defaultdict(set), None
    for line in log.split('\n'):
        if line.startswith('commit\t'):
            _, current, name, email, mapped_name, mapped_email = line.split('\t')
            commits[current] = (name, email, mapped_name, mapped_email)
        elif line:
            parts = line.split('\t')
            statuses[current].add(parts[0][0])
            if parts[0] in ('A', 'M'):
                entries.append((current, parts[0], '', parts[1]))
            elif parts[0].startswith('R'):
                entries.append((current, 'R', parts[1], parts[2]))
    fallbacks = 0
    if not exact_only:
        similar = {}
        for commit, seen in statuses.items():
            if 'A' not in seen or 'D' not in seen:
                continue
            diff = git(repo, 'diff-tree', '-r', '-M', '--name-status', '--no-commit-id', commit,
                       check=False)
            if diff.returncode != 0:
                fallbacks += 1
                continue
            pairs = [line.split('\t')[1:3] for line in diff.stdout.splitlines()
                     if line.startswith('R') and not line.startswith('R100')]
            if pairs:
                similar[commit] = pairs
        added_by_rename = {(c, new) for c, pairs in similar.items() for _, new in pairs}
        entries = [e for e in entries if not (e[1] == 'A' and (e[0], e[3]) in added_by_rename)]
        entries += [(c, 'R', old, new) for c, pairs in similar.items() for old, new in pairs]
    return commits, entries, fallbacks


def developer_rule(commits, identities_json):
    if identities_json:
        people = json.load(open(identities_json, encoding='utf-8'))['people']
        who = {(i['name'], i['email'].lower()): p['person'] for p in people for i in p['identities']}
        def person_of(commit):
            name, email, mapped_name, mapped_email = commits[commit]
            return (who.get((mapped_name, mapped_email.lower())) or who.get((name, email.lower()))
                    or '?' + email.lower())
        return person_of
    parent = {}

    def find(key):
        parent.setdefault(key, key)
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    for name, email, _, _ in commits.values():
        if name:
            parent[find('N:' + name.upper())] = find('E:' + email.upper())
    return lambda commit: find('E:' + commits[commit][1].upper())


def file_authors(path, entries, by_new, developer):
    ids = set(by_new.get(path, ()))
    pending = [i for i in ids if entries[i][1] == 'R']
    expanded = set()
    while pending:
        old = entries[pending.pop()][2]
        if old in expanded:
            continue
        expanded.add(old)
        for j in by_new.get(old, ()):
            if j not in ids:
                ids.add(j)
                if entries[j][1] == 'R':
                    pending.append(j)
    first, deliveries, changes = set(), collections.Counter(), 0
    for i in ids:
        person = developer(entries[i][0])
        if entries[i][1] == 'A':
            first.add(person)
            deliveries[person] += 0
        else:
            deliveries[person] += 1
            changes += 1
    doa = {p: 3.293 + 1.098 * (p in first) + 0.164 * d - 0.321 * math.log(1 + changes - d)
           for p, d in deliveries.items()}
    best = max(doa.values())
    return {p for p, v in doa.items() if v / best > 0.75 and (v >= 3.293 or p in first)}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('repo')
    parser.add_argument('ref')
    parser.add_argument('files')
    parser.add_argument('--identities')
    parser.add_argument('--exact-only', action='store_true')
    parser.add_argument('--shuffle', type=int, default=0,
                        help='also run the greedy N times with ties in random order')
    args = parser.parse_args()
    commits, entries, fallbacks = read_history(args.repo, args.ref, args.exact_only)
    developer = developer_rule(commits, args.identities)
    by_new = collections.defaultdict(list)
    for i, entry in enumerate(entries):
        by_new[entry[3]].append(i)
    paths = [line.rstrip('\n') for line in open(args.files, encoding='utf-8') if line.strip()]
    authored = collections.defaultdict(set)
    with_history = 0
    for path in paths:
        if path not in by_new:
            continue
        with_history += 1
        for person in file_authors(path, entries, by_new, developer):
            authored[person].add(path)
    removed = greedy(authored, with_history, sorted(authored))
    print(f'files {len(paths)}, with history {with_history}, similarity fallbacks {fallbacks}: '
          f'truck factor {len(removed)}')
    for person, count in removed:
        print(f'  {person[2:].lower() if person.startswith("E:") else person}: {count} files')
    if args.shuffle:
        rng = random.Random(1)
        counts = collections.Counter()
        for _ in range(args.shuffle):
            order = sorted(authored)
            rng.shuffle(order)
            counts[len(greedy(authored, with_history, order))] += 1
        print('ties in random order:', ', '.join(f'truck factor {tf} in {n}'
                                                 for tf, n in sorted(counts.items())))


def greedy(authored, with_history, order):
    """Removes the developer with the most files while at least half of the files keep an
    author; among equals the first in `order` (the tool takes the first of its HashMap)."""
    left = {person: authored[person] for person in order}
    removed = []
    while left and 2 * len(set().union(*left.values())) >= with_history:
        most = max(len(files) for files in left.values())
        top = next(person for person in left if len(left[person]) == most)
        removed.append((top, len(left.pop(top))))
    return removed


if __name__ == '__main__':
    main()
