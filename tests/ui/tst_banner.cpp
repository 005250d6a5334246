// The inline Banner, offscreen: a message of several lines (explicit line breaks and long wrapped lines) is shown
// whole in the layouts the views use (a banner above a stretching body), at a wide and a narrow width, also when
// the text changes while the banner is already visible and when the window is resized afterwards.
#include "banner.h"

#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>
#include <QtTest>

using namespace gl::ui;

namespace {

// The page layout the Audit and Approvals places use: a banner, then a body that takes the rest.
struct Page {
    QWidget window;
    Banner *banner;
    Page()
    {
        banner = new Banner(&window);
        auto *layout = new QVBoxLayout(&window);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->addWidget(banner);
        layout->addWidget(new QTableView(&window), 1);
    }
};

QLabel *textLabel(Banner *banner)
{
    return banner->findChild<QLabel *>(QStringLiteral("bannerText"));
}

// The label is as tall as its text needs at its width, and the banner holds it entirely.
void verifyFullyVisible(Banner *banner)
{
    QLabel *label = textLabel(banner);
    QVERIFY(label);
    const int needed = label->heightForWidth(label->width());
    QVERIFY2(label->height() >= needed,
        qPrintable(QStringLiteral("label %1 px high, its text needs %2 px at width %3")
                       .arg(label->height())
                       .arg(needed)
                       .arg(label->width())));
    QVERIFY2(banner->contentsRect().contains(label->geometry()),
        qPrintable(QStringLiteral("label geometry %1,%2 %3x%4 outside the banner's %5x%6")
                       .arg(label->x())
                       .arg(label->y())
                       .arg(label->width())
                       .arg(label->height())
                       .arg(banner->width())
                       .arg(banner->height())));
    QVERIFY(banner->height() >= banner->heightForWidth(banner->width()));
}

} // namespace

class TestBanner : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // A four-line message (a result and three warnings) is fully visible, whether the banner was hidden or
    // already showing a one-line message, at 1280 and at 420 pixels wide (where the long lines wrap too).
    void multiLineMessageFullyVisible_data()
    {
        QTest::addColumn<int>("width");
        QTest::addColumn<bool>("alreadyShown");
        QTest::newRow("wide, first message") << 1280 << false;
        QTest::newRow("wide, replacing a message") << 1280 << true;
        QTest::newRow("narrow, first message") << 420 << false;
        QTest::newRow("narrow, replacing a message") << 420 << true;
    }
    void multiLineMessageFullyVisible()
    {
        QFETCH(int, width);
        QFETCH(bool, alreadyShown);
        Page page;
        page.window.resize(width, 600);
        page.window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page.window));
        if (alreadyShown) {
            page.banner->showMessage(Banner::Kind::Info, QStringLiteral("Verifying…"));
            QVERIFY(page.banner->isVisible());
            QTest::qWait(50); // the one-line message is laid out and painted
        }
        const QString text = QStringLiteral(
            "The audit log is BROKEN at seq 3: entry 3 was altered: its content no longer matches its hash\n"
            "Warning: some checkpoints are not signed: a rewritten chain would go unnoticed before them\n"
            "Warning: no checkpoint is kept outside the database at /home/someone/.local/state/greenlight/audit/"
            "0123456789abcdef.checkpoint.json: truncation of the log cannot be detected\n"
            "Warning: the installation's audit key is not in the keychain; the key named in the checkpoint is "
            "trusted");
        page.banner->showMessage(Banner::Kind::Error, text);
        QCOMPARE(page.banner->text(), text);
        // Laid out at once: no event-loop round may show the new text in the old message's height.
        QVERIFY(page.banner->isVisible());
        QLabel *label = textLabel(page.banner);
        // At least the four lines of text; more where the long ones wrap.
        QVERIFY(label->height() >= 4 * label->fontMetrics().lineSpacing());
        verifyFullyVisible(page.banner);
        if (QTest::currentTestFailed())
            return;

        // Narrower afterwards: the lines wrap into more and the banner grows with them.
        const int before = page.banner->height();
        const int narrower = std::max(width / 2, page.window.minimumSizeHint().width());
        page.window.resize(narrower, 600);
        QTRY_COMPARE(page.window.width(), narrower);
        QTRY_VERIFY(label->height() >= label->heightForWidth(label->width()));
        verifyFullyVisible(page.banner);
        QVERIFY(page.banner->height() >= before);
    }

    // A one-line message keeps the banner compact (no empty lines reserved).
    void oneLineMessageCompact()
    {
        Page page;
        page.window.resize(1000, 600);
        page.window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page.window));
        page.banner->showMessage(Banner::Kind::Info, QStringLiteral("Recorded."));
        QTRY_VERIFY(page.banner->isVisible());
        QCoreApplication::processEvents();
        verifyFullyVisible(page.banner);
        QVERIFY(page.banner->height() < 3 * textLabel(page.banner)->fontMetrics().lineSpacing() + 24);
    }
};

QTEST_MAIN(TestBanner)
#include "tst_banner.moc"
