#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace gl {

// A command from a fenced code block in a step. Greenlight shows it and copies it; it never runs it.
struct RunbookCommand {
    enum class Section { Instructions, Verify, Undo };
    QString code;
    QString language; // the fence's info string ("sh", "sql"), may be empty
    Section section = Section::Instructions;
    int line = 0; // 1-based line of the opening fence in the file
};

// One step of a runbook: a second-level heading ("## Drain the node") and the text under it.
struct RunbookStep {
    QString title;
    QString instructions; // Markdown before the first labelled field
    QString verify; // Markdown of the "Verify:" field
    QString undo; // Markdown of the "Undo:" field
    QString markdown; // the whole section under the heading, as written
    QList<RunbookCommand> commands;
    QStringList checklist; // "- [ ] item" lines, in order
    qint64 expectedSeconds = 0;
    int line = 0; // 1-based line of the heading
};

// A parsed runbook (see docs/runbooks.md for the format).
struct Runbook {
    QString id;
    QString title;
    QString service;
    QString owner;
    QString language = QStringLiteral("en");
    QStringList tags;
    QStringList prerequisites;
    qint64 rtoSeconds = 0; // 0: no target
    qint64 rpoSeconds = 0;
    QString summary; // Markdown between the front matter and the first step
    QString body; // everything after the front matter
    QList<RunbookStep> steps;

    // Filled by the library, not by the parser.
    QString sourcePath; // the file it was imported from
    QString contentHash; // SHA-256 of the file's bytes, hex
    int version = 0; // 1 on first import, +1 on each change
};

// "1h 30m", "5m", "45s", "0s".
[[nodiscard]] QString formatDuration(qint64 seconds);

} // namespace gl
