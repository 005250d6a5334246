#include "approvalsview.h"

#include "approvalcontroller.h"
#include "approvals/decisionrecorder.h"
#include "banner.h"
#include "emptystate.h"
#include "gatestatuswidget.h"
#include "prompter.h"
#include "util/clock.h"

#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace gl::ui {
namespace {

enum ListColumn { RolloutColumn, GateColumn, WaitsColumn, ApprovalsColumn, TimeLeftColumn, StateColumn, ListColumns };
enum VoteColumn { PersonColumn, GroupsColumn, DecisionColumn, WhenColumn, CountsColumn, VoteColumns };
constexpr int kRolloutRole = Qt::UserRole;
constexpr int kGateRole = Qt::UserRole + 1;

QLabel *wrappingLabel(QWidget *parent, const char *name)
{
    auto *label = new QLabel(parent);
    label->setObjectName(QString::fromLatin1(name));
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

QString localTime(const QDateTime &time)
{
    return time.isValid() ? time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) : QString();
}

} // namespace

ApprovalsView::ApprovalsView(FallbackCredentialStore &credentials, Prompter &prompter, QWidget *parent)
    : QWidget(parent)
    , m_controller(new ApprovalController(credentials, this))
    , m_prompter(prompter)
{
    setObjectName(QStringLiteral("approvalsPage"));
    m_banner = new Banner(this);
    m_banner->setObjectName(QStringLiteral("approvalsBanner"));
    m_who = new QLabel(this);
    m_who->setObjectName(QStringLiteral("approverIdentityLabel"));
    m_import = new QPushButton(this);
    m_import->setObjectName(QStringLiteral("importTokenButton"));
    m_block = new QPushButton(this);
    m_block->setObjectName(QStringLiteral("blockReleaseButton"));
    auto *top = new QHBoxLayout;
    top->addWidget(m_who, 1);
    top->addWidget(m_import);
    top->addWidget(m_block);
    m_configured = new QLabel(this);
    m_configured->setObjectName(QStringLiteral("configuredGatesLabel"));
    m_configured->setTextFormat(Qt::PlainText);
    m_configured->setWordWrap(true);

    m_list = new QTreeWidget(this);
    m_list->setObjectName(QStringLiteral("pendingGatesList"));
    m_list->setColumnCount(ListColumns);
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setAllColumnsShowFocus(true);
    // Short columns fit their contents; the gate's name and where it waits share the rest and elide (the whole
    // text is in the tooltip), so State stays in view without scrolling sideways.
    m_list->setTextElideMode(Qt::ElideRight);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->header()->setStretchLastSection(false);
    m_list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(GateColumn, QHeaderView::Stretch);
    m_list->header()->setSectionResizeMode(WaitsColumn, QHeaderView::Stretch);

    m_detail = new QWidget(this);
    m_detail->setObjectName(QStringLiteral("gateDetail"));
    m_title = wrappingLabel(m_detail, "gateTitleLabel");
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.15);
    m_title->setFont(titleFont);
    m_changes = wrappingLabel(m_detail, "gateChangesLabel");
    m_analysis = wrappingLabel(m_detail, "gateAnalysisLabel");
    m_quorum = wrappingLabel(m_detail, "gateQuorumLabel");
    m_timeLeft = wrappingLabel(m_detail, "gateTimeLeftLabel");
    m_reason = wrappingLabel(m_detail, "gateReasonLabel");
    m_votesLabel = new QLabel(m_detail);
    m_votes = new QTreeWidget(m_detail);
    m_votes->setObjectName(QStringLiteral("gateVotesList"));
    m_votes->setColumnCount(VoteColumns);
    m_votes->setRootIsDecorated(false);
    m_votes->setSelectionMode(QAbstractItemView::NoSelection);
    m_votes->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_votes->header()->setStretchLastSection(true);
    m_votes->setMinimumHeight(90);
    m_gateBanner = new Banner(m_detail);
    m_gateBanner->setObjectName(QStringLiteral("gateBanner"));
    m_inputsBox = new QWidget(m_detail);
    m_inputsBox->setObjectName(QStringLiteral("gateInputsBox"));
    m_inputsForm = new QFormLayout(m_inputsBox);
    m_inputsForm->setContentsMargins(0, 0, 0, 0);
    m_comment = new QLineEdit(m_detail);
    m_comment->setObjectName(QStringLiteral("approvalCommentEdit"));
    m_comment->setClearButtonEnabled(true);
    m_approve = new QPushButton(m_detail);
    m_approve->setObjectName(QStringLiteral("approveButton"));
    m_reject = new QPushButton(m_detail);
    m_reject->setObjectName(QStringLiteral("rejectButton"));
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_reject);
    buttons->addWidget(m_approve);

    auto *facts = new QFormLayout;
    facts->setContentsMargins(0, 0, 0, 0);
    auto *detailLayout = new QVBoxLayout(m_detail);
    detailLayout->setContentsMargins(6, 0, 0, 0);
    detailLayout->addWidget(m_title);
    detailLayout->addWidget(m_changes);
    detailLayout->addWidget(m_analysis);
    detailLayout->addWidget(m_quorum);
    detailLayout->addWidget(m_timeLeft);
    detailLayout->addWidget(m_reason);
    detailLayout->addSpacing(4);
    detailLayout->addWidget(m_votesLabel);
    detailLayout->addWidget(m_votes, 1);
    detailLayout->addWidget(m_gateBanner);
    detailLayout->addWidget(m_inputsBox);
    detailLayout->addLayout(facts);
    facts->addRow(QString(), m_comment);
    detailLayout->addLayout(buttons);

    m_splitter = new QSplitter(this);
    m_splitter->addWidget(m_list);
    m_splitter->addWidget(m_detail);
    // The list and the gate's detail share the width evenly (the detail's labels wrap).
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setStretchFactor(0, 1);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({500, 500});
    m_empty = new EmptyState(this);
    m_empty->setObjectName(QStringLiteral("approvalsEmptyState"));

    auto *body = new QVBoxLayout;
    body->setContentsMargins(9, 6, 9, 9);
    body->addLayout(top);
    body->addWidget(m_configured);
    body->addWidget(m_splitter, 1);
    body->addWidget(m_empty, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_banner);
    layout->addLayout(body, 1);

    m_poll = new QTimer(this);
    m_poll->setInterval(1500);
    connect(m_poll, &QTimer::timeout, this, &ApprovalsView::refresh);
    connect(m_list, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        if (!item)
            return;
        m_selected = Key {item->data(0, kRolloutRole).toLongLong(), item->data(0, kGateRole).toString()};
        m_gateBanner->hide();
        updateDetail();
    });
    connect(m_approve, &QPushButton::clicked, this, &ApprovalsView::approveSelected);
    connect(m_reject, &QPushButton::clicked, this, &ApprovalsView::rejectSelected);
    connect(m_import, &QPushButton::clicked, this, &ApprovalsView::importToken);
    connect(m_block, &QPushButton::clicked, this, &ApprovalsView::blockRelease);
    retranslate();
    updateList();
}

ApprovalsView::~ApprovalsView() = default;

void ApprovalsView::retranslate()
{
    const QString person = m_controller->person();
    m_who->setText(person.isEmpty()
            ? tr("No name to sign as: Greenlight takes it from GREENLIGHT_PERSON, or else USER, when it starts.")
            : tr("You sign as <b>%1</b>").arg(person.toHtmlEscaped()));
    m_import->setText(tr("&Import token…"));
    m_import->setToolTip(tr("Record a signed decision (a glt1. token) from another desk; it is verified first."));
    m_block->setText(tr("&Block release…"));
    m_block->setToolTip(tr("Sign a block: the rollout may not start or promote while it is in force."));
    m_list->setHeaderLabels({tr("Rollout"), tr("Gate"), tr("Waits"), tr("Approvals"), tr("Time left"), tr("State")});
    m_votes->setHeaderLabels({tr("Person"), tr("Groups"), tr("Decision"), tr("When"), tr("Counts")});
    m_votesLabel->setText(tr("Decisions so far"));
    m_comment->setPlaceholderText(tr("Comment (optional for an approval)"));
    m_approve->setText(tr("&Approve"));
    m_reject->setText(tr("&Reject…"));
    rebuildInputs();
    updateList();
}

void ApprovalsView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void ApprovalsView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    refresh();
    m_poll->start();
}

void ApprovalsView::hideEvent(QHideEvent *event)
{
    m_poll->stop();
    QWidget::hideEvent(event);
}

void ApprovalsView::setPollIntervalMs(int ms)
{
    m_poll->setInterval(ms);
}

void ApprovalsView::setPerson(const QString &person)
{
    m_controller->setPerson(person);
    retranslate();
}

void ApprovalsView::setClock(const Clock &clock)
{
    m_controller->setClock(clock);
}

QString ApprovalsView::person() const
{
    return m_controller->person();
}

void ApprovalsView::setEnvironment(const std::optional<Environment> &environment)
{
    m_controller->setEnvironment(environment);
    m_pending.clear();
    m_selected.reset();
    m_inputsFor.reset();
    m_banner->hide();
    m_gateBanner->hide();
    refresh();
}

void ApprovalsView::updateEnvironment(const Environment &environment)
{
    const std::optional<Environment> &shown = m_controller->environment();
    if (!shown || shown->filePath != environment.filePath || shown->stateDatabase != environment.stateDatabase) {
        setEnvironment(environment);
        return;
    }
    m_controller->updateEnvironment(environment);
    refresh();
    updateDetail();
}

bool ApprovalsView::ensureOpen()
{
    const Status opened = m_controller->open();
    if (!opened && m_controller->environment())
        m_banner->showMessage(Banner::Kind::Error, opened.error().message);
    return opened.ok();
}

void ApprovalsView::refresh()
{
    const std::optional<Environment> &environment = m_controller->environment();
    if (!environment || environment->approvals.gates.isEmpty() || !ensureOpen()) {
        m_pending.clear();
        updateList();
        return;
    }
    Result<QList<PendingGate>> pending = m_controller->pendingGates();
    if (!pending) {
        m_banner->showMessage(
            Banner::Kind::Error, tr("Cannot read the gates waiting for approval: %1").arg(pending.error().message));
        return;
    }
    m_pending = std::move(pending).value();
    updateList();
}

const PendingGate *ApprovalsView::selected() const
{
    if (!m_selected)
        return nullptr;
    for (const PendingGate &gate : m_pending) {
        if (gate.rollout.id == m_selected->rollout && gate.config.name == m_selected->gate)
            return &gate;
    }
    return nullptr;
}

bool ApprovalsView::selectGate(qint64 rolloutId, const QString &gate)
{
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_list->topLevelItem(i);
        if (item->data(0, kRolloutRole).toLongLong() == rolloutId && item->data(0, kGateRole).toString() == gate) {
            m_list->setCurrentItem(item);
            return true;
        }
    }
    return false;
}

void ApprovalsView::updateList()
{
    const bool any = !m_pending.isEmpty();
    m_splitter->setVisible(any);
    m_empty->setVisible(!any);
    m_block->setEnabled(any && !m_busy);
    m_import->setEnabled(m_controller->environment().has_value() && !m_busy);
    if (!m_controller->environment())
        m_empty->setTexts(tr("No environment"), tr("Open an environment to see the gates waiting for approval."));
    else if (m_controller->environment()->approvals.gates.isEmpty())
        m_empty->setTexts(tr("No approval gates"),
            tr("This environment has no gates: section, so rollouts wait for nobody's approval. See "
               "docs/approvals.md to add one."));
    else
        m_empty->setTexts(tr("No gate is waiting"),
            tr("When a rollout waits for approvals (before it starts, before a canary step or before the blue-green "
               "switch) it appears here with what changes and who approved so far."));

    // The gates in force, waiting or not: what the engine enforces (the environment file as last read).
    QStringList configured;
    if (m_controller->environment()) {
        for (const GateConfig &gate : m_controller->environment()->approvals.gates) {
            QString where;
            switch (gate.stage) {
            case GateStage::BeforeStart:
                where = tr("before a rollout starts");
                break;
            case GateStage::CanaryStep:
                where = gate.step > 0 ? tr("before the canary step to %1 %").arg(gate.step)
                                      : tr("before every canary step");
                break;
            case GateStage::BeforeSwitch:
                where = tr("before the blue-green switch");
                break;
            }
            configured << tr("%1: %2, %n approval(s) from %3", nullptr, gate.quorum)
                              .arg(gate.name, where, gate.groups.join(QStringLiteral(", ")));
        }
    }
    m_configured->setVisible(!configured.isEmpty());
    m_configured->setText(tr("Gates in force: %1").arg(configured.join(QStringLiteral("; "))));

    QList<Key> keys;
    for (const PendingGate &gate : std::as_const(m_pending))
        keys << Key {gate.rollout.id, gate.config.name};
    bool same = keys.size() == m_list->topLevelItemCount();
    for (int i = 0; same && i < keys.size(); ++i) {
        const QTreeWidgetItem *item = m_list->topLevelItem(i);
        same = item->data(0, kRolloutRole).toLongLong() == keys[i].rollout
            && item->data(0, kGateRole).toString() == keys[i].gate;
    }
    if (!same) {
        const QSignalBlocker blocker(m_list);
        m_list->clear();
        for (const Key &key : std::as_const(keys)) {
            auto *item = new QTreeWidgetItem(m_list);
            item->setData(0, kRolloutRole, key.rollout);
            item->setData(0, kGateRole, key.gate);
        }
    }
    const QDateTime now = m_controller->clock().now();
    for (int i = 0; i < m_pending.size(); ++i) {
        const PendingGate &gate = m_pending[i];
        QTreeWidgetItem *item = m_list->topLevelItem(i);
        item->setText(RolloutColumn, tr("#%1").arg(gate.rollout.id));
        item->setText(GateColumn, gate.config.name);
        item->setText(WaitsColumn, GateStatusWidget::whereText(gate.config));
        item->setText(ApprovalsColumn, GateStatusWidget::approvalsText(gate.status));
        item->setText(TimeLeftColumn,
            gate.status.state == GateState::Pending ? GateStatusWidget::timeLeftText(gate.status.deadline, now)
                                                    : QString());
        item->setText(StateColumn, GateStatusWidget::stateText(gate.status.state));
        for (int column = 0; column < ListColumns; ++column)
            item->setToolTip(column, item->text(column));
        item->setToolTip(StateColumn, gate.status.reason.isEmpty() ? item->text(StateColumn) : gate.status.reason);
    }
    // Keep the selection; select the first gate when none is.
    if (!selected())
        m_selected.reset();
    if (!m_selected && !m_pending.isEmpty())
        m_selected = Key {m_pending.first().rollout.id, m_pending.first().config.name};
    if (m_selected) {
        const QSignalBlocker blocker(m_list);
        selectGate(m_selected->rollout, m_selected->gate);
    }
    updateDetail();
}

void ApprovalsView::updateDetail()
{
    const PendingGate *gate = selected();
    m_detail->setEnabled(gate != nullptr);
    if (!gate) {
        m_inputsFor.reset();
        return;
    }
    const RolloutRecord &r = gate->rollout;
    QString where;
    switch (gate->wait.stage) {
    case GateStage::BeforeStart:
        where = tr("before it starts");
        break;
    case GateStage::CanaryStep:
        where = tr("before canary step %1 (%2 % of traffic)").arg(gate->wait.stepIndex + 1).arg(gate->wait.stepPercent);
        break;
    case GateStage::BeforeSwitch:
        where = tr("before the switch to %1").arg(r.newColour);
        break;
    }
    m_title->setText(tr("Rollout #%1 waits at gate “%2” %3").arg(r.id).arg(gate->config.name, where));
    QString changes = tr("Changes %1 → %2 with %3, started by %4 at %5.")
                          .arg(r.versionFrom.isEmpty() ? QStringLiteral("?") : r.versionFrom, r.versionTo, r.strategy,
                              r.startedBy, localTime(QDateTime::fromString(r.startedAt, Qt::ISODateWithMs)));
    if (!r.reason.isEmpty())
        changes += u' ' + tr("Reason: %1").arg(r.reason);
    if (r.stepCount > 0 && r.desiredShare > 0)
        changes += u' ' + tr("Now %1 % of traffic on %2.").arg(r.desiredShare).arg(r.versionTo);
    m_changes->setText(changes);
    if (gate->analysis) {
        const AnalysisRunRecord &run = *gate->analysis;
        m_analysis->setText(tr("Analysis: %1 — %2").arg(toString(run.verdict), run.reason));
        const bool bad = run.verdict == Verdict::Failed || run.verdict == Verdict::Failing;
        const bool good = run.verdict == Verdict::Passed || run.verdict == Verdict::Passing;
        m_analysis->setStyleSheet(bad ? QStringLiteral("color: #b01c2e;")
                : good                ? QStringLiteral("color: #1e7e34;")
                                      : QString());
    } else {
        m_analysis->setText(tr("Analysis: no run for this rollout yet."));
        m_analysis->setStyleSheet(QString());
    }
    const int have = int(gate->status.counted.size());
    const int quorum = gate->status.quorum;
    m_quorum->setText((gate->config.distinctGroups ? tr("Approvals: %1/%2, from different groups of: %3")
                                                   : tr("Approvals: %1/%2, from: %3"))
                          .arg(have)
                          .arg(quorum)
                          .arg(gate->config.groups.join(QStringLiteral(", "))));
    const QDateTime now = m_controller->clock().now();
    m_timeLeft->setText(gate->status.deadline.isValid()
            ? tr("Time left: %1 (the gate is rejected at %2)")
                  .arg(GateStatusWidget::timeLeftText(gate->status.deadline, now), localTime(gate->status.deadline))
            : tr("Time left: no timeout"));
    m_reason->setText(gate->status.state == GateState::Approved
            ? tr("Approved: the rollout goes on when the engine next checks.")
            : gate->status.reason);
    m_reason->setStyleSheet(gate->status.state == GateState::Approved ? QStringLiteral("color: #1e7e34;")
            : gate->status.state == GateState::Pending                ? QString()
                                                                      : QStringLiteral("color: #b01c2e;"));

    m_votes->clear();
    for (const GateVote &vote : gate->votes) {
        auto *item = new QTreeWidgetItem(m_votes);
        item->setText(PersonColumn, vote.person);
        item->setText(GroupsColumn, vote.groups.join(QStringLiteral(", ")));
        item->setText(DecisionColumn, vote.decision == Decision::Reject ? tr("reject") : tr("approve"));
        item->setText(WhenColumn, localTime(vote.time));
        QString counts = vote.counted ? tr("counted") : vote.refusal;
        if (!vote.comment.isEmpty())
            item->setToolTip(PersonColumn, vote.comment);
        item->setText(CountsColumn, counts);
        item->setToolTip(CountsColumn, counts);
        item->setForeground(CountsColumn, vote.counted ? QColor(0x1e, 0x7e, 0x34) : QColor(0xb0, 0x1c, 0x2e));
    }
    const bool open = gate->status.state == GateState::Pending && !m_busy;
    m_approve->setEnabled(open);
    m_reject->setEnabled(open);
    if (!m_inputsFor || !(*m_inputsFor == *m_selected))
        rebuildInputs();
}

void ApprovalsView::rebuildInputs()
{
    const PendingGate *gate = selected();
    while (m_inputsForm->rowCount() > 0)
        m_inputsForm->removeRow(0);
    m_inputEdits.clear();
    m_inputsFor = m_selected;
    if (!gate) {
        m_inputsBox->hide();
        return;
    }
    for (const RequiredInput &input : gate->config.inputs) {
        auto *edit = new QLineEdit(m_inputsBox);
        edit->setObjectName(u"gateInput_" + input.name);
        edit->setPlaceholderText(tr("must match %1").arg(input.pattern));
        edit->setProperty("inputName", input.name);
        m_inputsForm->addRow(tr("%1:").arg(input.name), edit);
        m_inputEdits << edit;
    }
    m_inputsBox->setVisible(!m_inputEdits.isEmpty());
}

void ApprovalsView::approveSelected()
{
    decide(Decision::Approve);
}

void ApprovalsView::rejectSelected()
{
    decide(Decision::Reject);
}

void ApprovalsView::decide(Decision decision)
{
    const PendingGate *gate = selected();
    if (!gate || m_busy)
        return;
    DecisionRequest request;
    request.rolloutId = QString::number(gate->rollout.id);
    request.gate = gate->config.name;
    request.decision = decision;
    request.comment = m_comment->text().trimmed();
    if (decision == Decision::Approve) {
        // The gate's required inputs, checked against their patterns before anything is signed.
        QMap<QString, QString> typed;
        for (QLineEdit *edit : std::as_const(m_inputEdits))
            typed.insert(edit->property("inputName").toString(), edit->text());
        const Result<QMap<QString, QString>> inputs = DecisionRecorder::checkInputs(gate->config, typed);
        if (!inputs) {
            finish(false, m_gateBanner, inputs.error().message);
            for (QLineEdit *edit : std::as_const(m_inputEdits)) {
                if (edit->property("inputName").toString() == inputs.error().detail)
                    edit->setFocus();
            }
            return;
        }
        request.inputs = *inputs;
    }
    const QString title = decision == Decision::Approve ? tr("Approve gate %1").arg(gate->config.name)
                                                        : tr("Reject gate %1").arg(gate->config.name);
    const QString text = decision == Decision::Approve
        ? tr("Sign and record your approval of gate “%1” for rollout #%2 (%3 → %4)? It makes %5 of the %6 approvals "
             "needed.")
              .arg(gate->config.name)
              .arg(gate->rollout.id)
              .arg(gate->rollout.versionFrom, gate->rollout.versionTo)
              .arg(gate->status.counted.size() + 1)
              .arg(gate->status.quorum)
        : tr("Sign and record your rejection of gate “%1” for rollout #%2 (%3 → %4)? One rejection rejects the gate.")
              .arg(gate->config.name)
              .arg(gate->rollout.id)
              .arg(gate->rollout.versionFrom, gate->rollout.versionTo);
    const GateContext context = gate->context;
    m_busy = true;
    updateDetail();
    withPersonKey([this, request, context, title, text, decision](const SigningKey &key) {
        signAndRecord(request, key, context, title, text, decision == Decision::Approve ? tr("Approve") : tr("Reject"),
            decision == Decision::Reject);
    });
}

void ApprovalsView::withPersonKey(const std::function<void(const SigningKey &)> &then)
{
    m_busy = true;
    const QString person = m_controller->person();
    m_controller->withPersonKey([this, person, then](const Result<SigningKey> &key, bool created) {
        if (!key) {
            finish(false, m_banner, tr("Your signing key could not be loaded: %1").arg(key.error().message));
            return;
        }
        if (created) {
            m_banner->showMessage(Banner::Kind::Info,
                tr("Created a new Ed25519 key pair for %1; the private key is in the keychain. Add this line to the "
                   "approvers list of each environment you approve for:\n  - {person: %1, groups: [CHANGE-ME], key: "
                   "\"%2\"}")
                    .arg(person, key->publicKey().toString()));
        }
        then(*key);
    });
}

void ApprovalsView::signAndRecord(DecisionRequest request, const SigningKey &key, const GateContext &context,
    const QString &confirmTitle, const QString &confirmText, const QString &confirmLabel, bool destructive)
{
    if (!ensureOpen()) {
        finish(false, m_banner, m_banner->text());
        return;
    }
    request.person = m_controller->person();
    DecisionRecorder recorder = m_controller->recorder();
    Result<SignedStatement> signedStatement = recorder.sign(request, key, context);
    if (!signedStatement) {
        finish(false, m_gateBanner, signedStatement.error().message);
        return;
    }
    Prompter::Question question;
    question.title = confirmTitle;
    question.text = confirmText;
    question.confirmLabel = confirmLabel;
    question.destructive = destructive;
    question.requiresReason = request.decision == Decision::Reject && request.comment.isEmpty();
    const Prompter::Answer answer = m_prompter.ask(this, question);
    if (!answer.confirmed) {
        finish(false, m_gateBanner, QString());
        return;
    }
    if (question.requiresReason) {
        request.comment = answer.reason;
        signedStatement = recorder.sign(request, key, context);
        if (!signedStatement) {
            finish(false, m_gateBanner, signedStatement.error().message);
            return;
        }
    }
    const Result<AuditEntry> recorded = recorder.record(*signedStatement, m_controller->person());
    if (!recorded) {
        finish(false, m_gateBanner, recorded.error().message);
        return;
    }
    m_comment->clear();
    finish(true, m_gateBanner,
        tr("Recorded: %1 %2 gate %3 of rollout #%4 (audit seq %5).")
            .arg(m_controller->person(), toString(request.decision), request.gate, request.rolloutId)
            .arg(recorded->seq));
}

void ApprovalsView::importToken()
{
    if (m_busy || !ensureOpen())
        return;
    Prompter::Question question;
    question.title = tr("Import a decision token");
    question.text = tr("Paste a signed decision (a token starting with glt1.) from another desk. It is verified "
                       "against this environment's approvers before it is recorded.");
    question.confirmLabel = tr("Import");
    question.requiresReason = true;
    const Prompter::Answer answer = m_prompter.ask(this, question);
    if (!answer.confirmed || answer.reason.trimmed().isEmpty())
        return;
    DecisionRecorder recorder = m_controller->recorder();
    const Result<SignedStatement> imported = recorder.importToken(answer.reason, m_controller->person());
    if (!imported) {
        finish(false, m_banner, tr("Token refused: %1").arg(imported.error().message));
        return;
    }
    const Statement &s = imported->statement();
    finish(true, m_banner,
        tr("Imported and verified: %1 %2 gate %3 of rollout #%4 at %5 (signature ok).")
            .arg(s.signer, toString(s.decision), s.gate, s.rolloutId, localTime(s.time)));
}

void ApprovalsView::blockRelease()
{
    const PendingGate *gate = selected();
    if (m_busy || !gate)
        return;
    Prompter::Question question;
    question.title = tr("Block release");
    question.text = tr("Block rollout #%1 (%2 → %3)? While the block is in force it may not start or promote. Say why.")
                        .arg(gate->rollout.id)
                        .arg(gate->rollout.versionFrom, gate->rollout.versionTo);
    question.confirmLabel = tr("Block");
    question.requiresReason = true;
    question.destructive = true;
    const Prompter::Answer answer = m_prompter.ask(this, question);
    if (!answer.confirmed || answer.reason.trimmed().isEmpty())
        return;
    DecisionRequest request;
    request.rolloutId = QString::number(gate->rollout.id);
    request.gate = QLatin1String(Statement::kReleaseGate);
    request.decision = Decision::Block;
    request.inputs.insert(QStringLiteral("reason"), answer.reason.trimmed());
    withPersonKey([this, request](const SigningKey &key) {
        // Already confirmed above: record without asking again.
        if (!ensureOpen()) {
            finish(false, m_banner, m_banner->text());
            return;
        }
        DecisionRequest mine = request;
        mine.person = m_controller->person();
        DecisionRecorder recorder = m_controller->recorder();
        const Result<SignedStatement> signedStatement = recorder.sign(mine, key);
        if (!signedStatement) {
            finish(false, m_banner, signedStatement.error().message);
            return;
        }
        const Result<AuditEntry> recorded = recorder.record(*signedStatement, m_controller->person());
        if (!recorded) {
            finish(false, m_banner, tr("Not recorded: %1").arg(recorded.error().message));
            return;
        }
        finish(true, m_banner,
            tr("Recorded: %1 blocked rollout #%2 (audit seq %3).")
                .arg(m_controller->person(), mine.rolloutId)
                .arg(recorded->seq));
    });
}

void ApprovalsView::finish(bool recorded, Banner *where, const QString &message)
{
    m_busy = false;
    if (!message.isEmpty())
        where->showMessage(recorded ? Banner::Kind::Info : Banner::Kind::Error, message);
    refresh();
    emit decisionFinished(recorded, message);
}

} // namespace gl::ui
