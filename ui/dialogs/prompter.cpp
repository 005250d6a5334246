#include "prompter.h"

#include "startrolloutdialog.h"

#include <QCoreApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFileDialog>
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

Prompter::Answer DialogPrompter::ask(QWidget *parent, const Question &question)
{
    QDialog dialog(parent);
    dialog.setObjectName(QStringLiteral("confirmDialog"));
    dialog.setWindowTitle(question.title);
    auto *layout = new QVBoxLayout(&dialog);
    auto *text = new QLabel(question.text, &dialog);
    text->setWordWrap(true);
    layout->addWidget(text);

    QLineEdit *reason = nullptr;
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, &dialog);
    QPushButton *confirm = buttons->addButton(question.confirmLabel, QDialogButtonBox::AcceptRole);
    confirm->setObjectName(QStringLiteral("confirmButton"));
    if (question.requiresReason) {
        reason = new QLineEdit(&dialog);
        reason->setObjectName(QStringLiteral("reasonEdit"));
        reason->setPlaceholderText(QCoreApplication::translate("gl::ui::Prompter", "Reason (required)"));
        layout->addWidget(reason);
        confirm->setEnabled(false);
        QObject::connect(reason, &QLineEdit::textChanged, confirm,
            [confirm](const QString &value) { confirm->setEnabled(!value.trimmed().isEmpty()); });
    } else if (question.offersReason) {
        reason = new QLineEdit(&dialog);
        reason->setObjectName(QStringLiteral("reasonEdit"));
        reason->setPlaceholderText(QCoreApplication::translate("gl::ui::Prompter", "Reason (optional)"));
        layout->addWidget(reason);
    }
    if (!question.destructive)
        confirm->setDefault(true);
    layout->addWidget(buttons);
    QObject::connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);

    Answer answer;
    answer.confirmed = dialog.exec() == QDialog::Accepted;
    if (reason)
        answer.reason = reason->text().trimmed();
    return answer;
}

QString DialogPrompter::openFileName(QWidget *parent, const QString &title, const QString &filter)
{
    return QFileDialog::getOpenFileName(parent, title, QString(), filter);
}

} // namespace gl::ui
