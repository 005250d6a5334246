#include "emptystate.h"

#include <QLabel>
#include <QVBoxLayout>

namespace gl::ui {

EmptyState::EmptyState(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_description(new QLabel(this))
{
    m_title->setObjectName(QStringLiteral("emptyStateTitle"));
    m_description->setObjectName(QStringLiteral("emptyStateDescription"));
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setAlignment(Qt::AlignCenter);
    m_description->setAlignment(Qt::AlignCenter);
    m_description->setWordWrap(true);
    m_description->setForegroundRole(QPalette::PlaceholderText);

    auto *layout = new QVBoxLayout(this);
    layout->addStretch(2);
    layout->setContentsMargins(64, 24, 64, 24);
    layout->addWidget(m_title);
    layout->addSpacing(8);
    layout->addWidget(m_description);
    layout->addStretch(3);
}

void EmptyState::setTexts(const QString &title, const QString &description)
{
    m_title->setText(title);
    m_description->setText(description);
}

} // namespace gl::ui
