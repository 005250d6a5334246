#pragma once

#include <QWidget>

class QLabel;

namespace gl::ui {

// What a place shows when it has nothing to show yet: a title and one sentence saying what would
// appear here and how to get there.
class EmptyState final : public QWidget {
    Q_OBJECT
public:
    explicit EmptyState(QWidget *parent = nullptr);
    void setTexts(const QString &title, const QString &description);

private:
    QLabel *m_title;
    QLabel *m_description;
};

} // namespace gl::ui
