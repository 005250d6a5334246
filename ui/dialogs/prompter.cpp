#include "prompter.h"

#include "startrolloutdialog.h"

#include <QCoreApplication>
#include <QDialog>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace gl::ui {

Prompter::StartAnswer Prompter::askStartRollout(QWidget *, const StartQuestion &)
{
    return {};
}

Prompter::StartAnswer DialogPrompter::askStartRollout(QWidget *parent, const StartQuestion &question)
{
    StartRolloutDialog dialog(question, parent);
    StartAnswer answer;
    if (dialog.exec() != QDialog::Accepted)
        return answer;
    return dialog.answer();
}

namespace {

// Space never fires the confirm button: it reacts to a click, or to Enter once a person tabbed to it on purpose.
class ConfirmKeyFilter final : public QObject {
public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() != QEvent::KeyPress && event->type() != QEvent::KeyRelease)
            return false;
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Space)
            return true;
        if ((key == Qt::Key_Return || key == Qt::Key_Enter) && event->type() == QEvent::KeyPress) {
            auto *button = static_cast<QPushButton *>(watched);
            if (button->isEnabled())
                button->click();
            return true;
        }
        return false;
    }
};

} // namespace

LiveQuestion::LiveQuestion(std::function<State()> read, QObject *parent)
    : QObject(parent)
    , m_read(std::move(read))
{ }

Prompter::Answer DialogPrompter::ask(QWidget *parent, const Question &question)
{
    QDialog dialog(parent);
    dialog.setObjectName(QStringLiteral("confirmDialog"));
    dialog.setWindowTitle(question.title);
    auto *layout = new QVBoxLayout(&dialog);
    // The title again inside the dialog, in bold: window managers (and a grab of the dialog) do not always show the
    // window title, and it names the rollout and environment the question is about.
    auto *heading = new QLabel(question.title, &dialog);
    heading->setObjectName(QStringLiteral("confirmHeading"));
    heading->setTextFormat(Qt::PlainText);
    heading->setWordWrap(true);
    QFont headingFont = heading->font();
    headingFont.setBold(true);
    heading->setFont(headingFont);
    layout->addWidget(heading);
    auto *text = new QLabel(question.text, &dialog);
    text->setObjectName(QStringLiteral("confirmText"));
    text->setTextFormat(Qt::PlainText);
    text->setWordWrap(true);
    layout->addWidget(text);

    QLineEdit *reason = nullptr;
    if (question.requiresReason || question.offersReason) {
        reason = new QLineEdit(&dialog);
        reason->setObjectName(QStringLiteral("reasonEdit"));
        reason->setMaxLength(1000);
        // A visible label rather than only a placeholder: the placeholder is gone once something is typed.
        auto *reasonLabel
            = new QLabel(question.requiresReason ? QCoreApplication::translate("gl::ui::Prompter", "Reason (required)")
                                                 : QCoreApplication::translate("gl::ui::Prompter", "Reason (optional)"),
                &dialog);
        reasonLabel->setObjectName(QStringLiteral("reasonLabel"));
        reasonLabel->setBuddy(reason);
        layout->addSpacing(reasonLabel->fontMetrics().height() / 2);
        layout->addWidget(reasonLabel);
        layout->addWidget(reason);
    }

    // Plain buttons rather than a QDialogButtonBox: the box makes its first accept button the default on show, and
    // a default (or auto-default) button is what Enter or Space fires by accident.
    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    auto *cancel = new QPushButton(QCoreApplication::translate("gl::ui::Prompter", "Cancel"), &dialog);
    cancel->setObjectName(QStringLiteral("cancelButton"));
    auto *confirm = new QPushButton(question.confirmLabel, &dialog);
    confirm->setObjectName(QStringLiteral("confirmButton"));
    for (QPushButton *button : {cancel, confirm}) {
        button->setAutoDefault(false);
        button->setDefault(false);
    }
    confirm->installEventFilter(new ConfirmKeyFilter(confirm));
    buttons->addWidget(cancel);
    buttons->addWidget(confirm);
    layout->addLayout(buttons);
    QObject::connect(cancel, &QPushButton::clicked, &dialog, &QDialog::reject);
    QObject::connect(confirm, &QPushButton::clicked, &dialog, &QDialog::accept);

    const auto ruleMet
        = [&question, reason] { return !question.requiresReason || !reason->text().trimmed().isEmpty(); };
    if (reason) {
        confirm->setEnabled(ruleMet());
        QObject::connect(
            reason, &QLineEdit::textChanged, confirm, [confirm, ruleMet] { confirm->setEnabled(ruleMet()); });
        // Enter in the reason field confirms only when the reason rule is met.
        QObject::connect(reason, &QLineEdit::returnPressed, &dialog, [&dialog, confirm, ruleMet] {
            if (ruleMet() && confirm->isEnabled())
                dialog.accept();
        });
    }
    // Wide enough for a sentence or two per line in any language and a reason of a few words in view.
    dialog.setMinimumWidth(qMax(440, text->fontMetrics().averageCharWidth() * 64));

    // Where the keyboard starts: the reason field; without one, Cancel for a destructive question.
    QWidget *initialFocus = reason ? static_cast<QWidget *>(reason) : question.destructive ? cancel : confirm;
    dialog.setFocusProxy(initialFocus);
    initialFocus->setFocus();

    QString closedReason;
    if (question.live) {
        QObject::connect(question.live, &LiveQuestion::changed, &dialog, [&dialog, &closedReason, text, &question] {
            if (!question.live)
                return;
            const LiveQuestion::State state = question.live->state();
            if (!state.valid) {
                closedReason = state.closedReason;
                dialog.reject();
                return;
            }
            text->setText(state.text);
        });
    }

    Answer answer;
    answer.confirmed = dialog.exec() == QDialog::Accepted && closedReason.isEmpty();
    answer.closedReason = closedReason;
    if (reason)
        answer.reason = reason->text().trimmed();
    return answer;
}

QString DialogPrompter::openFileName(QWidget *parent, const QString &title, const QString &filter)
{
    return QFileDialog::getOpenFileName(parent, title, QString(), filter);
}

} // namespace gl::ui
