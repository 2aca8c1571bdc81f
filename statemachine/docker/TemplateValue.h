#pragma once
// The data a docker --format or inspect -f template reads: a small model of the Go values
// docker hands to text/template, printed with Go's fmt rules and encoded with encoding/json.
//   map     a Go map (or decoded JSON object): keys sorted; a missing key is "<no value>"
//   struct  a Go struct: fields in declaration order; a missing field is an execution error
//           naming typeName ("*formatter.ContainerContext")
//   method  a struct field that is a Go method taking arguments (ps's {{.Label "k"}})

#include "base/Expected.h"

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace lab::docker {

/// One Go value as a template sees it.
class TemplateValue {
public:
    /// What the value is; Null is Go's nil (a nil pointer or interface).
    enum class Kind { Null, Bool, Int, String, List, Map, Struct, Method };
    /// A method's body: receives the template arguments, returns the result.
    using Method = std::function<Expected<TemplateValue>(const std::vector<TemplateValue>&)>;
    /// Ordered struct fields.
    using Fields = std::vector<std::pair<std::string, TemplateValue>>;

    /// Go nil: prints "<nil>", encodes as null.
    TemplateValue() = default;
    /// A bool.
    TemplateValue(bool b);
    /// An integer (any Go int type).
    TemplateValue(std::int64_t i);
    /// An integer.
    TemplateValue(int i) : TemplateValue(std::int64_t{i}) {}
    /// A string.
    TemplateValue(std::string s);
    /// A string.
    TemplateValue(const char* s) : TemplateValue(std::string(s)) {}

    /// A slice; a nil slice prints "[]" but encodes as null.
    static TemplateValue list(std::vector<TemplateValue> items, bool isNil = false);
    /// A map; a nil map prints "map[]" but encodes as null.
    static TemplateValue map(std::map<std::string, TemplateValue> entries, bool isNil = false);
    /// A struct of the named Go type.
    static TemplateValue structure(std::string typeName, Fields fields);
    /// A method taking `arity` arguments (only meaningful as a struct field); other counts
    /// fail with Go's "wrong number of args for NAME: want N got M".
    static TemplateValue method(std::size_t arity, Method body);
    /// The number of arguments a Method takes; fields of docker's ps context are all
    /// methods, so plain fields count as taking none.
    std::size_t arity() const { return m_arity; }
    /// The same value, encoded by json() as `view` (a Go MarshalJSON method; docker's ps
    /// context marshals as a sorted map of its columns).
    TemplateValue withJsonView(TemplateValue view) const;

    /// The kind.
    Kind kind() const { return m_kind; }
    /// The bool (Bool only).
    bool asBool() const { return m_bool; }
    /// The integer (Int only).
    std::int64_t asInt() const { return m_int; }
    /// The string (String only).
    const std::string& asString() const { return m_string; }
    /// The elements (List only).
    const std::vector<TemplateValue>& items() const { return *m_items; }
    /// The entries (Map only).
    const std::map<std::string, TemplateValue>& entries() const { return *m_entries; }
    /// The fields (Struct only).
    const Fields& fields() const { return *m_fields; }
    /// The Go type name used in error messages.
    std::string typeName() const;
    /// Calls a Method value.
    Expected<TemplateValue> call(const std::vector<TemplateValue>& args) const;
    /// True for a nil slice or map.
    bool isNil() const { return m_nil || m_kind == Kind::Null; }

    /// Go's template truth: false, 0, "", empty list/map and nil are false.
    bool truthy() const;
    /// fmt's %v: "true", "[sleep 1000]", "map[a:1 b:2]", "{running true}", "<nil>".
    std::string print() const;
    /// encoding/json as docker's {{json}} uses it (no HTML escaping, no trailing newline).
    std::string json() const;

    /// Structural equality (used by eq/ne on basic kinds).
    friend bool operator==(const TemplateValue& a, const TemplateValue& b);

private:
    Kind m_kind = Kind::Null;
    bool m_bool = false;
    bool m_nil = false;
    std::int64_t m_int = 0;
    std::size_t m_arity = 0;
    std::string m_string; // String value, or Struct type name
    std::shared_ptr<const std::vector<TemplateValue>> m_items;
    std::shared_ptr<const std::map<std::string, TemplateValue>> m_entries;
    std::shared_ptr<const Fields> m_fields;
    std::shared_ptr<const Method> m_method;
    std::shared_ptr<const TemplateValue> m_jsonView;
};

/// encoding/json's string quoting without HTML escaping: \" \\ \n \r \t, \u00XX for other
/// controls, \u2028 and \u2029, and U+FFFD for invalid UTF-8.
std::string jsonQuote(std::string_view text);

} // namespace lab::docker
