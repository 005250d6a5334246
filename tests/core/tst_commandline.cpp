// Both executables answer --version and --help, and greenlightctl keeps its documented exit codes.
#include "testpaths.h"
#include "util/version.h"

#include <QProcess>
#include <QtTest>

namespace {

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

Run run(const QString &program, const QStringList &args, bool withDisplay = true)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (withDisplay) {
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    } else {
        env.remove(QStringLiteral("QT_QPA_PLATFORM"));
        env.remove(QStringLiteral("DISPLAY"));
        env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    }
    env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    p.setProcessEnvironment(env);
    p.start(program, args);
    if (!p.waitForFinished(60000))
        return {};
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAllStandardOutput()),
        QString::fromUtf8(p.readAllStandardError())};
}

} // namespace

class TstCommandLine : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void versionAndHelp_data();
    void versionAndHelp();
    void ctlUsageErrors_data();
    void ctlUsageErrors();
    void ctlCommandHelp();
    void consoleVersionNeedsNoDisplay();
};

void TstCommandLine::versionAndHelp_data()
{
    QTest::addColumn<QString>("program");
    QTest::addColumn<QString>("flag");
    QTest::addColumn<QString>("expected");
    const QString version = QStringLiteral(GREENLIGHT_VERSION);
    QTest::newRow("ctl --version") << "greenlightctl"
                                   << "--version"
                                   << "greenlightctl " + version;
    QTest::newRow("ctl --help") << "greenlightctl"
                                << "--help"
                                << "Usage: greenlightctl";
    QTest::newRow("gui --version") << "greenlight"
                                   << "--version"
                                   << "greenlight " + version;
    QTest::newRow("gui --help") << "greenlight"
                                << "--help"
                                << "--env <file>";
}

// `--version` prints the project version and `--help` the usage, both exiting 0, without opening a window.
void TstCommandLine::versionAndHelp()
{
    QFETCH(QString, program);
    QFETCH(QString, flag);
    QFETCH(QString, expected);
    const QString exe = gl::test::builtExecutable(program);
    QVERIFY2(!exe.isEmpty(), qPrintable(program + u" not built"));
    const Run r = run(exe, {flag});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains(expected), qPrintable(r.out + r.err));
}

void TstCommandLine::ctlUsageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::newRow("no command") << QStringList {};
    QTest::newRow("unknown command") << QStringList {QStringLiteral("frobnicate")};
    QTest::newRow("unknown option") << QStringList {
        QStringLiteral("env"), QStringLiteral("validate"), QStringLiteral("--bogus")};
}

// Usage errors exit 2 (documented), so scripts can tell them from failures (1).
void TstCommandLine::ctlUsageErrors()
{
    QFETCH(QStringList, args);
    const Run r = run(gl::test::builtExecutable(QStringLiteral("greenlightctl")), args);
    QCOMPARE(r.exitCode, 2);
    QVERIFY(!r.err.isEmpty());
}

// `greenlightctl <command> --help` prints that command's own options.
void TstCommandLine::ctlCommandHelp()
{
    const Run r = run(gl::test::builtExecutable(QStringLiteral("greenlightctl")),
        {QStringLiteral("env"), QStringLiteral("validate"), QStringLiteral("--help")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains(u"--env"), qPrintable(r.out));
}

// `greenlight --version` and `--help` work where there is no display at all (ssh, package smoke tests).
void TstCommandLine::consoleVersionNeedsNoDisplay()
{
    const QString gui = gl::test::builtExecutable(QStringLiteral("greenlight"));
    const Run version = run(gui, {QStringLiteral("--version")}, false);
    QCOMPARE(version.exitCode, 0);
    QVERIFY2(version.out.contains(QStringLiteral(GREENLIGHT_VERSION)), qPrintable(version.out + version.err));
    const Run help = run(gui, {QStringLiteral("--help")}, false);
    QCOMPARE(help.exitCode, 0);
    QVERIFY2(help.out.contains(u"--env"), qPrintable(help.out + help.err));
}

QTEST_GUILESS_MAIN(TstCommandLine)
#include "tst_commandline.moc"
