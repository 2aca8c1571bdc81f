#include "docker/ImageReference.h"

#include <algorithm>
#include <cctype>

namespace lab::docker {
namespace {

constexpr std::string_view kDefaultDomain = "docker.io";
constexpr std::string_view kLegacyDomain = "index.docker.io";
constexpr std::string_view kOfficialPrefix = "library/";
constexpr std::size_t kMaxNameLength = 255;

bool isLowerAlnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}
bool isAlnum(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0;
}
bool isWord(char c) {
    return isAlnum(c) || c == '_';
}
bool isHex(char c) {
    return std::isxdigit(static_cast<unsigned char>(c)) != 0;
}
bool isLowerHex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
}

std::string lowered(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

// path-component: lower-case alphanumeric runs joined by ".", "_", "__" or any run of "-".
bool isPathComponent(std::string_view s) {
    if (s.empty() || !isLowerAlnum(s.front()) || !isLowerAlnum(s.back()))
        return false;
    std::size_t i = 0;
    while (i < s.size()) {
        if (isLowerAlnum(s[i])) {
            ++i;
            continue;
        }
        std::size_t end = i;
        while (end < s.size() && !isLowerAlnum(s[end]))
            ++end;
        const std::string_view sep = s.substr(i, end - i);
        const bool dashes = sep.find_first_not_of('-') == std::string_view::npos;
        if (!(sep == "." || sep == "_" || sep == "__" || dashes))
            return false;
        i = end;
    }
    return true;
}

bool isRemoteName(std::string_view s) {
    for (std::size_t start = 0;;) {
        const std::size_t slash = s.find('/', start);
        if (!isPathComponent(s.substr(start, slash - start)))
            return false;
        if (slash == std::string_view::npos)
            return true;
        start = slash + 1;
    }
}

bool isDomainComponent(std::string_view s) {
    return !s.empty() && isAlnum(s.front()) && isAlnum(s.back()) &&
           std::all_of(s.begin(), s.end(), [](char c) { return isAlnum(c) || c == '-'; });
}

bool isDomainAndPort(std::string_view s, ReferenceGrammar grammar) {
    std::string_view host = s;
    std::string_view port;
    bool hasPort = false;
    if (grammar == ReferenceGrammar::Cli && s.starts_with('[')) {
        const std::size_t close = s.find(']');
        if (close == std::string_view::npos || close == 1)
            return false;
        const std::string_view inner = s.substr(1, close - 1);
        if (!std::all_of(inner.begin(), inner.end(), [](char c) { return isHex(c) || c == ':'; }))
            return false;
        host = {};
        hasPort = close + 1 < s.size();
        if (hasPort && s[close + 1] != ':')
            return false;
        port = hasPort ? s.substr(close + 2) : std::string_view{};
    } else {
        const std::size_t colon = s.find(':');
        hasPort = colon != std::string_view::npos;
        host = s.substr(0, colon);
        port = hasPort ? s.substr(colon + 1) : std::string_view{};
        for (std::size_t start = 0;;) {
            const std::size_t dot = host.find('.', start);
            if (!isDomainComponent(host.substr(start, dot - start)))
                return false;
            if (dot == std::string_view::npos)
                break;
            start = dot + 1;
        }
    }
    return !hasPort || (!port.empty() && std::all_of(port.begin(), port.end(),
                                                     [](char c) { return c >= '0' && c <= '9'; }));
}

bool isTag(std::string_view s) {
    return !s.empty() && s.size() <= 128 && isWord(s.front()) &&
           std::all_of(s.begin(), s.end(),
                       [](char c) { return isWord(c) || c == '.' || c == '-'; });
}

// The reference grammar's digest shape; go-digest judges the algorithm and length afterwards.
bool isDigestShape(std::string_view s) {
    const std::size_t colon = s.find(':');
    if (colon == std::string_view::npos)
        return false;
    const std::string_view algorithm = s.substr(0, colon);
    const std::string_view hex = s.substr(colon + 1);
    if (hex.size() < 32 || !std::all_of(hex.begin(), hex.end(), isHex))
        return false;
    bool atComponentStart = true;
    for (char c : algorithm) {
        if (atComponentStart) {
            if (!std::isalpha(static_cast<unsigned char>(c)))
                return false;
            atComponentStart = false;
        } else if (c == '-' || c == '_' || c == '+' || c == '.') {
            atComponentStart = true;
        } else if (!isAlnum(c)) {
            return false;
        }
    }
    return !atComponentStart;
}

// go-digest's Parse: only the registered algorithms, with their exact hex lengths.
Status validateDigest(std::string_view digest) {
    const std::size_t colon = digest.find(':');
    const std::string_view algorithm = digest.substr(0, colon);
    const std::string_view hex = digest.substr(colon + 1);
    std::size_t hexLength = 0;
    if (algorithm == "sha256")
        hexLength = 64;
    else if (algorithm == "sha384")
        hexLength = 96;
    else if (algorithm == "sha512")
        hexLength = 128;
    if (hexLength == 0) {
        // go-digest's own pattern wants a lower-case algorithm before it calls one unsupported.
        if (lowered(algorithm) != algorithm)
            return Error{"invalid checksum digest format"};
        return Error{"unsupported digest algorithm"};
    }
    if (hex.size() != hexLength)
        return Error{"invalid checksum digest length"};
    if (!std::all_of(hex.begin(), hex.end(), isLowerHex))
        return Error{"invalid checksum digest format"};
    return Ok{};
}

// Splits a name into domain and path the way the anchored name pattern does: the first
// component is the domain only if it reads as one and the rest reads as a remote name.
bool splitName(std::string_view name, ReferenceGrammar grammar, ImageReference& out) {
    const std::size_t slash = name.find('/');
    if (slash != std::string_view::npos && isDomainAndPort(name.substr(0, slash), grammar) &&
        isRemoteName(name.substr(slash + 1))) {
        out.domain = std::string(name.substr(0, slash));
        out.path = std::string(name.substr(slash + 1));
        return true;
    }
    if (!isRemoteName(name))
        return false;
    out.domain.clear();
    out.path = std::string(name);
    return true;
}

// The anchored reference pattern: name [":" tag] ["@" digest], without semantic checks.
bool matchReference(std::string_view s, ReferenceGrammar grammar, ImageReference& out) {
    const std::size_t at = s.find('@');
    std::string_view rest = s.substr(0, at);
    out.digest.clear();
    if (at != std::string_view::npos) {
        if (!isDigestShape(s.substr(at + 1)))
            return false;
        out.digest = std::string(s.substr(at + 1));
    }
    // A tag never holds '/', and a name holds ':' only before a '/', so the last ':' after
    // the last '/' is the tag's.
    const std::size_t colon = rest.rfind(':');
    const std::size_t slash = rest.rfind('/');
    out.tag.clear();
    if (colon != std::string_view::npos && (slash == std::string_view::npos || colon > slash)) {
        if (!isTag(rest.substr(colon + 1)))
            return false;
        out.tag = std::string(rest.substr(colon + 1));
        rest = rest.substr(0, colon);
    }
    return splitName(rest, grammar, out);
}

std::pair<std::string, std::string> splitDockerDomain(std::string_view text,
                                                      ReferenceGrammar grammar) {
    std::string domain(kDefaultDomain);
    std::string remainder(text);
    const std::size_t slash = text.find('/');
    if (slash == std::string_view::npos) {
        remainder = std::string(kOfficialPrefix) + remainder;
        return {domain, remainder};
    }
    const std::string_view first = text.substr(0, slash);
    const bool upperFirst = grammar == ReferenceGrammar::Cli && lowered(first) != first;
    if (first == "localhost" || first.find_first_of(".:") != std::string_view::npos || upperFirst) {
        domain = first == kLegacyDomain ? std::string(kDefaultDomain) : std::string(first);
        remainder = std::string(text.substr(slash + 1));
    }
    if (domain == kDefaultDomain && remainder.find('/') == std::string::npos)
        remainder = std::string(kOfficialPrefix) + remainder;
    return {domain, remainder};
}

} // namespace

bool isFullImageId(std::string_view text) {
    return text.size() == 64 && std::all_of(text.begin(), text.end(), isLowerHex);
}

Expected<ImageReference> parseImageReference(std::string_view text, ReferenceGrammar grammar) {
    if (isFullImageId(text))
        return Error{"invalid repository name (" + std::string(text) +
                     "), cannot specify 64-byte hexadecimal strings"};
    const auto [domain, remainder] = splitDockerDomain(text, grammar);
    const std::string remote = remainder.substr(0, remainder.find(':'));
    if (lowered(remote) != remote) {
        if (grammar == ReferenceGrammar::Cli)
            return Error{"invalid reference format: repository name (" + remote +
                         ") must be lowercase"};
        return Error{"invalid reference format: repository name must be lowercase"};
    }
    const std::string qualified = domain + "/" + remainder;
    ImageReference ref;
    if (!matchReference(qualified, grammar, ref)) {
        ImageReference ignored;
        if (lowered(qualified) != qualified && matchReference(lowered(qualified), grammar, ignored))
            return Error{"repository name must be lowercase"};
        return Error{"invalid reference format"};
    }
    // The CLI's library limits the path; the 20.10 engine's limits the whole name.
    const std::size_t measured =
        grammar == ReferenceGrammar::Cli ? ref.path.size() : ref.name().size();
    if (measured > kMaxNameLength)
        return Error{"repository name must not be more than 255 characters"};
    if (!ref.digest.empty()) {
        if (const Status valid = validateDigest(ref.digest); !valid)
            return valid.error();
    }
    if (ref.tag.empty() && ref.digest.empty())
        ref.tag = "latest";
    return ref;
}

std::string ImageReference::name() const {
    return domain.empty() ? path : domain + "/" + path;
}

std::string ImageReference::familiarName() const {
    if (domain != kDefaultDomain)
        return name();
    // Only official images lose "library/"; a nested "library/a/b" keeps it.
    if (path.starts_with(kOfficialPrefix) &&
        path.find('/', kOfficialPrefix.size()) == std::string::npos)
        return path.substr(kOfficialPrefix.size());
    return path;
}

namespace {
std::string withSuffixes(std::string base, const ImageReference& ref) {
    if (!ref.tag.empty())
        base += ":" + ref.tag;
    if (!ref.digest.empty())
        base += "@" + ref.digest;
    return base;
}
} // namespace

std::string ImageReference::familiar() const {
    return withSuffixes(familiarName(), *this);
}

std::string ImageReference::full() const {
    return withSuffixes(name(), *this);
}

bool matchesImagePattern(const ImageReference& tag, const std::string& pattern) {
    if (pattern.empty())
        return true;
    const auto colon = pattern.rfind(':');
    const bool hasTag = colon != std::string::npos && pattern.find('/', colon) == std::string::npos;
    const std::string repository = hasTag ? pattern.substr(0, colon) : pattern;
    return tag.familiarName() == repository && (!hasTag || tag.tag == pattern.substr(colon + 1));
}

} // namespace lab::docker
