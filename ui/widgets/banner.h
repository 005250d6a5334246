#pragma once

#include <QFrame>

class QLabel;
class QToolButton;

namespace gl::ui {

// An inline message strip at the top of a view, for problems the user can recover from
// (a malformed environment file, an unreachable HAProxy). Modal dialogs are only for decisions.
class Banner final : public QFrame {
    Q_OBJECT
public:
    enum class Kind { Info, Warning, Error };

    explicit Banner(QWidget *parent = nullptr);

    void showMessage(Kind kind, const QString &text);
    [[nodiscard]] QString text() const;
    [[nodiscard]] Kind kind() const { return m_kind; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyStyle();
    void relayout();

    QLabel *m_icon;
    QLabel *m_label;
    QToolButton *m_close;
    Kind m_kind = Kind::Info;
};

} // namespace gl::ui
