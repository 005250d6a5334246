#include "drillreport.h"

#include <QCoreApplication>

namespace gl {
namespace {

// The translation context of this file's messages; lupdate reads it from Q_DECLARE_TR_FUNCTIONS.
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(gl::DrillReport)
};

// A table cell: one line, pipes escaped.
QString cell(QString text)
{
    text.replace(u'\n', u' ');
    text.replace(u'|', QStringLiteral("\\|"));
    return text.trimmed();
}

QString utc(const QDateTime &at)
{
    return at.isValid() ? at.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) + QStringLiteral(" UTC")
                        : QStringLiteral("—");
}

QString target(qint64 seconds)
{
    return seconds > 0 ? formatDuration(seconds) : Tr::tr("none");
}

QString verdict(std::optional<qint64> measured, qint64 targetSeconds)
{
    if (!measured)
        return Tr::tr("not measured");
    if (targetSeconds <= 0)
        return Tr::tr("no target");
    return *measured <= targetSeconds ? Tr::tr("met")
                                      : Tr::tr("**missed** by %1").arg(formatDuration(*measured - targetSeconds));
}

QString eventText(const DrillEvent &event, const Runbook &runbook)
{
    const auto stepTitle
        = [&](int step) { return step >= 0 && step < runbook.steps.size() ? runbook.steps.at(step).title : QString(); };
    switch (event.kind) {
    case DrillEvent::Kind::Started:
        return event.text.isEmpty() ? Tr::tr("Drill started") : Tr::tr("Drill started: %1").arg(event.text);
    case DrillEvent::Kind::Step: {
        QString text
            = Tr::tr("Step %1 \"%2\" %3").arg(event.step + 1).arg(stepTitle(event.step), stepStatusText(event.status));
        if (!event.text.isEmpty())
            text += u" — " + event.text;
        return text;
    }
    case DrillEvent::Kind::Incident:
        return event.step >= 0 ? Tr::tr("**Incident** during step %1: %2").arg(event.step + 1).arg(event.text)
                               : Tr::tr("**Incident**: %1").arg(event.text);
    case DrillEvent::Kind::Note:
        return Tr::tr("Note: %1").arg(event.text);
    case DrillEvent::Kind::RestorePoint:
        return Tr::tr("Restore point entered: data restored up to %1")
            .arg(utc(QDateTime::fromString(event.text, Qt::ISODateWithMs)));
    case DrillEvent::Kind::ServiceRestored:
        return Tr::tr("Service declared restored");
    case DrillEvent::Kind::Ended:
        return Tr::tr("Drill ended");
    }
    return event.text;
}

} // namespace

QString formatDrillClock(qint64 ms)
{
    const qint64 total = qMax<qint64>(0, ms) / 1000;
    return QStringLiteral("T+%1:%2:%3")
        .arg(total / 3600, 2, 10, QLatin1Char('0'))
        .arg((total % 3600) / 60, 2, 10, QLatin1Char('0'))
        .arg(total % 60, 2, 10, QLatin1Char('0'));
}

QString drillReportMarkdown(const Drill &drill)
{
    const DrillRecord &r = drill.record();
    const RunbookSession &session = drill.session();
    const Runbook &runbook = session.runbook();
    QString md;
    const auto line = [&md](const auto &text) {
        md += text;
        md += u'\n';
    };

    line(u"# " + Tr::tr("DR drill report: %1").arg(r.runbookTitle));
    line(u"");
    line(u"| | |");
    line(u"|---|---|");
    line(u"| " + Tr::tr("Runbook") + u" | " + cell(Tr::tr("%1 (version %2)").arg(r.runbookId).arg(r.version)) + u" |");
    line(u"| " + Tr::tr("Scenario") + u" | " + cell(r.scenario.isEmpty() ? Tr::tr("(not given)") : r.scenario) + u" |");
    line(u"| " + Tr::tr("Participants") + u" | "
        + cell(r.participants.isEmpty() ? Tr::tr("(not given)") : r.participants.join(QStringLiteral(", "))) + u" |");
    line(u"| " + Tr::tr("Started") + u" | " + utc(r.startedAt) + u" |");
    line(u"| " + Tr::tr("Ended") + u" | " + (r.isEnded() ? utc(r.endedAt) : Tr::tr("still running")) + u" |");
    line(u"| " + Tr::tr("Drill clock") + u" | " + formatDrillClock(drill.clockMs()) + u" |");
    line(u"");

    line(u"## " + Tr::tr("Recovery objectives"));
    line(u"");
    line(u"| " + Tr::tr("Objective") + u" | " + Tr::tr("Target") + u" | " + Tr::tr("Measured") + u" | "
        + Tr::tr("Result") + u" |");
    line(u"|---|---|---|---|");
    const std::optional<qint64> rto = r.measuredRtoSeconds();
    const std::optional<qint64> rpo = r.measuredRpoSeconds();
    line(u"| " + Tr::tr("RTO (time to restore service)") + u" | " + target(r.rtoTargetSeconds) + u" | "
        + (rto ? formatDuration(*rto) : QStringLiteral("—")) + u" | " + verdict(rto, r.rtoTargetSeconds) + u" |");
    line(u"| " + Tr::tr("RPO (data lost)") + u" | " + target(r.rpoTargetSeconds) + u" | "
        + (rpo ? formatDuration(*rpo) : QStringLiteral("—")) + u" | " + verdict(rpo, r.rpoTargetSeconds) + u" |");
    line(u"");
    if (r.restorePoint.isValid())
        line(Tr::tr("Data was restored up to %1; the simulated failure began at %2.")
                 .arg(utc(r.restorePoint), utc(r.startedAt)));
    else
        line(Tr::tr("No restore point was entered, so the RPO was not measured."));
    line(u"");

    line(u"## " + Tr::tr("Steps"));
    line(u"");
    line(u"| # | " + Tr::tr("Step") + u" | " + Tr::tr("Status") + u" | " + Tr::tr("Started") + u" | " + Tr::tr("Took")
        + u" | " + Tr::tr("Expected") + u" | " + Tr::tr("Deviation") + u" | " + Tr::tr("Note") + u" |");
    line(u"|---|---|---|---|---|---|---|---|");
    QStringList deviations;
    for (int i = 0; i < session.stepCount(); ++i) {
        const RunbookStep &step = runbook.steps.at(i);
        const StepProgress &p = session.progress(i);
        const qint64 tookS = session.stepElapsedMs(i) / 1000;
        QString deviation;
        if (p.status != StepStatus::Pending && p.startedAt.isValid() && step.expectedSeconds > 0
            && tookS > step.expectedSeconds) {
            deviation = u'+' + formatDuration(tookS - step.expectedSeconds);
            deviations << Tr::tr("Step %1 \"%2\" took %3, %4 longer than the expected %5.")
                              .arg(i + 1)
                              .arg(step.title, formatDuration(tookS), formatDuration(tookS - step.expectedSeconds),
                                  formatDuration(step.expectedSeconds));
        }
        if (p.status == StepStatus::Failed)
            deviations << Tr::tr("Step %1 \"%2\" failed.").arg(i + 1).arg(step.title)
                    + (p.note.isEmpty() ? QString() : u' ' + Tr::tr("Note: %1").arg(p.note));
        else if (p.status == StepStatus::Skipped)
            deviations << Tr::tr("Step %1 \"%2\" was skipped.").arg(i + 1).arg(step.title)
                    + (p.note.isEmpty() ? QString() : u' ' + Tr::tr("Note: %1").arg(p.note));
        else if (p.status == StepStatus::Pending && r.isEnded())
            deviations << Tr::tr("Step %1 \"%2\" was not reached.").arg(i + 1).arg(step.title);
        const QString started
            = p.startedAt.isValid() ? formatDrillClock(r.startedAt.msecsTo(p.startedAt)) : QStringLiteral("—");
        line(u"| " + QString::number(i + 1) + u" | " + cell(step.title) + u" | " + stepStatusText(p.status) + u" | "
            + started + u" | " + (p.startedAt.isValid() ? formatDuration(tookS) : QStringLiteral("—")) + u" | "
            + formatDuration(step.expectedSeconds) + u" | " + (deviation.isEmpty() ? QStringLiteral("—") : deviation)
            + u" | " + cell(p.note) + u" |");
    }
    line(u"");
    if (rto && r.rtoTargetSeconds > 0 && *rto > r.rtoTargetSeconds)
        deviations << Tr::tr("The RTO target of %1 was missed: service was restored after %2.")
                          .arg(formatDuration(r.rtoTargetSeconds), formatDuration(*rto));
    if (rpo && r.rpoTargetSeconds > 0 && *rpo > r.rpoTargetSeconds)
        deviations << Tr::tr("The RPO target of %1 was missed: %2 of data was lost.")
                          .arg(formatDuration(r.rpoTargetSeconds), formatDuration(*rpo));
    for (const DrillEvent &event : r.events) {
        if (event.kind == DrillEvent::Kind::Incident)
            deviations << Tr::tr("Incident at %1: %2").arg(formatDrillClock(event.elapsedMs), event.text);
    }

    line(u"## " + Tr::tr("Deviations"));
    line(u"");
    if (deviations.isEmpty())
        line(Tr::tr("None: every step was done within its expected time and the objectives were met."));
    for (const QString &deviation : std::as_const(deviations))
        line(u"- " + deviation);
    line(u"");

    line(u"## " + Tr::tr("Timeline"));
    line(u"");
    line(u"| " + Tr::tr("Drill clock") + u" | " + Tr::tr("Time") + u" | " + Tr::tr("Event") + u" |");
    line(u"|---|---|---|");
    for (const DrillEvent &event : r.events)
        line(u"| " + formatDrillClock(event.elapsedMs) + u" | " + utc(event.at) + u" | "
            + cell(eventText(event, runbook)) + u" |");
    line(u"");
    return md;
}

} // namespace gl
