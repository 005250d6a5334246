// The Korean translation is complete: every user-visible string in core/, cli/, ui/ and app/ has a finished
// Korean entry, and the compiled translation that ships inside the binaries is the one that gets loaded.
#include "testpaths.h"
#include "util/translations.h"

#include <QCoreApplication>
#include <QDomDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTranslator>
#include <QtTest>

namespace {

struct Entry {
    QString context;
    QString source;
    QStringList translations; // one per numerus form, or one
    QString type; // "", "unfinished", "vanished", "obsolete"
    bool numerus = false;
};

QList<Entry> readTs(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return {};
    }
    QDomDocument doc;
    const auto parsed = doc.setContent(&file);
    if (!parsed) {
        *error = QStringLiteral("not valid XML");
        return {};
    }
    QList<Entry> entries;
    const QDomNodeList contexts = doc.elementsByTagName(QStringLiteral("context"));
    for (int c = 0; c < contexts.size(); ++c) {
        const QDomElement context = contexts.at(c).toElement();
        const QString name = context.firstChildElement(QStringLiteral("name")).text();
        for (QDomElement m = context.firstChildElement(QStringLiteral("message")); !m.isNull();
             m = m.nextSiblingElement(QStringLiteral("message"))) {
            Entry e;
            e.context = name;
            e.source = m.firstChildElement(QStringLiteral("source")).text();
            e.numerus = m.attribute(QStringLiteral("numerus")) == u"yes";
            const QDomElement t = m.firstChildElement(QStringLiteral("translation"));
            e.type = t.attribute(QStringLiteral("type"));
            if (e.numerus) {
                for (QDomElement f = t.firstChildElement(QStringLiteral("numerusform")); !f.isNull();
                     f = f.nextSiblingElement(QStringLiteral("numerusform")))
                    e.translations << f.text();
            } else {
                e.translations << t.text();
            }
            entries << e;
        }
    }
    return entries;
}

// The %1..%99 and %n markers of a translation must be those of its source, or arguments go missing.
QString placeholderMismatch(const QString &source, const QStringList &translations)
{
    static const QRegularExpression marker(QStringLiteral("%(\\d{1,2}|n)"));
    auto markers = [](const QString &text) {
        QStringList found;
        auto it = marker.globalMatch(text);
        while (it.hasNext())
            found << it.next().captured(0);
        found.sort();
        found.removeDuplicates();
        return found;
    };
    const QStringList wanted = markers(source);
    for (const QString &t : translations) {
        if (markers(t) != wanted)
            return markers(t).join(u' ') + u" vs " + wanted.join(u' ');
    }
    return {};
}

} // namespace

class TstTranslations : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void koreanIsCompleteForEverySourceString();
    void shippedKoreanTranslationLoads();
};

// lupdate over the sources finds every tr() string; each must have a finished, non-empty Korean entry.
void TstTranslations::koreanIsCompleteForEverySourceString()
{
    QTemporaryDir dir;
    const QString fresh = dir.filePath(QStringLiteral("fresh_ko.ts"));
    QProcess lupdate;
    lupdate.setWorkingDirectory(gl::test::sourceDir());
    lupdate.start(QStringLiteral(GL_LUPDATE),
        {QStringLiteral("-silent"), QStringLiteral("-locations"), QStringLiteral("none"), QStringLiteral("core"),
            QStringLiteral("cli"), QStringLiteral("ui"), QStringLiteral("app"), QStringLiteral("-ts"), fresh});
    QVERIFY2(lupdate.waitForFinished(60000),
        "lupdate did not finish in 60 s (lupdate 6.4 hangs on a numerus argument written as int(a - b))");
    QCOMPARE(lupdate.exitCode(), 0);

    QString error;
    const QList<Entry> wanted = readTs(fresh, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    // The extraction works: the shell alone has dozens of strings.
    QVERIFY2(wanted.size() > 40, qPrintable(QStringLiteral("only %1 strings found").arg(wanted.size())));

    const QList<Entry> shipped = readTs(gl::test::sourceDir() + u"/translations/greenlight_ko.ts", &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QHash<QPair<QString, QString>, Entry> byKey;
    for (const Entry &e : shipped)
        byKey.insert({e.context, e.source}, e);

    QStringList problems;
    for (const Entry &w : wanted) {
        const auto it = byKey.constFind({w.context, w.source});
        if (it == byKey.cend()) {
            problems << QStringLiteral("missing: [%1] %2").arg(w.context, w.source);
            continue;
        }
        if (!it->type.isEmpty())
            problems << QStringLiteral("%1: [%2] %3").arg(it->type, w.context, w.source);
        else if (const QString lost = placeholderMismatch(w.source, it->translations); !lost.isEmpty())
            problems << QStringLiteral("placeholders differ (%1): [%2] %3").arg(lost, w.context, w.source);
        else if (it->translations.isEmpty()
            || std::any_of(it->translations.cbegin(), it->translations.cend(),
                [](const QString &t) { return t.trimmed().isEmpty(); }))
            problems << QStringLiteral("empty: [%1] %2").arg(w.context, w.source);
    }
    QVERIFY2(problems.isEmpty(),
        qPrintable(
            QStringLiteral("%1 Korean entries need work (run scripts/update-translations):\n").arg(problems.size())
            + problems.join(u'\n')));
}

// The Korean .qm compiled into the binaries loads and translates a known string; Qt's own qtbase_ko loads too.
void TstTranslations::shippedKoreanTranslationLoads()
{
    QTranslator translator;
    QVERIFY(translator.load(QStringLiteral(":/i18n/greenlight_ko.qm")));
    QCOMPARE(translator.translate("gl::ui::MainWindow", "Rollouts"), QStringLiteral("롤아웃"));
    QCOMPARE(gl::installTranslations(QStringLiteral("ko")), QStringLiteral("ko"));
    QCOMPARE(QCoreApplication::translate("gl::ui::MainWindow", "Approvals"), QStringLiteral("승인"));
    // qtbase_ko: a string from Qt's own dialogs.
    QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), QStringLiteral("취소"));
    gl::installTranslations(QStringLiteral("en"));
    QCOMPARE(QCoreApplication::translate("gl::ui::MainWindow", "Approvals"), QStringLiteral("Approvals"));
}

QTEST_GUILESS_MAIN(TstTranslations)
#include "tst_translations.moc"
