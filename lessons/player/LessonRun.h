#pragma once
// A lesson played on an engine session: runs each step's fault and console lines through the
// console's own CommandLoop, watches the engine, and answers what the lesson asks of it (a
// container's state, exit code, events, the states it visited) for checks, predict questions
// and placeholders. Nothing is decided here that the engine does not say.

#include "engine/Engine.h"
#include "player/Lesson.h"
#include "session/EngineSession.h"

#include <QString>
#include <QStringList>
#include <map>
#include <ostream>

namespace lab {

/// What the engine says about one container at one moment.
struct ContainerFacts {
    bool exists = false;
    QString state = QStringLiteral("removed"); ///< Docker's word, or "removed"
    int exitCode = 0;
    int restartCount = 0;
    bool oomKilled = false;
};

/// One lesson on one session, step by step.
class LessonRun : private EngineObserver {
public:
    /// session: where the lesson runs (the simulation for answers and tests, the real backend
    /// for a lesson that needs it, or the window's own session); it must outlive the run.
    explicit LessonRun(EngineSession& session);
    ~LessonRun() override;
    LessonRun(const LessonRun&) = delete;
    LessonRun& operator=(const LessonRun&) = delete;

    /// The session's engine was replaced by a fresh one (the window's step back, reset or
    /// restart): watches engine from now on and forgets what the old one did, which a replay
    /// into engine records again. The old engine must still be alive.
    void follow(Engine& engine);

    /// Runs step's fault and lines; each line is echoed to out as "docker> LINE" when echo is
    /// set, followed by the console's exact output on out and err (and, when echoed, the kernel
    /// operations of the real backend, as the console's --trace prints them).
    void runStep(const LessonStep& step, std::ostream& out, std::ostream& err, bool echo);

    ContainerFacts facts(const QString& container);
    /// The container's docker event actions since the lesson began, oldest first.
    QStringList events(const QString& container) const;
    /// The states the container has been in, in order of first visit.
    QStringList visited(const QString& container) const;
    /// The exit status of the last docker command run.
    int lastStatus() const { return m_lastStatus; }
    /// Engine time since the lesson began.
    Duration elapsed() const;
    /// What the machine would answer to command on container now (Verdict questions).
    std::optional<Verdict> preview(const QString& container, Command command);

    /// Whether check holds now.
    bool holds(const Check& check);
    /// A value for a placeholder of the lesson text: kind "exitCode", "state", "restartCount"
    /// (of container) or "status".
    QString placeholder(const QString& kind, const QString& container);

private:
    void reacted(const Container& container, const Reaction& reaction,
                 const OutcomeEvent* outcome) override;
    void published(const DockerEvent& event) override;
    Container* find(const QString& container);
    /// What byId holds for the container that has (or had) this name.
    QStringList recorded(const std::map<std::string, QStringList>& byId,
                         const QString& container) const;

    EngineSession& m_session;
    Engine* m_engine; ///< the engine watched: the session's, until a replay replaces it
    TimePoint m_began{};
    int m_lastStatus = 0;
    std::map<std::string, std::string> m_idByName; ///< every name seen, to follow the removed
    std::map<std::string, QStringList> m_visited;  ///< by ID
    std::map<std::string, QStringList> m_events;   ///< by ID
};

/// Does fault to engine, as the window's Faults menu does; the error says why it cannot.
Status applyFault(const FaultAction& fault, Engine& engine);

/// A check in words, as the player reports it: "web is exited", "web 的状态是 exited".
QString describeCheck(const Check& check, Language language);

/// Words for a Verdict, as the questions use them: "refused", "ignored (304)", "carried out".
QString verdictWord(Verdict verdict, Language language);

} // namespace lab
