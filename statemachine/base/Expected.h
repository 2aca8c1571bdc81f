#pragma once
// Errors cross module boundaries as values, with context added on the way up
// ("creating cgroup /sys/fs/cgroup/...: Permission denied"), as crun does; docs/error-handling.md
// is the whole contract. C++17-compatible: the MSM translation units include it too.

#include <string>
#include <tl/expected.hpp>

namespace lab {

/// What kind of failure an Error is, for the callers that must tell failures apart. The text
/// is for people; code that decides reads the code, never the text.
enum class ErrorCode {
    Generic,             ///< nothing a caller decides on
    Invalid,             ///< bad input: a flag, a file, a name
    NotFound,            ///< no such container, image, file
    Conflict,            ///< the name or state is in the way
    Busy,                ///< the kernel still holds it (EBUSY): try again later
    RegistryUnreachable, ///< the registry did not answer (docker: `Get "https://..."`)
    TemplateParse,       ///< a --format template does not parse
    TemplateExec,        ///< a --format template failed while executing
    Kernel,              ///< a system call failed; sysErrno says how
};

/// A failure with its context chain, outermost first when printed.
struct Error {
    std::string message;
    ErrorCode code = ErrorCode::Generic;
    int sysErrno = 0; ///< the errno of a failed system call (code Kernel), else 0

    /// Returns the error prefixed with what the caller was doing: "ctx: message". The code and
    /// errno stay: context explains, it does not change what failed.
    Error context(const std::string& what) const {
        return Error{what + ": " + message, code, sysErrno};
    }

    /// `return Error{...};` from a function returning Expected<T>: the error side, as before
    /// the project used tl::expected (which asks for tl::unexpected(...) otherwise).
    template <class T> operator tl::expected<T, Error>() const { return tl::unexpected(*this); }
};

/// Either a value or why not (tl::expected from Debian's libexpected-dev, the C++17 spelling of
/// C++23's std::expected). E defaults to Error; a caller that needs more carries its own.
template <class T, class E = Error> using Expected = tl::expected<T, E>;

/// Success without a value.
using Status = Expected<void>;

/// Spells success in a function returning Status: `return Ok{};`.
struct Ok {
    template <class E> operator tl::expected<void, E>() const { return {}; }
};

} // namespace lab
