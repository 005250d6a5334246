#include "console.h"

#include "credentials/fallbackcredentialstore.h"
#include "engine/rolloutsession.h"
#include "engine/sessionstatereport.h"
#include "mainwindow.h"
#include "prompter.h"
#include "theme.h"
#include "util/logging.h"
#include "util/settings.h"
#include "util/translations.h"
#include "util/version.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QIcon>
#include <QLoggingCategory>
#include <QTabWidget>
#include <QTimer>

#include <memory>

namespace gl::ui {
namespace {

// --help and --version answer without a display (no QApplication, which needs one), so they work over ssh,
// in a package's smoke test and in CI.
bool asksForHelpOrVersion(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        if (arg == "--help" || arg == "-h" || arg == "--help-all" || arg == "--version" || arg == "-v")
            return true;
        if (arg == "--")
            break;
    }
    return false;
}

} // namespace

int runConsole(int argc, char *argv[])
{
    if (asksForHelpOrVersion(argc, argv)) {
        QCoreApplication app(argc, argv);
        return runConsole(app);
    }
    QApplication app(argc, argv);
    return runConsole(app);
}

int runConsole(QCoreApplication &app)
{
    QCoreApplication::setApplicationName(QStringLiteral("greenlight"));
    QCoreApplication::setOrganizationName(QStringLiteral("greenlight"));
    QCoreApplication::setApplicationVersion(QStringLiteral(GREENLIGHT_VERSION));
    if (qobject_cast<QApplication *>(&app)) {
        QApplication::setApplicationDisplayName(QStringLiteral("Greenlight"));
        QApplication::setDesktopFileName(QStringLiteral(GREENLIGHT_APP_ID));
        QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/greenlight.svg")));
    }

    // Diagnostics stay quiet unless asked for: QT_LOGGING_RULES="greenlight.*.debug=true".
    if (qEnvironmentVariableIsEmpty("QT_LOGGING_RULES"))
        QLoggingCategory::setFilterRules(QStringLiteral("greenlight.*.debug=false"));
    Settings settings;
    installTranslations(resolveLanguage(settings.language()));

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("gl::ui::Console", "Greenlight release console"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption envOption(QStringLiteral("env"),
        QApplication::translate("gl::ui::Console", "Open the environment file <file>."),
        QApplication::translate("gl::ui::Console", "file"));
    parser.addOption(envOption);
    // For docs/screenshots and for looking at the GUI as a user would: grab the window to a PNG and quit.
    QCommandLineOption screenshotOption(QStringLiteral("screenshot"), QString(), QStringLiteral("png"));
    screenshotOption.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(screenshotOption);
    QCommandLineOption placeOption(QStringLiteral("place"), QString(), QStringLiteral("n"));
    placeOption.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(placeOption);
    // With --screenshot: the rollout detail's tab to show (its objectName: slotsTab, eventsTab, chartsTab,
    // analysisTab) and how long to wait before grabbing (charts need a few seconds of data).
    QCommandLineOption tabOption(QStringLiteral("tab"), QString(), QStringLiteral("name"));
    tabOption.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(tabOption);
    QCommandLineOption delayOption(QStringLiteral("delay"), QString(), QStringLiteral("ms"));
    delayOption.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(delayOption);
    QCommandLineOption sizeOption(QStringLiteral("size"), QString(), QStringLiteral("WxH")); // window size
    sizeOption.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(sizeOption);
    // For multi-process tests (docs/integrity.md): with --env, write what this console believes about that
    // environment (latest rollout, engine holder, audit head) as JSON to <file> once a second.
    QCommandLineOption stateReportOption(QStringLiteral("state-report"), QString(), QStringLiteral("file"));
    stateReportOption.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(stateReportOption);
    parser.process(app); // exits for --help and --version

    // The diagnostic log goes to $XDG_STATE_HOME/greenlight (Qt 6.4 has no StateLocation yet).
    const QString stateHome = qEnvironmentVariable("XDG_STATE_HOME", QDir::homePath() + u"/.local/state");
    installFileLog(stateHome + u"/greenlight/greenlight.log");

    applyTheme(settings.theme());

    DialogPrompter prompter;
    FallbackCredentialStore credentials;
    MainWindow window(settings, prompter, credentials);
    if (parser.isSet(sizeOption)) {
        const QStringList size = parser.value(sizeOption).split(u'x');
        if (size.size() == 2 && size.at(0).toInt() > 0 && size.at(1).toInt() > 0)
            window.resize(size.at(0).toInt(), size.at(1).toInt());
    }
    window.show();
    window.checkKeychain();
    window.restoreEnvironments();
    if (parser.isSet(envOption))
        window.openEnvironment(parser.value(envOption));
    std::unique_ptr<SessionStateReport> stateReport;
    if (parser.isSet(stateReportOption)) {
        RolloutSession *session = parser.isSet(envOption) ? window.rolloutSession() : nullptr;
        if (!session) {
            qCritical("greenlight: --state-report needs --env FILE with a readable state database");
            return 2;
        }
        stateReport
            = std::make_unique<SessionStateReport>(*session, parser.value(stateReportOption), SystemClock::instance());
        stateReport->start();
    }
    if (parser.isSet(placeOption))
        window.showPlace(static_cast<MainWindow::Place>(parser.value(placeOption).toInt()));
    if (parser.isSet(tabOption)) {
        const QString name = parser.value(tabOption);
        auto *tab = window.findChild<QWidget *>(name);
        auto *tabs = window.findChild<QTabWidget *>(QStringLiteral("detailTabs"));
        if (!tab || !tabs || tabs->indexOf(tab) < 0) {
            qCritical("greenlight: no detail tab named %s", qPrintable(name));
            return 2;
        }
        tabs->setCurrentWidget(tab);
    }
    if (parser.isSet(screenshotOption)) {
        const QString png = parser.value(screenshotOption);
        const int delay = parser.isSet(delayOption) ? qMax(0, parser.value(delayOption).toInt()) : 1500;
        QTimer::singleShot(delay, &window, [&window, png] {
            const bool saved = window.grab().save(png);
            QApplication::exit(saved ? 0 : 1);
        });
    }
    const int code = QApplication::exec();
    stateReport.reset(); // before the window deletes the session it reads
    removeFileLog();
    return code;
}

} // namespace gl::ui
