#pragma once
// One answer the daemon gave, as the architecture view draws it. A header of its own, free of
// Boost, so the window includes it cheaply (and Qt's lupdate does not wade through Asio).

#include <string>
#include <string_view>

namespace lab::daemon {

/// The request's method and path (no version prefix, no query) and the status answered.
struct ApiExchange {
    std::string method;
    std::string path;
    int status = 0;
};

/// The request target as the architecture view names it: "/v1.41/containers/create?name=x"
/// is "/containers/create".
std::string exchangePath(std::string_view target);

} // namespace lab::daemon
