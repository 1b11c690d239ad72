#pragma once
// The fast git reader: the one header of src/git/fastread/ that the rest of src/git
// includes (tests/CMakeLists.txt refuses any other include from outside the folder).
//
// What it offers, each in its own header below:
//   - PackSet / PackReader (pack_reader.hpp): the packs of an object directory mapped once
//     and shared; per thread, objects read by id or by location, with a CLOCK cache of
//     unpacked objects and bases (ReaderBudgets::tree_cache_bytes, ::blob_cache_bytes), CRC
//     checks of each entry the first time it is found, and sizes read from headers; what it
//     cannot read it says so (null), and the caller asks libgit2 (src/git/object_source.cpp).
//   - list_pack_indexes (pack_reader.hpp): the one listing of `objects/pack/*.idx`.
//   - parse_commit / parse_commit_links (commit_parser.hpp): commits parsed from raw bytes
//     exactly as libgit2 1.5 parses them, or refused.
//   - ParallelReader (parallel_reader.hpp): the walk's requests shared out to reader threads
//     (ranges, blocks, work stealing); what reading means is the caller's RequestHandler.
//   - ObjectRef / ObjectType (object_bytes.hpp): an object's bytes, reference counted.
// Budgets are ReaderBudgets (include/roles/git/fastread/budgets.hpp, LoadOptions::budgets).
//
// Private to the folder: the pack and index file format (pack_file.hpp), deltas
// (delta.hpp), zlib (inflater.hpp) and the cache (object_cache.hpp); their tests are in
// tests/git/fastread/, on hand-made bytes.

#include "commit_parser.hpp"
#include "object_bytes.hpp"
#include "pack_reader.hpp"
#include "parallel_reader.hpp"
#include "roles/git/fastread/budgets.hpp"
