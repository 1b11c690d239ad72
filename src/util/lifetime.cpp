#include "roles/util/lifetime.hpp"

#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>
#include <vector>

namespace roles::util::detail {

namespace {

// One thread that destroys what it is given, started on first use and joined when static
// objects are destroyed, after main returns.
class Destroyer {
public:
    void add(std::shared_ptr<void> value) {
        {
            const std::lock_guard lock(m_mutex);
            m_queue.push_back(std::move(value));
            if (!m_thread.joinable()) m_thread = std::thread([this] { run(); });
        }
        m_wake.notify_one();
    }
    ~Destroyer() {
        {
            const std::lock_guard lock(m_mutex);
            m_stopping = true;
        }
        m_wake.notify_one();
        if (m_thread.joinable()) m_thread.join();
    }

private:
    void run() {
        std::unique_lock lock(m_mutex);
        for (;;) {
            m_wake.wait(lock, [this] { return m_stopping || !m_queue.empty(); });
            if (m_queue.empty()) return;  // stopping, and everything destroyed
            std::shared_ptr<void> next = std::move(m_queue.front());
            m_queue.pop_front();
            lock.unlock();
            next.reset();
            lock.lock();
        }
    }

    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<std::shared_ptr<void>> m_queue;
    std::thread m_thread;
    bool m_stopping = false;
};

}  // namespace

void keep(std::shared_ptr<void> value) {
    // Allocated once and never deleted, so that no destructor runs at exit; a static
    // vector would free everything again when static objects are destroyed.
    static auto* const kept = new std::vector<std::shared_ptr<void>>();
    kept->push_back(std::move(value));
}

void destroy_in_background(std::shared_ptr<void> value) {
    static Destroyer destroyer;
    destroyer.add(std::move(value));
}

}  // namespace roles::util::detail
