#pragma once

#include "runbooks/drill.h"
#include "runbooks/runbooksession.h"

#include <QWidget>

#include <optional>

class QDateTimeEdit;
class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QTextBrowser;
class QTimer;
class QVBoxLayout;

namespace gl::ui {

class Banner;
class Prompter;

// Stepping through a runbook, one step at a time: the step's text (Qt's Markdown rendering), its checklist,
// its commands with copy buttons (never run), a timer against the expected duration, a note, and done /
// skipped / failed, all from the keyboard. In drill mode it adds the drill clock, incident markers, the
// restore point, "service restored", the end of the drill and the report export (PDF and Markdown).
// Every change goes to the core session or drill, which saves it at once.
class RunbookStepView final : public QWidget {
    Q_OBJECT
public:
    RunbookStepView(RunbookLibrary &library, Prompter &prompter, QWidget *parent = nullptr);

    void showSession(RunbookSession session);
    void showDrill(Drill drill);
    [[nodiscard]] bool isDrill() const { return m_drill.has_value(); }
    [[nodiscard]] RunbookSession *session();
    [[nodiscard]] Drill *drill() { return m_drill ? &*m_drill : nullptr; }

    // Where "Export report" writes (default: ~/Documents/Greenlight drills).
    void setExportFolder(const QString &folder) { m_exportFolder = folder; }
    // Writes the drill report as PDF and Markdown into the export folder; returns the PDF path or empty.
    QString exportReport();

    void markCurrent(StepStatus status);

Q_SIGNALS:
    void closed(const QString &runbookId);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void refresh();
    void refreshClock();
    void showStep(int step);
    void saveNote();
    void markIncident();
    void setRestorePoint();
    void markServiceRestored();
    void endDrill();
    void report(const Status &status);

    RunbookLibrary &m_library;
    Prompter &m_prompter;
    std::optional<RunbookSession> m_session;
    std::optional<Drill> m_drill;
    int m_shown = -1; // the step on screen
    QString m_exportFolder;

    Banner *m_banner;
    QLabel *m_title;
    QLabel *m_drillClock;
    QLabel *m_stepHeader;
    QLabel *m_timer;
    QListWidget *m_steps;
    QTextBrowser *m_text;
    QListWidget *m_checklist;
    QWidget *m_commands;
    QVBoxLayout *m_commandsLayout;
    QPlainTextEdit *m_note;
    QPushButton *m_done;
    QPushButton *m_skip;
    QPushButton *m_fail;
    QPushButton *m_previous;
    QPushButton *m_next;
    QPushButton *m_close;
    QLabel *m_hints;
    QWidget *m_drillBar;
    QPushButton *m_incident;
    QDateTimeEdit *m_restorePoint;
    QPushButton *m_setRestorePoint;
    QPushButton *m_serviceRestored;
    QPushButton *m_endDrill;
    QPushButton *m_export;
    QTextBrowser *m_report;
    QTimer *m_tick;
    QTimer *m_noteSave;
};

} // namespace gl::ui
