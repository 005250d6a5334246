#include "backends/haproxy/haproxyparsers.h"

#include <QCoreApplication>
#include <QHash>

namespace gl {

namespace {

// Splits output into lines, dropping a final "\r" and the empty lines HAProxy ends its output with.
QList<QByteArray> outputLines(const QByteArray &output)
{
    QList<QByteArray> lines = output.split('\n');
    for (QByteArray &line : lines) {
        if (line.endsWith('\r'))
            line.chop(1);
    }
    while (!lines.isEmpty() && lines.constLast().isEmpty())
        lines.removeLast();
    return lines;
}

Error parseError(const QString &command, int line, const QString &what, const QByteArray &lineText = {})
{
    const QString message
        = QCoreApplication::translate("gl::HaproxyParsers", "%1 line %2: %3").arg(command).arg(line).arg(what);
    return makeError(ErrorCode::Parse, message, lineText.isEmpty() ? QString() : QString::fromUtf8(lineText.left(200)));
}

// Reads column `name` of a row as an integer; an empty field is 0 when `emptyIsZero`.
struct RowReader {
    QString command;
    int lineNumber = 0;
    const QList<QByteArray> *fields = nullptr;
    const QHash<QByteArray, int> *columns = nullptr;

    [[nodiscard]] QByteArray text(const char *name) const
    {
        const int index = columns->value(name, -1);
        return index >= 0 && index < fields->size() ? fields->at(index) : QByteArray();
    }

    [[nodiscard]] Result<qint64> number(const char *name, bool emptyIsZero = true) const
    {
        const QByteArray value = text(name);
        if (value.isEmpty() && emptyIsZero)
            return qint64(0);
        bool ok = false;
        const qint64 n = value.toLongLong(&ok);
        if (!ok) {
            return parseError(command, lineNumber,
                QCoreApplication::translate("gl::HaproxyParsers", "field '%1' is not a number: '%2'")
                    .arg(QLatin1String(name), QString::fromUtf8(value.left(40))));
        }
        return n;
    }
};

} // namespace

Result<QList<ServerStat>> parseShowStat(const QByteArray &output)
{
    const QString command = QStringLiteral("show stat");
    const QList<QByteArray> lines = outputLines(output);
    if (lines.isEmpty() || !lines.first().startsWith("# "))
        return parseError(command, 1,
            QCoreApplication::translate("gl::HaproxyParsers", "missing header line \"# pxname,svname,...\""),
            lines.value(0));

    const QList<QByteArray> header = lines.first().mid(2).split(',');
    QHash<QByteArray, int> columns;
    for (int i = 0; i < header.size(); ++i) {
        if (!header.at(i).isEmpty())
            columns.insert(header.at(i), i);
    }
    for (const char *required : {"pxname", "svname", "status", "weight", "scur", "qcur", "stot", "type"}) {
        if (!columns.contains(required))
            return parseError(command, 1,
                QCoreApplication::translate("gl::HaproxyParsers", "header has no column '%1'")
                    .arg(QLatin1String(required)));
    }

    QList<ServerStat> rows;
    rows.reserve(lines.size() - 1);
    for (int i = 1; i < lines.size(); ++i) {
        const int lineNumber = i + 1;
        const QList<QByteArray> fields = lines.at(i).split(',');
        // Every row has as many fields as the header (both end with a trailing comma); fewer means the reply
        // was cut off.
        if (fields.size() != header.size()) {
            return parseError(command, lineNumber,
                QCoreApplication::translate("gl::HaproxyParsers", "expected %1 fields, got %2")
                    .arg(header.size())
                    .arg(fields.size()),
                lines.at(i));
        }
        const RowReader row {command, lineNumber, &fields, &columns};
        ServerStat stat;
        stat.proxy = QString::fromUtf8(row.text("pxname"));
        stat.server = QString::fromUtf8(row.text("svname"));
        stat.status = QString::fromUtf8(row.text("status"));
        stat.checkStatus = QString::fromUtf8(row.text("check_status"));
        stat.address = QString::fromUtf8(row.text("addr"));

        const Result<qint64> type = row.number("type", false);
        if (!type)
            return type.error();
        if (type.value() < 0 || type.value() > 3)
            return parseError(command, lineNumber,
                QCoreApplication::translate("gl::HaproxyParsers", "field 'type' has an unknown value: '%1'")
                    .arg(type.value()));
        stat.kind = static_cast<StatRowKind>(type.value());

        const Result<qint64> weight = row.number("weight");
        if (!weight)
            return weight.error();
        stat.weight = int(weight.value());
        struct Counter {
            const char *name;
            qint64 *target;
        };
        for (const Counter &counter : {Counter {"scur", &stat.scur}, Counter {"qcur", &stat.qcur},
                 Counter {"stot", &stat.stot}, Counter {"hrsp_5xx", &stat.hrsp5xx}}) {
            const Result<qint64> value = row.number(counter.name);
            if (!value)
                return value.error();
            *counter.target = value.value();
        }
        rows.append(std::move(stat));
    }
    return rows;
}

Result<QList<ServerState>> parseServersState(const QByteArray &output)
{
    const QString command = QStringLiteral("show servers state");
    const QList<QByteArray> lines = outputLines(output);
    if (lines.isEmpty() || lines.first().trimmed() != "1") {
        return parseError(command, 1,
            QCoreApplication::translate("gl::HaproxyParsers", "expected the format version \"1\", got '%1'")
                .arg(QString::fromUtf8(lines.value(0).left(40))));
    }
    if (lines.size() < 2 || !lines.at(1).startsWith("# "))
        return parseError(command, 2,
            QCoreApplication::translate("gl::HaproxyParsers", "missing header line \"# be_id be_name ...\""),
            lines.value(1));

    const QList<QByteArray> header = lines.at(1).mid(2).simplified().split(' ');
    QHash<QByteArray, int> columns;
    for (int i = 0; i < header.size(); ++i)
        columns.insert(header.at(i), i);
    for (const char *required : {"be_id", "be_name", "srv_id", "srv_name", "srv_addr", "srv_op_state",
             "srv_admin_state", "srv_uweight", "srv_iweight"}) {
        if (!columns.contains(required))
            return parseError(command, 2,
                QCoreApplication::translate("gl::HaproxyParsers", "header has no column '%1'")
                    .arg(QLatin1String(required)));
    }

    QList<ServerState> servers;
    for (int i = 2; i < lines.size(); ++i) {
        const int lineNumber = i + 1;
        if (lines.at(i).isEmpty())
            continue; // HAProxy separates backends with nothing, but tolerate blank lines
        const QList<QByteArray> fields = lines.at(i).simplified().split(' ');
        if (fields.size() != header.size()) {
            return parseError(command, lineNumber,
                QCoreApplication::translate("gl::HaproxyParsers", "expected %1 fields, got %2")
                    .arg(header.size())
                    .arg(fields.size()),
                lines.at(i));
        }
        const RowReader row {command, lineNumber, &fields, &columns};
        ServerState state;
        state.backend = QString::fromUtf8(row.text("be_name"));
        state.server = QString::fromUtf8(row.text("srv_name"));
        state.address = QString::fromUtf8(row.text("srv_addr"));
        struct IntField {
            const char *name;
            int *target;
        };
        int opState = 0;
        for (const IntField &field : {IntField {"be_id", &state.backendId}, IntField {"srv_id", &state.serverId},
                 IntField {"srv_op_state", &opState}, IntField {"srv_admin_state", &state.adminFlags},
                 IntField {"srv_uweight", &state.userWeight}, IntField {"srv_iweight", &state.initialWeight}}) {
            const Result<qint64> value = row.number(field.name, false);
            if (!value)
                return value.error();
            *field.target = int(value.value());
        }
        if (opState < 0 || opState > 3) {
            return parseError(command, lineNumber,
                QCoreApplication::translate("gl::HaproxyParsers", "field 'srv_op_state' has an unknown value: '%1'")
                    .arg(opState));
        }
        state.opState = static_cast<ServerOpState>(opState);
        if (columns.contains("srv_port")) {
            const Result<qint64> port = row.number("srv_port", false);
            if (!port)
                return port.error();
            state.port = int(port.value());
        }
        servers.append(std::move(state));
    }
    return servers;
}

Result<HaproxyInfo> parseShowInfo(const QByteArray &output)
{
    const QString command = QStringLiteral("show info");
    const QList<QByteArray> lines = outputLines(output);
    HaproxyInfo info;
    QHash<QString, int> lineOf;
    for (int i = 0; i < lines.size(); ++i) {
        const QByteArray &line = lines.at(i);
        if (line.isEmpty())
            continue;
        const int colon = line.indexOf(": ");
        // Names may contain spaces ("Unstoppable Jobs"); values may be empty only as "Name:".
        if (colon <= 0 && !line.endsWith(':'))
            return parseError(
                command, i + 1, QCoreApplication::translate("gl::HaproxyParsers", "expected \"Name: value\""), line);
        const int end = colon > 0 ? colon : int(line.size()) - 1;
        const QString name = QString::fromUtf8(line.left(end));
        info.fields.insert(name, colon > 0 ? QString::fromUtf8(line.mid(colon + 2)) : QString());
        lineOf.insert(name, i + 1);
    }

    const auto number = [&](const QString &name, bool required, qint64 *target) -> std::optional<Error> {
        if (!info.fields.contains(name)) {
            if (required)
                return makeError(ErrorCode::Parse,
                    QCoreApplication::translate("gl::HaproxyParsers", "%1: field '%2' is missing").arg(command, name));
            return std::nullopt;
        }
        bool ok = false;
        const QString value = info.fields.value(name);
        *target = value.toLongLong(&ok);
        if (!ok) {
            return parseError(command, lineOf.value(name),
                QCoreApplication::translate("gl::HaproxyParsers", "field '%1' is not a number: '%2'")
                    .arg(name, value.left(40)));
        }
        return std::nullopt;
    };
    if (auto error = number(QStringLiteral("Pid"), true, &info.pid))
        return *error;
    if (auto error = number(QStringLiteral("Uptime_sec"), true, &info.uptimeSec))
        return *error;
    if (auto error = number(QStringLiteral("Start_time_sec"), false, &info.startTimeSec))
        return *error;
    qint64 stopping = 0;
    if (auto error = number(QStringLiteral("Stopping"), false, &stopping))
        return *error;
    info.stopping = stopping != 0;
    info.name = info.fields.value(QStringLiteral("Name"));
    info.version = info.fields.value(QStringLiteral("Version"));
    info.node = info.fields.value(QStringLiteral("node"));
    return info;
}

} // namespace gl
