#pragma once
// Internal to src/git: hash containers keyed by object id.

#include <cstddef>
#include <cstring>
#include <unordered_map>
#include <unordered_set>

#include <git2.h>

namespace roles::git {

struct OidHash {
    std::size_t operator()(const git_oid& id) const noexcept {
        std::size_t hash = 0;
        std::memcpy(&hash, id.id, sizeof hash);  // object ids are already uniformly spread
        return hash;
    }
};

struct OidEqual {
    bool operator()(const git_oid& a, const git_oid& b) const noexcept { return git_oid_equal(&a, &b) != 0; }
};

template <typename V>
using OidMap = std::unordered_map<git_oid, V, OidHash, OidEqual>;
using OidSet = std::unordered_set<git_oid, OidHash, OidEqual>;

}  // namespace roles::git
