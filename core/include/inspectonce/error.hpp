// One error-handling style for the whole core, native and wasm alike: functions that can
// fail return Result<T>. No exceptions cross the core's API, so the wasm build needs no
// exception support and every failure carries where it happened and why.
#pragma once

#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace inspectonce {

struct Error {
    std::string where;  // file and line, field path, argument name: enough to find it
    std::string why;    // what was expected and what was found

    std::string message() const { return where.empty() ? why : where + ": " + why; }
};

template <class T>
class [[nodiscard]] Result {
public:
    Result(T value) : state_(std::move(value)) {}
    Result(Error error) : state_(std::move(error)) {}

    bool ok() const { return state_.index() == 0; }
    explicit operator bool() const { return ok(); }

    const T& value() const& { assert(ok()); return std::get<0>(state_); }
    T& value() & { assert(ok()); return std::get<0>(state_); }
    T&& value() && { assert(ok()); return std::get<0>(std::move(state_)); }
    const T& operator*() const& { return value(); }
    T& operator*() & { return value(); }
    const T* operator->() const { return &value(); }
    T* operator->() { return &value(); }

    const Error& error() const { assert(!ok()); return std::get<1>(state_); }

private:
    std::variant<T, Error> state_;
};

// For operations that return nothing but may fail.
struct Ok {};
using Status = Result<Ok>;

inline Error makeError(std::string where, std::string why) {
    return Error{std::move(where), std::move(why)};
}

}  // namespace inspectonce

// Unwraps a Result into `name`, or returns its error from the enclosing function (whose
// return type must be constructible from Error). Keeps error paths one line long.
#define IO_CONCAT_INNER(a, b) a##b
#define IO_CONCAT(a, b) IO_CONCAT_INNER(a, b)
#define IO_TRY(name, expr)                                              \
    auto IO_CONCAT(name, _result_) = (expr);                            \
    if (!IO_CONCAT(name, _result_)) return IO_CONCAT(name, _result_).error(); \
    auto& name = IO_CONCAT(name, _result_).value()
#define IO_CHECK(expr)                                                  \
    do {                                                                \
        auto io_status_ = (expr);                                       \
        if (!io_status_) return io_status_.error();                     \
    } while (0)
