#include "daemon/ApiRequest.h"

#include <boost/beast/core/string.hpp>
#include <cctype>
#include <charconv>

namespace lab::daemon {
namespace {

// "1.41" as (1, 41); nullopt when it is not two numbers.
std::optional<std::pair<int, int>> versionNumbers(std::string_view text) {
    const auto dot = text.find('.');
    if (dot == std::string_view::npos)
        return std::nullopt;
    int major = 0;
    int minor = 0;
    const auto [majorEnd, majorError] = std::from_chars(text.data(), text.data() + dot, major);
    const auto [minorEnd, minorError] =
        std::from_chars(text.data() + dot + 1, text.data() + text.size(), minor);
    if (majorError != std::errc() || minorError != std::errc() || majorEnd != text.data() + dot ||
        minorEnd != text.data() + text.size())
        return std::nullopt;
    return std::pair{major, minor};
}

int hexDigit(char c) {
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

} // namespace

std::optional<std::string> percentDecode(std::string_view text, bool plusIsSpace) {
    std::string decoded;
    decoded.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '%') {
            if (i + 2 >= text.size())
                return std::nullopt;
            const int high = hexDigit(text[i + 1]);
            const int low = hexDigit(text[i + 2]);
            if (high < 0 || low < 0)
                return std::nullopt;
            decoded += char(high * 16 + low);
            i += 2;
        } else {
            decoded += plusIsSpace && text[i] == '+' ? ' ' : text[i];
        }
    }
    return decoded;
}

std::string ApiRequest::param(const std::string& key, const std::string& fallback) const {
    const auto found = query.find(key);
    return found == query.end() ? fallback : found->second;
}

bool ApiRequest::flag(const std::string& key) const {
    // Docker's httputils.BoolValue: anything but "", "0", "no", "false", "none" is true.
    std::string value = param(key);
    for (char& c : value)
        c = char(std::tolower(static_cast<unsigned char>(c)));
    return !(value.empty() || value == "0" || value == "no" || value == "false" || value == "none");
}

Expected<ApiRequest, RequestError> readApiRequest(const HttpRequest& request) {
    ApiRequest api;
    api.method = std::string(request.method_string().data(), request.method_string().size());
    const std::string_view target(request.target().data(), request.target().size());
    const auto question = target.find('?');
    std::string_view path = target.substr(0, question);
    api.body = request.body();
    const auto connection = request.find(boost::beast::http::field::connection);
    api.upgrade =
        connection != request.end() && boost::beast::iequals(connection->value(), "Upgrade");

    if (question != std::string_view::npos) {
        std::string_view rest = target.substr(question + 1);
        while (!rest.empty()) {
            const auto amp = rest.find('&');
            const std::string_view pair = rest.substr(0, amp);
            rest = amp == std::string_view::npos ? std::string_view() : rest.substr(amp + 1);
            if (pair.empty())
                continue;
            const auto equals = pair.find('=');
            auto key = percentDecode(pair.substr(0, equals), true);
            auto value = percentDecode(equals == std::string_view::npos ? std::string_view()
                                                                        : pair.substr(equals + 1),
                                       true);
            if (!key || !value)
                return tl::unexpected(RequestError{400, "invalid URL escape in the query"});
            api.query[*key] = *value;
        }
    }

    // /v1.41/containers/json: the version prefix is optional; without it the current applies.
    if (path.starts_with("/v")) {
        const auto slash = path.find('/', 1);
        const std::string_view version =
            path.substr(2, slash == std::string_view::npos ? std::string_view::npos : slash - 2);
        if (const auto numbers = versionNumbers(version)) {
            const auto newest = *versionNumbers(kApiVersion);
            const auto oldest = *versionNumbers(kMinApiVersion);
            if (*numbers > newest)
                return tl::unexpected(RequestError{
                    400, "client version " + std::string(version) +
                             " is too new. Maximum supported API version is " + kApiVersion});
            if (*numbers < oldest)
                return tl::unexpected(RequestError{
                    400, "client version " + std::string(version) +
                             " is too old. Minimum supported API version is " + kMinApiVersion +
                             ", please upgrade your client to a newer version"});
            path = slash == std::string_view::npos ? std::string_view("/") : path.substr(slash);
        }
    }
    auto decodedPath = percentDecode(path, false);
    if (!decodedPath)
        return tl::unexpected(RequestError{400, "invalid URL escape in the path"});
    api.path = *decodedPath;
    std::string_view rest = api.path;
    while (!rest.empty()) {
        const auto slash = rest.find('/');
        if (slash != 0)
            api.segments.emplace_back(rest.substr(0, slash));
        rest = slash == std::string_view::npos ? std::string_view() : rest.substr(slash + 1);
    }
    return api;
}

} // namespace lab::daemon
