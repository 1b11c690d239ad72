#pragma once
// Part of the fast reader's interface (fastread.hpp): the content of one git object, in one allocation with its
// reference count. Objects never leave the thread that read them (each reader thread has
// its own pack reader and cache), so the count is a plain integer.

#include <cstddef>
#include <cstdint>
#include <new>
#include <utility>

namespace roles::git::fastread {

/// Object types as numbered in packs (and by libgit2's git_object_t).
enum class ObjectType : std::uint8_t { commit = 1, tree = 2, blob = 3, tag = 4 };

/// A shared, immutable-once-filled object buffer; empty (null) when default-constructed.
class ObjectRef {
public:
    ObjectRef() = default;
    /// A new buffer of `size` bytes to fill through `data()` before sharing it.
    [[nodiscard]] static ObjectRef allocate(std::size_t size, ObjectType type) {
        void* memory = ::operator new(sizeof(Block) + size);
        return ObjectRef(new (memory) Block{1, type, size});
    }
    ObjectRef(const ObjectRef& other) noexcept : m_block(other.m_block) {
        if (m_block) ++m_block->references;
    }
    ObjectRef(ObjectRef&& other) noexcept : m_block(std::exchange(other.m_block, nullptr)) {}
    ObjectRef& operator=(ObjectRef other) noexcept {
        std::swap(m_block, other.m_block);
        return *this;
    }
    ~ObjectRef() {
        if (m_block && --m_block->references == 0) {
            m_block->~Block();
            ::operator delete(m_block);
        }
    }

    explicit operator bool() const { return m_block != nullptr; }
    [[nodiscard]] ObjectType type() const { return m_block->type; }
    [[nodiscard]] std::size_t size() const { return m_block->size; }
    [[nodiscard]] const unsigned char* data() const { return reinterpret_cast<const unsigned char*>(m_block + 1); }
    [[nodiscard]] unsigned char* data() { return reinterpret_cast<unsigned char*>(m_block + 1); }

private:
    struct Block {
        std::uint32_t references;
        ObjectType type;
        std::size_t size;
    };
    explicit ObjectRef(Block* block) : m_block(block) {}
    Block* m_block = nullptr;
};

}  // namespace roles::git::fastread
