#include "runbooksourcesdialog.h"

#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace gl::ui {

RunbookSourcesDialog::FolderPicker RunbookSourcesDialog::defaultPicker()
{
    return [](QWidget *parent) {
        return QFileDialog::getExistingDirectory(parent,
            QCoreApplication::translate("gl::ui::RunbookSourcesDialog", "Choose a folder of runbooks"),
            QDir::homePath());
    };
}

RunbookSourcesDialog::RunbookSourcesDialog(const QStringList &folders, FolderPicker picker, QWidget *parent)
    : QDialog(parent)
    , m_picker(picker ? std::move(picker) : defaultPicker())
    , m_intro(new QLabel(this))
    , m_list(new QListWidget(this))
    , m_add(new QPushButton(this))
    , m_remove(new QPushButton(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("runbookSourcesDialog"));
    m_intro->setWordWrap(true);
    m_list->setObjectName(QStringLiteral("runbookSourcesList"));
    m_list->addItems(folders);
    m_add->setObjectName(QStringLiteral("addRunbookSourceButton"));
    m_remove->setObjectName(QStringLiteral("removeRunbookSourceButton"));
    m_buttons->setObjectName(QStringLiteral("runbookSourcesButtons"));

    auto *row = new QHBoxLayout;
    row->addWidget(m_add);
    row->addWidget(m_remove);
    row->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addWidget(m_list, 1);
    layout->addLayout(row);
    layout->addWidget(m_buttons);

    connect(m_add, &QPushButton::clicked, this, &RunbookSourcesDialog::addFolder);
    connect(m_remove, &QPushButton::clicked, this, &RunbookSourcesDialog::removeSelected);
    connect(m_list, &QListWidget::currentRowChanged, this, &RunbookSourcesDialog::updateButtons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    resize(560, 320);
    retranslate();
    updateButtons();
}

QStringList RunbookSourcesDialog::folders() const
{
    QStringList out;
    for (int i = 0; i < m_list->count(); ++i)
        out << m_list->item(i)->text();
    return out;
}

void RunbookSourcesDialog::addFolder()
{
    const QString folder = m_picker(this);
    if (folder.isEmpty())
        return;
    const QString clean = QDir::cleanPath(folder);
    if (!folders().contains(clean))
        m_list->addItem(clean);
    m_list->setCurrentRow(int(folders().indexOf(clean)));
    updateButtons();
}

void RunbookSourcesDialog::removeSelected()
{
    delete m_list->takeItem(m_list->currentRow());
    updateButtons();
}

void RunbookSourcesDialog::updateButtons()
{
    m_remove->setEnabled(m_list->currentRow() >= 0);
}

void RunbookSourcesDialog::retranslate()
{
    setWindowTitle(tr("Runbook sources"));
    m_intro->setText(tr("Folders of Markdown runbooks (for example a git checkout), remembered for this profile. "
                        "Sync imports every *.md file under them into the local copy."));
    m_add->setText(tr("Add folder…"));
    m_remove->setText(tr("Remove"));
}

void RunbookSourcesDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

} // namespace gl::ui
