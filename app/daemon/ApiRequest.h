#pragma once
// An Engine API request as the handlers see it: the method, the path without its /vX.Y prefix,
// the decoded query and the body. Reading it applies Docker's version rules: a version above
// 1.41 or below 1.12 is refused with Docker's words.

#include "base/Expected.h"
#include "daemon/Connection.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace lab::daemon {

/// The API version the daemon speaks, and the oldest it accepts (Engine 20.10's).
inline constexpr const char* kApiVersion = "1.41";
inline constexpr const char* kMinApiVersion = "1.12";

/// One request, decoded.
struct ApiRequest {
    std::string method;                       ///< "GET", "POST", "HEAD", "DELETE"
    std::string path;                         ///< "/containers/c1/start": no version prefix
    std::vector<std::string> segments;        ///< path split at '/', decoded
    std::map<std::string, std::string> query; ///< last value wins, as Go's Form.Get
    std::string body;
    bool upgrade = false; ///< Connection: Upgrade (attach's hijack)

    /// The query parameter, or fallback when absent.
    std::string param(const std::string& key, const std::string& fallback = {}) const;
    /// Docker's boolean parameter: "1", "true", "True" are true; absent or "0"/"false" not.
    bool flag(const std::string& key) const;
};

/// Why a request was not read: the status to answer with and Docker's message.
struct RequestError {
    int status = 400;
    std::string message;
};

/// Decodes request; refuses bad percent-encoding and versions outside [1.12, 1.41].
Expected<ApiRequest, RequestError> readApiRequest(const HttpRequest& request);

/// Percent-decoding of a query component ('+' is a space); nullopt when malformed.
std::optional<std::string> percentDecode(std::string_view text, bool plusIsSpace);

} // namespace lab::daemon
