#pragma once
// Errors cross module boundaries as values, with context added on the way up
// ("creating cgroup /sys/fs/cgroup/...: Permission denied"), as crun does. C++17-compatible:
// the MSM translation units include it too.

#include <string>
#include <utility>
#include <variant>

namespace lab {

/// A failure with its context chain, outermost first when printed.
struct Error {
    std::string message;

    /// Returns the error prefixed with what the caller was doing: "ctx: message".
    Error context(const std::string& what) const { return Error{what + ": " + message}; }
};

/// Either a value or an Error (std::expected is C++23; this is the small part we need).
template <typename T> class Expected {
public:
    Expected(T value) : m_content(std::move(value)) {}
    Expected(Error error) : m_content(std::move(error)) {}

    /// True when a value is held.
    bool ok() const { return std::holds_alternative<T>(m_content); }
    explicit operator bool() const { return ok(); }
    /// The value; only valid when ok().
    T& value() { return std::get<T>(m_content); }
    const T& value() const { return std::get<T>(m_content); }
    T& operator*() { return value(); }
    const T& operator*() const { return value(); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    /// The error; only valid when !ok().
    const Error& error() const { return std::get<Error>(m_content); }

private:
    std::variant<T, Error> m_content;
};

/// Success without a value.
struct Ok {};
using Status = Expected<Ok>;

} // namespace lab
