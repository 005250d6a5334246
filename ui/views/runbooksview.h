#pragma once

#include "audit/auditlog.h"
#include "runbooks/runbooklibrary.h"
#include "runbooksourcesdialog.h"
#include "storage/profilestore.h"

#include <QWidget>

#include <optional>

class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QPushButton;
class QStackedWidget;
class QTableView;
class QTextBrowser;
class QTimer;

namespace gl {
class RunbookSyncJob;
}

namespace gl::ui {

class Banner;
class EmptyState;
class Prompter;
class RunbookListModel;
class RunbookStepView;

// The Runbooks place: the local library (search as you type, FTS5-ranked with highlighted snippets), the
// selected runbook rendered with Qt's Markdown support, its drill history, and the step-through / drill view.
// The profile database is opened on first show; the first sync of each start imports the configured source
// folders and the bundled samples (:/runbooks). Nothing here needs the network.
class RunbooksView final : public QWidget {
    Q_OBJECT
public:
    // `emptyState` (may be null) is shown while the library has no runbooks; the view takes it over.
    RunbooksView(QString profilePath, Prompter &prompter, EmptyState *emptyState = nullptr, QWidget *parent = nullptr);
    ~RunbooksView() override;

    // Opens the profile (and its audit log) and starts the first sync if not done yet; false (with a banner)
    // when it cannot.
    bool ensureOpen();
    // Syncs the configured sources and the bundled samples on a worker thread (RunbookSyncJob) with a progress
    // bar; the view stays usable and shows what changed in the banner when it is done. A sync asked for while
    // one runs follows it.
    void sync();
    [[nodiscard]] bool isSyncing() const;
    // The Sources… dialog: list, add (through the folder picker), remove; OK applies and syncs.
    void editSources();
    void setFolderPicker(RunbookSourcesDialog::FolderPicker picker) { m_folderPicker = std::move(picker); }
    // Shows the runbook `runbookId` (the library page, selected, search cleared if needed); false if the
    // library has no such runbook.
    bool openRunbook(const QString &runbookId);
    void search(const QString &text);
    void selectRunbook(const QString &id);
    [[nodiscard]] QString selectedRunbook() const { return m_selected; }
    void startStepThrough();
    void startDrill();
    [[nodiscard]] RunbookStepView *stepView() const { return m_stepView; }
    [[nodiscard]] RunbookLibrary *library() { return m_library ? &*m_library : nullptr; }

    // The folder of the bundled sample runbooks (qrc); tests may point elsewhere or disable with "".
    void setBundledSamples(const QString &folder) { m_bundled = folder; }

protected:
    void showEvent(QShowEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void showSyncReport(const Result<SyncReport> &report);
    void refreshList();
    void showRunbook();
    void showLibrary();

    QString m_profilePath;
    Prompter &m_prompter;
    QString m_bundled = QStringLiteral(":/runbooks");
    std::optional<ProfileStore> m_store;
    std::optional<AuditLog> m_audit;
    std::optional<RunbookLibrary> m_library;
    RunbookSyncJob *m_syncJob = nullptr;
    bool m_syncAgain = false;
    RunbookSourcesDialog::FolderPicker m_folderPicker;
    bool m_openFailed = false;
    QString m_selected;

    Banner *m_banner;
    QStackedWidget *m_stack;
    QWidget *m_libraryPage;
    QLineEdit *m_search;
    QPushButton *m_sync;
    QPushButton *m_sources;
    QProgressBar *m_syncProgress;
    QTableView *m_list;
    RunbookListModel *m_model;
    EmptyState *m_empty;
    QStackedWidget *m_listStack;
    QLabel *m_snippet;
    QTextBrowser *m_text;
    QPushButton *m_stepThrough;
    QPushButton *m_drill;
    QWidget *m_drillForm;
    QLineEdit *m_scenario;
    QLineEdit *m_participants;
    QLineEdit *m_rto;
    QLineEdit *m_rpo;
    QPushButton *m_startDrill;
    QLabel *m_historyLabel;
    QListWidget *m_history;
    RunbookStepView *m_stepView;
    QTimer *m_searchDelay;
};

} // namespace gl::ui
