#include "gui/window/SceneExport.h"

#include <QGraphicsScene>
#include <QImage>
#include <QPainter>
#include <QSvgGenerator>

namespace lab {

Status exportScene(QGraphicsScene& scene, const QString& path, const QString& title) {
    const QRectF area = scene.sceneRect();
    if (path.endsWith(QLatin1String(".svg"), Qt::CaseInsensitive)) {
        QSvgGenerator svg;
        svg.setFileName(path);
        svg.setSize(area.size().toSize());
        svg.setViewBox(QRectF(QPointF(0, 0), area.size()));
        svg.setTitle(title);
        QPainter painter;
        if (!painter.begin(&svg))
            return Error{"cannot write " + path.toStdString()};
        scene.render(&painter, QRectF(QPointF(0, 0), area.size()), area);
        painter.end();
        return Ok{};
    }
    QImage image((area.size() * 2).toSize(), QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    scene.render(&painter, QRectF(image.rect()), area);
    painter.end();
    if (!image.save(path, "PNG"))
        return Error{"cannot write " + path.toStdString()};
    return Ok{};
}

} // namespace lab
