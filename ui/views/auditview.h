#pragma once

#include "audit/auditlog.h"
#include "audit/auditreader.h"
#include "credentials/credentialstore.h"
#include "model/environment.h"

#include <QPointer>
#include <QWidget>

#include <functional>
#include <memory>
#include <optional>

class QComboBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class QThread;
class QTimer;

namespace gl {
class Clock;
} // namespace gl

namespace gl::ui {

class AuditEntryModel;
class AuditFilterProxyModel;
class Banner;
class Prompter;

// The Audit place: the environment's audit log, newest first, filtered by time range, person, rollout and
// action. Only the newest page (2,000 entries) matching the filters is read (SQLite filters, through
// core/audit/auditreader); older pages are read when the table is scrolled to the bottom. Verify walks the hash
// chain and checkpoints on a worker thread (a million entries take seconds) and says in the banner that it
// passes, or the exact first broken seq and why; Export writes JSON Lines or CSV on a worker thread. New entries
// are read by seq every 1.5 s while the view is visible.
class AuditView final : public QWidget {
    Q_OBJECT
public:
    // Asked for the file an export goes to; empty cancels. The default is a save-file dialog.
    using SavePathChooser = std::function<QString(QWidget *parent, const QString &title, const QString &filter)>;
    enum class TimeFilter { Any, LastHour, LastDay, LastWeek, Custom };

    explicit AuditView(Prompter &prompter, QWidget *parent = nullptr);
    ~AuditView() override;

    void setEnvironment(const std::optional<gl::Environment> &environment);
    // A newer reading of the same environment's file: Verify trusts its approvers' keys; the log stays loaded.
    void updateEnvironment(const gl::Environment &environment);
    // Reads entries appended since the last read (opens the log once it exists).
    void refresh();

    // Starts verifying; verificationFinished() follows. False when no log is open or one is running.
    bool verify();
    [[nodiscard]] bool isVerifying() const { return m_verifying; }
    // Starts writing the log in `format` to a file chosen through the chooser, on a worker thread;
    // exportFinished() follows. False when cancelled, no log is open or an export is running.
    bool exportLog(AuditExportFormat format);
    [[nodiscard]] bool isExporting() const { return m_exportWorker != nullptr; }
    // Entries per page read from the log (the first page and each older one).
    void setPageSize(int entries) { m_pageSize = entries; }

    // The keychain holding the installation's audit key (trusted for checkpoints). Without it, the key named
    // in the checkpoint kept outside the database is trusted, with a warning, as `greenlightctl audit verify`.
    void setCredentialStore(CredentialStore *credentials) { m_credentials = credentials; }
    void setSavePathChooser(SavePathChooser chooser) { m_chooser = std::move(chooser); }
    void setClock(const Clock &clock) { m_clock = &clock; }
    void setPollIntervalMs(int ms);

    [[nodiscard]] AuditEntryModel *model() const { return m_model; }
    [[nodiscard]] AuditFilterProxyModel *proxy() const { return m_proxy; }

signals:
    void verificationFinished(bool ok, qint64 firstBrokenSeq, const QString &reason);
    // After an export: whether the file was written (the banner says why not).
    void exportFinished(bool ok, const QString &path);

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void applyFilters();
    void reload();
    void updateFilterChoices();
    void updateCount();
    void runVerification(const QList<PublicKey> &trusted, const QStringList &notes);
    void showVerification(const Result<AuditVerifyReport> &report, const QStringList &notes);

    Prompter &m_prompter;
    const Clock *m_clock;
    QPointer<CredentialStore> m_credentials;
    SavePathChooser m_chooser;
    std::optional<Environment> m_environment;
    std::optional<AuditLog> m_log;
    QString m_logPath;
    bool m_verifying = false;
    QThread *m_worker = nullptr;
    QThread *m_exportWorker = nullptr;
    AuditQuery m_query;
    int m_pageSize = 2000;
    qint64 m_headSeq = 0; // the log's highest seq, i.e. its number of entries
    qint64 m_polledSeq = 0; // entries up to here were read (loaded or filtered out)
    qint64 m_brokenSeq = 0;
    QStringList m_knownActors;
    QStringList m_knownActions;

    Banner *m_banner;
    QComboBox *m_time;
    QDateTimeEdit *m_from;
    QDateTimeEdit *m_to;
    QComboBox *m_person;
    QLineEdit *m_rollout;
    QComboBox *m_action;
    QPushButton *m_verify;
    QPushButton *m_export;
    QLabel *m_timeLabel;
    QLabel *m_personLabel;
    QLabel *m_rolloutLabel;
    QLabel *m_actionLabel;
    QLabel *m_count;
    QTableView *m_table;
    AuditEntryModel *m_model;
    AuditFilterProxyModel *m_proxy;
    QTimer *m_poll;
};

} // namespace gl::ui
