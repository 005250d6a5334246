#pragma once

#include "model/environment.h"
#include "monitoring/connectionmonitor.h"

#include <QMainWindow>

#include <optional>

class QAction;
class QComboBox;
class QLabel;
class QListWidget;
class QNetworkAccessManager;
class QStackedWidget;
class QToolBar;

namespace gl {
class FallbackCredentialStore;
class RolloutSession;
class Settings;
} // namespace gl

namespace gl::ui {

class Banner;
class EmptyState;
class EnvironmentWatchController;
class ApprovalsView;
class AuditView;
class Notifier;
class Prompter;
class RolloutsView;
class RunbooksView;

// The console's frame: the places (Rollouts, Approvals, Runbooks, Audit), the environment picker,
// the connection state in the status bar, settings. Several environments can be open at once, each with its
// RolloutSession (engine in-process or observed): the Rollouts table lists all of them, while the current one
// (chosen in the picker, or by selecting one of its rollouts) feeds the detail, Approvals, Audit and the
// status bar. The set of open environment files is saved in Settings (paths only) and restored on start.
class MainWindow final : public QMainWindow {
    Q_OBJECT
public:
    enum class Place { Rollouts, Approvals, Runbooks, Audit, Count };

    // `credentials` is the app's secret store: the OS keychain, or memory for this run when none answers.
    MainWindow(Settings &settings, Prompter &prompter, FallbackCredentialStore &credentials, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Opens an environment file next to the ones already open and makes it current; a malformed one is reported
    // in the banner and changes nothing. An environment that is already open only becomes current.
    bool openEnvironment(const QString &path);
    // The current environment (none when no environment is open).
    [[nodiscard]] const std::optional<Environment> &environment() const { return m_environment; }
    // The open environment files (absolute paths, in the order they were opened).
    [[nodiscard]] QStringList openEnvironments() const;
    // Makes the open environment `path` current; false when it is not open.
    bool setCurrentEnvironment(const QString &path);
    // Closes the open environment `path` (empty: the current one); another open environment becomes current.
    // When this console's engine drives a rollout in progress there, it asks first (Prompter): confirmed, the
    // engine stops at a safe point and releases its lock so that another engine takes over at once; cancelled,
    // nothing changes. False when it was not open or the closing was cancelled.
    bool closeEnvironment(const QString &path = QString());
    // Opens the environments that were open when the console last ran (Settings) and makes the then-current
    // one current again; files that vanished or no longer load are reported in the banner.
    void restoreEnvironments();

    // Asks the keychain once whether it answers; when it does not, a banner says secrets stay in memory.
    void checkKeychain();

    void showPlace(Place place);
    [[nodiscard]] Place currentPlace() const;

    void openSettings();

    // The Rollouts place and the current environment's session (null until an environment is open).
    [[nodiscard]] RolloutsView *rolloutsView() const { return m_rolloutsView; }
    [[nodiscard]] RolloutSession *rolloutSession() const { return m_session; }
    // The session of the open environment `path` (null when it is not open or its state could not be read).
    [[nodiscard]] RolloutSession *rolloutSession(const QString &path) const;
    [[nodiscard]] Notifier *notifier() const { return m_notifier; }
    // Watches the open environments' files and puts each valid edit in force (see EnvironmentWatchController).
    [[nodiscard]] EnvironmentWatchController *environmentWatch() const { return m_watch; }

Q_SIGNALS:
    void environmentOpened(const QString &path);
    void environmentClosed(const QString &path);
    // The current environment changed (empty: none is open any more).
    void currentEnvironmentChanged(const QString &path);
    void languageApplied(const QString &language);

protected:
    void changeEvent(QEvent *event) override;
    // Quitting while this console's engine drives a rollout asks first, as closing that environment does.
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void createLayout();
    void retranslate();
    void refreshEnvironmentPicker();
    void updateStatus();
    void browseForEnvironment();
    struct OpenEnvironment {
        Environment environment;
        RolloutSession *session = nullptr; // owned; null when the state database could not be opened
    };
    [[nodiscard]] int indexOfOpen(const QString &path) const;
    [[nodiscard]] RolloutSession *createRolloutSession(const Environment &environment);
    void makeCurrent(int index);
    void startMonitor();
    // A valid edit of an open environment's file is in force: the places showing it take it.
    void applyEnvironment(const Environment &environment);
    // "Rollout #7 is at 25 %" when this console's engine drives a rollout in progress in `open`, else empty.
    [[nodiscard]] QString drivenRollout(const OpenEnvironment &open) const;
    void saveOpenEnvironments();
    void showConnectionStatus(ConnectionMonitor::Component component, const ConnectionMonitor::Status &status);

    Settings &m_settings;
    Prompter &m_prompter;
    FallbackCredentialStore &m_credentials;
    std::optional<Environment> m_environment;

    QToolBar *m_toolBar = nullptr;
    QComboBox *m_picker = nullptr;
    QAction *m_openAction = nullptr;
    QAction *m_closeAction = nullptr;
    QAction *m_settingsAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_aboutAction = nullptr;
    QList<QAction *> m_placeActions;
    QListWidget *m_places = nullptr;
    QStackedWidget *m_stack = nullptr;
    QList<EmptyState *> m_pages;
    Banner *m_banner = nullptr;
    Banner *m_connectionBanner = nullptr;
    Banner *m_keychainBanner = nullptr;
    Banner *m_fileBanner = nullptr; // what changed in an open environment's file
    EnvironmentWatchController *m_watch = nullptr;
    QNetworkAccessManager *m_network = nullptr;
    ConnectionMonitor *m_monitor = nullptr;
    QLabel *m_environmentStatus = nullptr;
    QLabel *m_haproxyStatus = nullptr;
    QLabel *m_prometheusStatus = nullptr;
    QMenu *m_fileMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
    QMenu *m_helpMenu = nullptr;
    // Rollouts place
    RolloutsView *m_rolloutsView = nullptr;
    RunbooksView *m_runbooksView = nullptr;
    ApprovalsView *m_approvalsView = nullptr;
    AuditView *m_auditView = nullptr;
    QList<OpenEnvironment> m_open;
    RolloutSession *m_session = nullptr; // the current environment's
    Notifier *m_notifier = nullptr;
};

} // namespace gl::ui
