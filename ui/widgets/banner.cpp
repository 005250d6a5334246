#include "banner.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLayout>
#include <QStyle>
#include <QToolButton>

namespace gl::ui {

Banner::Banner(QWidget *parent)
    : QFrame(parent)
    , m_icon(new QLabel(this))
    , m_label(new QLabel(this))
    , m_close(new QToolButton(this))
{
    setObjectName(QStringLiteral("banner"));
    m_label->setObjectName(QStringLiteral("bannerText"));
    m_label->setWordWrap(true);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_close->setObjectName(QStringLiteral("bannerCloseButton"));
    m_close->setAutoRaise(true);
    m_close->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    m_close->setToolTip(tr("Dismiss"));
    m_close->setAccessibleName(tr("Dismiss"));
    connect(m_close, &QToolButton::clicked, this, &QWidget::hide);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 6, 4, 6);
    layout->addWidget(m_icon, 0, Qt::AlignTop);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_close, 0, Qt::AlignTop);
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    hide();
}

void Banner::showMessage(Kind kind, const QString &text)
{
    m_kind = kind;
    m_label->setText(text);
    applyStyle();
    if (isVisible())
        relayout();
    else
        show(); // showing lays the parents out at once
}

// A new text changes the label's height for its width, but that reaches the page's layout only through posted
// layout requests (the banner's, then its parent's): until both ran the page keeps the old message's height and
// the new lines are cut off (a "Verifying…" line replaced by a result and its warnings). Lay out now, as Qt does
// when a widget is shown.
void Banner::relayout()
{
    if (QLayout *own = layout())
        own->activate();
    updateGeometry();
    for (QWidget *parent = parentWidget(); parent && parent->isVisible(); parent = parent->parentWidget()) {
        if (QLayout *layout = parent->layout())
            layout->activate();
        if (parent->isWindow())
            break;
    }
}

QString Banner::text() const
{
    return m_label->text();
}

void Banner::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_close->setToolTip(tr("Dismiss"));
        m_close->setAccessibleName(tr("Dismiss"));
    } else if (event->type() == QEvent::PaletteChange) {
        applyStyle();
    }
    QFrame::changeEvent(event);
}

void Banner::applyStyle()
{
    QStyle::StandardPixmap icon = QStyle::SP_MessageBoxInformation;
    QColor tint(0x1e, 0x88, 0xe5);
    if (m_kind == Kind::Warning) {
        icon = QStyle::SP_MessageBoxWarning;
        tint = QColor(0xf9, 0xa8, 0x25);
    } else if (m_kind == Kind::Error) {
        icon = QStyle::SP_MessageBoxCritical;
        tint = QColor(0xe5, 0x39, 0x35);
    }
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize);
    m_icon->setPixmap(style()->standardIcon(icon).pixmap(size, size, QIcon::Normal));
    // Blend the tint into the palette's window colour so the banner reads in light and dark themes alike.
    QPalette pal = palette();
    const QColor base
        = parentWidget() ? parentWidget()->palette().color(QPalette::Window) : pal.color(QPalette::Window);
    QColor mixed;
    mixed.setRgbF(base.redF() * 0.82 + tint.redF() * 0.18, base.greenF() * 0.82 + tint.greenF() * 0.18,
        base.blueF() * 0.82 + tint.blueF() * 0.18);
    pal.setColor(QPalette::Window, mixed);
    setPalette(pal);
}

} // namespace gl::ui
