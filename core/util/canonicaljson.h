#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonObject>
#include <QJsonValue>

namespace gl {

// Canonical JSON: the one byte sequence a JSON value hashes and signs as. Object keys sorted by their UTF-8
// bytes, no insignificant whitespace, strings as UTF-8 with only '"', '\\' and control characters escaped
// (\b \f \n \r \t, else \u00XX), integral numbers as plain integers, other numbers
// in shortest round-trip form. Two equal values always give equal bytes; this is what the audit chain and
// approval signatures are computed over, so it never changes for a released format.
[[nodiscard]] QByteArray canonicalJson(const QJsonValue &value);
[[nodiscard]] QByteArray canonicalJson(const QJsonObject &object);

// Appends `utf8` as a canonical JSON string literal (with the quotes) to `out`.
void appendCanonicalJsonString(QByteArray &out, QByteArrayView utf8);

} // namespace gl
