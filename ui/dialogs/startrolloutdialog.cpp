#include "startrolloutdialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace gl::ui {

StartRolloutDialog::StartRolloutDialog(const Prompter::StartQuestion &question, QWidget *parent)
    : QDialog(parent)
    , m_version(new QLineEdit(this))
    , m_strategy(new QComboBox(this))
    , m_reason(new QLineEdit(this))
    , m_effect(new QLabel(this))
    , m_acceptDowntime(new QCheckBox(this))
{
    setObjectName(QStringLiteral("startRolloutDialog"));
    setWindowTitle(tr("Start a rollout in %1").arg(question.environment));
    m_version->setObjectName(QStringLiteral("versionEdit"));
    m_version->setText(question.suggestedVersion);
    m_version->setPlaceholderText(tr("e.g. v2"));
    m_strategy->setObjectName(QStringLiteral("strategyCombo"));
    m_strategy->addItem(tr("Canary: traffic in steps"), QStringLiteral("canary"));
    m_strategy->addItem(tr("Blue-green: one switch"), QStringLiteral("blue-green"));
    m_strategy->addItem(tr("Rolling: in place, slot by slot"), QStringLiteral("rolling"));
    m_strategy->addItem(tr("Recreate: every slot at once (downtime)"), QStringLiteral("recreate"));
    m_strategy->setCurrentIndex(qMax(0, m_strategy->findData(question.defaultStrategy)));
    m_reason->setObjectName(QStringLiteral("reasonEdit"));
    m_reason->setPlaceholderText(tr("Why (recorded with who and when)"));
    m_effect->setObjectName(QStringLiteral("startEffectLabel"));
    m_effect->setWordWrap(true);
    m_acceptDowntime->setObjectName(QStringLiteral("acceptDowntimeCheck"));
    m_acceptDowntime->setText(tr("I accept that the service is down while every slot is replaced"));

    auto *form = new QFormLayout;
    if (!question.currentVersion.isEmpty())
        form->addRow(tr("Serving now:"), new QLabel(question.currentVersion, this));
    form->addRow(tr("&Version:"), m_version);
    form->addRow(tr("&Strategy:"), m_strategy);
    form->addRow(tr("&Reason:"), m_reason);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_start = buttons->addButton(tr("Start rollout"), QDialogButtonBox::AcceptRole);
    m_start->setObjectName(QStringLiteral("startButton"));
    m_start->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_effect);
    layout->addWidget(m_acceptDowntime);
    layout->addWidget(buttons);

    connect(m_version, &QLineEdit::textChanged, this, &StartRolloutDialog::updateState);
    connect(m_strategy, &QComboBox::currentIndexChanged, this, &StartRolloutDialog::updateState);
    connect(m_acceptDowntime, &QCheckBox::toggled, this, &StartRolloutDialog::updateState);
    updateState();
    resize(qMax(width(), 460), height());
}

void StartRolloutDialog::updateState()
{
    const QString strategy = m_strategy->currentData().toString();
    const bool recreate = strategy == u"recreate";
    const QString version = m_version->text().trimmed();
    const QString v = version.isEmpty() ? tr("the new version") : version;
    m_acceptDowntime->setVisible(recreate);
    if (strategy == u"canary")
        m_effect->setText(
            tr("%1 is deployed on idle slots, then gets traffic in steps; each step waits before the next. "
               "No downtime.")
                .arg(v));
    else if (strategy == u"blue-green")
        m_effect->setText(
            tr("%1 is deployed on the whole idle colour, then all traffic switches at once; the old colour is kept "
               "for a while so rollback stays instant. No downtime.")
                .arg(v));
    else if (strategy == u"rolling")
        m_effect->setText(
            tr("The serving slots are replaced with %1 a few at a time (drained first). No downtime.").arg(v));
    else
        m_effect->setText(tr("<b>Downtime:</b> every serving slot is drained and replaced with %1 at once; requests "
                             "fail until the new slots are healthy.")
                              .arg(v.toHtmlEscaped()));
    m_start->setEnabled(!version.isEmpty() && (!recreate || m_acceptDowntime->isChecked()));
}

Prompter::StartAnswer StartRolloutDialog::answer() const
{
    Prompter::StartAnswer a;
    a.confirmed = result() == QDialog::Accepted;
    a.version = m_version->text().trimmed();
    a.strategy = m_strategy->currentData().toString();
    a.reason = m_reason->text().trimmed();
    a.acceptDowntime = a.strategy == u"recreate" && m_acceptDowntime->isChecked();
    return a;
}

} // namespace gl::ui
