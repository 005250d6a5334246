#pragma once

#include <QDialog>
#include <QStringList>

#include <functional>

class QDialogButtonBox;
class QLabel;
class QListWidget;
class QPushButton;

namespace gl::ui {

// The runbook source folders of the profile (for example git checkouts): the list, Add folder… (a folder
// picker) and Remove. OK hands back the edited list; the Runbooks place applies it and syncs.
class RunbookSourcesDialog final : public QDialog {
    Q_OBJECT
public:
    // Asks for a folder; returns "" when the user cancels. The default opens QFileDialog; tests replace it.
    using FolderPicker = std::function<QString(QWidget *parent)>;

    RunbookSourcesDialog(const QStringList &folders, FolderPicker picker = {}, QWidget *parent = nullptr);

    [[nodiscard]] QStringList folders() const;
    // Asks the picker for a folder and adds it (once).
    void addFolder();
    void removeSelected();

    [[nodiscard]] static FolderPicker defaultPicker();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void updateButtons();

    FolderPicker m_picker;
    QLabel *m_intro;
    QListWidget *m_list;
    QPushButton *m_add;
    QPushButton *m_remove;
    QDialogButtonBox *m_buttons;
};

} // namespace gl::ui
