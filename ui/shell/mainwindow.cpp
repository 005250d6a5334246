#include "mainwindow.h"

#include "approvalsview.h"
#include "auditview.h"
#include "banner.h"
#include "credentials/credentialjob.h"
#include "credentials/fallbackcredentialstore.h"
#include "emptystate.h"
#include "engine/rolloutsession.h"
#include "environmentwatchcontroller.h"
#include "model/environmentfile.h"
#include "notifier.h"
#include "prompter.h"
#include "rolloutsview.h"
#include "runbooksview.h"
#include "settingsdialog.h"
#include "storage/profilestore.h"
#include "theme.h"
#include "util/settings.h"
#include "util/translations.h"
#include "util/version.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDir>
#include <QEvent>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QToolBar>
#include <QVBoxLayout>

namespace gl::ui {
namespace {

constexpr int kPlaceCount = static_cast<int>(MainWindow::Place::Count);

const char *const kPlaceObjectNames[kPlaceCount] = {"rolloutsPage", "approvalsPage", "runbooksPage", "auditPage"};

} // namespace

MainWindow::MainWindow(Settings &settings, Prompter &prompter, FallbackCredentialStore &credentials, QWidget *parent)
    : QMainWindow(parent)
    , m_settings(settings)
    , m_prompter(prompter)
    , m_credentials(credentials)
    , m_network(new QNetworkAccessManager(this))
    , m_notifier(new Notifier(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    createActions();
    createLayout();
    retranslate();
    refreshEnvironmentPicker();
    updateStatus();
    resize(1200, 760);
}

MainWindow::~MainWindow()
{
    // The places first: their network jobs (SLI charts, approvals) must end while the QNetworkAccessManager that
    // owns their replies still exists; then the sessions, which stop the engines this console drove.
    delete m_stack;
    m_stack = nullptr;
    delete m_watch;
    m_watch = nullptr;
    for (const OpenEnvironment &open : std::as_const(m_open))
        delete open.session;
    m_open.clear();
    delete m_monitor;
}

void MainWindow::createActions()
{
    m_openAction = new QAction(this);
    m_openAction->setObjectName(QStringLiteral("openEnvironmentAction"));
    m_openAction->setShortcut(QKeySequence::Open);
    m_openAction->setIcon(
        QIcon::fromTheme(QStringLiteral("document-open"), style()->standardIcon(QStyle::SP_DialogOpenButton)));
    connect(m_openAction, &QAction::triggered, this, &MainWindow::browseForEnvironment);

    m_closeAction = new QAction(this);
    m_closeAction->setObjectName(QStringLiteral("closeEnvironmentAction"));
    m_closeAction->setShortcut(QKeySequence::Close);
    m_closeAction->setEnabled(false);
    connect(m_closeAction, &QAction::triggered, this, [this] { closeEnvironment(); });

    m_settingsAction = new QAction(this);
    m_settingsAction->setObjectName(QStringLiteral("settingsAction"));
    m_settingsAction->setShortcut(QKeySequence(QStringLiteral("Ctrl+,")));
    m_settingsAction->setIcon(QIcon::fromTheme(
        QStringLiteral("preferences-system"), style()->standardIcon(QStyle::SP_FileDialogContentsView)));
    connect(m_settingsAction, &QAction::triggered, this, &MainWindow::openSettings);

    m_quitAction = new QAction(this);
    m_quitAction->setObjectName(QStringLiteral("quitAction"));
    m_quitAction->setShortcut(QKeySequence::Quit);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    m_aboutAction = new QAction(this);
    m_aboutAction->setObjectName(QStringLiteral("aboutAction"));
    connect(m_aboutAction, &QAction::triggered, this, [this] {
        QMessageBox::about(this, tr("About Greenlight"),
            tr("<b>Greenlight %1</b><p>A release console for blue-green, canary and rolling "
               "deployments, change approvals and disaster-recovery drills.</p>")
                .arg(QStringLiteral(GREENLIGHT_VERSION)));
    });

    for (int i = 0; i < kPlaceCount; ++i) {
        auto *action = new QAction(this);
        action->setShortcut(QKeySequence(Qt::CTRL | static_cast<Qt::Key>(Qt::Key_1 + i)));
        action->setObjectName(QStringLiteral("showPlace%1Action").arg(i + 1));
        connect(action, &QAction::triggered, this, [this, i] { showPlace(static_cast<Place>(i)); });
        m_placeActions << action;
    }
}

void MainWindow::createLayout()
{
    m_fileMenu = menuBar()->addMenu(QString());
    m_fileMenu->addAction(m_openAction);
    m_fileMenu->addAction(m_closeAction);
    m_fileMenu->addAction(m_settingsAction);
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(m_quitAction);
    m_viewMenu = menuBar()->addMenu(QString());
    m_viewMenu->addActions(m_placeActions);
    m_helpMenu = menuBar()->addMenu(QString());
    m_helpMenu->addAction(m_aboutAction);

    m_toolBar = addToolBar(QString());
    m_toolBar->setObjectName(QStringLiteral("mainToolBar"));
    m_toolBar->setMovable(false);
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_picker = new QComboBox(m_toolBar);
    m_picker->setObjectName(QStringLiteral("environmentPicker"));
    m_picker->setMinimumContentsLength(28);
    m_picker->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    connect(m_picker, &QComboBox::activated, this, [this](int index) {
        const QString path = m_picker->itemData(index).toString();
        if (!path.isEmpty())
            openEnvironment(path); // an open one only becomes current
    });
    m_toolBar->addWidget(m_picker);
    m_toolBar->addAction(m_openAction);
    auto *spacer = new QWidget(m_toolBar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    m_toolBar->addWidget(spacer);
    m_toolBar->addAction(m_settingsAction);

    m_places = new QListWidget(this);
    m_places->setObjectName(QStringLiteral("placesList"));
    m_places->setFrameShape(QFrame::NoFrame);
    m_places->setFixedWidth(190);
    m_places->setIconSize(QSize(20, 20));
    const QStyle::StandardPixmap icons[kPlaceCount] = {QStyle::SP_MediaPlay, QStyle::SP_DialogApplyButton,
        QStyle::SP_FileDialogDetailedView, QStyle::SP_FileDialogInfoView};
    m_stack = new QStackedWidget(this);
    m_stack->setObjectName(QStringLiteral("placesStack"));
    for (int i = 0; i < kPlaceCount; ++i) {
        auto *item = new QListWidgetItem(style()->standardIcon(icons[i]), QString(), m_places);
        item->setSizeHint(QSize(0, 36));
        auto *page = new EmptyState(m_stack);
        page->setObjectName(QString::fromLatin1(kPlaceObjectNames[i]));
        m_pages << page;
        if (i == static_cast<int>(Place::Runbooks)) { // the library, step-through and drills; works offline
            m_runbooksView = new RunbooksView(defaultProfilePath(), m_prompter, page, m_stack);
            m_stack->addWidget(m_runbooksView);
            continue;
        }
        if (i == static_cast<int>(Place::Approvals)) { // gates waiting for a signed decision
            page->setObjectName(QStringLiteral("approvalsEmptyState")); // the view has its own empty state
            page->hide();
            m_approvalsView = new ApprovalsView(m_credentials, m_prompter, m_stack);
            m_stack->addWidget(m_approvalsView);
            continue;
        }
        if (i == static_cast<int>(Place::Audit)) { // the tamper-evident log: filters, Verify, export
            page->setObjectName(QStringLiteral("auditEmptyState"));
            page->hide();
            m_auditView = new AuditView(m_prompter, m_stack);
            m_auditView->setCredentialStore(&m_credentials);
            m_stack->addWidget(m_auditView);
            continue;
        }
        if (i == static_cast<int>(Place::Rollouts)) { // table + detail of the open environment's rollouts
            m_rolloutsView = new RolloutsView(m_prompter, *m_network, page, m_stack);
            m_stack->addWidget(m_rolloutsView);
            continue;
        }
        m_stack->addWidget(page);
    }
    connect(m_places, &QListWidget::currentRowChanged, m_stack, &QStackedWidget::setCurrentIndex);
    connect(m_rolloutsView, &RolloutsView::sessionSelected, this, [this](RolloutSession *session) {
        for (int i = 0; i < m_open.size(); ++i) {
            if (m_open.at(i).session == session)
                makeCurrent(i);
        }
    });
    connect(m_rolloutsView, &RolloutsView::openRunbook, this, [this](const QString &id) {
        showPlace(Place::Runbooks);
        m_runbooksView->selectRunbook(id);
    });
    m_places->setCurrentRow(0);

    m_banner = new Banner(this);
    m_connectionBanner = new Banner(this);
    m_connectionBanner->setObjectName(QStringLiteral("connectionBanner"));
    m_keychainBanner = new Banner(this);
    m_keychainBanner->setObjectName(QStringLiteral("keychainBanner"));
    m_fileBanner = new Banner(this);
    m_fileBanner->setObjectName(QStringLiteral("environmentFileBanner"));
    m_watch = new EnvironmentWatchController(*m_fileBanner, this);
    connect(m_watch, &EnvironmentWatchController::environmentApplied, this, &MainWindow::applyEnvironment);
    connect(&m_credentials, &FallbackCredentialStore::keychainUnavailable, this,
        [this](const QString &message) { m_keychainBanner->showMessage(Banner::Kind::Warning, message); });
    if (m_credentials.usingMemoryOnly())
        m_keychainBanner->showMessage(Banner::Kind::Warning, m_credentials.unavailableMessage());
    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_banner);
    rightLayout->addWidget(m_fileBanner);
    rightLayout->addWidget(m_connectionBanner);
    rightLayout->addWidget(m_keychainBanner);
    rightLayout->addWidget(m_stack, 1);

    auto *central = new QWidget(this);
    auto *layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_places);
    auto *line = new QFrame(central);
    line->setFrameShape(QFrame::VLine);
    line->setFrameShadow(QFrame::Sunken);
    layout->addWidget(line);
    layout->addWidget(right, 1);
    setCentralWidget(central);

    m_environmentStatus = new QLabel(this);
    m_environmentStatus->setObjectName(QStringLiteral("environmentStatusLabel"));
    m_haproxyStatus = new QLabel(this);
    m_haproxyStatus->setObjectName(QStringLiteral("haproxyStatusLabel"));
    m_prometheusStatus = new QLabel(this);
    m_prometheusStatus->setObjectName(QStringLiteral("prometheusStatusLabel"));
    statusBar()->addWidget(m_environmentStatus, 1);
    statusBar()->addPermanentWidget(m_haproxyStatus);
    statusBar()->addPermanentWidget(m_prometheusStatus);
}

void MainWindow::retranslate()
{
    setWindowTitle(m_environment ? tr("%1 — Greenlight").arg(m_environment->name) : tr("Greenlight"));
    m_fileMenu->setTitle(tr("&File"));
    m_viewMenu->setTitle(tr("&View"));
    m_helpMenu->setTitle(tr("&Help"));
    m_toolBar->setWindowTitle(tr("Main toolbar"));
    m_openAction->setText(tr("&Open Environment…"));
    m_openAction->setToolTip(
        tr("Open an environment file (%1)").arg(m_openAction->shortcut().toString(QKeySequence::NativeText)));
    m_closeAction->setText(
        m_environment ? tr("&Close Environment %1").arg(m_environment->name) : tr("&Close Environment"));
    m_settingsAction->setText(tr("&Settings…"));
    m_quitAction->setText(tr("&Quit"));
    m_aboutAction->setText(tr("&About Greenlight"));
    m_picker->setToolTip(tr("Environment"));
    m_picker->setAccessibleName(tr("Environment"));
    m_places->setAccessibleName(tr("Places"));

    const QString names[kPlaceCount] = {tr("Rollouts"), tr("Approvals"), tr("Runbooks"), tr("Audit")};
    QString titles[kPlaceCount]
        = {tr("No rollouts to show"), tr("No approvals waiting"), tr("No runbooks yet"), tr("No audit entries yet")};
    QString descriptions[kPlaceCount]
        = {tr("Open an environment to follow its rollouts: steps, traffic split, SLIs and one-click actions."),
            tr("Gates waiting for your decision appear here, next to the live analysis of the rollout they hold."),
            tr("Runbooks from your sources are kept here as a local copy that works with every server down."),
            tr("Every action, approval and drill event is kept here in a tamper-evident log you can verify.")};
    if (m_environment) {
        titles[0] = tr("No rollout in %1 yet").arg(m_environment->name);
        descriptions[0] = tr(
            "Rollouts of this environment appear here with their steps, traffic split, SLIs and one-click actions.");
    }
    for (int i = 0; i < kPlaceCount; ++i) {
        m_places->item(i)->setText(names[i]);
        m_places->item(i)->setToolTip(
            tr("%1 (%2)").arg(names[i], m_placeActions[i]->shortcut().toString(QKeySequence::NativeText)));
        m_placeActions[i]->setText(names[i]);
        m_pages[i]->setTexts(titles[i], descriptions[i]);
    }
    refreshEnvironmentPicker();
    updateStatus();
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QMainWindow::changeEvent(event);
}

bool MainWindow::openEnvironment(const QString &path)
{
    Result<Environment> loaded = loadEnvironmentFile(path);
    if (!loaded.ok()) {
        m_banner->showMessage(
            Banner::Kind::Error, tr("Could not open the environment: %1").arg(loaded.error().message));
        refreshEnvironmentPicker();
        return false;
    }
    Environment environment = std::move(loaded).value();
    if (const int open = indexOfOpen(environment.filePath); open >= 0) {
        m_banner->hide();
        makeCurrent(open);
        return true;
    }
    // The Rollouts table tells environments apart by name.
    for (const OpenEnvironment &other : std::as_const(m_open)) {
        if (other.environment.name == environment.name) {
            m_banner->showMessage(Banner::Kind::Error,
                tr("Could not open %1: an environment named %2 is already open from %3. Close it first.")
                    .arg(QDir::toNativeSeparators(environment.filePath), environment.name,
                        QDir::toNativeSeparators(other.environment.filePath)));
            refreshEnvironmentPicker();
            return false;
        }
    }
    m_settings.addRecentEnvironment(environment.filePath);
    m_banner->hide();
    OpenEnvironment entry {environment, createRolloutSession(environment)};
    m_open << entry;
    if (entry.session) {
        m_rolloutsView->addSession(entry.session);
        m_notifier->watch(entry.session);
    }
    m_watch->watch(environment, entry.session); // edits of the file apply while it is open
    makeCurrent(int(m_open.size()) - 1);
    saveOpenEnvironments();
    Q_EMIT environmentOpened(environment.filePath);
    return true;
}

RolloutSession *MainWindow::createRolloutSession(const Environment &environment)
{
    auto *session = new RolloutSession(environment, this);
    session->setCredentialStore(&m_credentials); // the engine signs its audit checkpoints with the installation key
    if (const Status opened = session->open(); !opened) {
        m_banner->showMessage(Banner::Kind::Error,
            tr("Could not open the rollouts of %1: %2").arg(environment.name, opened.error().message));
        delete session;
        return nullptr;
    }
    return session;
}

int MainWindow::indexOfOpen(const QString &path) const
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    for (int i = 0; i < m_open.size(); ++i) {
        if (m_open.at(i).environment.filePath == absolute)
            return i;
    }
    return -1;
}

QStringList MainWindow::openEnvironments() const
{
    QStringList paths;
    for (const OpenEnvironment &open : m_open)
        paths << open.environment.filePath;
    return paths;
}

RolloutSession *MainWindow::rolloutSession(const QString &path) const
{
    const int index = indexOfOpen(path);
    return index < 0 ? nullptr : m_open.at(index).session;
}

bool MainWindow::setCurrentEnvironment(const QString &path)
{
    const int index = indexOfOpen(path);
    if (index < 0)
        return false;
    makeCurrent(index);
    return true;
}

void MainWindow::makeCurrent(int index)
{
    const OpenEnvironment &open = m_open.at(index);
    const bool changed = !m_environment || m_environment->filePath != open.environment.filePath;
    if (changed) {
        m_environment = open.environment;
        m_session = open.session;
        m_connectionBanner->hide();
        startMonitor();
        m_approvalsView->setEnvironment(m_environment);
        m_auditView->setEnvironment(m_environment);
    }
    m_rolloutsView->setCurrentSession(m_session);
    m_closeAction->setEnabled(true);
    m_settings.setCurrentEnvironment(m_environment->filePath);
    retranslate();
    if (changed)
        Q_EMIT currentEnvironmentChanged(m_environment->filePath);
}

void MainWindow::startMonitor()
{
    delete m_monitor;
    m_monitor = new ConnectionMonitor(*m_environment, *m_network, this);
    connect(m_monitor, &ConnectionMonitor::statusChanged, this, &MainWindow::showConnectionStatus);
    m_monitor->start();
}

void MainWindow::applyEnvironment(const Environment &environment)
{
    const int index = indexOfOpen(environment.filePath);
    if (index < 0)
        return;
    m_open[index].environment = environment;
    if (!m_environment || m_environment->filePath != environment.filePath)
        return; // not shown now: makeCurrent() hands it to the places when it becomes current
    const bool prometheusMoved = m_environment->prometheusUrl != environment.prometheusUrl;
    m_environment = environment;
    m_approvalsView->updateEnvironment(environment);
    m_auditView->updateEnvironment(environment);
    if (prometheusMoved)
        startMonitor();
    retranslate();
}

QString MainWindow::drivenRollout(const OpenEnvironment &open) const
{
    if (!open.session || !open.session->drivesRolloutInProgress())
        return {};
    const RolloutRecord record = *open.session->latest();
    const double share = record.actualShare >= 0 ? record.actualShare : record.desiredShare;
    return tr("Rollout #%1 is at %2 %")
        .arg(record.id)
        .arg(QString::number(share, 'f', share == double(int(share)) ? 0 : 1));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QStringList driven;
    for (const OpenEnvironment &open : std::as_const(m_open)) {
        if (const QString rollout = drivenRollout(open); !rollout.isEmpty())
            driven << tr("%1 in %2 (greenlightctl engine --env %3)")
                          .arg(rollout, open.environment.name, QDir::toNativeSeparators(open.environment.filePath));
    }
    if (!driven.isEmpty()) {
        Prompter::Question question;
        question.title = tr("Quit while this console drives a rollout?");
        question.text = tr("%1. Quitting stops this console's engine. Traffic stays as it is; the greenlightctl "
                           "engine command shown or another console takes over.")
                            .arg(driven.join(QStringLiteral("; ")));
        question.confirmLabel = tr("Quit and hand over");
        question.destructive = true;
        if (!m_prompter.ask(this, question).confirmed) {
            event->ignore();
            return;
        }
    }
    QMainWindow::closeEvent(event);
}

bool MainWindow::closeEnvironment(const QString &path)
{
    const int index = path.isEmpty() ? (m_environment ? indexOfOpen(m_environment->filePath) : -1) : indexOfOpen(path);
    if (index < 0)
        return false;
    if (const QString rollout = drivenRollout(m_open.at(index)); !rollout.isEmpty()) {
        const Environment &environment = m_open.at(index).environment;
        Prompter::Question question;
        question.title = tr("Close %1 while this console drives it?").arg(environment.name);
        question.text = tr("%1; closing stops this console's engine. Traffic stays as it is; `greenlightctl engine "
                           "--env %2` or another console takes over.")
                            .arg(rollout, QDir::toNativeSeparators(environment.filePath));
        question.confirmLabel = tr("Close and hand over");
        question.destructive = true;
        if (!m_prompter.ask(this, question).confirmed)
            return false;
    }
    m_watch->forget(m_open.at(index).environment.filePath);
    const OpenEnvironment closing = m_open.takeAt(index);
    const bool wasCurrent = m_environment && m_environment->filePath == closing.environment.filePath;
    if (closing.session) {
        m_rolloutsView->removeSession(closing.session);
        if (m_session == closing.session)
            m_session = nullptr;
        delete closing.session; // the engine stops at a safe point and releases its lock: another takes over
    }
    if (wasCurrent) {
        m_environment.reset();
        if (!m_open.isEmpty()) {
            makeCurrent(qMin(index, int(m_open.size()) - 1));
        } else {
            delete m_monitor;
            m_monitor = nullptr;
            m_connectionBanner->hide();
            m_banner->hide();
            m_rolloutsView->setCurrentSession(nullptr);
            m_approvalsView->setEnvironment(std::nullopt);
            m_auditView->setEnvironment(std::nullopt);
            m_closeAction->setEnabled(false);
            m_settings.setCurrentEnvironment(QString());
            retranslate();
            Q_EMIT currentEnvironmentChanged(QString());
        }
    }
    saveOpenEnvironments();
    refreshEnvironmentPicker();
    Q_EMIT environmentClosed(closing.environment.filePath);
    return true;
}

void MainWindow::saveOpenEnvironments()
{
    m_settings.setOpenEnvironments(openEnvironments());
    m_settings.sync();
}

void MainWindow::restoreEnvironments()
{
    const QStringList paths = m_settings.openEnvironments();
    const QString current = m_settings.currentEnvironment();
    QStringList problems;
    for (const QString &path : paths) {
        if (!QFileInfo::exists(path)) {
            problems << tr("%1 no longer exists.").arg(QDir::toNativeSeparators(path));
            continue;
        }
        if (!openEnvironment(path))
            problems << m_banner->text();
    }
    if (!current.isEmpty())
        setCurrentEnvironment(current);
    saveOpenEnvironments();
    if (!problems.isEmpty())
        m_banner->showMessage(Banner::Kind::Warning,
            tr("Some environments that were open last time could not be opened again:\n%1").arg(problems.join(u'\n')));
}

void MainWindow::checkKeychain()
{
    // Reading a key that need not exist: NotFound means the keychain answers. An unreachable keychain makes
    // the store switch to memory and emit keychainUnavailable(), which shows the banner.
    CredentialJob *job = m_credentials.read(QStringLiteral("keychain-check"));
    job->start();
}

void MainWindow::showPlace(Place place)
{
    m_places->setCurrentRow(static_cast<int>(place));
}

MainWindow::Place MainWindow::currentPlace() const
{
    return static_cast<Place>(m_stack->currentIndex());
}

void MainWindow::openSettings()
{
    SettingsDialog dialog(m_settings, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_settings.setLanguage(dialog.language());
    m_settings.setTheme(dialog.theme());
    m_settings.sync();
    applyTheme(dialog.theme());
    const QString applied = installTranslations(resolveLanguage(dialog.language()));
    Q_EMIT languageApplied(applied);
}

void MainWindow::browseForEnvironment()
{
    const QString path
        = m_prompter.openFileName(this, tr("Open Environment"), tr("Environment files (*.yaml *.yml);;All files (*)"));
    if (!path.isEmpty())
        openEnvironment(path);
}

void MainWindow::refreshEnvironmentPicker()
{
    const QSignalBlocker blocker(m_picker);
    m_picker->clear();
    // The open environments first, then recent files that are not open (choosing one opens it too).
    // An open environment by its name (no two open ones share one), its file in the tooltip: a path in the box
    // itself is cut off at the box's width.
    for (const OpenEnvironment &open : std::as_const(m_open)) {
        m_picker->addItem(open.environment.name, open.environment.filePath);
        m_picker->setItemData(
            m_picker->count() - 1, QDir::toNativeSeparators(open.environment.filePath), Qt::ToolTipRole);
    }
    QStringList recent = m_settings.recentEnvironments();
    recent.removeIf([this](const QString &path) { return indexOfOpen(path) >= 0; });
    if (recent.isEmpty() && m_open.isEmpty())
        m_picker->addItem(tr("No environment open"));
    if (!recent.isEmpty() && !m_open.isEmpty())
        m_picker->insertSeparator(m_picker->count());
    for (const QString &path : std::as_const(recent)) {
        const QFileInfo info(path);
        m_picker->addItem(tr("Open %1 (%2)").arg(info.fileName(), QDir::toNativeSeparators(info.absolutePath())), path);
        m_picker->setItemData(m_picker->count() - 1, QDir::toNativeSeparators(path), Qt::ToolTipRole);
    }
    if (m_environment)
        m_picker->setCurrentIndex(qMax(0, m_picker->findData(m_environment->filePath)));
}

void MainWindow::updateStatus()
{
    if (!m_environment) {
        m_environmentStatus->setText(tr("No environment open. Open one with %1.")
                                         .arg(m_openAction->shortcut().toString(QKeySequence::NativeText)));
        m_haproxyStatus->setText(tr("HAProxy: —"));
        m_prometheusStatus->setText(tr("Prometheus: —"));
        return;
    }
    QString text = tr("Environment %1: backend %2, %n slot(s)", nullptr, int(m_environment->serverSlots.size()))
                       .arg(m_environment->name, m_environment->backend);
    if (const int openCount = int(m_open.size()); openCount > 1)
        text = tr("%1 · %n environment(s) open", nullptr, openCount).arg(text);
    m_environmentStatus->setText(text);
    for (const auto component : {ConnectionMonitor::Component::Haproxy, ConnectionMonitor::Component::Prometheus})
        showConnectionStatus(component, m_monitor ? m_monitor->status(component) : ConnectionMonitor::Status {});
}

void MainWindow::showConnectionStatus(ConnectionMonitor::Component component, const ConnectionMonitor::Status &status)
{
    const bool haproxy = component == ConnectionMonitor::Component::Haproxy;
    QLabel *label = haproxy ? m_haproxyStatus : m_prometheusStatus;
    const QString name = haproxy ? tr("HAProxy") : tr("Prometheus");
    QString state;
    QString colour;
    switch (status.state) {
    case ConnectionMonitor::State::Unknown:
        state = tr("checking…");
        break;
    case ConnectionMonitor::State::Connected:
        state = tr("connected");
        colour = QStringLiteral("#2e7d32");
        break;
    case ConnectionMonitor::State::Unreachable:
        state = tr("unreachable");
        colour = QStringLiteral("#c62828");
        break;
    }
    const QString dot
        = colour.isEmpty() ? QStringLiteral("○") : QStringLiteral("<span style=\"color:%1\">●</span>").arg(colour);
    label->setText(QStringLiteral("%1 %2").arg(dot, tr("%1: %2").arg(name, state)));
    label->setToolTip(status.summary);

    // One banner for both: it names what is unreachable and what that means for the user.
    if (!m_monitor)
        return;
    const auto h = m_monitor->status(ConnectionMonitor::Component::Haproxy);
    const auto p = m_monitor->status(ConnectionMonitor::Component::Prometheus);
    QStringList problems;
    if (h.state == ConnectionMonitor::State::Unreachable)
        problems
            << tr("HAProxy's Runtime API does not answer (%1): traffic cannot be changed from here.").arg(h.summary);
    if (p.state == ConnectionMonitor::State::Unreachable)
        problems << tr("Prometheus does not answer (%1): no SLI analysis is possible.").arg(p.summary);
    if (problems.isEmpty())
        m_connectionBanner->hide();
    else
        m_connectionBanner->showMessage(Banner::Kind::Warning, problems.join(u'\n'));
}

} // namespace gl::ui
