#pragma once
// One owner per file descriptor: pidfds, pipes, the epoll set and cgroup directories are closed
// exactly once, whatever path a function leaves by.

#include <unistd.h>
#include <utility>

namespace lab::real {

/// A file descriptor closed when its owner goes.
class UniqueFd {
public:
    UniqueFd() = default;
    /// Takes ownership of fd (-1 for none).
    explicit UniqueFd(int fd) : m_fd(fd) {}
    ~UniqueFd() { reset(); }
    UniqueFd(UniqueFd&& other) noexcept : m_fd(std::exchange(other.m_fd, -1)) {}
    UniqueFd& operator=(UniqueFd&& other) noexcept {
        if (this != &other)
            reset(std::exchange(other.m_fd, -1));
        return *this;
    }
    UniqueFd(const UniqueFd&) = delete;
    UniqueFd& operator=(const UniqueFd&) = delete;

    /// The descriptor, still owned.
    int get() const { return m_fd; }
    /// True when a descriptor is held.
    explicit operator bool() const { return m_fd >= 0; }
    /// Closes the held descriptor and takes fd instead.
    void reset(int fd = -1) {
        if (m_fd >= 0)
            ::close(m_fd);
        m_fd = fd;
    }
    /// Gives up ownership without closing.
    int release() { return std::exchange(m_fd, -1); }

private:
    int m_fd = -1;
};

} // namespace lab::real
