#include "RegistryHttp.h"

#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http.hpp>
#include <chrono>

namespace lab::real {
namespace {

namespace asio = boost::asio;
namespace http = boost::beast::http;
using boost::asio::ip::tcp;

constexpr auto kTimeout = std::chrono::seconds(30); // each connect, write and read
constexpr int kRedirects = 3;
constexpr std::uint32_t kHeaderBytes = 64 * 1024;

std::string urlOf(const HttpTarget& where) {
    return "http://" + where.host + where.target;
}

// The loopback endpoint of "host[:port]" ("localhost" is 127.0.0.1; no name is looked up).
Expected<tcp::endpoint> loopbackEndpoint(const std::string& host) {
    std::string name = host;
    unsigned short port = 80;
    const auto colon = host.rfind(':');
    if (colon != std::string::npos && host.find(']', colon) == std::string::npos) {
        name = host.substr(0, colon);
        const std::string digits = host.substr(colon + 1);
        unsigned long value = 0;
        if (digits.empty() || digits.size() > 5 ||
            digits.find_first_not_of("0123456789") != std::string::npos ||
            (value = std::stoul(digits)) == 0 || value > 65535)
            return Error{"invalid registry port in " + host, ErrorCode::RegistryUnreachable};
        port = static_cast<unsigned short>(value);
    }
    if (name.size() > 2 && name.front() == '[' && name.back() == ']')
        name = name.substr(1, name.size() - 2);
    if (name == "localhost")
        name = "127.0.0.1";
    boost::system::error_code invalid;
    const asio::ip::address address = asio::ip::make_address(name, invalid);
    if (invalid || !address.is_loopback())
        return Error{"the real backend pulls only from a registry on this machine's loopback "
                     "address over plain HTTP (127.0.0.1:5000/name:tag): " +
                         host +
                         " would need HTTPS and a token login (Docker Hub's), which it does not "
                         "do",
                     ErrorCode::RegistryUnreachable};
    return tcp::endpoint(address, port);
}

std::string addressOf(const tcp::endpoint& endpoint) {
    const std::string ip = endpoint.address().to_string();
    return (endpoint.address().is_v6() ? "[" + ip + "]" : ip) + ":" +
           std::to_string(endpoint.port());
}

// Go's net error words for what failed ("connect: connection refused", "i/o timeout").
std::string netWords(const boost::system::error_code& error) {
    if (error == boost::beast::error::timeout)
        return "i/o timeout";
    if (error == asio::error::connection_refused)
        return "connect: connection refused";
    if (error == http::error::end_of_stream || error == asio::error::eof)
        return "EOF";
    return error.message();
}

} // namespace

Status RegistryHttp::checkHost(const std::string& host) {
    auto endpoint = loopbackEndpoint(host);
    if (!endpoint)
        return endpoint.error();
    return Ok{};
}

void RegistryHttp::cancel() {
    m_cancelled = true; // before stop(): wait() looks at it after restart()
    m_io.stop();
}

// Runs one asynchronous operation to its end on this thread: start is given the handler. A
// cancel() stops the run; the operation's handler then never runs (the io_context is never run
// again), so it may refer to the caller's locals.
template <class Start> boost::system::error_code RegistryHttp::wait(Start start) {
    boost::system::error_code result = asio::error::operation_aborted;
    start([&result](boost::system::error_code error, auto&&...) { result = error; });
    m_io.restart();
    if (!m_cancelled)
        m_io.run();
    return m_cancelled ? asio::error::operation_aborted : result;
}

Expected<HttpAnswer> RegistryHttp::get(HttpTarget where, const std::string& accept,
                                       std::size_t maxBytes,
                                       const std::function<void(std::size_t)>& onBytes) {
    for (int redirect = 0;; ++redirect) {
        std::string location;
        auto answer = getOnce(where, accept, maxBytes, onBytes, location);
        if (!answer || location.empty())
            return answer;
        if (redirect == kRedirects)
            return Error{"Get \"" + urlOf(where) + "\": stopped after " +
                         std::to_string(kRedirects) + " redirects"};
        if (location.starts_with("http://")) {
            const auto path = location.find('/', 7);
            where.host = location.substr(7, path == std::string::npos ? path : path - 7);
            where.target = path == std::string::npos ? "/" : location.substr(path);
        } else if (location.starts_with("/")) {
            where.target = location;
        } else {
            return Error{"Get \"" + urlOf(where) + "\": redirected to " + location +
                         ", which the real backend does not follow (plain HTTP on the loopback "
                         "address only)"};
        }
    }
}

Expected<HttpAnswer> RegistryHttp::getOnce(const HttpTarget& where, const std::string& accept,
                                           std::size_t maxBytes,
                                           const std::function<void(std::size_t)>& onBytes,
                                           std::string& location) {
    auto endpoint = loopbackEndpoint(where.host);
    if (!endpoint)
        return endpoint.error();
    const std::string url = urlOf(where);
    boost::beast::tcp_stream stream(m_io);
    stream.expires_after(kTimeout);
    if (auto error = wait([&](auto handler) { stream.async_connect(*endpoint, handler); }))
        return Error{"Get \"" + url + "\": dial tcp " + addressOf(*endpoint) + ": " +
                         netWords(error),
                     ErrorCode::RegistryUnreachable};

    http::request<http::empty_body> request{http::verb::get, where.target, 11};
    request.set(http::field::host, where.host);
    request.set(http::field::user_agent, "lifecycle-lab");
    if (!accept.empty())
        request.set(http::field::accept, accept);
    http::response_parser<http::string_body> parser;
    parser.header_limit(kHeaderBytes);
    parser.body_limit(maxBytes);
    boost::beast::flat_buffer buffer;
    stream.expires_after(kTimeout);
    auto error = wait([&](auto handler) { http::async_write(stream, request, handler); });
    if (!error) {
        stream.expires_after(kTimeout);
        error =
            wait([&](auto handler) { http::async_read_header(stream, buffer, parser, handler); });
    }
    while (!error && !parser.is_done()) {
        stream.expires_after(kTimeout);
        error = wait([&](auto handler) { http::async_read_some(stream, buffer, parser, handler); });
        if (!error && onBytes)
            onBytes(parser.get().body().size());
    }
    if (error == http::error::body_limit)
        return Error{"Get \"" + url + "\": the registry sent more than the " +
                     std::to_string(maxBytes) + " bytes expected"};
    if (error)
        return Error{"Get \"" + url + "\": " + netWords(error), ErrorCode::RegistryUnreachable};
    boost::system::error_code ignored;
    stream.socket().shutdown(tcp::socket::shutdown_both, ignored);

    const auto& response = parser.get();
    HttpAnswer answer;
    answer.status = response.result_int();
    if (answer.status >= 300 && answer.status < 400 && answer.status != 304)
        location = std::string(response[http::field::location]);
    const std::string type(response[http::field::content_type]);
    answer.contentType = type.substr(0, type.find(';'));
    answer.contentDigest = std::string(response["Docker-Content-Digest"]);
    answer.body = parser.release().body();
    return answer;
}

} // namespace lab::real
