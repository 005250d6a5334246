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
class ApprovalsView;
class AuditView;
class Notifier;
class Prompter;
class RolloutsView;
class RunbooksView;

// The console's frame: the places (Rollouts, Approvals, Runbooks, Audit), the environment picker,
// the connection state in the status bar, settings. Later work fills the places.
class MainWindow final : public QMainWindow {
    Q_OBJECT
public:
    enum class Place { Rollouts, Approvals, Runbooks, Audit, Count };

    // `credentials` is the app's secret store: the OS keychain, or memory for this run when none answers.
    MainWindow(Settings &settings, Prompter &prompter, FallbackCredentialStore &credentials, QWidget *parent = nullptr);

    // Opens an environment file; a malformed one is reported in the banner and changes nothing.
    bool openEnvironment(const QString &path);
    [[nodiscard]] const std::optional<Environment> &environment() const { return m_environment; }

    // Asks the keychain once whether it answers; when it does not, a banner says secrets stay in memory.
    void checkKeychain();

    void showPlace(Place place);
    [[nodiscard]] Place currentPlace() const;

    void openSettings();

    // The Rollouts place and the open environment's session (null until an environment is open).
    [[nodiscard]] RolloutsView *rolloutsView() const { return m_rolloutsView; }
    [[nodiscard]] RolloutSession *rolloutSession() const { return m_session; }
    [[nodiscard]] Notifier *notifier() const { return m_notifier; }

Q_SIGNALS:
    void environmentOpened(const QString &path);
    void languageApplied(const QString &language);

protected:
    void changeEvent(QEvent *event) override;

private:
    void createActions();
    void createLayout();
    void retranslate();
    void refreshEnvironmentPicker();
    void updateStatus();
    void browseForEnvironment();
    void openRolloutSession();
    void showConnectionStatus(ConnectionMonitor::Component component, const ConnectionMonitor::Status &status);

    Settings &m_settings;
    Prompter &m_prompter;
    FallbackCredentialStore &m_credentials;
    std::optional<Environment> m_environment;

    QToolBar *m_toolBar = nullptr;
    QComboBox *m_picker = nullptr;
    QAction *m_openAction = nullptr;
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
    RolloutSession *m_session = nullptr;
    Notifier *m_notifier = nullptr;
};

} // namespace gl::ui
