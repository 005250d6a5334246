#include "canonicaljson.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>
#include <vector>

namespace gl {
namespace {

void appendValue(QByteArray &out, const QJsonValue &value);

void appendNumber(QByteArray &out, double number)
{
    if (!std::isfinite(number)) {
        out += "null"; // JSON has no NaN or infinity; QJsonValue never produces them from parsed text
        return;
    }
    out += QByteArray::number(number, 'g', QLocale::FloatingPointShortest);
}

void appendObject(QByteArray &out, const QJsonObject &object)
{
    std::vector<std::pair<QByteArray, QString>> keys;
    keys.reserve(std::size_t(object.size()));
    for (auto it = object.begin(); it != object.end(); ++it)
        keys.emplace_back(it.key().toUtf8(), it.key());
    std::sort(keys.begin(), keys.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    out += '{';
    bool first = true;
    for (const auto &[utf8, key] : keys) {
        if (!first)
            out += ',';
        first = false;
        appendCanonicalJsonString(out, utf8);
        out += ':';
        appendValue(out, object.value(key));
    }
    out += '}';
}

void appendValue(QByteArray &out, const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        out += "null";
        break;
    case QJsonValue::Bool:
        out += value.toBool() ? "true" : "false";
        break;
    case QJsonValue::Double: {
        // Integers keep every digit (QJsonValue holds them as qint64); the rest go through appendNumber().
        const double number = value.toDouble();
        if (std::isfinite(number) && std::trunc(number) == number && std::fabs(number) < 9.2e18)
            out += QByteArray::number(value.toInteger(qint64(number)));
        else
            appendNumber(out, number);
        break;
    }
    case QJsonValue::String:
        appendCanonicalJsonString(out, value.toString().toUtf8());
        break;
    case QJsonValue::Array: {
        out += '[';
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            if (i > 0)
                out += ',';
            appendValue(out, array.at(i));
        }
        out += ']';
        break;
    }
    case QJsonValue::Object:
        appendObject(out, value.toObject());
        break;
    }
}

} // namespace

void appendCanonicalJsonString(QByteArray &out, QByteArrayView utf8)
{
    static constexpr char kHex[] = "0123456789abcdef";
    out += '"';
    const char *data = utf8.data();
    const qsizetype size = utf8.size();
    qsizetype runStart = 0;
    for (qsizetype i = 0; i < size; ++i) {
        const auto c = static_cast<unsigned char>(data[i]);
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        out.append(data + runStart, i - runStart);
        runStart = i + 1;
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\b':
            out += "\\b";
            break;
        case '\f':
            out += "\\f";
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
        default: {
            const char escape[] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 0xf]};
            out.append(escape, sizeof escape);
            break;
        }
        }
    }
    out.append(data + runStart, size - runStart);
    out += '"';
}

QByteArray canonicalJson(const QJsonValue &value)
{
    QByteArray out;
    appendValue(out, value);
    return out;
}

QByteArray canonicalJson(const QJsonObject &object)
{
    QByteArray out;
    appendObject(out, object);
    return out;
}

} // namespace gl
