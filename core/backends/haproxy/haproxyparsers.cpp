#include "backends/haproxy/haproxyparsers.h"

#include <QByteArrayView>
#include <QCoreApplication>
#include <QHash>
#include <QVarLengthArray>

#include <algorithm>

namespace gl {

namespace {

// The parsers run on every reply (a rollback's batch reply carries `show servers state` and `show stat` of
// every server), so rows are read as views into the reply: no allocation per line or field.
using Lines = QVarLengthArray<QByteArrayView, 256>;
using Fields = QVarLengthArray<QByteArrayView, 128>;

// Splits output into lines, dropping a final "\r" and the empty lines HAProxy ends its output with.
Lines outputLines(const QByteArray &output)
{
    Lines lines;
    const QByteArrayView all(output);
    qsizetype from = 0;
    while (from <= all.size()) {
        qsizetype end = all.indexOf('\n', from);
        if (end < 0)
            end = all.size();
        QByteArrayView line = all.sliced(from, end - from);
        if (line.endsWith('\r'))
            line.chop(1);
        lines.append(line);
        from = end + 1;
    }
    while (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    return lines;
}

// Fields separated by `separator`; with `collapse`, runs of separators count as one and leading/trailing ones
// are ignored (as QByteArray::simplified() then split(' ') did).
void splitFields(QByteArrayView line, char separator, bool collapse, Fields *fields)
{
    fields->clear();
    qsizetype from = 0;
    while (from <= line.size()) {
        qsizetype end = line.indexOf(separator, from);
        if (end < 0)
            end = line.size();
        if (!collapse || end > from)
            fields->append(line.sliced(from, end - from));
        from = end + 1;
    }
}

Error parseError(const QString &command, int line, const QString &what, QByteArrayView lineText = {})
{
    const QString message
        = QCoreApplication::translate("gl::HaproxyParsers", "%1 line %2: %3").arg(command).arg(line).arg(what);
    return makeError(ErrorCode::Parse, message,
        lineText.isEmpty() ? QString() : QString::fromUtf8(lineText.first(std::min<qsizetype>(200, lineText.size()))));
}

// Column name -> index, from a header line's fields.
QHash<QByteArray, int> columnIndexes(const Fields &header)
{
    QHash<QByteArray, int> columns;
    for (int i = 0; i < header.size(); ++i) {
        if (!header.at(i).isEmpty())
            columns.insert(header.at(i).toByteArray(), i);
    }
    return columns;
}

// A column of the rows: its index (-1 when the header has none) and its name for error messages.
struct Column {
    int index = -1;
    const char *name = "";
};

Column column(const QHash<QByteArray, int> &columns, const char *name)
{
    return Column {columns.value(QByteArray(name), -1), name};
}

// Reads a row's fields as text or integers; an empty field is 0 when `emptyIsZero`.
struct RowReader {
    const QString &command;
    int lineNumber = 0;
    const Fields &fields;

    [[nodiscard]] QByteArrayView text(Column c) const
    {
        return c.index >= 0 && c.index < fields.size() ? fields.at(c.index) : QByteArrayView();
    }

    [[nodiscard]] QString string(Column c) const { return QString::fromUtf8(text(c)); }

    [[nodiscard]] Result<qint64> number(Column c, bool emptyIsZero = true) const
    {
        const QByteArrayView value = text(c);
        if (value.isEmpty() && emptyIsZero)
            return qint64(0);
        bool ok = false;
        const qint64 n = value.toLongLong(&ok);
        if (!ok) {
            return parseError(command, lineNumber,
                QCoreApplication::translate("gl::HaproxyParsers", "field '%1' is not a number: '%2'")
                    .arg(QLatin1String(c.name), QString::fromUtf8(value.first(std::min<qsizetype>(40, value.size())))));
        }
        return n;
    }
};

} // namespace

Result<QList<ServerStat>> parseShowStat(const QByteArray &output)
{
    const QString command = QStringLiteral("show stat");
    const Lines lines = outputLines(output);
    if (lines.isEmpty() || !lines.first().startsWith("# "))
        return parseError(command, 1,
            QCoreApplication::translate("gl::HaproxyParsers", "missing header line \"# pxname,svname,...\""),
            lines.value(0));

    Fields header;
    splitFields(lines.first().sliced(2), ',', false, &header);
    const QHash<QByteArray, int> columns = columnIndexes(header);
    for (const char *required : {"pxname", "svname", "status", "weight", "scur", "qcur", "stot", "type"}) {
        if (!columns.contains(required))
            return parseError(command, 1,
                QCoreApplication::translate("gl::HaproxyParsers", "header has no column '%1'")
                    .arg(QLatin1String(required)));
    }
    const Column pxname = column(columns, "pxname"), svname = column(columns, "svname"),
                 status = column(columns, "status"), checkStatus = column(columns, "check_status"),
                 addr = column(columns, "addr"), typeColumn = column(columns, "type"),
                 weightColumn = column(columns, "weight");
    struct Counter {
        Column column;
        qint64 ServerStat::*target;
    };
    const Counter counters[] {{column(columns, "scur"), &ServerStat::scur},
        {column(columns, "qcur"), &ServerStat::qcur}, {column(columns, "stot"), &ServerStat::stot},
        {column(columns, "hrsp_5xx"), &ServerStat::hrsp5xx}};

    QList<ServerStat> rows;
    rows.reserve(lines.size() - 1);
    Fields fields;
    for (int i = 1; i < lines.size(); ++i) {
        const int lineNumber = i + 1;
        splitFields(lines.at(i), ',', false, &fields);
        // Every row has as many fields as the header (both end with a trailing comma); fewer means the reply
        // was cut off.
        if (fields.size() != header.size()) {
            return parseError(command, lineNumber,
                QCoreApplication::translate("gl::HaproxyParsers", "expected %1 fields, got %2")
                    .arg(header.size())
                    .arg(fields.size()),
                lines.at(i));
        }
        const RowReader row {command, lineNumber, fields};
        ServerStat stat;
        stat.proxy = row.string(pxname);
        stat.server = row.string(svname);
        stat.status = row.string(status);
        stat.checkStatus = row.string(checkStatus);
        stat.address = row.string(addr);

        const Result<qint64> type = row.number(typeColumn, false);
        if (!type)
            return type.error();
        if (type.value() < 0 || type.value() > 3)
            return parseError(command, lineNumber,
                QCoreApplication::translate("gl::HaproxyParsers", "field 'type' has an unknown value: '%1'")
                    .arg(type.value()));
        stat.kind = static_cast<StatRowKind>(type.value());

        const Result<qint64> weight = row.number(weightColumn);
        if (!weight)
            return weight.error();
        stat.weight = int(weight.value());
        for (const Counter &counter : counters) {
            const Result<qint64> value = row.number(counter.column);
            if (!value)
                return value.error();
            stat.*counter.target = value.value();
        }
        rows.append(std::move(stat));
    }
    return rows;
}

Result<QList<ServerState>> parseServersState(const QByteArray &output)
{
    const QString command = QStringLiteral("show servers state");
    const Lines lines = outputLines(output);
    if (lines.isEmpty() || lines.first().trimmed() != "1") {
        const QByteArrayView first = lines.value(0);
        return parseError(command, 1,
            QCoreApplication::translate("gl::HaproxyParsers", "expected the format version \"1\", got '%1'")
                .arg(QString::fromUtf8(first.first(std::min<qsizetype>(40, first.size())))));
    }
    if (lines.size() < 2 || !lines.at(1).startsWith("# "))
        return parseError(command, 2,
            QCoreApplication::translate("gl::HaproxyParsers", "missing header line \"# be_id be_name ...\""),
            lines.value(1));

    Fields header;
    splitFields(lines.at(1).sliced(2), ' ', true, &header);
    const QHash<QByteArray, int> columns = columnIndexes(header);
    for (const char *required : {"be_id", "be_name", "srv_id", "srv_name", "srv_addr", "srv_op_state",
             "srv_admin_state", "srv_uweight", "srv_iweight"}) {
        if (!columns.contains(required))
            return parseError(command, 2,
                QCoreApplication::translate("gl::HaproxyParsers", "header has no column '%1'")
                    .arg(QLatin1String(required)));
    }
    const Column beName = column(columns, "be_name"), srvName = column(columns, "srv_name"),
                 srvAddr = column(columns, "srv_addr"), srvPort = column(columns, "srv_port");
    struct IntField {
        Column column;
        int ServerState::*target; // nullptr: srv_op_state, checked below
    };
    const Column opStateColumn = column(columns, "srv_op_state");
    const IntField intFields[] {{column(columns, "be_id"), &ServerState::backendId},
        {column(columns, "srv_id"), &ServerState::serverId}, {opStateColumn, nullptr},
        {column(columns, "srv_admin_state"), &ServerState::adminFlags},
        {column(columns, "srv_uweight"), &ServerState::userWeight},
        {column(columns, "srv_iweight"), &ServerState::initialWeight}};

    QList<ServerState> servers;
    servers.reserve(lines.size() - 2);
    Fields fields;
    for (int i = 2; i < lines.size(); ++i) {
        const int lineNumber = i + 1;
        if (lines.at(i).isEmpty())
            continue; // HAProxy separates backends with nothing, but tolerate blank lines
        splitFields(lines.at(i), ' ', true, &fields);
        if (fields.size() != header.size()) {
            return parseError(command, lineNumber,
                QCoreApplication::translate("gl::HaproxyParsers", "expected %1 fields, got %2")
                    .arg(header.size())
                    .arg(fields.size()),
                lines.at(i));
        }
        const RowReader row {command, lineNumber, fields};
        ServerState state;
        state.backend = row.string(beName);
        state.server = row.string(srvName);
        state.address = row.string(srvAddr);
        int opState = 0;
        for (const IntField &field : intFields) {
            const Result<qint64> value = row.number(field.column, false);
            if (!value)
                return value.error();
            (field.target ? state.*field.target : opState) = int(value.value());
        }
        if (opState < 0 || opState > 3) {
            return parseError(command, lineNumber,
                QCoreApplication::translate("gl::HaproxyParsers", "field 'srv_op_state' has an unknown value: '%1'")
                    .arg(opState));
        }
        state.opState = static_cast<ServerOpState>(opState);
        if (srvPort.index >= 0) {
            const Result<qint64> port = row.number(srvPort, false);
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
    const Lines lines = outputLines(output);
    HaproxyInfo info;
    QHash<QString, int> lineOf;
    for (int i = 0; i < lines.size(); ++i) {
        const QByteArrayView line = lines.at(i);
        if (line.isEmpty())
            continue;
        const qsizetype colon = line.indexOf(": ");
        // Names may contain spaces ("Unstoppable Jobs"); values may be empty only as "Name:".
        if (colon <= 0 && !line.endsWith(':'))
            return parseError(
                command, i + 1, QCoreApplication::translate("gl::HaproxyParsers", "expected \"Name: value\""), line);
        const qsizetype end = colon > 0 ? colon : line.size() - 1;
        const QString name = QString::fromUtf8(line.first(end));
        info.fields.insert(name, colon > 0 ? QString::fromUtf8(line.sliced(colon + 2)) : QString());
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
