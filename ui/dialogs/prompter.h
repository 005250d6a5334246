#pragma once

#include <QString>

class QWidget;

namespace gl::ui {

// Every modal question the console asks goes through a Prompter, so tests can answer them.
class Prompter {
public:
    struct Question {
        QString title;
        QString text; // the effect in plain words: "All traffic returns to v1 on 4 slots now."
        QString confirmLabel; // "Roll back"
        bool requiresReason = false;
        bool destructive = false;
    };
    struct Answer {
        bool confirmed = false;
        QString reason;
    };

    virtual ~Prompter() = default;
    virtual Answer ask(QWidget *parent, const Question &question) = 0;
    // A file to open; empty when cancelled.
    virtual QString openFileName(QWidget *parent, const QString &title, const QString &filter) = 0;
};

// The real prompter: Qt dialogs.
class DialogPrompter final : public Prompter {
public:
    Answer ask(QWidget *parent, const Question &question) override;
    QString openFileName(QWidget *parent, const QString &title, const QString &filter) override;
};

} // namespace gl::ui
