#pragma once

#include <QByteArray>
#include <QLatin1StringView>
#include <QString>
#include <QVarLengthArray>

namespace gl {

// Compact JSON text written straight into a QByteArray, for the few hot paths where building a QJsonObject and
// serialising it costs ten times more: a rollback's restore batch of 200 servers is stored in 0.05 ms this way
// against 0.5 ms through QJsonObject + QJsonDocument (bench figures in docs/engine.md). Reading stays with
// QJsonDocument. Strings are UTF-8 with '"', '\' and control characters escaped (RFC 8259).
class JsonTextWriter final {
public:
    JsonTextWriter() { m_out.reserve(256); }

    void beginObject() { open('{'); }
    void endObject() { close('}'); }
    void beginArray() { open('['); }
    void endArray() { close(']'); }
    // Inside an object: the next value's name (ASCII names only).
    void key(QLatin1StringView name);

    void value(const QString &text);
    void value(qint64 number);
    void value(int number) { value(qint64(number)); }
    void value(double number);
    void value(bool flag);

    [[nodiscard]] QByteArray take() { return std::move(m_out); }

private:
    void open(char bracket);
    void close(char bracket);
    void separate(); // a comma before every value or key but the first of its container
    void appendString(QByteArrayView utf8);

    QByteArray m_out;
    QVarLengthArray<bool, 8> m_empty; // per open container: nothing written in it yet
    bool m_afterKey = false;
};

} // namespace gl
