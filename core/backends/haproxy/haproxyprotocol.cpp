#include "backends/haproxy/haproxyprotocol.h"

#include <QCoreApplication>

namespace gl {

namespace {
constexpr QByteArrayView Prompt("\n> ");
}

QByteArray encodeRequest(const QList<HaproxyCommand> &commands)
{
    return "prompt\n" + HaproxyCommand::joinBatch(commands).toUtf8() + "\nquit\n";
}

Result<QList<QByteArray>> decodeReply(const QByteArray &reply, qsizetype commandCount)
{
    if (!reply.endsWith(Prompt)) {
        return makeError(ErrorCode::Protocol,
            QCoreApplication::translate(
                "gl::HaproxyRuntimeClient", "HAProxy's reply was cut off; the changes may have been applied in part"),
            QStringLiteral("%1 bytes, ending '%2'")
                .arg(reply.size())
                .arg(QString::fromUtf8(reply.right(40)).replace(u'\n', QStringLiteral("\\n"))));
    }
    QList<QByteArray> parts;
    qsizetype from = 0;
    while (from < reply.size()) {
        const qsizetype at = reply.indexOf(Prompt, from);
        if (at < 0)
            break;
        parts.append(reply.mid(from, at - from));
        from = at + Prompt.size();
    }
    // parts[0] is the output of `prompt` itself (empty); then one output per command.
    if (parts.size() != commandCount + 1 || !parts.first().isEmpty()) {
        return makeError(ErrorCode::Protocol,
            QCoreApplication::translate("gl::HaproxyRuntimeClient", "Unexpected reply from HAProxy"),
            QStringLiteral("expected %1 command outputs, got %2").arg(commandCount).arg(parts.size() - 1));
    }
    parts.removeFirst();
    return parts;
}

Result<QStringList> applyReplyRule(const QList<HaproxyCommand> &commands, const QList<QByteArray> &outputs)
{
    Q_ASSERT(commands.size() == outputs.size());
    QStringList replies;
    QStringList refusals;
    qsizetype firstRefused = -1;
    for (qsizetype i = 0; i < outputs.size(); ++i) {
        const QString text = QString::fromUtf8(outputs.at(i));
        replies.append(text);
        if (commands.at(i).expectsEmptyReply() && !text.trimmed().isEmpty()) {
            if (firstRefused < 0)
                firstRefused = i;
            refusals.append(u"'" + commands.at(i).text() + u"': " + text.trimmed());
        }
    }
    if (firstRefused < 0)
        return replies;
    QString message = QCoreApplication::translate("gl::HaproxyRuntimeClient", "HAProxy refused '%1': %2")
                          .arg(commands.at(firstRefused).text(), QString::fromUtf8(outputs.at(firstRefused)).trimmed());
    if (refusals.size() > 1) {
        // A named count: lupdate 6.4 hangs on a numerus argument written as int(a - b).
        const int moreRefused = int(refusals.size() - 1);
        message += u' '
            + QCoreApplication::translate(
                "gl::HaproxyRuntimeClient", "(%n more command(s) refused)", nullptr, moreRefused);
    }
    const QString detail
        = u"refused: " + refusals.join(QStringLiteral("; ")) + u"; the other commands of the batch were applied";
    return makeError(ErrorCode::Refused, message, detail);
}

} // namespace gl
