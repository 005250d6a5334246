#include "util/jsontextwriter.h"

#include <QLocale>

#include <cmath>

namespace gl {

void JsonTextWriter::separate()
{
    if (m_afterKey) {
        m_afterKey = false;
        return;
    }
    if (!m_empty.isEmpty()) {
        if (!m_empty.last())
            m_out += ',';
        m_empty.last() = false;
    }
}

void JsonTextWriter::open(char bracket)
{
    separate();
    m_out += bracket;
    m_empty.append(true);
}

void JsonTextWriter::close(char bracket)
{
    m_out += bracket;
    if (!m_empty.isEmpty())
        m_empty.removeLast();
}

void JsonTextWriter::key(QLatin1StringView name)
{
    separate();
    appendString(QByteArrayView(name.data(), name.size()));
    m_out += ':';
    m_afterKey = true;
}

void JsonTextWriter::appendString(QByteArrayView utf8)
{
    static constexpr char kHex[] = "0123456789abcdef";
    m_out += '"';
    for (const char c : utf8) {
        const auto byte = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            m_out += '\\';
            m_out += c;
        } else if (byte < 0x20) {
            m_out += "\\u00";
            m_out += kHex[byte >> 4];
            m_out += kHex[byte & 0xf];
        } else {
            m_out += c; // bytes of multi-byte UTF-8 sequences are >= 0x80: copied as they are
        }
    }
    m_out += '"';
}

void JsonTextWriter::value(const QString &text)
{
    separate();
    appendString(text.toUtf8());
}

void JsonTextWriter::value(qint64 number)
{
    separate();
    m_out += QByteArray::number(number);
}

void JsonTextWriter::value(double number)
{
    separate();
    // JSON has no NaN or infinity: null, as QJsonDocument writes them.
    if (!std::isfinite(number))
        m_out += "null";
    else
        m_out += QByteArray::number(number, 'g', QLocale::FloatingPointShortest);
}

void JsonTextWriter::value(bool flag)
{
    separate();
    m_out += flag ? "true" : "false";
}

} // namespace gl
