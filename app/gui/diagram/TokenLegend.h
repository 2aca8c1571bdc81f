#pragma once
// Whose token is whose: a key in the diagram's empty top-left corner, one line per container
// on the diagram, its token's colour and its name, in the order they appeared; the selected one
// in bold. Beyond a handful of lines it says how many more there are.

#include <QColor>
#include <QGraphicsItem>
#include <QString>
#include <vector>

namespace lab {

/// The diagram's key of tokens.
class TokenLegendItem final : public QGraphicsItem {
public:
    /// How many containers the key names before "and n more".
    static constexpr int kLinesShown = 7;

    struct Entry {
        QColor colour;
        QString name;
        bool selected = false;
    };

    explicit TokenLegendItem(QPointF topLeft);

    void setEntries(std::vector<Entry> entries);
    /// The lines the key shows now, "and 3 more" included.
    QStringList lines() const;

    /// Where the key stands with all its lines, "and n more" included: labels keep off it.
    QRectF fullRect() const;

    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    qreal lineHeight() const;

    QPointF m_topLeft;
    std::vector<Entry> m_entries;
};

} // namespace lab
