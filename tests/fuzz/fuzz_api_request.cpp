// Engine API requests (app/daemon): any bytes a client could send on the socket, read as the
// daemon reads them (Beast's parser with the daemon's limits), then decoded (version prefix,
// query, path) and, for a body and filters, decoded as create and list would.
#include "daemon/ApiJson.h"

#include <boost/beast/http/parser.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    namespace http = boost::beast::http;
    const lab::daemon::RequestLimits limits;
    http::request_parser<http::string_body> parser;
    parser.header_limit(limits.headerBytes);
    parser.body_limit(limits.bodyBytes);
    parser.eager(true);
    boost::system::error_code error;
    parser.put(boost::asio::buffer(data, size), error);
    if (error || !parser.is_done())
        return 0;
    auto request = lab::daemon::readApiRequest(parser.get());
    if (!request)
        return 0;
    (void)lab::daemon::createRequestFrom(request->body, request->param("name"));
    (void)lab::daemon::filtersFrom(request->param("filters"));
    return 0;
}
