// The .deb: CPack builds it from the tree, and it holds the binaries, the desktop entry, the hicolor icon
// and the AppStream metainfo, with Depends computed by dpkg-shlibdeps.
#include "testpaths.h"
#include "util/version.h"

#include <QDir>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

namespace {

QString runOk(const QString &program, const QStringList &args, int timeoutMs = 600000)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(program, args);
    if (!p.waitForFinished(timeoutMs) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        qWarning().noquote() << program << args.join(u' ') << "failed:\n" << p.readAll();
        return QStringLiteral("<failed>");
    }
    return QString::fromUtf8(p.readAll());
}

} // namespace

class TstDeb : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void metadata();
    void contents();

private:
    QTemporaryDir m_out;
    QString m_deb;
};

void TstDeb::initTestCase()
{
    QVERIFY(m_out.isValid());
    const QString log = runOk(QStringLiteral(GL_CPACK),
        {QStringLiteral("--config"), gl::test::binaryDir() + u"/CPackConfig.cmake", QStringLiteral("-G"),
            QStringLiteral("DEB"), QStringLiteral("-B"), m_out.path()});
    QVERIFY2(log != u"<failed>", "cpack failed");
    const QStringList debs = QDir(m_out.path()).entryList({QStringLiteral("greenlight_*.deb")});
    QCOMPARE(debs.size(), 1);
    m_deb = m_out.filePath(debs.first());
}

// Package name, version, architecture, and Depends from shlibdeps (Qt, QtKeychain, yaml-cpp, OpenSSL).
void TstDeb::metadata()
{
    const QString field = runOk(QStringLiteral("dpkg-deb"), {QStringLiteral("-f"), m_deb});
    QVERIFY2(field.contains(u"Package: greenlight\n"), qPrintable(field));
    QVERIFY2(
        field.contains(QStringLiteral("Version: %1\n").arg(QStringLiteral(GREENLIGHT_VERSION))), qPrintable(field));
    QVERIFY2(field.contains(u"Architecture: amd64") || field.contains(u"Architecture: arm64"), qPrintable(field));
    const QString depends = field.section(QStringLiteral("Depends: "), 1).section(u'\n', 0, 0);
    for (const char *lib : {"libqt6core6", "libqt6widgets6", "libqt6network6", "libqt6keychain1", "libyaml-cpp0.7",
             "libqt6sql6-sqlite", "libc6"}) {
        QVERIFY2(depends.contains(QString::fromLatin1(lib)),
            qPrintable(u"Depends lacks " + QString::fromLatin1(lib) + u": " + depends));
    }
}

// The files a desktop user needs are in the package, at the paths the desktop looks in.
void TstDeb::contents()
{
    const QString list = runOk(QStringLiteral("dpkg-deb"), {QStringLiteral("-c"), m_deb});
    const QString appId = QStringLiteral(GREENLIGHT_APP_ID);
    const QStringList expected {QStringLiteral("./usr/bin/greenlight"), QStringLiteral("./usr/bin/greenlightctl"),
        u"./usr/share/applications/" + appId + u".desktop",
        u"./usr/share/icons/hicolor/scalable/apps/" + appId + u".svg",
        u"./usr/share/metainfo/" + appId + u".metainfo.xml"};
    for (const QString &path : expected) {
        QVERIFY2(list.contains(path + u'\n'), qPrintable(path + u" missing from the package:\n" + list));
    }
    // Nothing from the build or test tree leaks into the package.
    QVERIFY(!list.contains(u"tst_"));
    QVERIFY(!list.contains(u"/include/"));
}

QTEST_GUILESS_MAIN(TstDeb)
#include "tst_deb.moc"
