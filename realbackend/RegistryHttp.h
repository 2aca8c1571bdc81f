#pragma once
// The HTTP client of a pull (Boost.Beast): one GET at a time on a worker thread, plain HTTP to a
// registry on this machine's loopback address (127.0.0.0/8, localhost, ::1), which Docker treats
// as an insecure registry. Every wait has a timeout, every body a size limit, a redirect is
// followed at most three times, and cancel() (any thread) ends a GET at once. Errors are the
// daemon's words, as Go's net/http writes them: `Get "http://127.0.0.1:5000/v2/": dial tcp
// 127.0.0.1:5000: connect: connection refused`.

#include "base/Expected.h"

#include <atomic>
#include <boost/asio/io_context.hpp>
#include <cstddef>
#include <functional>
#include <string>

namespace lab::real {

/// One answer of the registry.
struct HttpAnswer {
    unsigned status = 0;
    std::string contentType;   ///< Content-Type, parameters dropped
    std::string contentDigest; ///< Docker-Content-Digest, if the registry sent one
    std::string body;
};

/// Where a GET goes.
struct HttpTarget {
    std::string host;   ///< "127.0.0.1:5000" (the reference's domain)
    std::string target; ///< "/v2/lab/hello/manifests/1"
};

/// GETs from one registry.
class RegistryHttp {
public:
    /// Whether the registry at host ("127.0.0.1:5000", "localhost:5000") can be reached; an error
    /// (ErrorCode::RegistryUnreachable) when the host is not on the loopback address.
    static Status checkHost(const std::string& host);

    /// The answer to GET target, whatever its status; its body at most maxBytes (more is an
    /// error). onBytes is told the body's bytes so far as they arrive.
    Expected<HttpAnswer> get(HttpTarget where, const std::string& accept, std::size_t maxBytes,
                             const std::function<void(std::size_t)>& onBytes = {});
    /// Ends the GET in flight and every later one with an error; callable from any thread.
    void cancel();

private:
    Expected<HttpAnswer> getOnce(const HttpTarget& where, const std::string& accept,
                                 std::size_t maxBytes,
                                 const std::function<void(std::size_t)>& onBytes,
                                 std::string& location);
    template <class Start> boost::system::error_code wait(Start start);

    boost::asio::io_context m_io;
    std::atomic<bool> m_cancelled = false;
};

} // namespace lab::real
