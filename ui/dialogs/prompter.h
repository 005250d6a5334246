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
        bool offersReason = false; // an optional reason field (recorded with the action when given)
        bool destructive = false;
    };
    struct Answer {
        bool confirmed = false;
        QString reason;
    };

    // Start a rollout: what the dialog offers (StartRolloutDialog) and what the user chose.
    struct StartQuestion {
        QString environment;
        QString currentVersion; // what serves now ("" when unknown)
        QString suggestedVersion;
        QString defaultStrategy; // the environment's default: canary, blue-green, rolling, recreate
    };
    struct StartAnswer {
        bool confirmed = false;
        QString version;
        QString strategy;
        QString reason;
        bool acceptDowntime = false; // recreate: the user explicitly accepted the downtime
    };

    virtual ~Prompter() = default;
    virtual Answer ask(QWidget *parent, const Question &question) = 0;
    // The start-rollout dialog. The default answers "cancelled" (prompters that never start rollouts).
    virtual StartAnswer askStartRollout(QWidget *parent, const StartQuestion &question);
    // A file to open; empty when cancelled.
    virtual QString openFileName(QWidget *parent, const QString &title, const QString &filter) = 0;
};

// The real prompter: Qt dialogs.
class DialogPrompter final : public Prompter {
public:
    Answer ask(QWidget *parent, const Question &question) override;
    StartAnswer askStartRollout(QWidget *parent, const StartQuestion &question) override;
    QString openFileName(QWidget *parent, const QString &title, const QString &filter) override;
};

} // namespace gl::ui
