#pragma once

#include "backends/haproxy/haproxytypes.h"
#include "util/result.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace gl {

// One Runtime API command, built so that it cannot smuggle a second command into the line.
//
// The reply rule of HAProxy's CLI: a command that changes something ("set server ...") prints NOTHING on
// success and a line of text on failure; there is no status code. A command that reads ("show ...") prints
// its data. `expectsEmptyReply()` says which rule applies to this command.
class HaproxyCommand final {
public:
    HaproxyCommand() = default;

    // `set server <be>/<srv> weight <w>`: absolute weights 0..256 only (a relative "50%" is relative to the
    // configured weight, so 50% of 0 stays 0).
    [[nodiscard]] static Result<HaproxyCommand> setWeight(const QString &backend, const QString &server, int weight);
    // `set server <be>/<srv> state ready|drain|maint`.
    [[nodiscard]] static Result<HaproxyCommand> setState(
        const QString &backend, const QString &server, ServerAdminState state);
    [[nodiscard]] static HaproxyCommand showStat();
    // `show servers state [backend]`; an empty backend lists every backend.
    [[nodiscard]] static Result<HaproxyCommand> showServersState(const QString &backend = {});
    [[nodiscard]] static HaproxyCommand showInfo();
    // The commands that apply one ServerChange: the state first, then the weight.
    [[nodiscard]] static Result<QList<HaproxyCommand>> forChange(const ServerChange &change);

    // Any command given as text. Rejects what would split it into several commands (';', a line break, NUL)
    // and empty text. Commands starting with "show", "get", "help" or "echo" are read commands; everything
    // else must answer with nothing.
    [[nodiscard]] static Result<HaproxyCommand> fromText(const QString &text);

    // True for the names HAProxy accepts for backends and servers and Greenlight allows: [A-Za-z0-9_.:-]+.
    [[nodiscard]] static bool isValidName(const QString &name);

    // Joins commands into ONE line, "a; b; c" (no trailing newline): HAProxy runs them in order, in one
    // round trip.
    [[nodiscard]] static QString joinBatch(const QList<HaproxyCommand> &commands);

    [[nodiscard]] const QString &text() const { return m_text; }
    [[nodiscard]] bool expectsEmptyReply() const { return m_expectsEmptyReply; }

    friend bool operator==(const HaproxyCommand &, const HaproxyCommand &) = default;

private:
    HaproxyCommand(QString text, bool expectsEmptyReply);

    QString m_text;
    bool m_expectsEmptyReply = true;
};

} // namespace gl
