#pragma once
// The centre of the window: the lifecycle drawn from the transition table, animated from the
// engine's steps as the step timeline shows them. Each container is a coloured token that travels
// along the edge it takes; the selected one's place lights up and its last edge stays highlighted
// until its next step; every place counts the containers on it. A refused command flashes the
// edges it would have taken and shows Docker's words and why; a stop shows its signals and the
// timeout running down in engine time.

#include "base/Expected.h"
#include "gui/diagram/DiagramItems.h"
#include "gui/window/StepTimeline.h"

#include <QGraphicsView>
#include <QVariantAnimation>
#include <map>
#include <optional>
#include <vector>

class QGraphicsSimpleTextItem;
class QGraphicsTextItem;

namespace lab {

class TokenItem;
class TokenLegendItem;
class ViewZoom;

/// The lifecycle diagram over one step timeline.
class LifecycleDiagram final : public QGraphicsView {
    Q_OBJECT
public:
    explicit LifecycleDiagram(StepTimeline& timeline, QWidget* parent = nullptr);
    ~LifecycleDiagram() override;

    /// Follows this container (full ID; empty: none).
    void setSelectedContainer(const QString& containerId);
    /// Engine seconds per wall second: how fast tokens travel.
    void setSpeed(double speed) { m_speed = speed; }

    /// The place the selected container stands on, if one is selected and not removed.
    std::optional<LifecycleState> activeNode() const;
    /// The edge the selected container took last, or nullptr.
    const EdgeItem* takenEdge() const;
    /// Every edge drawn, in the order of lifecycleEdges().
    const std::vector<EdgeItem*>& edges() const { return m_edges; }
    /// The place item of a node.
    const NodeItem* nodeItem(LifecycleState node) const { return m_nodes.at(node); }
    /// A container's token, or nullptr once it is removed.
    TokenItem* token(const QString& containerId) const;
    /// What the selected container's last step did ("SIGTERM sent · SIGKILL in 4.0 s").
    QString caption() const;
    /// The last refusal: Docker's message, then why in plain words; empty when none.
    QString refusal() const;
    /// The edges the selected container's next commands can take now (LegalEdgeMarker); those
    /// leaving the place the diagram shows it on are marked.
    void setLegalEdges(std::vector<int> edges);
    /// The edges marked legal now (indices into edges()).
    std::vector<int> legalEdges() const;
    /// The edges the last refused command would have taken (indices into edges()).
    const std::vector<int>& refusedEdges() const { return m_refusedEdges; }
    /// The key of tokens: which colour is which container.
    const TokenLegendItem& tokenKey() const { return *m_tokenKey; }
    /// Ends every token's journey at once (for a still picture).
    void settle();
    /// Redraws in the current DiagramStyle (theme, presenter mode).
    void restyle();
    /// Writes the whole diagram to path: SVG when it ends in .svg, otherwise a PNG at twice
    /// the scene's size (sharp on a projector).
    Status exportTo(const QString& path) const;
    /// Zoom, pan and fit to window.
    ViewZoom& zoom() const { return *m_zoom; }

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    class Uncached;
    struct Shown {
        std::size_t order = 0; // the n-th container seen: its colour and its slot
        LifecycleState node = LifecycleState::Start;
        int lastEdge = -1;
        TokenItem* token = nullptr;
        std::optional<TimePoint> killAt; // a stop's SIGKILL is due then
        QString story;
    };

    void addTexts();
    void placeTexts();
    void apply(const EngineStep& step, bool animate);
    void tell(Shown& shown, const EngineStep& step);
    void showRefusal(const EngineStep& step);
    void forget(const QString& containerId);
    void rebuild();
    void refresh();
    void layOutTokens();
    void showCaption();

    StepTimeline& m_timeline;
    std::map<LifecycleState, NodeItem*> m_nodes;
    std::vector<EdgeItem*> m_edges;
    std::map<QString, Shown> m_shown; // container ID -> what the diagram shows of it
    std::size_t m_seen = 0;
    QString m_selected;
    double m_speed = 1.0;
    QGraphicsSimpleTextItem* m_legend = nullptr;
    TokenLegendItem* m_tokenKey = nullptr;
    QGraphicsSimpleTextItem* m_caption = nullptr;
    QGraphicsTextItem* m_refusal = nullptr; // Docker's messages are long: wrapped
    std::vector<int> m_refusedEdges;
    std::vector<int> m_legalEdges; // as the engine answers now
    QVariantAnimation m_flash;
    ViewZoom* m_zoom;
};

} // namespace lab
