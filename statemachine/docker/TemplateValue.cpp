#include "docker/TemplateValue.h"

#include "docker/DisplayWidth.h"

#include <cstdio>

namespace lab::docker {

TemplateValue::TemplateValue(bool b) : m_kind(Kind::Bool), m_bool(b) {}
TemplateValue::TemplateValue(std::int64_t i) : m_kind(Kind::Int), m_int(i) {}
TemplateValue::TemplateValue(std::string s) : m_kind(Kind::String), m_string(std::move(s)) {}

TemplateValue TemplateValue::list(std::vector<TemplateValue> items, bool isNil) {
    TemplateValue v;
    v.m_kind = Kind::List;
    v.m_nil = isNil;
    v.m_items = std::make_shared<const std::vector<TemplateValue>>(std::move(items));
    return v;
}

TemplateValue TemplateValue::map(std::map<std::string, TemplateValue> entries, bool isNil) {
    TemplateValue v;
    v.m_kind = Kind::Map;
    v.m_nil = isNil;
    v.m_entries = std::make_shared<const std::map<std::string, TemplateValue>>(std::move(entries));
    return v;
}

TemplateValue TemplateValue::structure(std::string typeName, Fields fields) {
    TemplateValue v;
    v.m_kind = Kind::Struct;
    v.m_string = std::move(typeName);
    v.m_fields = std::make_shared<const Fields>(std::move(fields));
    return v;
}

TemplateValue TemplateValue::method(std::size_t arity, Method body) {
    TemplateValue v;
    v.m_kind = Kind::Method;
    v.m_arity = arity;
    v.m_method = std::make_shared<const Method>(std::move(body));
    return v;
}

TemplateValue TemplateValue::withJsonView(TemplateValue view) const {
    TemplateValue v = *this;
    v.m_jsonView = std::make_shared<const TemplateValue>(std::move(view));
    return v;
}

std::string TemplateValue::typeName() const {
    switch (m_kind) {
    case Kind::Null:
        return "interface {}";
    case Kind::Bool:
        return "bool";
    case Kind::Int:
        return "int";
    case Kind::String:
        return "string";
    case Kind::List:
        return "[]interface {}";
    case Kind::Map:
        return "map[string]interface {}";
    case Kind::Struct:
        return m_string;
    case Kind::Method:
        return "func";
    }
    return "";
}

Expected<TemplateValue> TemplateValue::call(const std::vector<TemplateValue>& args) const {
    if (m_kind != Kind::Method)
        return Error{"not a method"};
    return (*m_method)(args);
}

bool TemplateValue::truthy() const {
    switch (m_kind) {
    case Kind::Null:
        return false;
    case Kind::Bool:
        return m_bool;
    case Kind::Int:
        return m_int != 0;
    case Kind::String:
        return !m_string.empty();
    case Kind::List:
        return !m_items->empty();
    case Kind::Map:
        return !m_entries->empty();
    case Kind::Struct:
    case Kind::Method:
        return true;
    }
    return false;
}

std::string TemplateValue::print() const {
    std::string out;
    const auto joined = [&out](const auto& range, const auto& each) {
        bool first = true;
        for (const auto& element : range) {
            if (!first)
                out += ' ';
            first = false;
            each(element);
        }
    };
    switch (m_kind) {
    case Kind::Null:
        return "<nil>";
    case Kind::Bool:
        return m_bool ? "true" : "false";
    case Kind::Int:
        return std::to_string(m_int);
    case Kind::String:
        return m_string;
    case Kind::Method:
        return "<func>";
    case Kind::List:
        out = "[";
        joined(*m_items, [&out](const TemplateValue& v) { out += v.print(); });
        return out + "]";
    case Kind::Map:
        out = "map[";
        joined(*m_entries, [&out](const auto& e) { out += e.first + ":" + e.second.print(); });
        return out + "]";
    case Kind::Struct:
        out = "{";
        joined(*m_fields, [&out](const auto& f) { out += f.second.print(); });
        return out + "}";
    }
    return out;
}

std::string jsonQuote(std::string_view text) {
    std::string out = "\"";
    for (char32_t c : decodeUtf8(text)) {
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                char buffer[8];
                std::snprintf(buffer, sizeof buffer, "\\u%04x", static_cast<unsigned>(c));
                out += buffer;
            } else {
                appendUtf8(out, c);
            }
        }
    }
    return out + "\"";
}

std::string TemplateValue::json() const {
    if (m_jsonView)
        return m_jsonView->json();
    std::string out;
    bool first = true;
    const auto comma = [&] {
        if (!first)
            out += ',';
        first = false;
    };
    switch (m_kind) {
    case Kind::Null:
    case Kind::Method:
        return "null";
    case Kind::Bool:
    case Kind::Int:
        return print();
    case Kind::String:
        return jsonQuote(m_string);
    case Kind::List:
        if (m_nil)
            return "null";
        out = "[";
        for (const TemplateValue& v : *m_items) {
            comma();
            out += v.json();
        }
        return out + "]";
    case Kind::Map:
        if (m_nil)
            return "null";
        out = "{";
        for (const auto& [key, v] : *m_entries) {
            comma();
            out += jsonQuote(key) + ":" + v.json();
        }
        return out + "}";
    case Kind::Struct:
        out = "{";
        for (const auto& [key, v] : *m_fields) {
            if (v.kind() == Kind::Method)
                continue; // methods are not data
            comma();
            out += jsonQuote(key) + ":" + v.json();
        }
        return out + "}";
    }
    return out;
}

bool operator==(const TemplateValue& a, const TemplateValue& b) {
    if (a.m_kind != b.m_kind)
        return false;
    switch (a.m_kind) {
    case TemplateValue::Kind::Null:
        return true;
    case TemplateValue::Kind::Bool:
        return a.m_bool == b.m_bool;
    case TemplateValue::Kind::Int:
        return a.m_int == b.m_int;
    case TemplateValue::Kind::String:
        return a.m_string == b.m_string;
    case TemplateValue::Kind::List:
        return *a.m_items == *b.m_items;
    case TemplateValue::Kind::Map:
        return *a.m_entries == *b.m_entries;
    case TemplateValue::Kind::Struct:
        return a.m_string == b.m_string && *a.m_fields == *b.m_fields;
    case TemplateValue::Kind::Method:
        return a.m_method == b.m_method;
    }
    return false;
}

} // namespace lab::docker
