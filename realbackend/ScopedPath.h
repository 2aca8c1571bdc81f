#pragma once
// A path the kernel holds something at (a mount, a cgroup directory), undone by a cleanup
// function when its owner goes without having undone it properly: the safety net under RAII
// owners whose real, error-reporting release is an explicit call.

#include <string>
#include <utility>

namespace lab::real {

/// Owns a path and the best-effort cleanup to run on it.
class ScopedPath {
public:
    using Cleanup = void (*)(const std::string& path);

    ScopedPath() = default;
    /// Owns path; cleanup runs on it unless release() was called first.
    ScopedPath(std::string path, Cleanup cleanup) : m_path(std::move(path)), m_cleanup(cleanup) {}
    ~ScopedPath() { reset(); }
    ScopedPath(ScopedPath&& other) noexcept
        : m_path(std::exchange(other.m_path, {})), m_cleanup(other.m_cleanup) {}
    ScopedPath& operator=(ScopedPath&& other) noexcept {
        if (this != &other) {
            reset();
            m_path = std::exchange(other.m_path, {});
            m_cleanup = other.m_cleanup;
        }
        return *this;
    }
    ScopedPath(const ScopedPath&) = delete;
    ScopedPath& operator=(const ScopedPath&) = delete;

    /// The path; empty when nothing is owned.
    const std::string& get() const { return m_path; }
    /// Forgets the path without cleanup: the owner has undone it.
    void release() { m_path.clear(); }

private:
    void reset() {
        if (!m_path.empty() && m_cleanup)
            m_cleanup(m_path);
        m_path.clear();
    }

    std::string m_path;
    Cleanup m_cleanup = nullptr;
};

} // namespace lab::real
