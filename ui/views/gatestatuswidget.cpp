#include "gatestatuswidget.h"

#include "approvals/approvalledger.h"
#include "audit/auditlog.h"
#include "engine/pendinggates.h"
#include "storage/statestore.h"
#include "util/clock.h"

#include <QEvent>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace gl::ui {

GateStatusWidget::GateStatusWidget(QWidget *parent)
    : QWidget(parent)
    , m_clock(&SystemClock::instance())
    , m_title(new QLabel(this))
    , m_message(new QLabel(this))
    , m_tree(new QTreeWidget(this))
{
    setObjectName(QStringLiteral("gateStatusWidget"));
    m_title->setObjectName(QStringLiteral("gateStatusTitle"));
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_message->setObjectName(QStringLiteral("gateStatusMessage"));
    m_message->setWordWrap(true);
    m_message->hide();
    m_tree->setObjectName(QStringLiteral("gateStatusTree"));
    m_tree->setColumnCount(ColumnCount);
    m_tree->setRootIsDecorated(false);
    m_tree->setUniformRowHeights(true);
    m_tree->setSelectionMode(QAbstractItemView::NoSelection);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_tree->header()->setSectionResizeMode(GateColumn, QHeaderView::Stretch);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(m_message);
    layout->addWidget(m_tree);
    retranslate();
}

void GateStatusWidget::retranslate()
{
    m_title->setText(tr("Approval gates"));
    m_tree->setHeaderLabels({tr("Gate"), tr("Where"), tr("State"), tr("Approvals"), tr("Time left")});
    refresh();
}

void GateStatusWidget::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

QString GateStatusWidget::stateText(GateState state)
{
    switch (state) {
    case GateState::Pending:
        return tr("Waiting for approval");
    case GateState::Approved:
        return tr("Approved");
    case GateState::Rejected:
        return tr("Rejected");
    case GateState::TimedOut:
        return tr("Timed out");
    }
    return {};
}

QString GateStatusWidget::whereText(const GateConfig &gate)
{
    switch (gate.stage) {
    case GateStage::BeforeStart:
        return tr("before start");
    case GateStage::CanaryStep:
        return gate.step > 0 ? tr("before the %1 % step").arg(gate.step) : tr("before every canary step");
    case GateStage::BeforeSwitch:
        return tr("before the switch");
    }
    return {};
}

QString GateStatusWidget::timeLeftText(const QDateTime &deadline, const QDateTime &now)
{
    if (!deadline.isValid())
        return tr("no timeout");
    qint64 seconds = now.secsTo(deadline);
    if (seconds <= 0)
        return tr("expired");
    const qint64 hours = seconds / 3600;
    const qint64 minutes = (seconds % 3600) / 60;
    seconds %= 60;
    if (hours > 0)
        return tr("%1 h %2 min").arg(hours).arg(minutes, 2, 10, QLatin1Char('0'));
    if (minutes > 0)
        return tr("%1 min %2 s").arg(minutes).arg(seconds, 2, 10, QLatin1Char('0'));
    return tr("%1 s").arg(seconds);
}

QString GateStatusWidget::approvalsText(const GateStatus &status)
{
    return tr("%1/%2").arg(status.counted.size()).arg(status.quorum);
}

void GateStatusWidget::setContext(
    const Environment &environment, StateStore *store, const std::optional<RolloutRecord> &rollout)
{
    m_environment = environment;
    m_store = store;
    m_rollout = rollout;
    refresh();
}

void GateStatusWidget::refresh()
{
    m_tree->clear();
    m_message->hide();
    if (!m_environment || !m_store || !m_rollout || m_environment->approvals.gates.isEmpty()) {
        m_message->setText(m_environment && m_environment->approvals.gates.isEmpty()
                ? tr("This environment has no approval gates.")
                : tr("No rollout."));
        m_message->show();
        m_tree->hide();
        return;
    }
    m_tree->show();
    const QString auditPath = AuditLog::pathForStateDatabase(m_environment->stateDatabase);
    std::optional<AuditLog> log;
    if (QFileInfo::exists(auditPath)) {
        Result<AuditLog> opened = AuditLog::open(auditPath, *m_clock);
        if (!opened) {
            m_message->setText(opened.error().message);
            m_message->show();
            return;
        }
        log.emplace(std::move(opened).value());
    }
    RolloutStore rollouts(*m_store, *m_clock);
    const QDateTime now = m_clock->now();
    QList<RolloutGate> gates;
    if (log) {
        Result<QList<RolloutGate>> rows = rolloutGates(*m_environment, rollouts, *log, *m_rollout, now);
        if (!rows) {
            m_message->setText(rows.error().message);
            m_message->show();
            return;
        }
        gates = std::move(rows).value();
    } else {
        // No decision recorded yet: the gates with no approvals.
        for (const GateConfig &gate : m_environment->approvals.gates) {
            RolloutGate row;
            row.config = gate;
            row.status.gate = gate.name;
            row.status.quorum = gate.quorum;
            gates << row;
        }
    }
    for (const RolloutGate &gate : std::as_const(gates)) {
        auto *item = new QTreeWidgetItem(m_tree);
        item->setText(GateColumn, gate.config.name);
        item->setText(WhereColumn, whereText(gate.config));
        item->setText(StateColumn,
            gate.reached || gate.status.state != GateState::Pending ? stateText(gate.status.state) : tr("Not reached"));
        item->setToolTip(StateColumn, gate.status.reason);
        item->setText(ApprovalsColumn, approvalsText(gate.status));
        item->setText(TimeLeftColumn,
            gate.current && gate.status.state == GateState::Pending ? timeLeftText(gate.status.deadline, now)
                                                                    : QString());
        if (gate.current) {
            QFont font = item->font(GateColumn);
            font.setBold(true);
            item->setFont(GateColumn, font);
        }
        QColor colour;
        if (gate.status.state == GateState::Approved)
            colour = QColor(0x1e, 0x7e, 0x34);
        else if (gate.status.state == GateState::Rejected || gate.status.state == GateState::TimedOut)
            colour = QColor(0xb0, 0x1c, 0x2e);
        if (colour.isValid())
            item->setForeground(StateColumn, colour);
    }
}

} // namespace gl::ui
