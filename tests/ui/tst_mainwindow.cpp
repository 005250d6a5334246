// The console's frame, driven offscreen by objectName: places and their shortcuts, opening good and
// malformed environment files, the settings dialog switching language and theme live.
#include "credentials/fallbackcredentialstore.h"
#include "mainwindow.h"
#include "prompter.h"
#include "settingsdialog.h"
#include "util/settings.h"
#include "util/translations.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

using namespace gl;
using namespace gl::ui;

namespace {

// Answers the console's questions as a test tells it to.
class ScriptedPrompter final : public Prompter {
public:
    Answer ask(QWidget *, const Question &question) override
    {
        questions << question;
        return nextAnswer;
    }
    QString openFileName(QWidget *, const QString &, const QString &) override { return nextFile; }

    QList<Question> questions;
    Answer nextAnswer;
    QString nextFile;
};

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &content)
{
    QFile file(dir.filePath(name));
    file.open(QIODevice::WriteOnly);
    file.write(content);
    return file.fileName();
}

const QByteArray kValidEnvironment = R"(name: staging
haproxy:
  runtime_api: /run/haproxy/admin.sock
  backend: be_app
  slots:
    - {name: blue1, colour: blue, address: "127.0.0.1:18001", version: v1}
    - {name: blue2, colour: blue, address: "127.0.0.1:18002", version: v1}
    - {name: green1, colour: green, address: "127.0.0.1:18003"}
    - {name: green2, colour: green, address: "127.0.0.1:18004"}
prometheus:
  url: http://127.0.0.1:9090
hooks:
  deploy: "deploy.sh {slot} {version}"
  undeploy: "undeploy.sh {slot}"
state:
  database: state.db
)";

} // namespace

class TstMainWindow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void placesSwitchByClickAndShortcut();
    void opensValidEnvironment();
    void malformedEnvironmentShowsBannerAndKeepsState();
    void openActionUsesPrompter();
    void settingsSwitchLanguageLive();
    void noKeychainSaysSoPlainly();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Settings> m_settings;
    ScriptedPrompter m_prompter;
    std::unique_ptr<FallbackCredentialStore> m_credentials;
    std::unique_ptr<MainWindow> m_window;
};

void TstMainWindow::initTestCase()
{
    // Keep the profile database and settings of the Runbooks place away from the user's own.
    QStandardPaths::setTestModeEnabled(true);
}

void TstMainWindow::init()
{
    installTranslations(QStringLiteral("en"));
    m_dir = std::make_unique<QTemporaryDir>();
    m_settings = std::make_unique<Settings>(m_dir->filePath(QStringLiteral("greenlight.conf")));
    m_prompter = ScriptedPrompter();
    m_credentials = std::make_unique<FallbackCredentialStore>();
    m_window = std::make_unique<MainWindow>(*m_settings, m_prompter, *m_credentials);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TstMainWindow::cleanup()
{
    m_window.reset();
    m_credentials.reset();
    installTranslations(QStringLiteral("en"));
}

// The four places exist; clicking one and pressing Ctrl+N both switch the stacked page.
void TstMainWindow::placesSwitchByClickAndShortcut()
{
    auto *places = m_window->findChild<QListWidget *>(QStringLiteral("placesList"));
    auto *stack = m_window->findChild<QStackedWidget *>(QStringLiteral("placesStack"));
    QVERIFY(places && stack);
    QCOMPARE(places->count(), 4);
    QCOMPARE(stack->currentWidget()->objectName(), QStringLiteral("rolloutsPage"));

    const QRect runbooks = places->visualItemRect(places->item(2));
    QTest::mouseClick(places->viewport(), Qt::LeftButton, {}, runbooks.center());
    QCOMPARE(stack->currentWidget()->objectName(), QStringLiteral("runbooksPage"));

    QTest::keyClick(m_window.get(), Qt::Key_4, Qt::ControlModifier);
    QCOMPARE(stack->currentWidget()->objectName(), QStringLiteral("auditPage"));
    QCOMPARE(m_window->currentPlace(), MainWindow::Place::Audit);
    QTest::keyClick(m_window.get(), Qt::Key_2, Qt::ControlModifier);
    QCOMPARE(stack->currentWidget()->objectName(), QStringLiteral("approvalsPage"));
}

// A valid environment file shows in the title, the picker and the status bar, and is remembered.
void TstMainWindow::opensValidEnvironment()
{
    const QString path = writeFile(*m_dir, QStringLiteral("staging.yaml"), kValidEnvironment);
    QSignalSpy opened(m_window.get(), &MainWindow::environmentOpened);
    QVERIFY(m_window->openEnvironment(path));
    QCOMPARE(opened.count(), 1);
    QVERIFY(m_window->windowTitle().contains(u"staging"));
    auto *status = m_window->findChild<QLabel *>(QStringLiteral("environmentStatusLabel"));
    QVERIFY2(status->text().contains(u"be_app") && status->text().contains(u"4 slots"), qPrintable(status->text()));
    auto *picker = m_window->findChild<QComboBox *>(QStringLiteral("environmentPicker"));
    QCOMPARE(picker->currentData().toString(), QFileInfo(path).absoluteFilePath());
    QCOMPARE(m_settings->recentEnvironments().value(0), QFileInfo(path).absoluteFilePath());
    QVERIFY(!m_window->findChild<QWidget *>(QStringLiteral("banner"))->isVisible());
}

// A malformed file is reported inline with its line and field; the open environment stays as it was.
void TstMainWindow::malformedEnvironmentShowsBannerAndKeepsState()
{
    QVERIFY(m_window->openEnvironment(writeFile(*m_dir, QStringLiteral("good.yaml"), kValidEnvironment)));
    QByteArray broken = kValidEnvironment;
    broken.replace("127.0.0.1:18003", "localhost");
    const QString bad = writeFile(*m_dir, QStringLiteral("bad.yaml"), broken);
    QVERIFY(!m_window->openEnvironment(bad));
    auto *banner = m_window->findChild<QWidget *>(QStringLiteral("banner"));
    QVERIFY(banner->isVisible());
    const QString text = m_window->findChild<QLabel *>(QStringLiteral("bannerText"))->text();
    QVERIFY2(text.contains(u"bad.yaml:8") && text.contains(u"address"), qPrintable(text));
    QCOMPARE(m_window->environment()->name, QStringLiteral("staging"));
    QVERIFY(!m_settings->recentEnvironments().contains(QFileInfo(bad).absoluteFilePath()));
}

// File > Open asks the prompter for a file and opens it.
void TstMainWindow::openActionUsesPrompter()
{
    m_prompter.nextFile = writeFile(*m_dir, QStringLiteral("picked.yaml"), kValidEnvironment);
    auto *open = m_window->findChild<QAction *>(QStringLiteral("openEnvironmentAction"));
    QVERIFY(open);
    open->trigger();
    QVERIFY(m_window->environment().has_value());
    QCOMPARE(m_window->environment()->filePath, QFileInfo(m_prompter.nextFile).absoluteFilePath());
}

// Choosing 한국어 and Dark in the settings dialog applies both at once, without a restart, and saves them.
void TstMainWindow::settingsSwitchLanguageLive()
{
    auto *places = m_window->findChild<QListWidget *>(QStringLiteral("placesList"));
    QCOMPARE(places->item(0)->text(), QStringLiteral("Rollouts"));

    bool answered = false;
    QTimer::singleShot(0, this, [&answered] {
        auto *dialog = qobject_cast<SettingsDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        auto *language = dialog->findChild<QComboBox *>(QStringLiteral("languageCombo"));
        auto *theme = dialog->findChild<QComboBox *>(QStringLiteral("themeCombo"));
        language->setCurrentIndex(language->findData(QStringLiteral("ko")));
        theme->setCurrentIndex(theme->findData(QStringLiteral("dark")));
        QTest::mouseClick(
            dialog->findChild<QDialogButtonBox *>(QStringLiteral("settingsButtons"))->button(QDialogButtonBox::Ok),
            Qt::LeftButton);
        answered = true;
    });
    QSignalSpy applied(m_window.get(), &MainWindow::languageApplied);
    m_window->openSettings();
    QVERIFY(answered);
    QCOMPARE(applied.value(0).value(0).toString(), QStringLiteral("ko"));
    QTRY_COMPARE(places->item(0)->text(), QStringLiteral("롤아웃"));
    QCOMPARE(m_settings->language(), QStringLiteral("ko"));
    QCOMPARE(m_settings->theme(), Settings::Theme::Dark);
    QVERIFY(QApplication::palette().color(QPalette::Window).lightness() < 100);
}

// With no Secret Service on the session bus, the console says plainly that secrets stay in memory for this run.
void TstMainWindow::noKeychainSaysSoPlainly()
{
    const QByteArray saved = qgetenv("DBUS_SESSION_BUS_ADDRESS");
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/greenlight-test-bus");
    auto credentials = std::make_unique<FallbackCredentialStore>();
    MainWindow window(*m_settings, m_prompter, *credentials);
    window.show();
    auto *banner = window.findChild<QWidget *>(QStringLiteral("keychainBanner"));
    QVERIFY(banner && !banner->isVisible());
    window.checkKeychain();
    QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), 30000);
    const QString text = banner->findChild<QLabel *>(QStringLiteral("bannerText"))->text();
    QVERIFY2(text.contains(u"memory") && text.contains(u"this run"), qPrintable(text));
    QVERIFY(credentials->usingMemoryOnly());
    qputenv("DBUS_SESSION_BUS_ADDRESS", saved);
}

QTEST_MAIN(TstMainWindow)
#include "tst_mainwindow.moc"
