// The painted widgets of the rollout detail: the step timeline keeps every label inside the widget and apart
// from its neighbours (3, 4, 5 and 8 steps, narrow and wide, long Korean labels), so "actual 10 %" under the first
// step is never clipped to "tual 10 %".
#include "steptimeline.h"

#include <QtTest>

using namespace gl;
using namespace gl::ui;

namespace {

using Step = RolloutSession::StepInfo;

QList<Step> plan(int count, int current, const QString &pause)
{
    QList<Step> steps;
    for (int i = 0; i < count; ++i) {
        Step step;
        step.index = i;
        step.percent = i == count - 1 ? 100.0 : 10.0 * (i + 1);
        step.status = i < current ? Step::Status::Done : i == current ? Step::Status::Current : Step::Status::Pending;
        step.pause = pause;
        steps << step;
    }
    return steps;
}

} // namespace

class TstRolloutWidgets : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void timelineLabelsStayInside_data();
    void timelineLabelsStayInside();
};

void TstRolloutWidgets::timelineLabelsStayInside_data()
{
    QTest::addColumn<int>("count");
    QTest::addColumn<int>("current");
    QTest::addColumn<int>("width");
    QTest::addColumn<QString>("pause"); // drawn as is under pending steps: a long Korean one tests elision
    for (const int count : {3, 4, 5, 8}) {
        for (const int width : {360, 900}) {
            for (const int current : {0, count - 1}) {
                QTest::addRow("%d steps, current %d, %dpx", count, current, width)
                    << count << current << width << QStringLiteral("gate");
                QTest::addRow("%d steps, current %d, %dpx, Korean", count, current, width)
                    << count << current << width << QStringLiteral("승인 게이트에서 대기 중 (두 명의 승인 필요)");
            }
        }
    }
}

// Every label (share above, actual/pause below) lies within the widget; labels on the same line do not overlap;
// the first step's "actual …" label is shown whole when it fits the room it has.
void TstRolloutWidgets::timelineLabelsStayInside()
{
    QFETCH(int, count);
    QFETCH(int, current);
    QFETCH(int, width);
    QFETCH(QString, pause);

    StepTimeline timeline;
    timeline.resize(width, timeline.sizeHint().height());
    timeline.setSteps(plan(count, current, pause), 9.8);
    const QList<StepTimeline::Label> labels = timeline.labels();
    QVERIFY(labels.size() >= count);
    const QRectF inside(0, 0, timeline.width(), timeline.height());
    for (const StepTimeline::Label &label : labels) {
        QVERIFY2(label.rect.left() >= 0 && label.rect.right() <= inside.right() + 0.5,
            qPrintable(QStringLiteral("step %1 '%2' at %3..%4 of %5")
                           .arg(label.step)
                           .arg(label.text)
                           .arg(label.rect.left())
                           .arg(label.rect.right())
                           .arg(inside.width())));
        QVERIFY(!label.text.isEmpty());
    }
    for (int i = 0; i < labels.size(); ++i) {
        for (int j = i + 1; j < labels.size(); ++j) {
            if (labels.at(i).below != labels.at(j).below)
                continue;
            QVERIFY2(!labels.at(i).rect.intersects(labels.at(j).rect),
                qPrintable(QStringLiteral("'%1' overlaps '%2'").arg(labels.at(i).text, labels.at(j).text)));
        }
    }
    // The current step's second line is "actual 9.8 %" (English): whole on a wide timeline, at the edges too.
    if (width >= 900) {
        bool found = false;
        for (const StepTimeline::Label &label : labels) {
            if (label.step == current && label.below) {
                QCOMPARE(label.text, QStringLiteral("actual 9.8 %"));
                found = true;
            }
        }
        QVERIFY(found);
    }
}

QTEST_MAIN(TstRolloutWidgets)
#include "tst_rolloutwidgets.moc"
