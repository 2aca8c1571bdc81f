#pragma once
// Just enough JSON to read an OCI image layout (index.json, manifests, image configs): objects,
// arrays, strings with their escapes, numbers, true/false/null. Qt's reader is not available
// here (realbackend/ is Qt-free).

#include "base/Expected.h"

#include <map>
#include <string>
#include <variant>
#include <vector>

namespace lab::real {

/// A parsed JSON value.
struct JsonValue {
    using Array = std::vector<JsonValue>;
    using Object = std::map<std::string, JsonValue>;
    std::variant<std::nullptr_t, bool, double, std::string, Array, Object> content = nullptr;

    /// The member name of an object, or a null value when absent or not an object.
    const JsonValue& operator[](const std::string& name) const;
    /// The string, or empty when it is not one.
    std::string string() const;
    /// The elements of an array (none when it is not one).
    const Array& array() const;
    /// The strings of an array of strings.
    std::vector<std::string> strings() const;
    /// The number, or fallback when it is not one.
    double number(double fallback = 0) const;
    /// True when the value is an object.
    bool isObject() const { return std::holds_alternative<Object>(content); }
};

/// Parses text; the error names the offset where it went wrong.
Expected<JsonValue> parseJson(const std::string& text);

} // namespace lab::real
