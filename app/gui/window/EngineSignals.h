#pragma once
// The engine's observer interface turned into Qt signals, so that every panel connects to what
// it shows with ordinary connects. Signals are emitted while the engine works (direct
// connections): a container reported as reacted is still held by the engine at that moment,
// even when the reaction removes it.

#include "engine/Engine.h"

#include <QObject>
#include <QString>

namespace lab {

/// Relays one engine's observer calls as signals; detaches itself when destroyed.
class EngineSignals final : public QObject, private EngineObserver {
    Q_OBJECT
public:
    explicit EngineSignals(Engine& engine, QObject* parent = nullptr);
    ~EngineSignals() override;

    /// The engine relayed now; read it at each use, as it changes on step back.
    Engine& engine() const { return *m_engine; }
    /// Relays another engine from now on (a replayed one) and tells every panel.
    void rebind(Engine& engine);

signals:
    /// The machine of the container with this full ID reacted to a command (outcome null) or
    /// to an outcome (valid during the emission only).
    void containerReacted(const QString& containerId, const lab::Reaction& reaction,
                          const lab::OutcomeEvent* outcome);
    /// The daemon logged an event.
    void eventPublished(const lab::DockerEvent& event);
    /// The engine was replaced (step back, reset): panels re-read everything from engine().
    void engineReplaced();
    /// A docker run, create or pull moved one step (report.pull is valid during the call only).
    void runFlowStepped(const lab::RunFlowReport& report);

private:
    void reacted(const Container& container, const Reaction& reaction,
                 const OutcomeEvent* outcome) override;
    void published(const DockerEvent& event) override;
    void runFlowMoved(const RunFlowReport& report) override;

    Engine* m_engine;
};

} // namespace lab
