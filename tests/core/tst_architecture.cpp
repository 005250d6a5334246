// Architecture rules: core/ never includes a Qt GUI header, no arrow between core/'s folders runs in a circle, and
// greenlightctl links no GUI library.
#include "testpaths.h"

#include <QDirIterator>
#include <QHash>
#include <QMap>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QtTest>

#include <functional>

class TstArchitecture : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void detectorFindsGuiIncludes();
    void coreIncludesNoGuiHeader();
    void cycleDetectorFindsCycles();
    void coreFoldersHaveNoCycle();
    void ctlLinksNoGuiLibrary();
    void consoleLinksWidgets();

private:
    QStringList guiIncludesIn(const QString &text) const;
    // One cycle among `edges` (folder -> folders it includes from), as "a -> b -> a"; empty when there is none.
    static QString findCycle(const QMap<QString, QSet<QString>> &edges);
    QStringList linkedLibraries(const QString &executable) const;
    QSet<QString> m_guiHeaders;
};

// Every header of Qt's GUI modules, by the names code can include them as (QColor, QtGui/QColor, qcolor.h).
void TstArchitecture::initTestCase()
{
    const QString includeRoot = QStringLiteral(GL_QT_INCLUDE_DIR);
    for (const char *module :
        {"QtGui", "QtWidgets", "QtCharts", "QtOpenGL", "QtOpenGLWidgets", "QtSvg", "QtPrintSupport"}) {
        const QString moduleName = QString::fromLatin1(module);
        QDirIterator it(includeRoot + u'/' + moduleName, QDir::Files);
        while (it.hasNext()) {
            const QString name = QFileInfo(it.next()).fileName();
            m_guiHeaders << name << moduleName + u'/' + name;
        }
        m_guiHeaders << moduleName;
    }
    QVERIFY2(m_guiHeaders.size() > 500, "Qt GUI module headers not found; is qt6-base-dev installed?");
    // Some names exist in QtCore too (module-wide headers such as qtguiversion.h do not); QtCore wins.
    QDirIterator core(includeRoot + u"/QtCore", QDir::Files);
    while (core.hasNext())
        m_guiHeaders.remove(QFileInfo(core.next()).fileName());
}

QStringList TstArchitecture::guiIncludesIn(const QString &text) const
{
    static const QRegularExpression include(
        QStringLiteral(R"(^\s*#\s*include\s*[<"]([^>"]+)[>"])"), QRegularExpression::MultilineOption);
    QStringList found;
    auto it = include.globalMatch(text);
    while (it.hasNext()) {
        const QString header = it.next().captured(1);
        if (m_guiHeaders.contains(header))
            found << header;
    }
    return found;
}

// The detector itself: it must flag GUI includes in any spelling and leave Core ones alone.
void TstArchitecture::detectorFindsGuiIncludes()
{
    QCOMPARE(guiIncludesIn(QStringLiteral("#include <QColor>\n")), QStringList {QStringLiteral("QColor")});
    QCOMPARE(guiIncludesIn(QStringLiteral("  # include <QtWidgets/QWidget>\n")),
        QStringList {QStringLiteral("QtWidgets/QWidget")});
    QCOMPARE(guiIncludesIn(QStringLiteral("#include <QtGui>\n")), QStringList {QStringLiteral("QtGui")});
    QVERIFY(guiIncludesIn(QStringLiteral("#include <QString>\n#include <QObject>\n#include \"util/result.h\"\n"))
                .isEmpty());
}

// core/ is GUI-free: no file under it includes a header of QtGui, QtWidgets, QtCharts and friends.
void TstArchitecture::coreIncludesNoGuiHeader()
{
    int scanned = 0;
    QStringList offenders;
    QDirIterator it(gl::test::sourceDir() + u"/core", {QStringLiteral("*.h"), QStringLiteral("*.cpp")}, QDir::Files,
        QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        for (const QString &header : guiIncludesIn(QString::fromUtf8(file.readAll())))
            offenders << path + u": " + header;
        ++scanned;
    }
    QVERIFY(scanned > 5);
    QVERIFY2(offenders.isEmpty(), qPrintable(offenders.join(u'\n')));
}

QString TstArchitecture::findCycle(const QMap<QString, QSet<QString>> &edges)
{
    QHash<QString, int> state; // 1: on the current path, 2: done
    QStringList path;
    std::function<QString(const QString &)> visit = [&](const QString &folder) -> QString {
        state[folder] = 1;
        path << folder;
        QStringList targets = edges.value(folder).values();
        targets.sort();
        for (const QString &target : std::as_const(targets)) {
            if (state.value(target) == 1)
                return (path.mid(path.indexOf(target)) << target).join(QStringLiteral(" -> "));
            if (state.value(target) == 0) {
                if (const QString cycle = visit(target); !cycle.isEmpty())
                    return cycle;
            }
        }
        path.removeLast();
        state[folder] = 2;
        return {};
    };
    for (auto it = edges.cbegin(); it != edges.cend(); ++it) {
        if (state.value(it.key()) == 0) {
            if (const QString cycle = visit(it.key()); !cycle.isEmpty())
                return cycle;
        }
    }
    return {};
}

// The detector itself: it finds a two-folder and a three-folder circle and passes a layered graph.
void TstArchitecture::cycleDetectorFindsCycles()
{
    const QString s = QStringLiteral("storage");
    const QString u = QStringLiteral("util");
    const QString e = QStringLiteral("engine");
    const QString a = QStringLiteral("approvals");
    QCOMPARE(findCycle({{e, {a, s}}, {a, {u}}, {s, {u}}}), QString());
    QCOMPARE(findCycle({{a, {e}}, {e, {a}}}), QStringLiteral("approvals -> engine -> approvals"));
    QCOMPARE(findCycle({{a, {e}}, {e, {s}}, {s, {a}}}), QStringLiteral("approvals -> engine -> storage -> approvals"));
}

// No arrow in core/ runs back up: the folders' include graph (a file under core/X including "Y/...") is acyclic.
void TstArchitecture::coreFoldersHaveNoCycle()
{
    static const QRegularExpression include(
        QStringLiteral(R"(^\s*#\s*include\s*"([^"]+)/[^"/]+")"), QRegularExpression::MultilineOption);
    const QString coreDir = gl::test::sourceDir() + u"/core";
    QMap<QString, QSet<QString>> edges;
    int arrows = 0;
    QDirIterator it(
        coreDir, {QStringLiteral("*.h"), QStringLiteral("*.cpp")}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QString folder = QDir(coreDir).relativeFilePath(QFileInfo(path).absolutePath());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        auto match = include.globalMatch(QString::fromUtf8(file.readAll()));
        while (match.hasNext()) {
            const QString target = match.next().captured(1);
            if (target != folder && QFileInfo(coreDir + u'/' + target).isDir()) {
                edges[folder].insert(target);
                ++arrows;
            }
        }
    }
    QVERIFY2(arrows > 20, "no includes between core's folders found; is GL_SOURCE_DIR right?");
    const QString cycle = findCycle(edges);
    QVERIFY2(cycle.isEmpty(), qPrintable(u"core's folders include each other in a circle: " + cycle));
}

QStringList TstArchitecture::linkedLibraries(const QString &executable) const
{
    QProcess ldd;
    ldd.start(QStringLiteral("ldd"), {executable});
    if (!ldd.waitForFinished(30000) || ldd.exitCode() != 0)
        return {};
    QStringList libs;
    for (const QString &line : QString::fromLocal8Bit(ldd.readAllStandardOutput()).split(u'\n', Qt::SkipEmptyParts))
        libs << line.trimmed().section(u' ', 0, 0);
    return libs;
}

// greenlightctl runs on servers and in CI without a display: it must not load any Qt GUI library.
void TstArchitecture::ctlLinksNoGuiLibrary()
{
    const QString ctl = gl::test::builtExecutable(QStringLiteral("greenlightctl"));
    QVERIFY2(!ctl.isEmpty(), "greenlightctl not built");
    const QStringList libs = linkedLibraries(ctl);
    QVERIFY2(libs.contains(QStringLiteral("libQt6Core.so.6")), qPrintable(libs.join(u' ')));
    for (const QString &lib : libs) {
        QVERIFY2(!lib.startsWith(u"libQt6Gui") && !lib.startsWith(u"libQt6Widgets") && !lib.startsWith(u"libQt6Charts")
                && !lib.startsWith(u"libQt6OpenGL"),
            qPrintable(u"greenlightctl links " + lib));
    }
}

// The same check on the console shows it can fail: the GUI does link Qt Widgets.
void TstArchitecture::consoleLinksWidgets()
{
    const QString gui = gl::test::builtExecutable(QStringLiteral("greenlight"));
    QVERIFY2(!gui.isEmpty(), "greenlight not built");
    QVERIFY(linkedLibraries(gui).contains(QStringLiteral("libQt6Widgets.so.6")));
}

QTEST_GUILESS_MAIN(TstArchitecture)
#include "tst_architecture.moc"
