// What the Boost.MSM table costs per event, against the same lifecycle written by hand as a
// `switch` over (state, event). Both answer with the same Reaction (checked before timing), so
// the difference is the dispatch: MSM's per-event tables and guard chains versus two switches.
// The mix is a realistic classroom session: start, pause, refused start, unpause, wait, rename,
// a handled HUP, stop, refused pause, restart, kill, stop of a stopped container.

#include "machines/Lifecycle.h"
#include "machines/LifecycleRules.h"
#include "machines/RestartManager.h"

#include <benchmark/benchmark.h>
#include <variant>

using namespace lab;

namespace {

// ---- the same table, as a switch (no row numbers: that bookkeeping is MSM's alone) ----------

class SwitchLifecycle {
public:
    LifecycleState node() const { return m_node; }

    Reaction handle(const CommandEvent& e, LifecycleRecord& r) {
        Reaction out;
        out.from = m_node;
        const bool paused = m_node == LifecycleState::Paused;
        auto refuse = [&](Refusal why) {
            out.verdict = Verdict::Refused;
            out.refusal = why;
        };
        auto startAfresh = [&](Intent intent) {
            r.restartCount = 0;
            r.backoff = Duration{0};
            r.manuallyStopped = false;
            r.restartCancelled = false;
            r.intent = intent;
            out.effects.push_back({EffectKind::StartProcess});
        };
        auto stopProcess = [&](Intent intent) {
            r.manuallyStopped = r.restartCancelled = true;
            r.intent = intent;
            out.effects.push_back({EffectKind::StopProcess, r.stopSignal, paused, e.timeout});
        };
        auto kill = [&](Intent intent) {
            r.manuallyStopped = r.restartCancelled = true;
            r.intent = intent;
            out.effects.push_back({EffectKind::KillProcess, 9, paused});
        };
        const bool alive = m_node == LifecycleState::Running || paused;
        const bool gone = m_node == LifecycleState::Removing || m_node == LifecycleState::Dead;
        switch (e.command) {
        case Command::Create:
            if (m_node != LifecycleState::Start)
                return noTransition(out);
            out.actions.push_back(DockerAction::Create);
            m_node = LifecycleState::Created;
            break;
        case Command::Start:
            if (m_node == LifecycleState::Created || m_node == LifecycleState::Exited)
                startAfresh(Intent::Start);
            else if (paused)
                refuse(Refusal::StartPaused);
            else if (gone)
                refuse(Refusal::MarkedForRemoval);
            else
                out.verdict = Verdict::NotModified;
            break;
        case Command::Stop:
            if (alive)
                stopProcess(Intent::Stop);
            else if (m_node == LifecycleState::Restarting) {
                r.manuallyStopped = r.restartCancelled = true;
                out.effects.push_back({EffectKind::CancelRestart});
                out.actions.push_back(DockerAction::Stop);
                m_node = LifecycleState::Exited;
            } else
                out.verdict = Verdict::NotModified;
            break;
        case Command::Kill:
            if (alive && isSigkill(e.signal))
                kill(Intent::Kill);
            else if (alive) {
                const bool cancels = killCancelsRestart(r, e.signal);
                r.manuallyStopped = true;
                r.restartCancelled = r.restartCancelled || cancels;
                out.effects.push_back({EffectKind::Signal, e.signal, paused && cancels});
            } else if (m_node == LifecycleState::Restarting) {
                r.manuallyStopped = true;
                if (killCancelsRestart(r, e.signal)) {
                    r.restartCancelled = true;
                    out.effects.push_back({EffectKind::CancelRestart});
                    m_node = LifecycleState::Exited;
                }
            } else
                refuse(Refusal::KillNotRunning);
            break;
        case Command::Pause:
            if (m_node == LifecycleState::Running)
                out.effects.push_back({EffectKind::Freeze});
            else if (paused)
                refuse(Refusal::AlreadyPaused);
            else if (m_node == LifecycleState::Restarting)
                refuse(Refusal::RestartingWait);
            else
                refuse(Refusal::NotRunning);
            break;
        case Command::Unpause:
            if (paused)
                out.effects.push_back({EffectKind::Thaw});
            else
                refuse(Refusal::NotPaused);
            break;
        case Command::Restart:
            if (alive)
                stopProcess(Intent::Restart);
            else if (m_node == LifecycleState::Restarting) {
                out.effects.push_back({EffectKind::CancelRestart});
                out.actions.push_back(DockerAction::Stop);
                startAfresh(Intent::Restart);
                m_node = LifecycleState::Exited;
            } else if (gone)
                refuse(Refusal::RestartMarkedForRemoval);
            else
                startAfresh(Intent::Restart);
            break;
        case Command::Remove:
        case Command::RemoveForce:
            return remove(e.command == Command::RemoveForce, out, r, kill);
        case Command::Wait:
            out.waitBlocks = alive || m_node == LifecycleState::Restarting;
            break;
        case Command::Rename:
            out.actions.push_back(DockerAction::Rename);
            break;
        case Command::Exec:
        case Command::Top:
            if (paused && e.command == Command::Exec)
                refuse(Refusal::ExecPaused);
            else if (m_node == LifecycleState::Restarting)
                refuse(Refusal::RestartingWait);
            else if (!alive)
                refuse(Refusal::NotRunning);
            break;
        }
        out.to = m_node;
        return out;
    }

    Reaction handle(const OutcomeEvent& e, LifecycleRecord& r) {
        Reaction out;
        out.from = m_node;
        switch (e.outcome) {
        case Outcome::ProcessStarted:
            out.actions.push_back(DockerAction::Start);
            if (r.intent == Intent::Restart && m_node != LifecycleState::Restarting)
                out.actions.push_back(DockerAction::Restart);
            r.hasBeenStarted = true;
            r.startedAt = e.at;
            r.exitCode = 0;
            r.error.clear();
            r.intent = Intent::None;
            m_node = LifecycleState::Running;
            break;
        case Outcome::Signalled:
            out.actions.push_back(DockerAction::Kill);
            break;
        case Outcome::Frozen:
            out.actions.push_back(DockerAction::Pause);
            m_node = LifecycleState::Paused;
            break;
        case Outcome::Thawed:
            out.actions.push_back(DockerAction::Unpause);
            m_node = LifecycleState::Running;
            break;
        case Outcome::ProcessExited:
            exited(e, out, r);
            break;
        default:
            return noTransition(out); // the mix below sends no other outcome
        }
        out.to = m_node;
        return out;
    }

private:
    Reaction noTransition(Reaction& out) {
        out.verdict = Verdict::Refused;
        out.refusal = Refusal::NoTransition;
        out.to = m_node;
        return out;
    }

    template <class Kill>
    Reaction remove(bool force, Reaction& out, LifecycleRecord& r, Kill& kill) {
        const bool alive = m_node == LifecycleState::Running || m_node == LifecycleState::Paused;
        if (m_node == LifecycleState::Removing || (alive && r.intent == Intent::RemoveForce)) {
            out.verdict = Verdict::Refused;
            out.refusal = Refusal::RemovalInProgress;
        } else if (alive && force)
            kill(Intent::RemoveForce);
        else if (alive) {
            out.verdict = Verdict::Refused;
            out.refusal =
                m_node == LifecycleState::Paused ? Refusal::RemovePaused : Refusal::RemoveRunning;
        } else if (m_node == LifecycleState::Restarting && !force) {
            out.verdict = Verdict::Refused;
            out.refusal = Refusal::RemoveRestarting;
        } else {
            if (m_node == LifecycleState::Restarting) {
                r.manuallyStopped = r.restartCancelled = true;
                out.effects.push_back({EffectKind::CancelRestart});
            }
            out.effects.push_back({EffectKind::RemoveFilesystem});
            m_node = LifecycleState::Removing;
        }
        out.to = m_node;
        return out;
    }

    void exited(const OutcomeEvent& e, Reaction& out, LifecycleRecord& r) {
        const ExitPlan plan = exitPlan(r, e);
        r.backoff = decideRestart(r, e.exitCode, e.at - r.startedAt, r.manuallyStopped).backoff;
        r.exitCode = e.exitCode;
        r.finishedAt = e.at;
        r.intent = Intent::None;
        out.actions.push_back(DockerAction::Die);
        switch (plan) {
        case ExitPlan::Remove:
            out.effects.push_back({EffectKind::RemoveFilesystem});
            m_node = LifecycleState::Removing;
            return;
        case ExitPlan::RestartNow:
            out.actions.push_back(DockerAction::Stop);
            r.restartCount = 0;
            r.backoff = Duration{0};
            r.manuallyStopped = r.restartCancelled = false;
            r.intent = Intent::Restart;
            out.effects.push_back({EffectKind::StartProcess});
            m_node = LifecycleState::Exited;
            return;
        case ExitPlan::Stopped:
        case ExitPlan::StoppedThenRemove:
            out.actions.push_back(DockerAction::Stop);
            if (plan == ExitPlan::StoppedThenRemove)
                out.effects.push_back({EffectKind::RemoveFilesystem});
            m_node = plan == ExitPlan::Stopped ? LifecycleState::Exited : LifecycleState::Removing;
            return;
        case ExitPlan::BackOff:
            ++r.restartCount;
            out.effects.push_back({EffectKind::ScheduleRestart, 0, false, r.backoff});
            m_node = LifecycleState::Restarting;
            return;
        case ExitPlan::Exit:
            m_node = LifecycleState::Exited;
            return;
        }
    }

    LifecycleState m_node = LifecycleState::Start;
};

// ---- the event mix ---------------------------------------------------------------------------

using Event = std::variant<CommandEvent, OutcomeEvent>;

CommandEvent cmd(Command c, int signal = 9) {
    CommandEvent e;
    e.command = c;
    e.signal = signal;
    return e;
}
OutcomeEvent out(Outcome o, int exitCode = 0, int signal = 0) {
    OutcomeEvent e;
    e.outcome = o;
    e.exitCode = exitCode;
    e.signal = signal;
    return e;
}

// One session, from created (or exited) back to exited.
const std::vector<Event>& session() {
    static const std::vector<Event> events{
        cmd(Command::Start),
        out(Outcome::ProcessStarted),
        cmd(Command::Pause),
        out(Outcome::Frozen),
        cmd(Command::Start), // refused: paused
        cmd(Command::Unpause),
        out(Outcome::Thawed),
        cmd(Command::Wait),
        cmd(Command::Rename),
        cmd(Command::Kill, 1),
        out(Outcome::Signalled, 0, 1), // handled HUP
        cmd(Command::Start),           // 304
        cmd(Command::Stop),
        out(Outcome::Signalled, 0, 15),
        out(Outcome::ProcessExited, 143),
        cmd(Command::Pause), // refused: not running
        cmd(Command::Restart),
        out(Outcome::ProcessStarted),
        cmd(Command::Remove), // refused: running
        cmd(Command::Kill),
        out(Outcome::Signalled, 0, 9),
        out(Outcome::ProcessExited, 137),
        cmd(Command::Stop), // 304
    };
    return events;
}

template <class Machine> Reaction feed(Machine& m, const Event& event, LifecycleRecord& r) {
    return std::visit([&](const auto& e) { return m.handle(e, r); }, event);
}

template <class Machine> void created(Machine& m, LifecycleRecord& r) {
    m.handle(cmd(Command::Create), r);
}

bool sameAnswers() {
    LifecycleMachine msm;
    SwitchLifecycle hand;
    LifecycleRecord a, b;
    created(msm, a);
    created(hand, b);
    for (int round = 0; round < 2; ++round) {
        for (const Event& event : session()) {
            const Reaction x = feed(msm, event, a);
            const Reaction y = feed(hand, event, b);
            if (x.verdict != y.verdict || x.refusal != y.refusal || x.to != y.to ||
                x.actions != y.actions || x.effects.size() != y.effects.size() ||
                x.waitBlocks != y.waitBlocks)
                return false;
        }
    }
    return true;
}

template <class Machine> void runSessions(benchmark::State& state) {
    if (!sameAnswers()) {
        state.SkipWithError("the switch machine and the MSM table disagree");
        return;
    }
    Machine machine;
    LifecycleRecord record;
    created(machine, record);
    const auto& events = session();
    for (auto _ : state) {
        for (const Event& event : events) {
            Reaction reaction = feed(machine, event, record);
            benchmark::DoNotOptimize(reaction);
        }
    }
    state.SetItemsProcessed(state.iterations() * std::int64_t(events.size()));
}

void BM_MsmTable(benchmark::State& state) {
    runSessions<LifecycleMachine>(state);
}
void BM_HandWrittenSwitch(benchmark::State& state) {
    runSessions<SwitchLifecycle>(state);
}

} // namespace

BENCHMARK(BM_MsmTable);
BENCHMARK(BM_HandWrittenSwitch);
BENCHMARK_MAIN();
