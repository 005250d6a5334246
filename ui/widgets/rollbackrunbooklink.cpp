#include "rollbackrunbooklink.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>

namespace gl::ui {
namespace {

RollbackRunbookLink::TitleLookup &titleLookup()
{
    static RollbackRunbookLink::TitleLookup lookup;
    return lookup;
}

} // namespace

void RollbackRunbookLink::setTitleLookup(TitleLookup lookup)
{
    titleLookup() = std::move(lookup);
}

RollbackRunbookLink::RollbackRunbookLink(QWidget *parent)
    : QWidget(parent)
    , m_text(new QLabel(this))
    , m_open(new QPushButton(this))
{
    setObjectName(QStringLiteral("rollbackRunbookLink"));
    m_text->setObjectName(QStringLiteral("rollbackRunbookText"));
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::PlainText);
    m_open->setObjectName(QStringLiteral("openRollbackRunbookButton"));
    m_open->setIcon(style()->standardIcon(QStyle::SP_FileDialogInfoView));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_open, 0, Qt::AlignVCenter);
    connect(m_open, &QPushButton::clicked, this, [this] {
        if (!m_runbookId.isEmpty())
            emit openRunbook(m_runbookId);
    });
    refresh();
}

void RollbackRunbookLink::setEnvironment(const gl::Environment &environment)
{
    m_runbookId = environment.rollbackRunbook;
    refresh();
}

void RollbackRunbookLink::setRollout(const std::optional<gl::RolloutRecord> &rollout)
{
    m_state = rollout ? std::optional<RolloutState>(rollout->state) : std::nullopt;
    refresh();
}

QString RollbackRunbookLink::runbookId() const
{
    const bool offered = !m_runbookId.isEmpty() && m_state
        && (*m_state == RolloutState::Aborted || *m_state == RolloutState::RolledBack);
    return offered ? m_runbookId : QString();
}

void RollbackRunbookLink::refresh()
{
    const QString id = runbookId();
    setVisible(!id.isEmpty());
    if (id.isEmpty())
        return;
    QString title = titleLookup() ? titleLookup()(id) : QString();
    if (title.isEmpty())
        title = id;
    m_text->setText(*m_state == RolloutState::RolledBack
            ? tr("This rollout was rolled back. Follow the runbook '%1' to check the service.").arg(title)
            : tr("This rollout was aborted. Follow the runbook '%1' to check the service.").arg(title));
    m_open->setText(tr("Open runbook"));
    m_open->setToolTip(tr("Show the runbook '%1' in the Runbooks place.").arg(title));
}

void RollbackRunbookLink::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        refresh();
    QWidget::changeEvent(event);
}

void RollbackRunbookLink::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    // The library may have synced since the text was written: pick up the title.
    if (!runbookId().isEmpty() && m_text->text().contains(u'\'' + m_runbookId + u'\''))
        refresh();
}

} // namespace gl::ui
