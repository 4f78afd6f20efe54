// Whole workspaces as cereal archives (portable binary or JSON).
//
// Why cereal writes but does not read: cereal's input archives report bad input by throwing
// (and PortableBinaryInputArchive trusts a length read from the file, allocating whatever it
// says). The wasm build has no exception support, where a throw aborts the program, and even
// natively no exception may cross the core's API. So the serialize() functions below describe
// the layout once; cereal's output archives write with them, and the same functions drive
// two small readers of our own (BinaryReader over the portable binary layout, JsonReader over
// the JSON layout parsed by nlohmann::json without exceptions). The readers check every length
// against the bytes that remain, every enum against its range and every type, never allocate
// more than the input can hold, and stop at the first problem with the path of the field and,
// for binary, the byte offset. One description serves writing and reading, so the two cannot
// drift apart; tests round-trip both formats and tests/fuzz feeds the readers random bytes.
//
// The serialize() templates live in the namespaces of their types (for cereal's lookup) but
// only in this file: another file that serialises these types must not define its own.
#include <cereal/archives/json.hpp>
#include <cereal/archives/portable_binary.hpp>
#include <cereal/cereal.hpp>
#include <cereal/types/optional.hpp>
#include <cereal/types/string.hpp>
#include <cereal/types/utility.hpp>
#include <cereal/types/vector.hpp>

#include <algorithm>
#include <bit>
#include <cstring>
#include <functional>
#include <limits>
#include <nlohmann/json.hpp>
#include <sstream>
#include <type_traits>

#include "inspectonce/exchange.hpp"
#include "json/json_reader.hpp"

// ---- The layout ---------------------------------------------------------------------------

namespace inspectonce {

template <class A>
std::string save_minimal(const A&, const Date& date) {
    return date.iso();
}
template <class A>
void serialize(A& a, Text& t) {
    a(cereal::make_nvp("zh", t.zh), cereal::make_nvp("en", t.en));
}
template <class A>
void serialize(A& a, Citation& c) {
    a(cereal::make_nvp("clause", c.clause));
}
template <class A>
void serialize(A& a, DateRange& r) {
    a(cereal::make_nvp("first", r.first), cereal::make_nvp("last", r.last));
}
template <class A>
void serialize(A& a, WorkspaceDepartment& d) {
    a(cereal::make_nvp("id", d.id), cereal::make_nvp("name", d.name), cereal::make_nvp("level", d.level),
      cereal::make_nvp("units", d.units), cereal::make_nvp("inspectors_per_day", d.inspectorsPerDay));
}
template <class A>
void serialize(A& a, Inspector& i) {
    a(cereal::make_nvp("id", i.id), cereal::make_nvp("department", i.department), cereal::make_nvp("unit", i.unit),
      cereal::make_nvp("name", i.name));
}
template <class A>
void serialize(A& a, InspectionItem& i) {
    a(cereal::make_nvp("id", i.id), cereal::make_nvp("name", i.name), cereal::make_nvp("kind", i.kind),
      cereal::make_nvp("department", i.department), cereal::make_nvp("on_site", i.onSite), cereal::make_nvp("non_site", i.nonSite),
      cereal::make_nvp("delegable", i.delegable));
}
template <class A>
void serialize(A& a, Plan& p) {
    a(cereal::make_nvp("id", p.id), cereal::make_nvp("department", p.department), cereal::make_nvp("unit", p.unit),
      cereal::make_nvp("enterprise", p.enterprise), cereal::make_nvp("items", p.items), cereal::make_nvp("window", p.window),
      cereal::make_nvp("kind", p.kind), cereal::make_nvp("method", p.method), cereal::make_nvp("exception", p.exception),
      cereal::make_nvp("filed_on", p.filedOn), cereal::make_nvp("inspectors", p.inspectors));
}
template <class A>
void serialize(A& a, HistoryEntry& h) {
    a(cereal::make_nvp("date", h.date), cereal::make_nvp("department", h.department), cereal::make_nvp("level", h.level),
      cereal::make_nvp("item", h.item), cereal::make_nvp("method", h.method), cereal::make_nvp("joint", h.joint),
      cereal::make_nvp("unified", h.unified), cereal::make_nvp("violation", h.violation));
}
template <class A>
void serialize(A& a, EnterpriseEvent& e) {
    a(cereal::make_nvp("enterprise", e.enterprise), cereal::make_nvp("date", e.date), cereal::make_nvp("kind", e.kind),
      cereal::make_nvp("detail", e.detail));
}
template <class A>
void serialize(A& a, Visit& v) {
    a(cereal::make_nvp("id", v.id), cereal::make_nvp("enterprise", v.enterprise), cereal::make_nvp("date", v.date),
      cereal::make_nvp("kind", v.kind), cereal::make_nvp("lead", v.lead), cereal::make_nvp("plans", v.plans),
      cereal::make_nvp("notice_date", v.noticeDate), cereal::make_nvp("code", v.code));
}

namespace workflow {
template <class A>
void serialize(A& a, Actor& x) {
    a(cereal::make_nvp("role", x.role), cereal::make_nvp("name", x.name));
}
template <class A>
void serialize(A& a, Step& s) {
    a(cereal::make_nvp("date", s.date), cereal::make_nvp("transition", s.transition), cereal::make_nvp("from", s.from),
      cereal::make_nvp("to", s.to), cereal::make_nvp("actor", s.actor), cereal::make_nvp("data", s.data),
      cereal::make_nvp("clause", s.clause));
}
template <class A>
void serialize(A& a, Case& c) {
    a(cereal::make_nvp("id", c.id), cereal::make_nvp("workflow", c.workflow), cereal::make_nvp("enterprise", c.enterprise),
      cereal::make_nvp("department", c.department), cereal::make_nvp("title", c.title), cereal::make_nvp("state", c.state),
      cereal::make_nvp("opened", c.opened), cereal::make_nvp("entered", c.entered), cereal::make_nvp("deadline", c.deadline),
      cereal::make_nvp("remind_on", c.remindOn), cereal::make_nvp("escalate_on", c.escalateOn), cereal::make_nvp("closed", c.closed),
      cereal::make_nvp("attributes", c.attributes), cereal::make_nvp("steps", c.steps));
}
}  // namespace workflow

}  // namespace inspectonce

namespace inspectonce::exchange {
namespace {

// An enterprise as archived: its code as text (a Uscc is only made by parsing, so reading
// goes through Uscc::parse).
struct EnterpriseFields {
    std::string uscc;
    std::string name;
    CreditGrade grade = CreditGrade::C;
    std::vector<std::string> lists;
    std::string town;
    std::string industry;
    bool aboveScale = false;
};
template <class A>
void serialize(A& a, EnterpriseFields& e) {
    a(cereal::make_nvp("uscc", e.uscc), cereal::make_nvp("name", e.name), cereal::make_nvp("grade", e.grade),
      cereal::make_nvp("lists", e.lists), cereal::make_nvp("town", e.town), cereal::make_nvp("industry", e.industry),
      cereal::make_nvp("above_scale", e.aboveScale));
}

struct Body {
    Workspace* workspace;
    std::vector<EnterpriseFields>* enterprises;
};
template <class A>
void serialize(A& a, Body& b) {
    Workspace& w = *b.workspace;
    a(cereal::make_nvp("county", w.county), cereal::make_nvp("year", w.year), cereal::make_nvp("planning_date", w.planningDate),
      cereal::make_nvp("departments", w.departments), cereal::make_nvp("inspectors", w.inspectors), cereal::make_nvp("items", w.items),
      cereal::make_nvp("enterprises", *b.enterprises), cereal::make_nvp("plans", w.plans), cereal::make_nvp("history", w.history),
      cereal::make_nvp("events", w.events), cereal::make_nvp("visits", w.visits), cereal::make_nvp("cases", w.cases));
}

// How many values each archived enum has: a value outside is an error, never a cast.
template <class E> constexpr int enumCount();
template <> constexpr int enumCount<CreditGrade>() { return 4; }
template <> constexpr int enumCount<DepartmentLevel>() { return 4; }
template <> constexpr int enumCount<InspectionKind>() { return 4; }
template <> constexpr int enumCount<Method>() { return 2; }

template <class T> struct IsVector : std::false_type {};
template <class T> struct IsVector<std::vector<T>> : std::true_type {};
template <class T> struct IsOptional : std::false_type {};
template <class T> struct IsOptional<std::optional<T>> : std::true_type {};
template <class T> struct IsPair : std::false_type {};
template <class A, class B> struct IsPair<std::pair<A, B>> : std::true_type {};

// The readers' common part: walks a value by its type, as cereal wrote it, and keeps the
// path to the value being read for the error. Derived supplies the primitives: readBool,
// readInt, readString, beginArray/endArray, beginObject/endObject, and place() (" at byte N").
template <class Derived>
class Reader {
public:
    template <class... T>
    void operator()(T&&... items) {
        (item(items), ...);
    }

    bool failed() const { return failed_; }
    const std::string& problem() const { return problem_; }

    template <class T>
    void value(const char* name, T& x) {
        if (failed_) return;
        path_.push_back({name, -1});
        read(name, x);
        path_.pop_back();
    }

    void fail(const std::string& why) {
        if (failed_) return;
        failed_ = true;
        problem_ = pathText() + self().place() + ": " + why;
    }

protected:
    Derived& self() { return static_cast<Derived&>(*this); }

private:
    template <class T>
    void item(cereal::NameValuePair<T>& nvp) {
        value(nvp.name, nvp.value);
    }

    template <class T>
    void read(const char* name, T& x) {
        if constexpr (std::is_same_v<T, bool>) {
            self().readBool(name, x);
        } else if constexpr (std::is_enum_v<T>) {
            std::underlying_type_t<T> raw{};
            if (!self().readInt(name, raw)) return;
            if (raw < 0 || raw >= enumCount<T>())
                fail("value " + std::to_string(raw) + " out of range (0–" + std::to_string(enumCount<T>() - 1) + ")");
            else
                x = static_cast<T>(raw);
        } else if constexpr (std::is_integral_v<T>) {
            self().readInt(name, x);
        } else if constexpr (std::is_same_v<T, std::string>) {
            self().readString(name, x);
        } else if constexpr (std::is_same_v<T, Date>) {
            std::string text;
            if (!self().readString(name, text)) return;
            auto date = Date::parse(text);
            if (!date) fail("'" + text.substr(0, 40) + "' is not a date: " + date.error().why);
            else x = *date;
        } else if constexpr (IsOptional<T>::value) {
            if (!self().beginObject(name)) return;
            bool none = true;
            value("nullopt", none);
            if (!failed_ && !none) {
                x.emplace();
                value("data", *x);
            }
            self().endObject();
        } else if constexpr (IsPair<T>::value) {
            if (!self().beginObject(name)) return;
            value("first", x.first);
            value("second", x.second);
            self().endObject();
        } else if constexpr (IsVector<T>::value) {
            uint64_t count = 0;
            if (!self().beginArray(name, count)) return;
            x.clear();
            // Never trust a count for an allocation: grow as elements actually arrive.
            x.reserve(static_cast<std::size_t>(std::min<uint64_t>(count, 4096)));
            for (uint64_t i = 0; i < count && !failed_; ++i) {
                path_.push_back({nullptr, static_cast<int64_t>(i)});
                typename T::value_type element{};
                read(nullptr, element);
                path_.pop_back();
                if (!failed_) x.push_back(std::move(element));
            }
            self().endArray();
        } else {
            if (!self().beginObject(name)) return;
            serialize(self(), x);
            self().endObject();
        }
    }

    std::string pathText() const {
        std::string out;
        for (const auto& step : path_) {
            if (step.index >= 0) out += "[" + std::to_string(step.index) + "]";
            else if (step.name) out += (out.empty() ? "" : ".") + std::string(step.name);
        }
        return out.empty() ? "archive" : out;
    }

    struct Step {
        const char* name;
        int64_t index;
    };
    std::vector<Step> path_;
    bool failed_ = false;
    std::string problem_;
};

// cereal's portable binary layout: a byte saying the writer's endianness (1: little), then
// every value in order, names dropped; integers and bools at their size, a string or vector
// as a uint64 count and its elements.
class BinaryReader : public Reader<BinaryReader> {
public:
    explicit BinaryReader(std::string_view bytes) : bytes_(bytes) {
        uint8_t little = 0;
        if (readInt(nullptr, little)) {
            if (little > 1) fail("the first byte is " + std::to_string(little) + ", not a portable binary archive");
            swap_ = (little == 1) != (std::endian::native == std::endian::little);
        }
    }

    std::string place() const { return " at byte " + std::to_string(at_); }
    std::size_t left() const { return bytes_.size() - at_; }

    bool readBool(const char*, bool& out) {
        uint8_t raw = 0;
        if (!take(&raw, 1)) return false;
        if (raw > 1) {
            fail("a boolean is " + std::to_string(raw) + ", expected 0 or 1");
            return false;
        }
        out = raw == 1;
        return true;
    }
    template <class I>
    bool readInt(const char*, I& out) {
        unsigned char raw[sizeof(I)];
        if (!take(raw, sizeof(I))) return false;
        if (swap_) std::reverse(raw, raw + sizeof(I));
        std::memcpy(&out, raw, sizeof(I));
        return true;
    }
    bool readString(const char*, std::string& out) {
        uint64_t size = 0;
        if (!readInt(nullptr, size)) return false;
        if (size > left()) {
            fail("a text of " + std::to_string(size) + " bytes, only " + std::to_string(left()) + " left (truncated or damaged)");
            return false;
        }
        std::string_view text = bytes_.substr(at_, static_cast<std::size_t>(size));
        // Text is UTF-8 everywhere else (SQLite, JSON, the screens): found by the fuzzer, a
        // binary archive must not bring in what the JSON archive could not write back.
        if (std::size_t bad = firstNonUtf8Byte(text); bad != 0) {
            at_ += bad - 1;
            fail("text that is not UTF-8");
            return false;
        }
        out.assign(text);
        at_ += text.size();
        return true;
    }
    bool beginArray(const char*, uint64_t& count) {
        if (!readInt(nullptr, count)) return false;
        if (count > left()) {  // every element takes at least one byte
            fail(std::to_string(count) + " elements, only " + std::to_string(left()) + " bytes left (truncated or damaged)");
            return false;
        }
        return true;
    }
    void endArray() {}
    bool beginObject(const char*) { return !failed(); }
    void endObject() {}

private:
    bool take(void* out, std::size_t n) {
        if (failed()) return false;
        if (n > left()) {
            fail("truncated: " + std::to_string(n) + " bytes needed, " + std::to_string(left()) + " left");
            return false;
        }
        std::memcpy(out, bytes_.data() + at_, n);
        at_ += n;
        return true;
    }

    std::string_view bytes_;
    std::size_t at_ = 0;
    bool swap_ = false;
};

// cereal's JSON layout: named values are object members, vector elements array elements,
// an optional {"nullopt": …, "data": …}, a pair {"first": …, "second": …}, a date a string.
class JsonReader : public Reader<JsonReader> {
public:
    explicit JsonReader(const nlohmann::json& root) { stack_.push_back({&root, 0}); }

    std::string place() const { return ""; }

    bool readBool(const char* name, bool& out) {
        const nlohmann::json* node = child(name, "a boolean", [](const nlohmann::json& n) { return n.is_boolean(); });
        if (!node) return false;
        out = node->get_ref<const bool&>();
        return true;
    }
    template <class I>
    bool readInt(const char* name, I& out) {
        const nlohmann::json* node = child(name, "an integer", [](const nlohmann::json& n) { return n.is_number_integer(); });
        if (!node) return false;
        bool fits = false;
        if (node->is_number_unsigned()) {
            uint64_t v = node->get_ref<const nlohmann::json::number_unsigned_t&>();
            fits = v <= static_cast<uint64_t>(std::numeric_limits<I>::max());
            if (fits) out = static_cast<I>(v);
        } else {
            int64_t v = node->get_ref<const nlohmann::json::number_integer_t&>();
            fits = std::is_signed_v<I> ? (v >= static_cast<int64_t>(std::numeric_limits<I>::min()) &&
                                          v <= static_cast<int64_t>(std::numeric_limits<I>::max()))
                                       : (v >= 0 && static_cast<uint64_t>(v) <= static_cast<uint64_t>(std::numeric_limits<I>::max()));
            if (fits) out = static_cast<I>(v);
        }
        if (!fits) fail("the integer " + node->dump() + " is out of range");
        return fits;
    }
    bool readString(const char* name, std::string& out) {
        const nlohmann::json* node = child(name, "a string", [](const nlohmann::json& n) { return n.is_string(); });
        if (!node) return false;
        out = node->get_ref<const std::string&>();
        return true;
    }
    bool beginArray(const char* name, uint64_t& count) {
        const nlohmann::json* node = child(name, "an array", [](const nlohmann::json& n) { return n.is_array(); });
        if (!node) return false;
        count = node->size();
        stack_.push_back({node, 0});
        return true;
    }
    void endArray() { stack_.pop_back(); }
    bool beginObject(const char* name) {
        const nlohmann::json* node = child(name, "an object", [](const nlohmann::json& n) { return n.is_object(); });
        if (!node) return false;
        stack_.push_back({node, 0});
        return true;
    }
    void endObject() { stack_.pop_back(); }

private:
    // The member `name` of the current object, or the next element of the current array.
    template <class Is>
    const nlohmann::json* child(const char* name, const char* expected, Is is) {
        if (failed()) return nullptr;
        Frame& top = stack_.back();
        const nlohmann::json* node = nullptr;
        if (name) {
            if (!top.node->is_object()) {
                fail("expected an object");
                return nullptr;
            }
            auto found = top.node->find(name);
            if (found == top.node->end()) {
                fail("missing");
                return nullptr;
            }
            node = &*found;
        } else {
            if (!top.node->is_array() || top.next >= top.node->size()) {
                fail("expected another array element");
                return nullptr;
            }
            node = &(*top.node)[top.next++];
        }
        if (!is(*node)) {
            fail(std::string("expected ") + expected + ", found " + node->type_name());
            return nullptr;
        }
        return node;
    }

    struct Frame {
        const nlohmann::json* node;
        std::size_t next;
    };
    std::vector<Frame> stack_;
};

std::string truncatedText(std::string_view text) {
    std::string out;
    for (char c : text.substr(0, 24)) out += (c >= 0x20 && c < 0x7f) ? c : '?';
    return out;
}

// Reads the header and the body with `reader`; the workspace, checked and validated.
template <class R>
Result<Workspace> readBody(R& reader, const std::string& file, const std::function<Status()>& atEnd) {
    std::string magic;
    uint32_t version = 0;
    reader.value("magic", magic);
    if (reader.failed() || magic != kArchiveMagic)
        return makeError(file, "not an InspectOnce workspace archive (it does not begin with '" + std::string(kArchiveMagic) + "'" +
                                   (reader.failed() ? "" : ", but with '" + truncatedText(magic) + "'") + ")");
    reader.value("version", version);
    if (reader.failed()) return makeError(file, reader.problem());
    if (version != kArchiveVersion)
        return makeError(file, "archive version " + std::to_string(version) + ", this build reads version " + std::to_string(kArchiveVersion) +
                                   (version > kArchiveVersion ? " (written by a newer InspectOnce)" : ""));
    Workspace w;
    std::vector<EnterpriseFields> enterprises;
    Body body{&w, &enterprises};
    reader.value("workspace", body);
    if (reader.failed()) return makeError(file, reader.problem());
    IO_CHECK(atEnd());
    w.enterprises.reserve(enterprises.size());
    for (std::size_t i = 0; i < enterprises.size(); ++i) {
        auto& e = enterprises[i];
        auto code = Uscc::parse(e.uscc);
        if (!code) return makeError(file + ": workspace.enterprises[" + std::to_string(i) + "].uscc", code.error().why);
        w.enterprises.push_back({Enterprise{*code, std::move(e.name), e.grade, std::move(e.lists)}, std::move(e.town), std::move(e.industry), e.aboveScale});
    }
    Status valid = validate(w);
    if (!valid) return makeError(file + ": " + valid.error().where, valid.error().why);
    return w;
}

}  // namespace

Result<ArchiveFormat> parseArchiveFormat(std::string_view text) {
    if (text == "binary") return ArchiveFormat::Binary;
    if (text == "json") return ArchiveFormat::Json;
    return makeError("", "format must be binary or json, found '" + std::string(text) + "'");
}

std::string writeWorkspaceArchive(const Workspace& workspace, ArchiveFormat format) {
    std::vector<EnterpriseFields> enterprises;
    enterprises.reserve(workspace.enterprises.size());
    for (const auto& e : workspace.enterprises)
        enterprises.push_back({e.enterprise.code.str(), e.enterprise.name, e.enterprise.grade, e.enterprise.lists, e.town, e.industry, e.aboveScale});
    std::string magic(kArchiveMagic);
    uint32_t version = kArchiveVersion;
    // cereal serialises through non-const references; writing only reads them.
    Body body{const_cast<Workspace*>(&workspace), &enterprises};
    std::ostringstream out(std::ios::binary);
    if (format == ArchiveFormat::Binary) {
        cereal::PortableBinaryOutputArchive archive(out, cereal::PortableBinaryOutputArchive::Options::LittleEndian());
        archive(cereal::make_nvp("magic", magic), cereal::make_nvp("version", version), cereal::make_nvp("workspace", body));
    } else {
        {
            cereal::JSONOutputArchive archive(out);
            archive(cereal::make_nvp("magic", magic), cereal::make_nvp("version", version), cereal::make_nvp("workspace", body));
        }  // the JSON is complete when the archive closes
        out << "\n";
    }
    return out.str();
}

Result<Workspace> readWorkspaceArchive(std::string_view bytes, const std::string& file) {
    if (bytes.empty()) return makeError(file, "empty: not a workspace archive");
    std::size_t first = bytes.find_first_not_of(" \t\r\n");
    if (first != std::string_view::npos && bytes[first] == '{') {
        auto document = json::parse(bytes, file);
        if (!document) return document.error();
        JsonReader reader(*document);
        return readBody(reader, file, [] { return Status(Ok{}); });
    }
    if (static_cast<unsigned char>(bytes[0]) > 1)
        return makeError(file, "not an InspectOnce workspace archive (neither portable binary nor JSON: begins with '" + truncatedText(bytes) + "')");
    BinaryReader reader(bytes);
    return readBody(reader, file, [&]() -> Status {
        if (reader.left() != 0) return makeError(file, std::to_string(reader.left()) + " bytes after the end of the workspace (damaged?)");
        return Ok{};
    });
}

}  // namespace inspectonce::exchange
