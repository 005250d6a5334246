#pragma once

#include <QString>

#include <optional>
#include <type_traits>
#include <utility>
#include <variant>

namespace gl {

// What kind of failure an Error is; callers branch on this, never on message text.
enum class ErrorCode {
    Unknown,
    InvalidArgument,
    NotFound,
    Io,
    Parse,
    Corrupt,
    NewerSchema,
    ReadOnly,
    Timeout,
    Unreachable,
    Refused,
    Protocol,
    Conflict,
    Locked,
    Unavailable,
    PermissionDenied,
    Cancelled,
    Detached, // a file this process holds open was deleted or replaced under it (storage)
};

// An error as a value. `message` is translated and written for the user ("HAProxy refused the weight change:
// server be_app/s3 not found"); `detail` is technical context for logs (never a secret).
struct Error {
    ErrorCode code = ErrorCode::Unknown;
    QString message;
    QString detail;

    [[nodiscard]] QString toString() const { return detail.isEmpty() ? message : message + u" (" + detail + u')'; }
};

[[nodiscard]] inline Error makeError(ErrorCode code, QString message, QString detail = {})
{
    return Error {code, std::move(message), std::move(detail)};
}

// Either a T or an Error. Never throws; check ok() before value().
template<typename T> class [[nodiscard]] Result {
public:
    Result(T value)
        : m_data(std::in_place_index<0>, std::move(value))
    { } // NOLINT(google-explicit-constructor)
    Result(Error error)
        : m_data(std::in_place_index<1>, std::move(error))
    { } // NOLINT(google-explicit-constructor)
    // Anything convertible to T, such as a QStringBuilder expression for Result<QString>.
    template<typename U>
    requires(std::is_convertible_v<U &&,
                 T> && !std::is_same_v<std::decay_t<U>, T> && !std::is_same_v<std::decay_t<U>, Error>) Result(U &&value)
        : m_data(std::in_place_index<0>, T(std::forward<U>(value)))
    { } // NOLINT(google-explicit-constructor)

    [[nodiscard]] bool ok() const { return m_data.index() == 0; }
    explicit operator bool() const { return ok(); }

    [[nodiscard]] const T &value() const & { return std::get<0>(m_data); }
    [[nodiscard]] T &value() & { return std::get<0>(m_data); }
    [[nodiscard]] T &&value() && { return std::get<0>(std::move(m_data)); }
    [[nodiscard]] const T &operator*() const & { return value(); }
    [[nodiscard]] T &operator*() & { return value(); }
    [[nodiscard]] const T *operator->() const { return &value(); }
    [[nodiscard]] T *operator->() { return &value(); }

    [[nodiscard]] const Error &error() const { return std::get<1>(m_data); }
    [[nodiscard]] T valueOr(T fallback) const { return ok() ? value() : std::move(fallback); }

private:
    std::variant<T, Error> m_data;
};

template<> class [[nodiscard]] Result<void> {
public:
    Result() = default;
    Result(Error error)
        : m_error(std::move(error))
    { } // NOLINT(google-explicit-constructor)

    [[nodiscard]] bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }
    [[nodiscard]] const Error &error() const { return *m_error; }

private:
    std::optional<Error> m_error;
};

using Status = Result<void>;

} // namespace gl
