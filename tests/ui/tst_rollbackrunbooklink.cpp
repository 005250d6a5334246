// Tests of RollbackRunbookLink (ui/widgets): the environment's rollback runbook is offered under a rollout that
// was aborted or rolled back, and only then; its button asks to open that runbook.
#include "rollbackrunbooklink.h"

#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace gl;
using namespace gl::ui;

Q_DECLARE_METATYPE(gl::RolloutState)

class TestRollbackRunbookLink : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void cleanup() { RollbackRunbookLink::setTitleLookup({}); }

    // Shown for Aborted and RolledBack rollouts of an environment naming a rollback runbook; hidden otherwise.
    void visibleByState_data()
    {
        QTest::addColumn<RolloutState>("state");
        QTest::addColumn<bool>("visible");
        QTest::newRow("pending") << RolloutState::Pending << false;
        QTest::newRow("running") << RolloutState::Running << false;
        QTest::newRow("paused") << RolloutState::Paused << false;
        QTest::newRow("held") << RolloutState::Held << false;
        QTest::newRow("aborting") << RolloutState::Aborting << false;
        QTest::newRow("rolling back") << RolloutState::RollingBack << false;
        QTest::newRow("completed") << RolloutState::Completed << false;
        QTest::newRow("aborted") << RolloutState::Aborted << true;
        QTest::newRow("rolled back") << RolloutState::RolledBack << true;
    }
    void visibleByState()
    {
        QFETCH(RolloutState, state);
        QFETCH(bool, visible);
        QWidget window;
        auto *link = new RollbackRunbookLink(&window);
        Environment env;
        env.rollbackRunbook = QStringLiteral("haproxy-rollback");
        link->setEnvironment(env);
        RolloutRecord rollout;
        rollout.state = state;
        link->setRollout(rollout);
        window.show();
        QCOMPARE(link->isVisible(), visible);
        QCOMPARE(link->runbookId(), visible ? QStringLiteral("haproxy-rollback") : QString());
        // The state changes back and forth with the rollout.
        rollout.state = RolloutState::Running;
        link->setRollout(rollout);
        QVERIFY(!link->isVisible());
        rollout.state = state;
        link->setRollout(rollout);
        QCOMPARE(link->isVisible(), visible);
    }

    // Without a rollout, or when the environment names no rollback runbook, nothing is offered.
    void hiddenWithoutRunbookOrRollout()
    {
        QWidget window;
        auto *link = new RollbackRunbookLink(&window);
        RolloutRecord rollout;
        rollout.state = RolloutState::RolledBack;
        link->setRollout(rollout);
        link->setEnvironment(Environment {});
        window.show();
        QVERIFY(!link->isVisible());
        Environment env;
        env.rollbackRunbook = QStringLiteral("haproxy-rollback");
        link->setEnvironment(env);
        QVERIFY(link->isVisible());
        link->setRollout(std::nullopt);
        QVERIFY(!link->isVisible());
    }

    // The text names the runbook by title (from the registered lookup, else its id) and the state; the button
    // emits openRunbook with the id.
    void textAndButton()
    {
        QWidget window;
        auto *link = new RollbackRunbookLink(&window);
        Environment env;
        env.rollbackRunbook = QStringLiteral("haproxy-rollback");
        link->setEnvironment(env);
        RolloutRecord rollout;
        rollout.state = RolloutState::Aborted;
        link->setRollout(rollout);
        window.show();
        auto *text = link->findChild<QLabel *>(QStringLiteral("rollbackRunbookText"));
        QVERIFY(text);
        QVERIFY2(text->text().contains(QStringLiteral("aborted")), qPrintable(text->text()));
        QVERIFY2(text->text().contains(QStringLiteral("'haproxy-rollback'")), qPrintable(text->text()));

        RollbackRunbookLink::setTitleLookup([](const QString &id) {
            return id == u"haproxy-rollback" ? QStringLiteral("Roll back a release on HAProxy") : QString();
        });
        rollout.state = RolloutState::RolledBack;
        link->setRollout(rollout);
        QCOMPARE(text->text(),
            QStringLiteral("This rollout was rolled back. Follow the runbook 'Roll back a release on HAProxy' to "
                           "check the service."));

        QSignalSpy open(link, &RollbackRunbookLink::openRunbook);
        QTest::mouseClick(link->findChild<QPushButton *>(QStringLiteral("openRollbackRunbookButton")), Qt::LeftButton);
        QCOMPARE(open.size(), 1);
        QCOMPARE(open.at(0).at(0).toString(), QStringLiteral("haproxy-rollback"));
    }
};

QTEST_MAIN(TestRollbackRunbookLink)
#include "tst_rollbackrunbooklink.moc"
