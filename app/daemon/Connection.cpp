#include "daemon/Connection.h"

#include <boost/asio/write.hpp>
#include <boost/beast/http/read.hpp>
#include <cstdio>
#include <ctime>
#include <nlohmann/json.hpp>

namespace lab::daemon {
namespace http = boost::beast::http;
namespace {

// RFC 7231's IMF-fixdate, as Go's http server stamps every answer.
std::string httpDate() {
    const std::time_t now = std::time(nullptr);
    std::tm utc{};
    gmtime_r(&now, &utc);
    char text[64];
    std::strftime(text, sizeof text, "%a, %d %b %Y %H:%M:%S GMT", &utc);
    return text;
}

// The headers Engine 20.10 puts on every API answer (engine-api notes in docs/ENGINE-API.md).
std::string statusAndHeaders(int status) {
    return "HTTP/1.1 " + std::to_string(status) + " " + std::string(reasonPhrase(status)) +
           "\r\nApi-Version: 1.41\r\nDocker-Experimental: false\r\nOstype: linux\r\n"
           "Server: Docker/20.10.24 (linux)\r\nDate: " +
           httpDate() + "\r\n";
}

std::string hex(std::size_t value) {
    char text[32];
    std::snprintf(text, sizeof text, "%zx", value);
    return text;
}

} // namespace

std::string_view reasonPhrase(int status) {
    switch (status) {
    case 101:
        return "UPGRADED";
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 204:
        return "No Content";
    case 304:
        return "Not Modified";
    case 400:
        return "Bad Request";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 409:
        return "Conflict";
    case 501:
        return "Not Implemented";
    case 413:
        return "Request Entity Too Large";
    case 431:
        return "Request Header Fields Too Large";
    default:
        return status < 500 ? "Bad Request" : "Internal Server Error";
    }
}

Connection::Connection(Socket socket, RequestLimits limits, Handler handler)
    : m_socket(std::move(socket)), m_limits(limits), m_handler(std::move(handler)),
      m_idle(m_socket.get_executor()) {}

void Connection::start() {
    readRequest();
}

void Connection::armIdleTimer() {
    m_idle.expires_after(m_limits.idle);
    m_idle.async_wait([self = shared_from_this()](boost::system::error_code error) {
        if (!error)
            self->close(); // a client that sends nothing (or too slowly) loses its connection
    });
}

namespace {

// POST /images/load, or POST /images/create?fromSrc=- (docker import).
bool carriesImageArchive(const HttpRequest& request) {
    const std::string_view target(request.target().data(), request.target().size());
    return request.method() == http::verb::post &&
           (target.find("/images/load") != std::string_view::npos ||
            (target.find("/images/create?") != std::string_view::npos &&
             target.find("fromSrc=") != std::string_view::npos));
}

} // namespace

void Connection::readRequest() {
    if (!m_open)
        return;
    m_parser.emplace();
    m_parser->header_limit(m_limits.headerBytes);
    m_parser->body_limit(m_limits.bodyBytes);
    armIdleTimer();
    // The header first: an image archive (docker load, docker import) may weigh more than any
    // other body.
    http::async_read_header(
        m_socket, m_buffer, *m_parser,
        [self = shared_from_this()](boost::system::error_code error, std::size_t) {
            if (error)
                return self->onRead(error);
            if (carriesImageArchive(self->m_parser->get()))
                self->m_parser->body_limit(self->m_limits.archiveBytes);
            http::async_read(
                self->m_socket, self->m_buffer, *self->m_parser,
                [self](boost::system::error_code rest, std::size_t) { self->onRead(rest); });
        });
}

void Connection::onRead(boost::system::error_code error) {
    m_idle.cancel();
    if (error == http::error::header_limit) {
        m_keepAlive = false;
        return replyError(431, "request headers too large");
    }
    if (error == http::error::body_limit) {
        m_keepAlive = false;
        return replyError(413, "request body too large");
    }
    if (error == http::error::end_of_stream || error == asio::error::eof ||
        error == asio::error::operation_aborted)
        return close();
    if (error) { // not HTTP: say so once, then hang up
        m_keepAlive = false;
        return replyError(400, "malformed HTTP request");
    }
    const HttpRequest& request = m_parser->get();
    m_keepAlive = request.keep_alive();
    m_handler(request, shared_from_this());
}

void Connection::watchForHangUp() {
    // While an answer streams, the client only listens: a read that ends means it left, and a
    // byte that comes is the start of its next request (or, hijacked, stdin, not read yet).
    m_watching = true;
    if (m_hijacked)
        return readInput();
    m_socket.async_read_some(
        asio::buffer(&m_hangUpByte, 1),
        [self = shared_from_this()](boost::system::error_code error, std::size_t) {
            self->m_watching = false;
            if (error)
                return self->close();
            auto room = self->m_buffer.prepare(1);
            *static_cast<char*>(room.data()) = self->m_hangUpByte;
            self->m_buffer.commit(1);
            if (!self->m_streaming && !self->m_writing && self->m_open)
                self->readRequest(); // the stream ended before the client spoke again
        });
}

void Connection::readInput() {
    m_socket.async_read_some(
        asio::buffer(m_inputBytes),
        [self = shared_from_this()](boost::system::error_code error, std::size_t size) {
            self->m_watching = false;
            if (error && error != asio::error::eof)
                return self->close();
            if (InputHandler input = self->m_input; input && self->m_open) // it may close
                input(std::string(self->m_inputBytes.data(), size), bool(error));
            if (!error)
                self->watchForHangUp();
        });
}

void Connection::reply(int status, const std::string& body, std::string_view contentType) {
    answered(status);
    std::string head = statusAndHeaders(status);
    if (status != 204 && status != 304) {
        if (!body.empty() || contentType != "application/json")
            head += "Content-Type: " + std::string(contentType) + "\r\n";
        head += "Content-Length: " + std::to_string(body.size()) + "\r\n";
    }
    if (!m_keepAlive)
        head += "Connection: close\r\n";
    write(head + "\r\n" + (status == 204 || status == 304 ? std::string() : body));
    finishAnswer();
}

void Connection::replyError(int status, const std::string& message) {
    reply(status, nlohmann::json{{"message", message}}.dump(
                      -1, ' ', false, nlohmann::json::error_handler_t::replace) +
                      "\n");
}

void Connection::beginStream(int status, std::string_view contentType) {
    answered(status);
    std::string head = statusAndHeaders(status);
    if (!contentType.empty())
        head += "Content-Type: " + std::string(contentType) + "\r\n";
    write(head + "Transfer-Encoding: chunked\r\n\r\n");
    m_streaming = true;
    watchForHangUp();
}

void Connection::sendChunk(const std::string& data) {
    if (!data.empty())
        write(hex(data.size()) + "\r\n" + data + "\r\n");
}

void Connection::endStream() {
    write("0\r\n\r\n");
    m_streaming = false;
    finishAnswer();
}

void Connection::upgrade(InputHandler input) {
    answered(101);
    m_hijacked = true;
    m_input = std::move(input);
    write("HTTP/1.1 101 UPGRADED\r\nContent-Type: application/vnd.docker.raw-stream\r\n"
          "Connection: Upgrade\r\nUpgrade: tcp\r\n\r\n");
    if (m_buffer.size() > 0 && m_input) { // stdin that came with the request
        const auto data = m_buffer.data();
        m_input(std::string(static_cast<const char*>(data.data()), data.size()), false);
    }
    m_buffer.consume(m_buffer.size());
    watchForHangUp();
}

void Connection::sendRaw(const std::string& data) {
    if (!data.empty())
        write(data);
}

void Connection::closeAfterWrites() {
    m_closeAfterWrites = true;
    if (!m_writing)
        close();
}

void Connection::answered(int status) {
    if (auto callback = std::exchange(m_onAnswer, {}))
        callback(status);
}

void Connection::finishAnswer() {
    if (m_keepAlive)
        m_readAfterWrites = true;
    else
        m_closeAfterWrites = true;
    if (!m_writing)
        writeNext();
}

void Connection::write(std::string data) {
    if (!m_open)
        return;
    m_writes.push_back(std::move(data));
    if (!m_writing)
        writeNext();
}

void Connection::writeNext() {
    if (!m_open)
        return;
    if (m_writes.empty()) {
        m_writing = false;
        if (m_closeAfterWrites)
            close();
        else if (std::exchange(m_readAfterWrites, false))
            startNextRequest();
        return;
    }
    m_writing = true;
    asio::async_write(m_socket, asio::buffer(m_writes.front()),
                      [self = shared_from_this()](boost::system::error_code error, std::size_t) {
                          if (error)
                              return self->close();
                          self->m_writes.pop_front();
                          self->writeNext();
                      });
}

void Connection::startNextRequest() {
    if (!m_watching)
        return readRequest();
    // The hang-up watch still reads: its byte starts the next request; until then the client
    // has the idle time to send it.
    armIdleTimer();
}

void Connection::close() {
    if (!m_open)
        return;
    m_open = false;
    m_idle.cancel();
    boost::system::error_code ignored;
    m_socket.shutdown(Socket::shutdown_both, ignored);
    m_socket.close(ignored);
    m_writes.clear();
    m_input = nullptr;
    for (const auto& callback : std::exchange(m_onClosed, {}))
        callback();
}

} // namespace lab::daemon
