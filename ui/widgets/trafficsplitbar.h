#pragma once

#include <QWidget>

namespace gl::ui {

// The traffic split between the stable and the new version as one painted bar: the stable share on the
// left, the new one on the right (HAProxy's actual share), and a tick where the desired share is. Colours come
// from the palette (light and dark), drawing is vector (crisp at any device pixel ratio).
class TrafficSplitBar final : public QWidget {
    Q_OBJECT
public:
    explicit TrafficSplitBar(QWidget *parent = nullptr);

    // `actualShare` and `desiredShare` are the new version's percent; actual -1 = unknown.
    void setSplit(const QString &stableVersion, const QString &newVersion, double actualShare, double desiredShare);
    void clear();
    [[nodiscard]] double actualShare() const { return m_actual; }
    [[nodiscard]] double desiredShare() const { return m_desired; }
    [[nodiscard]] QString summary() const;

    [[nodiscard]] QSize sizeHint() const override;
    [[nodiscard]] QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QString m_stable;
    QString m_new;
    double m_actual = -1;
    double m_desired = -1;
};

} // namespace gl::ui
