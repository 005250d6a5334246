#pragma once

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <QTextStream>

#include <functional>
#include <vector>

namespace gl::cli {

// Exit codes of greenlightctl (documented in the README).
enum ExitCode : int {
    ExitOk = 0,
    ExitError = 1,
    ExitUsage = 2,
    ExitAborted = 3, // a waited-for rollout ended aborted or rolled back
};

// What a command gets: its parsed options and the two output streams.
struct Context {
    QCommandLineParser &parser;
    QTextStream &out;
    QTextStream &err;
};

// One command of greenlightctl, such as "env validate".
struct Command {
    QStringList path; // {"env", "validate"}
    QString summary; // one translated line for --help
    std::function<void(QCommandLineParser &)> options; // adds the command's options (may be empty)
    std::function<int(Context &)> run; // returns an ExitCode
};

// Every command, registered by the command group files.
[[nodiscard]] std::vector<Command> allCommands();
[[nodiscard]] std::vector<Command> envCommands();
[[nodiscard]] std::vector<Command> rolloutCommands();
[[nodiscard]] std::vector<Command> runbookCommands();
[[nodiscard]] std::vector<Command> analysisCommands();
[[nodiscard]] std::vector<Command> auditCommands();
[[nodiscard]] std::vector<Command> approvalCommands();

// Parses the arguments of `app`, runs the command and returns the process exit code.
int run(QCoreApplication &app);

} // namespace gl::cli
