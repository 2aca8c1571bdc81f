#pragma once
// One client of the daemon on the Unix socket: HTTP/1.1 requests read one at a time with
// bounded sizes, and the ways Docker's daemon answers them (a whole body, a chunked stream that
// the engine feeds as things happen, or a hijacked raw stream for attach). Everything runs on
// the daemon's one I/O thread, which also owns the engine.

#include "base/Limits.h"

#include <array>
#include <boost/asio/local/stream_protocol.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>
#include <chrono>
#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lab::daemon {

namespace asio = boost::asio;
using Socket = asio::local::stream_protocol::socket;
using HttpRequest = boost::beast::http::request<boost::beast::http::string_body>;

/// What one request may weigh, and how long a client may keep the daemon waiting for one.
struct RequestLimits {
    std::uint32_t headerBytes = 16 * 1024;                        ///< the request line and headers
    std::uint64_t bodyBytes = 1024 * 1024;                        ///< a create body is about 2 KB
    std::uint64_t archiveBytes = lab::limits::kImageArchiveBytes; ///< docker load, docker import
    std::chrono::seconds idle{60}; ///< between requests, or for a slow one to arrive
};

/// A client connection and the answer to its current request.
class Connection : public std::enable_shared_from_this<Connection> {
public:
    using Handler = std::function<void(const HttpRequest&, const std::shared_ptr<Connection>&)>;

    Connection(Socket socket, RequestLimits limits, Handler handler);
    /// Reads the first request.
    void start();
    /// False once the client went away or the connection was closed.
    bool open() const { return m_open; }
    /// Called once when the connection closes (the client vanished, or the answer ended it).
    void onClosed(std::function<void()> callback) { m_onClosed.push_back(std::move(callback)); }
    /// Called with the status of the current request's answer as its status line goes out
    /// (reply, beginStream, upgrade); set anew for each request.
    void onAnswer(std::function<void(int status)> callback) { m_onAnswer = std::move(callback); }

    /// A whole answer with Docker's headers; an empty body for 204 and 304 sends none.
    void reply(int status, const std::string& body,
               std::string_view contentType = "application/json");
    /// Docker's error: {"message": ...} with the status.
    void replyError(int status, const std::string& message);
    /// Headers now, the body later in chunks (wait, events, logs, pull): Docker sends the
    /// headers before it has anything to say, and the CLI waits for them.
    void beginStream(int status, std::string_view contentType);
    void sendChunk(const std::string& data);
    /// The last chunk; the connection reads the next request (the client may keep it).
    void endStream();
    /// What a hijacked client sends (attach's stdin), as it comes; ended once it closed its side.
    using InputHandler = std::function<void(const std::string& bytes, bool ended)>;
    /// 101 UPGRADED: from now on the socket carries raw bytes (attach), the client's going to
    /// input (none: dropped). The client's half-close of its side is not the end: the daemon
    /// closes when the output ends.
    void upgrade(InputHandler input = {});
    void sendRaw(const std::string& data);
    /// Closes once everything queued is written.
    void closeAfterWrites();

private:
    void readRequest();
    void onRead(boost::system::error_code error);
    void watchForHangUp();
    void readInput();
    void armIdleTimer();
    void write(std::string data);
    void writeNext();
    void close();
    void finishAnswer();
    void answered(int status);
    void startNextRequest();

    Socket m_socket;
    RequestLimits m_limits;
    Handler m_handler;
    asio::steady_timer m_idle;
    boost::beast::flat_buffer m_buffer;
    std::optional<boost::beast::http::request_parser<boost::beast::http::string_body>> m_parser;
    std::deque<std::string> m_writes;
    bool m_writing = false;
    bool m_open = true;
    bool m_keepAlive = true;
    bool m_readAfterWrites = false;
    bool m_closeAfterWrites = false;
    bool m_hijacked = false;
    bool m_streaming = false; ///< a chunked answer is under way
    bool m_watching = false;  ///< the hang-up watch's one-byte read is pending
    char m_hangUpByte = 0;
    InputHandler m_input;
    std::array<char, 4096> m_inputBytes{};
    std::vector<std::function<void()>> m_onClosed;
    std::function<void(int)> m_onAnswer;
};

/// The status line's reason phrase Docker's Go server sends ("Not Modified").
std::string_view reasonPhrase(int status);

} // namespace lab::daemon
