// libFuzzer target: the commit parsers (commit_parser.cpp). Checked: parse_commit_links
// accepts exactly what parse_commit accepts, with the same tree, parents and committer
// time (the walk relies on it), and neither reads outside the input (ASan).

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "git/fastread/commit_parser.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    // An exact-size copy, so that ASan sees any read past the object's end.
    std::vector<unsigned char> object(data, data + size);
    roles::git::fastread::CommitHeader header;
    roles::git::fastread::CommitLinks links;
    const bool full = roles::git::fastread::parse_commit(object.data(), object.size(), header);
    const bool quick = roles::git::fastread::parse_commit_links(object.data(), object.size(), links);
    if (full != quick) std::abort();
    if (!full) return 0;
    if (!git_oid_equal(&header.tree, &links.tree) || header.parents.size() != links.parents.size() ||
        header.commit_time != links.commit_time) {
        std::abort();
    }
    for (std::size_t i = 0; i < links.parents.size(); ++i) {
        if (!git_oid_equal(&header.parents[i], &links.parents[i])) std::abort();
    }
    if (header.message.size() > size) std::abort();
    return 0;
}
