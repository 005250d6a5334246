#pragma once

#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>

class QWidget;

namespace gl::ui {

// The part of a question that can change while it is open: a confirmation of a rollout action describes the
// rollout, and the rollout moves on by itself. The asker emits changed() when the subject changed; the prompter
// then reads state(): the text as it reads now, or that the question no longer stands (the dialog closes and the
// answer says why; nothing is confirmed).
class LiveQuestion final : public QObject {
    Q_OBJECT
public:
    struct State {
        bool valid = true;
        QString text; // valid: the question's text now
        QString closedReason; // not valid: why the question closed, for people
    };
    explicit LiveQuestion(std::function<State()> read, QObject *parent = nullptr);
    [[nodiscard]] State state() const { return m_read(); }

Q_SIGNALS:
    void changed();

private:
    std::function<State()> m_read;
};

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
        // Set for questions whose subject can change while open (see LiveQuestion); null for fixed questions.
        QPointer<LiveQuestion> live;
    };
    struct Answer {
        bool confirmed = false;
        QString reason;
        QString closedReason; // the question closed itself (LiveQuestion no longer valid): why
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

// The real prompter: Qt dialogs. Confirmations are keyboard-safe: the focus starts in the reason field; Enter there
// confirms only when the reason rule is met; no button is a default or auto-default button; Space never fires the
// confirm button (it only reacts to a click, or to Enter once a person tabbed to it); the confirm button of a
// destructive question never has the focus initially; Esc cancels. A live question's text follows its subject,
// and the dialog closes (cancelled, with the reason) when the question no longer stands.
class DialogPrompter final : public Prompter {
public:
    Answer ask(QWidget *parent, const Question &question) override;
    StartAnswer askStartRollout(QWidget *parent, const StartQuestion &question) override;
    QString openFileName(QWidget *parent, const QString &title, const QString &filter) override;
};

} // namespace gl::ui
