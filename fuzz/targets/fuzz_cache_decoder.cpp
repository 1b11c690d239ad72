// libFuzzer target: the history cache decoder (cache_file.cpp, cache_codec.hpp). The first
// byte picks the file kind (facts, tree listing, commit order) and whether the rest is the
// whole file (the envelope's checks: magic, version, key, size, checksum) or only its payload,
// which is then wrapped in a valid envelope by the real writer so that the decoder behind
// the checksum is reached. Checked: a file read as ok decodes into facts whose indexes are
// all inside their tables, and nothing reads or allocates beyond the file (ASan, malloc
// limit).

#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "git/cache_codec.hpp"
#include "git/cache_file.hpp"

namespace {

const std::string k_version = "fuzz";
const std::string k_key = "fuzz-key";

const std::string& scratch_file() {
    static const std::string path = [] {
        char dir[] = "/tmp/roles-fuzz-cache-XXXXXX";
        if (::mkdtemp(dir) == nullptr) std::abort();
        return std::string(dir) + "/file";
    }();
    return path;
}

void write_raw(const std::string& path, const std::uint8_t* data, std::size_t size) {
    std::FILE* file = std::fopen(path.c_str(), "wb");
    if (file == nullptr) std::abort();
    if (size > 0 && std::fwrite(data, 1, size, file) != size) std::abort();
    std::fclose(file);
}

void write_enveloped(const std::string& path, std::string_view magic, const std::uint8_t* data, std::size_t size) {
    roles::git::CacheFileWriter writer(path, magic, roles::git::k_cache_format, k_version, k_key);
    if (!writer.good()) std::abort();
    writer.encoder().raw(data, size);
    if (!writer.finish()) std::abort();
}

void check_facts(const roles::git::CacheFileContents& contents) {
    if (contents.status != roles::git::CacheFileStatus::ok) return;
    const roles::git::FactStore& store = contents.store;
    for (const roles::git::CommitFacts& facts : store.commits()) {
        for (const roles::git::FactChange& change : facts.changes) {
            if (change.path >= store.path_count() || change.old_path >= store.path_count()) std::abort();
        }
        if (facts.author >= store.identity_count() || facts.committer >= store.identity_count()) std::abort();
        for (const roles::git::TableIndex co_author : facts.co_authors) {
            if (co_author >= store.identity_count()) std::abort();
        }
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 1) return 0;
    const unsigned kind = data[0] % 3;
    const bool whole_file = (data[0] & 0x80) != 0;
    const std::string& path = scratch_file();
    static constexpr std::string_view k_magics[] = {"ROLESFC\n", "ROLESTL\n", "ROLESOR\n"};
    if (whole_file) {
        write_raw(path, data + 1, size - 1);
    } else {
        write_enveloped(path, k_magics[kind], data + 1, size - 1);
    }
    switch (kind) {
        case 0: check_facts(roles::git::read_cache_file(path, k_version, k_key)); break;
        case 1: (void)roles::git::read_tree_file(path, k_version, k_key); break;
        default: (void)roles::git::read_order_file(path, k_version, k_key); break;
    }
    return 0;
}
