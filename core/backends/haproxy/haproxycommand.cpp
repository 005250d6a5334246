#include "backends/haproxy/haproxycommand.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace gl {

QString toString(ServerAdminState state)
{
    switch (state) {
    case ServerAdminState::Ready:
        return QStringLiteral("ready");
    case ServerAdminState::Drain:
        return QStringLiteral("drain");
    case ServerAdminState::Maint:
        return QStringLiteral("maint");
    }
    return {};
}

namespace {

Result<QString> serverPath(const QString &backend, const QString &server)
{
    if (!HaproxyCommand::isValidName(backend)) {
        return makeError(ErrorCode::InvalidArgument,
            QCoreApplication::translate("gl::HaproxyRuntimeClient", "Invalid HAProxy backend name: '%1'")
                .arg(backend.left(80)));
    }
    if (!HaproxyCommand::isValidName(server)) {
        return makeError(ErrorCode::InvalidArgument,
            QCoreApplication::translate("gl::HaproxyRuntimeClient", "Invalid HAProxy server name: '%1'")
                .arg(server.left(80)));
    }
    return backend + u'/' + server;
}

} // namespace

HaproxyCommand::HaproxyCommand(QString text, bool expectsEmptyReply)
    : m_text(std::move(text))
    , m_expectsEmptyReply(expectsEmptyReply)
{ }

bool HaproxyCommand::isValidName(const QString &name)
{
    static const QRegularExpression pattern(QStringLiteral("\\A[A-Za-z0-9_.:-]+\\z"));
    return pattern.match(name).hasMatch();
}

Result<HaproxyCommand> HaproxyCommand::setWeight(const QString &backend, const QString &server, int weight)
{
    const Result<QString> path = serverPath(backend, server);
    if (!path)
        return path.error();
    if (weight < 0 || weight > 256) {
        return makeError(ErrorCode::InvalidArgument,
            QCoreApplication::translate("gl::HaproxyRuntimeClient", "Invalid weight %1 for %2: it must be 0 to 256")
                .arg(weight)
                .arg(path.value()));
    }
    return HaproxyCommand(u"set server " + path.value() + u" weight " + QString::number(weight), true);
}

Result<HaproxyCommand> HaproxyCommand::setState(const QString &backend, const QString &server, ServerAdminState state)
{
    const Result<QString> path = serverPath(backend, server);
    if (!path)
        return path.error();
    return HaproxyCommand(u"set server " + path.value() + u" state " + toString(state), true);
}

HaproxyCommand HaproxyCommand::showStat()
{
    return HaproxyCommand(QStringLiteral("show stat"), false);
}

Result<HaproxyCommand> HaproxyCommand::showServersState(const QString &backend)
{
    if (backend.isEmpty())
        return HaproxyCommand(QStringLiteral("show servers state"), false);
    if (!isValidName(backend)) {
        return makeError(ErrorCode::InvalidArgument,
            QCoreApplication::translate("gl::HaproxyRuntimeClient", "Invalid HAProxy backend name: '%1'")
                .arg(backend.left(80)));
    }
    return HaproxyCommand(u"show servers state " + backend, false);
}

HaproxyCommand HaproxyCommand::showInfo()
{
    return HaproxyCommand(QStringLiteral("show info"), false);
}

Result<QList<HaproxyCommand>> HaproxyCommand::forChange(const ServerChange &change)
{
    QList<HaproxyCommand> commands;
    if (change.state) {
        Result<HaproxyCommand> command = setState(change.backend, change.server, *change.state);
        if (!command)
            return command.error();
        commands.append(std::move(command).value());
    }
    if (change.weight) {
        Result<HaproxyCommand> command = setWeight(change.backend, change.server, *change.weight);
        if (!command)
            return command.error();
        commands.append(std::move(command).value());
    }
    if (commands.isEmpty()) {
        return makeError(ErrorCode::InvalidArgument,
            QCoreApplication::translate("gl::HaproxyRuntimeClient", "Nothing to change for %1/%2")
                .arg(change.backend.left(80), change.server.left(80)));
    }
    return commands;
}

Result<HaproxyCommand> HaproxyCommand::fromText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty()) {
        return makeError(ErrorCode::InvalidArgument,
            QCoreApplication::translate("gl::HaproxyRuntimeClient", "Empty HAProxy command"));
    }
    for (const QChar c : trimmed) {
        if (c == u';' || c == u'\n' || c == u'\r' || c == u'\0') {
            return makeError(ErrorCode::InvalidArgument,
                QCoreApplication::translate(
                    "gl::HaproxyRuntimeClient", "An HAProxy command may not contain ';' or a line break: '%1'")
                    .arg(trimmed.left(80)));
        }
    }
    const QString verb = trimmed.section(u' ', 0, 0);
    const bool reads = verb == u"show" || verb == u"get" || verb == u"help" || verb == u"echo";
    return HaproxyCommand(trimmed, !reads);
}

QString HaproxyCommand::joinBatch(const QList<HaproxyCommand> &commands)
{
    QStringList texts;
    texts.reserve(commands.size());
    for (const HaproxyCommand &command : commands)
        texts.append(command.text());
    return texts.join(QStringLiteral("; "));
}

} // namespace gl
