#pragma once
// A history where a change is merged long after it was written (as Gerrit and GitHub merge
// queues do), shared by the range, cycle and audit tests. Commits by number, oldest first:
//   0 c0  day 0   a.c            tag v1.0.0 (day 0)
//   1 t1  day 1   t.c added      on a topic branch from c0
//   2 c2  day 2   a.c            parent c0
//   3 c3  day 3   a.c            tag v2.0.0 (day 3)
//   4 m   day 10  merge of c3 and t1
//   5 c5  day 11  a.c            tag v3.0.0 (day 11)
// HEAD (c5) holds a.c and t.c. By hand: v1.0.0..v2.0.0 = {c2, c3} (t1 is not reachable from
// v2.0.0 although written before it); v2.0.0..v3.0.0 = {t1, m, c5}, 2 of them not merges.

#include "engine/history_builder.hpp"

namespace roles::test {

inline constexpr std::int64_t k_gerrit_start = 1704067200;  // 2024-01-01T00:00:00Z

struct GerritHistory {
    HistoryBuilder builder;
    git::IdentityId ana = builder.identity("Ana", "ana@example.com");
    git::IdentityId ben = builder.identity("Ben", "ben@example.com");
    git::History history;

    static std::int64_t day(int n) { return k_gerrit_start + n * k_day; }

    GerritHistory() {
        builder.commit(ana, day(0), "c0", {"a.c"});
        builder.tag("v1.0.0", ana, day(0));
        auto& t1 = builder.commit(ben, day(1), "t1");
        t1.changes = {{builder.path("t.c"), builder.path("t.c"), git::ChangeKind::added}};
        builder.parents_of(1, {0});
        builder.commit(ana, day(2), "c2", {"a.c"});
        builder.parents_of(2, {0});
        builder.commit(ana, day(3), "c3", {"a.c"});
        builder.tag("v2.0.0", ana, day(3));
        auto& merge = builder.commit(ana, day(10), "m");
        merge.changes.clear();
        builder.parents_of(4, {3, 1});
        builder.commit(ana, day(11), "c5", {"a.c"});
        builder.tag("v3.0.0", ana, day(11));
        history = builder.build();
        history.head_files = {builder.path("a.c"), builder.path("t.c")};
    }
};

}  // namespace roles::test
